// site_pages.mjs: every page the shop and the studio answer to a GET, by who looks at it, read
// against the two routing tables (a new route is missing here until it is listed), with the
// sign-in and the demo rows the pages with an id need. Used by the phone-width and axe tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Client, DEMO_PASSWORD } from '../../http/lib/http.mjs';
import { saveCreatorAd, sql } from '../../http/lib/ads.mjs';

// What a GET route answers that is not a page to lay out: files, JSON, redirects, operator probes.
export const NOT_PAGES = {
	'/_ping': 'a probe', '/_health': 'a probe', '/_metrics': 'a probe',
	'/studio/_health': 'a probe', '/studio/_metrics': 'a probe',
	'/b/{brand}/feed.tsv': 'a TSV file', '/live/{id}/events': 'JSON',
	'/v/{id}/p/{product}': 'a counted redirect', '/ad/{slug}/p/{product}': 'a counted redirect',
	'/go/{token}': 'a signed redirect', '/s/{code}': 'a redirect',
	'/studio/creator/dashboard.csv': 'CSV', '/studio/brand/dashboard.csv': 'CSV', '/studio/orders.csv': 'CSV',
	'/studio/leads.csv': 'CSV', '/studio/creator/payouts.csv': 'CSV', '/studio/account/export.json': 'JSON',
	'/studio/account/two-step/qr.svg': 'an image',
	'/studio/follow/{id}': 'a redirect after following', '/studio/save/{id}': 'a redirect after saving',
	'/login/verify/{token}': 'a redirect', '/login/link/{token}': 'a redirect',
	'/leads/ics/{id}/{token}': 'a calendar file', '/studio/leads/{id}/appointment.ics': 'a calendar file',
	'/b/{brand}/tiktok.csv': 'CSV', '/b/{brand}/meta.csv': 'CSV', '/search/suggest.json': 'JSON',
	'/robots.txt': 'text', '/sitemap.xml': 'XML', '/sitemaps/{kind}/{id}': 'XML', '/studio/live/{id}/chat.csv': 'CSV',
};

// The pages, by who looks at them. A path is a string, or a list page and the pattern of the
// first link on it to follow (the demo's ids are not fixed for everything).
export const PAGES = {
	visitor: {
		'/': '/', '/p/{brand}/{product}': '/p/northwind/walnut-monitor-stand?via=lena',
		'/@{handle}': '/@lena', '/f/{slug}': '/f/northwind-wholesale',
		'/@{handle}/f/{slug}': '/@lena/f/northwind-wholesale', '/@{handle}/{collection}': '/@lena/desk-setup',
		'/cart': '/cart', '/checkout': '/checkout', '/orders/lookup': '/orders/lookup',
		'/v/{id}': '/v/1', '/videos': '/videos', '/live/{id}': '/live/2', '/ad/{slug}': '/ad/northwind-desk-with-lena',
		'/report/{kind}/{id}': '/report/storefront/1',
		'/live/reminders/confirm/{token}': '/live/reminders/confirm/not-a-token',
		'/live/reminders/stop/{token}': '/live/reminders/stop/not-a-token',
		'/unsubscribe/{token}': '/unsubscribe/not-a-token',
		'/checkout/return/{ref}': '/checkout/return/D3M00000000000000000000001',
		'/login': '/login', '/signup': '/signup', '/signup/sent': '/signup/sent',
		'/login/link': '/login/link', '/login/forgot': '/login/forgot', '/login/reset/{token}': '/login/reset/not-a-token',
		'/leads/erase/{id}/{token}': '/leads/erase/1/not-a-token',
		'/studio/team/join/{token}': '/studio/team/join/not-a-token',
		'/b/{brand}': '/b/northwind', '/c/{category}': ['/p/northwind/walnut-monitor-stand', /^\/c\/[a-z0-9-]+$/],
		'/search': '/search?q=walnut',
	},
	shopper: {
		'/studio': '/studio', '/studio/account': '/studio/account', '/studio/account/two-step': '/studio/account/two-step',
		'/studio/account/delete': '/studio/account/delete', '/studio/account/notifications': '/studio/account/notifications',
	},
	brand: {
		'/studio/products': '/studio/products', '/studio/products/new': '/studio/products/new',
		'/studio/products/{id}': ['/studio/products', /^\/studio\/products\/\d+$/],
		'/studio/marketplace': '/studio/marketplace', '/studio/api-keys': '/studio/api-keys',
		'/studio/brand/creator-program': '/studio/brand/creator-program', '/studio/brand/shipping': '/studio/brand/shipping',
		'/studio/brand/pick-requests': '/studio/brand/pick-requests', '/studio/brand/dashboard': '/studio/brand/dashboard',
		'/studio/orders': '/studio/orders', '/studio/orders/{number}': ['/studio/orders', /^\/studio\/orders\/[A-Z0-9-]+$/],
		'/studio/import': '/studio/import', '/studio/forms': '/studio/forms',
		'/studio/forms/{id}': ['/studio/forms', /^\/studio\/forms\/\d+$/],
		'/studio/leads': '/studio/leads', '/studio/leads/webhook': '/studio/leads/webhook',
		'/studio/leads/{id}': ['/studio/leads', /^\/studio\/leads\/\d+$/],
		'/studio/domains': '/studio/domains', '/studio/ads': '/studio/ads', '/studio/ads/new': '/studio/ads/new',
		'/studio/ads/{id}': ['/studio/ads', /^\/studio\/ads\/\d+$/],
		'/studio/showcases': '/studio/showcases', '/studio/showcases/new': '/studio/showcases/new',
		'/studio/showcases/{id}': ['/studio/showcases', /^\/studio\/showcases\/\d+$/],
		'/studio/brand/payouts': '/studio/brand/payouts',
		'/studio/brand/payouts/{id}': ['/studio/brand/payouts', /^\/studio\/brand\/payouts\/\d+$/],
		'/studio/brand/samples': '/studio/brand/samples', '/studio/brand/codes': '/studio/brand/codes',
		'/studio/brand/codes/{id}': ['/studio/brand/codes', /^\/studio\/brand\/codes\/\d+$/],
		'/studio/videos': '/studio/videos', '/studio/brand/about': '/studio/brand/about',
		'/studio/connectors': '/studio/connectors', '/studio/team': '/studio/team',
	},
	creator: {
		'/studio/creator/profile': '/studio/creator/profile', '/studio/creator/marketplace': '/studio/creator/marketplace',
		'/studio/creator/picks': '/studio/creator/picks', '/studio/creator/collections': '/studio/creator/collections',
		'/studio/creator/collections/{id}': ['/studio/creator/collections', /^\/studio\/creator\/collections\/\d+$/],
		'/studio/creator/links': '/studio/creator/links', '/studio/creator/dashboard': '/studio/creator/dashboard',
		'/studio/live': '/studio/live', '/studio/live/{id}': ['/studio/live', /^\/studio\/live\/\d+$/],
		'/studio/creator/ads': '/studio/creator/ads', '/studio/creator/ads/new': '/studio/creator/ads/new',
		'/studio/creator/ads/{id}': ['/studio/creator/ads', /^\/studio\/creator\/ads\/\d+$/],
		'/studio/creator/payouts': '/studio/creator/payouts', '/studio/creator/samples': '/studio/creator/samples',
		'/studio/creator/samples/new': '/studio/creator/samples/new?product=1',
		'/studio/creator/codes': '/studio/creator/codes',
		'/studio/videos/{id}/edit': ['/studio/videos', /^\/studio\/videos\/\d+\/edit$/],
		'/studio/videos/{id}/poster': ['/studio/videos', /^\/studio\/videos\/\d+\/poster$/],
	},
	admin: {
		'/admin': '/admin', '/admin/users': '/admin/users', '/admin/users/{id}': ['/admin/users', /^\/admin\/users\/\d+$/],
		'/admin/audit': '/admin/audit', '/admin/system': '/admin/system', '/admin/moderation': '/admin/moderation',
		'/admin/brands': '/admin/brands',
	},
	// reached by placing an order in the test itself (the confirmation shows only to its session)
	buyer: { '/checkout/done/{ref}': null },
};
export const ACCOUNTS = {
	shopper: 'shopper@demo.crowdcart.test', brand: 'brand-owner@northwind.demo.crowdcart.test',
	creator: 'lena@demo.crowdcart.test', admin: 'admin@demo.crowdcart.test',
};

export function getRoutes(file) {
	const src = fs.readFileSync(new URL(`../../../src/${file}`, import.meta.url), 'utf8');
	return [...src.matchAll(/HTTP_GET, "([^"]+)"/g)].map((m) => m[1]);
}


export async function signIn(page, email) {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'Log in' }).click()]);
}

// The demo has no lead, payout batch or creator's own ad: one of each, so their pages have an id.
export async function seedRows() {
	sql(`INSERT INTO payout_batches (brand_id, currency, period, status, created_at) VALUES (1, 'USD', 'phone', 'draft', UTC_TIMESTAMP())`);
	sql(`INSERT INTO leads (form_id, brand_id, email, consent_text, consented_at, ip_hash, created_at, updated_at)
		VALUES (1, 1, 'phone-lead@example.com', 'I agree', UTC_TIMESTAMP(), UNHEX(SHA2('phone', 256)), UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
	const lena = new Client();
	await lena.login(ACCOUNTS.creator, DEMO_PASSWORD);
	const { id } = await saveCreatorAd(lena, { products: 'northwind/walnut-monitor-stand', state: 'draft' });
	assert.ok(id, 'the creator ad is saved');
}

// Opens each page of `pages` in turn (following a list page's first matching link where the
// entry is [list, pattern]) and calls visit(path) on it.
export async function visitAll(page, pages, visit) {
	for (const [pattern, where] of Object.entries(pages)) {
		let path = where;
		if (Array.isArray(where)) {
			await page.goto(where[0]);
			const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			path = hrefs.find((h) => where[1].test(h));
			assert.ok(path, `${where[0]} links to a page of ${pattern}`);
		}
		await page.goto(path);
		await visit(path);
	}
}
