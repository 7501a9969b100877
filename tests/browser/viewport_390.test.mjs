// viewport_390.test.mjs: every page a GET route of the shop and the studio answers fits a 390 px
// phone: document.scrollingElement.scrollWidth <= 390, for the visitor, a shopper with a cart and
// an order, a brand, a creator and the admin. The routes are read from the two routing tables, so
// a new page fails here until lib/site_pages.mjs lists it (or names it as not a page, with the reason).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { ACCOUNTS, NOT_PAGES, PAGES, getRoutes, seedRows, signIn, visitAll } from './lib/site_pages.mjs';
import { makeProduct } from '../http/lib/commerce.mjs';

const browser = useChromium();
const PHONE = { viewport: { width: 390, height: 844 } };

async function width(page) {
	return page.evaluate(() => document.scrollingElement.scrollWidth);
}

// Visits every page of one reader; returns "path: N px" for each that is wider than the phone.
async function measure(page, pages) {
	const wide = [];
	await visitAll(page, pages, async (path) => {
		const w = await width(page);
		if (w > 390)
			wide.push(`${path}: ${w} px`);
	});
	return wide;
}

test('the routing tables list no GET page this test does not visit', () => {
	const listed = new Set([...Object.keys(NOT_PAGES), ...Object.values(PAGES).flatMap((p) => Object.keys(p))]);
	const missing = [...getRoutes('shop/main.c'), ...getRoutes('studio/main.c')].filter((r) => !listed.has(r));
	assert.deepEqual(missing, []);
});

for (const who of ['visitor', 'shopper', 'brand', 'creator', 'admin'])
	test(`every page the ${who} opens fits 390 px`, async (t) => {
		const { page } = await openPage(browser(), t, { context: PHONE, warnings: false, failedLoads: false, errorResponses: false, csp: false });
		if (who === 'brand')
			await seedRows();
		if (ACCOUNTS[who])
			await signIn(page, ACCOUNTS[who]);
		assert.deepEqual(await measure(page, PAGES[who]), []);
	});

test('a shopper with a cart, at checkout and on the confirmation fits 390 px', async (t) => {
	const { page } = await openPage(browser(), t, { context: PHONE, warnings: false, failedLoads: false, errorResponses: false, csp: false });
	const wide = [];
	const check = async (where) => {
		const w = await width(page);
		if (w > 390)
			wide.push(`${where}: ${w} px`);
	};
	// products of the test's own, so the order it places takes no demo stock other tests count on
	for (const p of [makeProduct({ brand: 'northwind' }), makeProduct({ brand: 'fernhill' })]) {
		await page.goto(`/p/${p.brand}/${p.handle}`);
		await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	}
	await check('/cart with items');
	await page.getByRole('link', { name: 'Check out' }).click();
	await check('/checkout with items');
	await page.getByLabel('Email').fill(`phone-${Date.now()}@example.com`);
	await page.getByLabel('Full name').fill('Grace Phone');
	await page.getByLabel('Street address').fill('12 Narrow Road');
	await page.getByLabel('Town or city').fill('Lisbon');
	await page.getByLabel('Postal code').fill('1100-001');
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Portugal' });
	await page.getByLabel(/Test payment/).check();
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();
	await check('the checkout review');
	await Promise.all([page.waitForURL('**/checkout/done/*'), page.getByRole('button', { name: 'Place order' }).click()]);
	await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
	await check('/checkout/done/{ref}');
	await page.goto('/no/such/page');
	await check('the 404 page');
	assert.deepEqual(wide, []);
});
