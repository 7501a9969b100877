// connectors.test.mjs: on a 390 px phone, a brand owner connects a Shopify shop and then a
// WooCommerce one (the simulators) through the studio's forms, without JavaScript needed: a wrong address is refused with the reason
// beside the form, then the shop connects and the page says a full sync waits for the worker;
// the secrets are never shown again. No console errors, no CSP violations, nothing wider than the phone.
import assert from 'node:assert/strict';
import { test, after } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { signUpInBrowser } from './lib/signup.mjs';
import { control, shopifySim, wooSim } from '../http/lib/connectors.mjs';

const browser = useChromium();
let sim;
const sims = [];
after(async () => {
	await sim?.close();
	for (const s of sims)
		await s.close();
});

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where} is ${wide} px wide`);
}

test('a brand connects its Shopify shop from a phone', async (t) => {
	sim = await shopifySim();
	const shop = await control(sim, 'POST', '/_sim/shops', { products: 2 });
	const { page, clean } = await openPage(browser(), t, {
		context: { viewport: { width: 390, height: 844 }, javaScriptEnabled: false },
		expectConsole: [/status of 422/],
		expectResponse: (r) => r.status() === 422 && r.url().endsWith('/studio/connectors'),
	});
	const u = Date.now().toString(36);
	await signUpInBrowser(page, { role: 'brand', email: `connect-${u}@test.crowdcart.test`, password: `pw-${u}-long-enough`,
		display_name: 'Connecting Owner', brand_name: `Connect Brand ${u}` });
	await page.goto('/studio');
	await Promise.all([page.waitForURL('**/studio/connectors'), page.locator('a', { hasText: 'Connect your Shopify shop' }).click()]);
	await fits(page, 'the connector page');

	await page.locator('#shop').fill('evil.example.com');
	await page.locator('#token').fill(shop.token);
	await page.locator('#secret').fill(shop.secret);
	await Promise.all([page.waitForURL('**/studio/connectors'), page.locator('button', { hasText: 'Connect and sync' }).click()]);
	assert.match(await page.locator('#connect-error').innerText(), /like your-shop\.myshopify\.com/);
	assert.equal(await page.locator('#shop').inputValue(), 'evil.example.com', 'the typed address is kept');
	assert.equal(await page.locator('#token').inputValue(), '', 'a secret is never sent back');
	await fits(page, 'the refused form');

	await page.locator('#shop').fill(shop.domain);
	await page.locator('#token').fill(shop.token);
	await page.locator('#secret').fill(shop.secret);
	await Promise.all([page.waitForURL('**/studio/connectors'), page.locator('button', { hasText: 'Connect and sync' }).click()]);
	assert.equal(await page.locator('#connector-shopify').innerText(), `Shopify: ${shop.domain}`);
	assert.match(await page.locator('.connector-progress').innerText(), /A full sync is waiting for the worker/);
	assert.match(await page.locator('.connector-webhook').innerText(), /\/studio\/webhooks\/shopify\/\d+$/);
	const html = await page.content();
	assert.ok(!html.includes(shop.token) && !html.includes(shop.secret), 'the secrets are not on the page');
	await fits(page, 'the connected page');

	// A WooCommerce shop beside it, from its own form: a plain-http address is refused beside that form.
	const woo = await wooSim();
	sims.push(woo);
	const wshop = await control(woo, 'POST', '/_sim/shops', { products: 1 });
	await page.locator('#woo-shop').fill('http://shop.example.com');
	await page.locator('#woo-key').fill(wshop.key);
	await page.locator('#woo-token').fill(wshop.secret);
	await page.locator('#woo-secret').fill(wshop.webhookSecret);
	await Promise.all([page.waitForURL('**/studio/connectors'), page.locator('button', { hasText: 'Connect WooCommerce and sync' }).click()]);
	assert.match(await page.locator('#woo-connect-error').innerText(), /https address/);
	assert.equal(await page.locator('#woo-key').inputValue(), '', 'a key is never sent back');
	await page.locator('#woo-shop').fill(wshop.url);
	await page.locator('#woo-key').fill(wshop.key);
	await page.locator('#woo-token').fill(wshop.secret);
	await page.locator('#woo-secret').fill(wshop.webhookSecret);
	await Promise.all([page.waitForURL('**/studio/connectors'), page.locator('button', { hasText: 'Connect WooCommerce and sync' }).click()]);
	assert.equal(await page.locator('#connector-woocommerce').innerText(), `WooCommerce: ${wshop.url}`);
	assert.equal(await page.locator('#connector-shopify').innerText(), `Shopify: ${shop.domain}`, 'the Shopify shop stays');
	const both = await page.content();
	assert.ok(![wshop.key, wshop.secret, wshop.webhookSecret].some((x) => both.includes(x)), 'the keys are not on the page');
	await fits(page, 'the page with two shops');
	await clean('connecting');
});
