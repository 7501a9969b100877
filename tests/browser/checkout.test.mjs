// checkout.test.mjs: a real Chromium adds two products from two brands to the cart, checks out as
// a guest, sees the confirmation with one order per brand, and looks an order up by number + email.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { makeProduct } from '../http/lib/commerce.mjs';

const browser = useChromium();

test('guest adds two brands\' products, checks out, sees the confirmation and looks the order up', async (t) => {
	const a = makeProduct({ price: 2500, brand: 'northwind' });
	const b = makeProduct({ price: 1800, brand: 'fernhill' });
	const { page, problems } = await openPage(browser(), t, { warnings: false, failedLoads: false, errorResponses: false, csp: false });

	for (const [p, qty] of [[a, '2'], [b, '1']]) {
		await page.goto(`/p/${p.brand}/${p.handle}`);
		await page.locator(`input[name=variant][value="${p.variantId}"]`).check();
		await page.getByLabel('Quantity').fill(qty);
		await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	}
	assert.equal(await page.locator('.site-nav .cart-count').textContent(), '(3 items)');
	assert.equal(await page.locator('section.cart-brand').count(), 2);

	await page.getByRole('link', { name: 'Check out' }).click();
	const email = `browser-${Date.now()}@example.com`;
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Full name').fill('Grace Browser');
	await page.getByLabel('Street address').fill('12 Chromium Road');
	await page.getByLabel('Town or city').fill('Lisbon');
	await page.getByLabel('Postal code').fill('1100-001');
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Portugal' });
	await page.getByLabel(/Test payment/).check();
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();
	assert.match(await page.locator('main').innerText(), /This becomes 2 orders/);

	await Promise.all([page.waitForURL('**/checkout/done/*'), page.getByRole('button', { name: 'Place order' }).click()]);
	await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
	const numbers = await page.locator('.order-detail .order-number').allInnerTexts();
	assert.equal(numbers.length, 2);
	assert.equal(await page.locator('.site-nav .cart-count').count(), 0, 'the cart is empty now');

	await page.getByRole('link', { name: 'look the order up' }).click();
	await page.getByLabel('Order number').fill(numbers[1].toLowerCase());
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Look up' }).click();
	await page.getByRole('heading', { name: 'Your order' }).waitFor();
	const shown = await page.locator('main').innerText();
	assert.ok(shown.includes(numbers[1]));
	assert.ok(shown.includes(b.title) || shown.includes(a.title));
	assert.deepEqual(problems, []);
});
