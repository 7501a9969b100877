// payments_hosted.test.mjs: a real Chromium on a 390 px phone pays with PayPal (approves on the
// simulator's PayPal page) and with Mollie (chooses "Paid" on its test-mode page), without any
// JavaScript of crowdcart's, and comes back to a return page that says the payment was received.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFavicon, openPage, useChromium } from './lib/chromium.mjs';
import { makeProduct, sql } from '../http/lib/commerce.mjs';
import { SIM } from '../http/lib/payments.mjs';

const browser = useChromium();

async function toReview(page, p, email, provider) {
	await page.goto(`/p/${p.brand}/${p.handle}`);
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	await page.getByRole('link', { name: 'Check out' }).click();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Full name').fill('Grace Browser');
	await page.getByLabel('Street address').fill('12 Chromium Road');
	await page.getByLabel('Town or city').fill('Portland');
	await page.getByLabel('Postal code').fill('97201');
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'United States' });
	await page.getByLabel(provider).check();
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();
}

async function phone(t) {
	// The simulator's pages have no favicon (a 404 the browser logs), and leaving for them may
	// abort the shop's favicon load: neither is crowdcart's page going wrong.
	return openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } },
		expectFailedLoad: isFavicon, expectConsole: [/status of 404/], expectResponse: (r) => r.url().startsWith(SIM) });
}

async function receivedOnPhone(page, email, problems) {
	await page.getByRole('heading', { name: 'Payment received' }).waitFor();
	assert.match(await page.locator('#payment-state').innerText(), /Payment received/);
	assert.equal(sql(`SELECT status FROM orders WHERE email = '${email}'`)[0][0], 'paid');
	const right = await page.locator('#payment-state').evaluate((e) => e.getBoundingClientRect().right);
	assert.ok(right <= 390, `the payment state fits a phone (${right} px)`);
	assert.deepEqual(problems, []);
}

test('guest approves on PayPal and comes back to "payment received"', async (t) => {
	const p = makeProduct({ price: 2900, brand: 'northwind', stock: 3 });
	const { page, problems } = await phone(t);
	const email = `browser-paypal-${Date.now()}@example.com`;
	await toReview(page, p, email, /PayPal/);
	await Promise.all([page.waitForURL(`${SIM}/pay/paypal/checkoutnow**`), page.getByRole('button', { name: 'Place order' }).click()]);
	assert.match(await page.locator('body').innerText(), /\d+\.\d\d USD/);
	assert.equal(sql(`SELECT status FROM orders WHERE email = '${email}'`)[0][0], 'awaiting_payment');
	await Promise.all([page.waitForURL('**/checkout/return/**'), page.getByRole('button', { name: 'Approve' }).click()]);
	await receivedOnPhone(page, email, problems);
});

test('guest pays on Mollie\'s test-mode page and comes back to "payment received"', async (t) => {
	const p = makeProduct({ price: 2400, brand: 'atelier-lumen', stock: 3 });
	const { page, problems } = await phone(t);
	const email = `browser-mollie-${Date.now()}@example.com`;
	await toReview(page, p, email, /Mollie/);
	await Promise.all([page.waitForURL(`${SIM}/pay/mollie/**`), page.getByRole('button', { name: 'Place order' }).click()]);
	assert.match(await page.locator('body').innerText(), /\d+\.\d\d EUR/);
	await Promise.all([page.waitForURL('**/checkout/return/**'), page.getByRole('button', { name: 'Paid' }).click()]);
	await receivedOnPhone(page, email, problems);
});
