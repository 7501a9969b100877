// anon_no_write.test.mjs: a visitor without a cookie reads every kind of public page and the
// database gains no row (1,000 views in all), no page sets the session cookie, and each page's
// forms still work for that visitor: the first form sent starts the session. An anonymous form
// token forged, expired or made for another path is refused with a clear 403.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Client, confValue, csrfOf } from './lib/http.mjs';
import { holdExclusive } from './lib/dblock.mjs';
import { eventually } from './lib/eventually.mjs';
import { formFields, makeProduct, sql } from './lib/commerce.mjs';
import { brandWithForm, answers } from './lib/leads.mjs';
import { goLive, liveSession } from './lib/live.mjs';

const VIEWS = 1000;
const SESSION_COOKIE = /^(__Host-)?cc_session=/;

// Every table's exact row count (information_schema's figures are estimates).
function rowCounts() {
	const tables = sql(`SELECT table_name FROM information_schema.tables
		WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name`).map(([t]) => t);
	const rows = sql(tables.map((t) => `SELECT '${t}', COUNT(*) FROM \`${t}\``).join(' UNION ALL '));
	return Object.fromEntries(rows.map(([t, n]) => [t, Number(n)]));
}

function changed(before, now) {
	return Object.keys(now).filter((t) => now[t] !== before[t]).map((t) => `${t}: ${before[t]} -> ${now[t]}`);
}

// The first link on a page matching re, as a path.
function firstLink(html, re) {
	const m = [...html.matchAll(/href="([^"]+)"/g)].map((x) => x[1].replace(/&amp;/g, '&')).find((h) => re.test(h));
	return m;
}

// The public pages a shared link can land on, one of each kind, found as a visitor would.
async function publicPages() {
	const c = new Client();
	const home = (await c.get('/')).body;
	const lena = (await c.get('/@lena')).body;
	const product = makeProduct();
	const [[feedBrand]] = sql(`SELECT slug FROM brands ORDER BY id LIMIT 1`);
	const [[code]] = sql(`SELECT code FROM short_links ORDER BY id LIMIT 1`);
	const [[leadSlug]] = sql(`SELECT slug FROM lead_forms WHERE status = 'live' AND taken_down_at IS NULL ORDER BY id LIMIT 1`);
	const pages = {
		home: '/',
		storefront: '/@lena',
		'storefront via a creator link': '/@lena?utm_source=test',
		collection: firstLink(lena, /^\/@lena\/[a-z0-9-]+$/),
		product: `/p/${product.brand}/${product.handle}`,
		video: firstLink(home, /^\/v\/\d+$/) ?? firstLink(lena, /^\/v\/\d+$/),
		ad: firstLink(home, /^\/ad\/[^/]+$/),
		live: firstLink(home, /^\/live\/\d+$/) ?? firstLink(lena, /^\/live\/\d+$/),
		'lead form': `/f/${leadSlug}`,
		'short link': `/s/${code}`,
		feed: `/b/${feedBrand}/feed.tsv`,
		'order lookup form': '/orders/lookup',
	};
	for (const [kind, path] of Object.entries(pages))
		assert.ok(path, `the demo data has a ${kind} page to read`);
	return pages;
}

// n cookieless GETs spread over the pages; each answer checked, none sets the session cookie.
async function readAll(pages, n) {
	const paths = Object.values(pages);
	for (let i = 0; i < n; i += 25) {
		await Promise.all(Array.from({ length: Math.min(25, n - i) }, async (_, k) => {
			const path = paths[(i + k) % paths.length];
			const res = await new Client().get(path);
			assert.ok(res.status === 200 || (path.startsWith('/s/') && res.status >= 301 && res.status <= 308),
				`GET ${path}: ${res.status}`);
			assert.deepEqual(res.setCookies.filter((l) => SESSION_COOKIE.test(l)), [], `GET ${path} sets no session cookie`);
		}));
	}
}

describe('cookieless reads', () => {
	let pages, release;

	before(async () => {
		pages = await publicPages();
		// Other files' writes would be counted as ours.
		release = await holdExclusive();
	});
	after(() => release?.());

	test(`${VIEWS} cookieless views of every kind of public page add no row to any table`, async () => {
		// Visit counts are tallied per worker and written at most once a second (a write per
		// batch, not per view): warm every worker's tally until the counts hold still, so the
		// views below only add to rows that already exist.
		await eventually(async () => {
			const was = rowCounts();
			await readAll(pages, 60);
			await new Promise((r) => setTimeout(r, 1100));
			await readAll(pages, 60);
			const now = rowCounts();
			assert.deepEqual(changed(was, now), []);
		}, { timeout: 30_000, interval: 100, message: 'row counts settle while pages are read' });
		const before = rowCounts();
		await readAll(pages, VIEWS);
		const now = rowCounts();
		assert.deepEqual(changed(before, now), [], 'no table gained or lost a row');
	});

	// The only cookies a cookieless read may get are the same for every such reader of that address
	// (the creator a link credits, the product just viewed): never one naming the visitor.
	test('pages without attribution set no cookie but the product just viewed', async () => {
		for (const kind of ['home', 'product', 'lead form', 'feed', 'order lookup form']) {
			const res = await new Client().get(pages[kind]);
			assert.equal(res.status, 200, kind);
			assert.deepEqual(res.setCookies.filter((l) => !l.startsWith('cc_recent=')), [], `${kind}: no Set-Cookie`);
			const again = await new Client().get(pages[kind]);
			assert.deepEqual(again.setCookies, res.setCookies, `${kind}: the same for every cookieless reader`);
		}
	});
});

describe('the forms of cookieless pages', () => {
	test('add to cart from a product page starts the session then', async () => {
		const p = makeProduct({ price: 1234 });
		const c = new Client();
		const page = await c.get(`/p/${p.brand}/${p.handle}`);
		assert.equal(c.cookie(), undefined, 'reading the page starts no session');
		const form = formFields(page.body, '/cart/add');
		assert.ok(form?.csrf, 'the buy form has a token');
		const sessionsBefore = Number(sql('SELECT COUNT(*) FROM sessions')[0][0]);
		const res = await c.post('/cart/add', { csrf: form.csrf, variant: p.variantId, quantity: 1 });
		assert.equal(res.status, 303, res.body.slice(0, 300));
		assert.ok(res.setCookies.some((l) => SESSION_COOKIE.test(l)), 'the POST sets the session cookie');
		assert.ok(Number(sql('SELECT COUNT(*) FROM sessions')[0][0]) > sessionsBefore, 'a session row now exists');
		const cart = await c.get('/cart');
		assert.ok(cart.body.includes(p.title), 'the cart holds the product');
		// With its session the visitor's pages carry its own token and are private again.
		const again = await c.get(`/p/${p.brand}/${p.handle}`);
		assert.match(again.headers['cache-control'], /no-store|private/);
		assert.equal(again.headers.etag, undefined, 'no ETag on a page with a session');
		assert.equal((await c.post('/cart/add', { csrf: csrfOf(again.body), variant: p.variantId, quantity: 1 })).status, 303);
	});

	test('asking a live question works without a cookie', async () => {
		const { creator, id } = await liveSession();
		assert.equal((await goLive(creator, id)).status, 303);
		const c = new Client();
		const page = await c.get(`/live/${id}`);
		const form = formFields(page.body, `/live/${id}/ask`);
		assert.ok(form?.csrf, 'the ask form has a token');
		const text = `Anonymous question ${Date.now()}`;
		const res = await c.post(`/live/${id}/ask`, { csrf: form.csrf, text, name: 'Anon' });
		assert.equal(res.status, 303, res.body.slice(0, 300));
		assert.ok(c.cookie(), 'the question started a session');
		assert.equal(Number(sql(`SELECT COUNT(*) FROM live_questions WHERE session_id = ${id}`)[0][0]) >= 1, true);
	});

	test('a lead form is submitted without a cookie', async () => {
		const f = await brandWithForm();
		const c = new Client();
		const page = await c.get(`/f/${f.slug}`);
		assert.equal(c.cookie(), undefined);
		const fields = formFields(page.body, `/f/${f.slug}`);
		assert.ok(fields?.csrf && fields.t, 'the form has its token and stamp');
		const email = `anon-${Date.now()}@test.crowdcart.test`;
		const res = await c.post(`/f/${f.slug}`, new URLSearchParams([['csrf', fields.csrf], ['t', fields.t],
			...Object.entries(answers(email))]).toString());
		assert.ok(res.status === 200 || res.status === 303, `${res.status}: ${res.body.slice(0, 300)}`);
		assert.equal(sql(`SELECT COUNT(*) FROM leads WHERE form_id = ${f.id} AND email = '${email}'`)[0][0], '1');
	});

	test('a forged, expired or other-path token is refused 403 with a page that says why', async () => {
		const p = makeProduct();
		const page = await new Client().get(`/p/${p.brand}/${p.handle}`);
		const good = formFields(page.body, '/cart/add').csrf;
		assert.match(good, /^[0-9a-f]{8}\.[A-Za-z0-9_-]{43}$/);
		const secret = Buffer.from(confValue('secret_key'), 'hex');
		const make = (path, hour) => {
			const head = hour.toString(16).padStart(8, '0');
			const mac = createHmac('sha256', secret).update(Buffer.concat([Buffer.from('anon-csrf\0'),
				Buffer.from(`${head}\0`), Buffer.from(path)])).digest('base64url');
			return `${head}.${mac}`;
		};
		const hour = Math.floor(Date.now() / 3600_000);
		assert.equal(make('/cart/add', hour), good, 'the token is the documented function of path and hour');
		const flip = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
		const cases = {
			forged: flip,
			expired: make('/cart/add', hour - 5),
			'from the future': make('/cart/add', hour + 1),
			'made for another path': make('/orders/lookup', hour),
			missing: undefined,
		};
		for (const [why, token] of Object.entries(cases)) {
			const c = new Client();
			const res = await c.post('/cart/add', { ...(token ? { csrf: token } : {}), variant: p.variantId, quantity: 1 });
			assert.equal(res.status, 403, `${why}: ${res.status}`);
			assert.match(res.body, /This form has expired or did not come from this site/, why);
			assert.equal(c.cookie(), undefined, `${why}: no session started`);
		}
		// A browser that says the form came from another site is refused even with a good token.
		const cross = await new Client().post('/cart/add', { csrf: good, variant: p.variantId, quantity: 1 },
			{ headers: { origin: 'https://evil.example' } });
		assert.equal(cross.status, 403);
		const same = await new Client().post('/cart/add', { csrf: good, variant: p.variantId, quantity: 1 },
			{ headers: { 'sec-fetch-site': 'same-origin' } });
		assert.equal(same.status, 303);
	});
});
