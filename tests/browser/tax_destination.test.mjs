// tax_destination.test.mjs: on a 390 px phone, a shopper picks Germany from the country list,
// sees the VAT that Atelier Lumen's prices include at the German rate, and finds the address
// printed the German way (postal code before the town) on the review and the confirmation; a
// brand adds a state's tax rate in the studio's table editor without JavaScript.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { makeProduct, sql } from '../http/lib/commerce.mjs';
import { newBrand } from '../http/lib/fulfilment.mjs';

const browser = useChromium();
const phone = { viewport: { width: 390, height: 844 } };

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	const who = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 390).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 15).join('; '));
	assert.ok(wide <= 390, `${where} is ${wide} px wide: ${who}`);
}

test('a shopper on a phone picks Germany and sees German VAT and a German address', async (t) => {
	const p = makeProduct({ price: 2500, brand: 'atelier-lumen' });
	sql(`UPDATE products SET title = 'Speckled stoneware mug' WHERE id = ${p.productId}`);	// words wrap, a handle does not
	const { page, clean } = await openPage(browser(), t, { context: phone, warnings: false });
	await page.goto(`/p/${p.brand}/${p.handle}`);
	await page.locator(`input[name=variant][value="${p.variantId}"]`).check();
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	await page.getByRole('link', { name: 'Check out' }).click();
	await page.getByLabel('Email').fill(`phone-${Date.now()}@example.com`);
	await page.getByLabel('Full name').fill('Erika Mustermann');
	await page.getByLabel('Street address').fill('Heidestraße 17');
	await page.getByLabel('Town or city').fill('Köln');
	await page.getByLabel('Postal code').fill('51147');
	const country = page.getByLabel('Country', { exact: true });
	assert.equal(await country.evaluate((el) => el.tagName), 'SELECT');
	await country.selectOption({ label: 'Germany' });
	await page.getByLabel(/Test payment/).check();
	await fits(page, 'the checkout form');
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();
	// 25.00 holds 3.99 at 19 %; EU shipping 9.00 holds 1.44.
	const review = await page.locator('main').innerText();
	assert.match(review, /Includes €5\.43 VAT \(DE 19 %\)/);
	assert.match(review, /€34\.00/);
	assert.match(await page.locator('.review-address .address').innerText(), /^Erika Mustermann\nHeidestraße 17\n51147 Köln\nGermany$/);
	await fits(page, 'the review');
	await page.screenshot({ path: path.join(SHOTS, 'checkout-phone-review-de.png'), fullPage: true });
	await Promise.all([page.waitForURL('**/checkout/done/*'), page.getByRole('button', { name: 'Place order' }).click()]);
	await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
	assert.match(await page.locator('.order-detail .address').innerText(), /Erika Mustermann\nHeidestraße 17\n51147 Köln\nGermany$/);
	assert.match(await page.locator('.order-detail').innerText(), /Includes €5\.43 VAT \(DE 19 %\)/);
	await fits(page, 'the confirmation');
	await clean('checkout to Germany');
});

test('a brand on a phone adds a state tax rate without JavaScript', async (t) => {
	const brand = await newBrand();
	const { page, clean } = await openPage(browser(), t, { context: { ...phone, javaScriptEnabled: false }, warnings: false, csp: false });
	await page.goto('/login?next=/studio/brand/shipping');
	await page.locator('#email').fill(brand.account.email);
	await page.locator('#password').fill(brand.account.password);
	await Promise.all([page.waitForURL('**/studio/brand/shipping'), page.locator('button', { hasText: 'Log in' }).click()]);
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'United States' });
	await page.getByLabel('Region code (optional)').fill('ca');
	await page.getByLabel('Rate (%)', { exact: true }).fill('7.25');
	await Promise.all([page.waitForURL('**/studio/brand/shipping?saved=1'), page.getByRole('button', { name: 'Add or change the rate' }).first().click()]);
	assert.match(await page.locator('table.tax-rates').innerText(), /United States \(US\)\s+CA\s+7\.25 %/);
	await fits(page, 'the studio shipping and tax page');
	await page.screenshot({ path: path.join(SHOTS, 'studio-tax-phone.png'), fullPage: true });
	await clean('studio tax table');
});
