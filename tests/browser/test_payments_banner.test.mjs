// test_payments_banner.test.mjs: on a 390 px phone, with the test provider on (the private stack
// lists it), the banner saying so is the first thing on every page, readable, inside the screen,
// and the checkout's review page keeps fitting; a test order's badge shows in the studio.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { newBrand, sql } from '../http/lib/fulfilment.mjs';
import { unique } from '../http/lib/http.mjs';

const browser = useChromium();
const TEXT = 'Test payments are on: orders paid with the test provider are not real.';

// The banner is shown, on screen and wrapped within the viewport; the page has no sideways scroll
// (unless told: the confirmation's item table is wider than a phone with or without the banner).
async function bannerFits(page, where, { pageFits = true } = {}) {
	const banner = page.locator('#test-payments-banner');
	assert.equal((await banner.innerText()).trim(), TEXT, where);
	assert.ok(await banner.isVisible(), `${where}: visible`);
	const box = await banner.boundingBox();
	assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.y < 100, `${where}: at the top, within 390 px (${JSON.stringify(box)})`);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390 || !pageFits, `${where} is ${wide} px wide`);
}

test('the test-payments banner heads every page on a phone, and the test order is badged in the studio', async (t) => {
	// a brand of its own, so that its order list holds only this test's order
	const b = await newBrand({ price: 2500 });
	const [[slug, handle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } } });
	for (const path of ['/', '/@lena', `/p/${slug}/${handle}`, '/login']) {
		await page.goto(path);
		await bannerFits(page, path);
	}

	await page.goto(`/p/${slug}/${handle}`);
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	await page.getByRole('link', { name: 'Check out' }).click();
	await page.getByLabel('Email').fill(`phone-${unique()}@test.crowdcart.test`);
	await page.getByLabel('Full name').fill('Test Phone');
	await page.getByLabel('Street address').fill('1 Test Street');
	await page.getByLabel('Town or city').fill('Portland');
	await page.getByLabel('Postal code').fill('97201');
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'United States' });
	await page.locator('input[name="provider"][value="test"]').check();
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();
	await bannerFits(page, 'the review page');
	await page.screenshot({ path: `${SHOTS}test-payments-banner-phone.png`, fullPage: true });
	await Promise.all([page.waitForURL('**/checkout/done/**'), page.getByRole('button', { name: 'Place order' }).click()]);
	const number = (await page.locator('.order-number').first().textContent()).trim();
	const ref = (await page.locator('.order-ref').first().textContent()).trim();
	await bannerFits(page, 'the confirmation', { pageFits: false });

	await page.goto('/login?next=/studio/orders');
	await page.locator('#email').fill(b.account.email);
	await page.locator('#password').fill(b.account.password);
	await Promise.all([page.waitForURL('**/studio/orders'), page.getByRole('button', { name: 'Log in' }).click()]);
	await bannerFits(page, '/studio/orders');
	const row = page.locator('tr', { hasText: number });
	assert.equal((await row.locator('.test-badge').innerText()).trim(), 'Test');
	await Promise.all([page.waitForURL(`**/studio/orders/${number}`), row.getByRole('link', { name: ref }).click()]);
	assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), `Order ${ref} Test`);
	assert.match(await page.locator('#test-order').innerText(), /no money was received/);
	await bannerFits(page, 'the order page');
	await clean('the pages with the banner');
});
