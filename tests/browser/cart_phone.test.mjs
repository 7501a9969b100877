// cart_phone.test.mjs: on a 390 px phone without JavaScript the cart's lines are cards with a
// picture each, nothing scrolls sideways, and a quantity beyond the stock is said on its own line;
// asking the product page for more than is left comes back to it with what is left beside the
// quantity, not to a bare error page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { makeProduct, sql } from '../http/lib/commerce.mjs';

const browser = useChromium();
const PHONE = { viewport: { width: 390, height: 844 }, javaScriptEnabled: false };

const fits = async (page, where) => {
	const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
	assert.ok(w <= 390, `${where} is ${w} px wide`);
};

test('a phone shows the cart as cards with pictures, and a short line says so on the line', async (t) => {
	const { page, clean } = await openPage(browser(), t, { context: PHONE });
	const few = makeProduct({ stock: 3 }), plenty = makeProduct({ brand: 'fernhill' });
	sql(`INSERT INTO product_images (product_id, position, url, alt) VALUES (${few.productId}, 1, '/static/demo/product-1.svg', 'a stand')`);

	await page.goto(`/p/${few.brand}/${few.handle}`);
	await page.getByLabel('Quantity').fill('5');
	await Promise.all([page.waitForURL(/short=/), page.getByRole('button', { name: 'Add to cart' }).click()]);
	assert.equal(await page.locator('#quantity-error').innerText(), 'Only 3 left of One: choose 3 or fewer.');
	assert.equal(await page.getByLabel('Quantity').getAttribute('aria-describedby'), 'quantity-error');
	await fits(page, 'the product page with the message');

	await page.getByLabel('Quantity').fill('3');
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	await page.goto(`/p/${plenty.brand}/${plenty.handle}`);
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);

	const lines = page.locator('tr.cart-line');
	assert.equal(await lines.count(), 2);
	assert.equal(await lines.first().evaluate((tr) => getComputedStyle(tr).display), 'grid', 'a line is a card');
	assert.equal(await page.locator('tr.cart-line img.line-thumb').count(), 1, 'the product with a picture shows it');
	assert.ok(await page.locator('img.line-thumb').evaluate((img) => img.complete && img.naturalWidth > 0), 'the picture loads');
	await fits(page, 'the cart');

	// the stock drops under what the cart holds: the line says it, beside its own quantity
	sql(`UPDATE variants SET stock = 1 WHERE id = ${few.variantId}`);
	await page.reload();
	const short = page.locator(`#line-${few.variantId}`);
	assert.equal(await short.locator('.field-error').innerText(), 'Only 1 left: lower the quantity to order it.');
	assert.equal(await short.getByLabel(/Quantity of/).getAttribute('aria-describedby'), `line-${few.variantId}-error`);
	await fits(page, 'the cart with a short line');
	await clean('the cart on a phone');
});
