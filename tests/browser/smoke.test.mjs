// smoke.test.mjs: a real Chromium clicks through the shop and the account forms; no console errors, no CSP
// violations, no failed loads and no dialogs anywhere. Screenshots land in tests/browser/screenshots/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { BASE_URL, SHOTS, openPage as openPageOf, useChromium } from './lib/chromium.mjs';

const NOOR_BIO = `<script>alert("xss")</script> & "quotes" 'single' <img src=x onerror=alert(1)>`;

const browser = useChromium();

// A fresh context and page that record everything that would mean a broken page; only our own
// documents may answer >= 400, and only when a test navigates to one on purpose. `expected` lists
// console messages a test causes on purpose (e.g. the 404 of the page it opened).
const openPage = (t, { expected = [] } = {}) => openPageOf(browser(), t, { context: { viewport: { width: 1280, height: 800 } },
	expectConsole: expected, dialogs: true, expectResponse: (r) => r.request().resourceType() === 'document' });

async function shot(page, name) {
	await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

function pathOf(page) {
	const u = new URL(page.url());
	return u.pathname + u.search;
}

test('a visitor clicks from home to a creator storefront to a product page', async (t) => {
	const { page, clean } = await openPage(t);

	await page.goto('/');
	assert.equal(await page.locator('h1').innerText(), 'Shop what your creators love');
	assert.ok(await page.locator('a.creator-chip').count() >= 4, 'featured creators are listed');
	assert.equal(await page.locator('#trending-h + .grid article.card').count(), 12, 'trending products are listed');
	await shot(page, 'home');
	await clean('home');

	await Promise.all([page.waitForURL('**/@lena'), page.locator('a.creator-chip', { hasText: 'Lena Park' }).click()]);
	assert.equal(pathOf(page), '/@lena');
	assert.equal(await page.locator('h1').innerText(), 'Lena Park');
	await assert.doesNotReject(page.locator('.disclosure', { hasText: 'earns a commission' }).waitFor());
	await shot(page, 'storefront-lena');
	await clean('/@lena');

	const card = page.locator('#picks-h ~ .grid a.card-link').first();
	const title = (await card.locator('.card-title').innerText()).trim();
	const href = await card.getAttribute('href');
	assert.match(href, /^\/p\/[a-z0-9-]+\/[a-z0-9-]+\?via=lena$/);
	await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/p/')), card.click()]);
	assert.equal(pathOf(page), href);
	assert.equal(await page.locator('h1').innerText(), title);
	assert.equal(await page.locator('text=Picked by').innerText(), 'Picked by Lena Park');
	assert.ok(await page.locator('fieldset.variant-picker input[name=variant]').count() >= 1, 'the variant picker has choices');
	await shot(page, 'product');
	await clean(href);
});

test("noor's storefront shows the XSS bio as plain text and opens no dialog", async (t) => {
	const { page, clean } = await openPage(t);
	await page.goto('/@noor');
	assert.equal(await page.locator('h1').innerText(), 'Noor Haddad');
	assert.equal(await page.locator('p.bio').textContent(), NOOR_BIO);
	assert.equal(await page.locator('p.bio *').count(), 0, 'the bio holds no elements');
	// the site's own scripts (search suggestions, the share button) are files under /static/js/;
	// JSON-LD data blocks describe the page to search engines and a browser never runs them
	assert.equal(await page.locator('script:not([src^="/static/js/"]):not([type="application/ld+json"])').count(), 0,
		'no script element but our own files and JSON-LD');
	await page.waitForTimeout(300);	// time for an injected handler (onerror) to fire, if one existed
	await shot(page, 'storefront-noor');
	await clean('/@noor');
});

test('a visitor signs up with the real form, is asked to check the mail, logs in, and logs out', async (t) => {
	const { page, clean } = await openPage(t);
	const u = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
	const name = `Browser Shopper ${u}`;

	await page.goto('/');
	await Promise.all([page.waitForURL('**/signup'), page.locator('nav >> text=Sign up').click()]);
	await page.locator('input[name=role][value=shopper]').check();
	await page.locator('#email').fill(`browser-${u}@test.crowdcart.test`);
	await page.locator('#password').fill(`pw-${u}-long-enough`);
	await page.locator('#display_name').fill(name);
	await shot(page, 'signup');
	await Promise.all([page.waitForURL('**/signup/sent'), page.locator('button', { hasText: 'Create account' }).click()]);
	assert.match(await page.locator('main').innerText(), /We have sent a mail to the address you gave/);
	await shot(page, 'signup-sent');
	await Promise.all([page.waitForURL('**/login'), page.locator('main a', { hasText: 'log in' }).click()]);
	await page.locator('#email').fill(`browser-${u}@test.crowdcart.test`);
	await page.locator('#password').fill(`pw-${u}-long-enough`);
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
	assert.equal(pathOf(page), '/studio');
	assert.match(await page.locator('main').innerText(), new RegExp(`Signed in as ${name} \\(browser-${u}@`));
	await shot(page, 'studio');
	await clean('/studio after sign-up');

	await Promise.all([page.waitForURL(BASE_URL + '/'), page.locator('button', { hasText: `Log out ${name}` }).click()]);
	assert.equal(pathOf(page), '/');
	assert.equal(await page.locator('nav >> text=Log in').count(), 1, 'the navigation offers log-in again');
	const cookies = await page.context().cookies();
	assert.equal(cookies.filter((c) => c.name === 'cc_session').length, 0, 'the session cookie is gone');

	await page.goto('/studio');
	assert.equal(pathOf(page), '/login?next=/studio');
	await clean('after log-out');
});

test('a visitor logs in with the real form and lands in the studio', async (t) => {
	const { page, clean } = await openPage(t);
	await page.goto('/studio');
	assert.equal(pathOf(page), '/login?next=/studio');
	await page.locator('#email').fill('lena@demo.crowdcart.test');
	await page.locator('#password').fill('crowdcart-demo');
	await shot(page, 'login');
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
	assert.match(await page.locator('main').innerText(), /Signed in as Lena Park \(lena@demo\.crowdcart\.test\), account type: creator\./);
	const session = (await page.context().cookies()).find((c) => c.name === 'cc_session');
	assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
	assert.equal(session.sameSite, 'Lax');
	await clean('log-in');
});

test('the log-out button in the navigation is styled like the navigation links', async (t) => {
	const { page, clean } = await openPage(t);
	await page.goto('/login');
	await page.locator('#email').fill('shopper@demo.crowdcart.test');
	await page.locator('#password').fill('crowdcart-demo');
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
	const look = (el) => {
		const s = getComputedStyle(el);
		return { fontFamily: s.fontFamily, fontSize: s.fontSize, fontWeight: s.fontWeight, borderStyle: s.borderTopStyle };
	};
	const link = await page.locator('nav.site-nav a', { hasText: 'Studio' }).evaluate(look);
	const button = await page.locator('nav.site-nav button', { hasText: 'Log out' }).evaluate(look);
	await page.locator('header.site-header').screenshot({ path: path.join(SHOTS, 'nav-signed-in.png') });
	assert.deepEqual(button, { ...link, borderStyle: 'none' });
	await clean('studio navigation');
});

test('a 404 page renders with the site layout and stylesheet', async (t) => {
	// Chromium logs the document's own 404; a failed subresource would still show as a response >= 400.
	const { page, clean } = await openPage(t, { expected: [/^Failed to load resource: the server responded with a status of 404/] });
	const res = await page.goto('/@nobody_here');
	assert.equal(res.status(), 404);
	assert.equal(await page.locator('h1').innerText(), '404 Not Found');
	const display = await page.locator('header.site-header').evaluate((e) => getComputedStyle(e).display);
	assert.equal(display, 'flex', 'the stylesheet applied (it lays the header out as flex)');
	await shot(page, 'not-found');
	await clean('404');
});
