// payments_stripe.test.mjs: a real Chromium pays with Stripe (the simulator's hosted page) on a
// 390 px phone: places the order, is taken to the hosted page without a click, pays, and comes back
// to the return page that says the payment was received.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFavicon, openPage, useChromium } from './lib/chromium.mjs';
import { makeProduct, sql } from '../http/lib/commerce.mjs';
import { SIM } from '../http/lib/payments.mjs';

const browser = useChromium();

test('guest pays on Stripe\'s hosted page and comes back to "payment received"', async (t) => {
	const p = makeProduct({ price: 2900, brand: 'northwind', stock: 3 });
	// The simulator's hosted page has no favicon (a 404 the browser logs), and leaving for it may
	// abort the shop's favicon load: neither is crowdcart's page going wrong.
	const { page, problems } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } },
		expectFailedLoad: isFavicon, expectConsole: [/status of 404/], expectResponse: (r) => r.url().startsWith(SIM) });

	await page.goto(`/p/${p.brand}/${p.handle}`);
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	await page.getByRole('link', { name: 'Check out' }).click();
	const email = `browser-stripe-${Date.now()}@example.com`;
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Full name').fill('Grace Browser');
	await page.getByLabel('Street address').fill('12 Chromium Road');
	await page.getByLabel('Town or city').fill('Portland');
	await page.getByLabel('Postal code').fill('97201');
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'United States' });
	await page.getByLabel(/Stripe/).check();
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();

	// placing the order hands over to the hosted page by itself (no JavaScript needed)
	await Promise.all([page.waitForURL(`${SIM}/pay/stripe/**`), page.getByRole('button', { name: 'Place order' }).click()]);
	assert.match(await page.locator('body').innerText(), /Pay 3[4-9]\.\d\d USD|Pay \d+\.\d\d USD/);
	assert.equal(sql(`SELECT status FROM orders WHERE email = '${email}'`)[0][0], 'awaiting_payment');

	await Promise.all([page.waitForURL('**/checkout/return/**'), page.getByRole('button', { name: 'Pay', exact: true }).click()]);
	await page.getByRole('heading', { name: 'Payment received' }).waitFor();
	assert.match(await page.locator('#payment-state').innerText(), /Payment received/);
	assert.equal(sql(`SELECT status FROM orders WHERE email = '${email}'`)[0][0], 'paid');
	const right = await page.locator('#payment-state').evaluate((e) => e.getBoundingClientRect().right);
	assert.ok(right <= 390, `the payment state fits a phone (${right} px)`);
	assert.deepEqual(problems, []);
});
