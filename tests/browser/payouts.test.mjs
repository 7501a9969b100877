// payouts.test.mjs: a brand pays its creators on a 390 px phone with JavaScript turned off: records
// the tax form, runs the month's batch, downloads the PayPal file, marks the batch paid; the
// payouts pages fit the screen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { Client, uniqueEmail } from '../http/lib/http.mjs';
import { address, lit, orderNumbers, reviewed, sql } from '../http/lib/commerce.mjs';
import { newBrand } from '../http/lib/fulfilment.mjs';
import { newCreator } from '../http/lib/creators.mjs';
import { payOffline } from '../http/lib/paid.mjs';

const browser = useChromium();

async function fits(page, url) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${url} is ${wide} px wide`);
}

test('a brand runs, downloads and marks paid a payout batch on a phone without JavaScript', async (t) => {
	const b = await newBrand({ price: 20000, stock: 5 });
	sql(`UPDATE brands SET return_window_days = 0 WHERE id = ${b.id}`);
	const [[slug, productHandle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	const creator = await newCreator();
	const [[handle, creatorId]] = sql(`SELECT cr.handle, cr.id FROM creators cr JOIN users u ON u.id = cr.user_id
		WHERE u.email = ${lit(creator.account.email)}`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		VALUES (${creatorId}, ${b.productId}, 2000, 'approved', 1, UTC_TIMESTAMP())`);
	assert.equal((await creator.client.submit('/studio/creator/payouts/details',
		{ method: 'paypal', paypal_email: `pay-${handle}@example.com` }, { formPath: '/studio/creator/payouts' })).status, 303);
	const shopper = new Client();
	await shopper.get(`/p/${slug}/${productHandle}?via=${handle}`);
	// paid for real (offline, confirmed): a test-provider order accrues nothing to pay out
	const { fields } = await reviewed(shopper, [[b.variantId, 1]], address(uniqueEmail('buyer'), 'offline'));
	const placed = await shopper.post('/checkout/place', fields);
	assert.equal(placed.status, 303);
	const [number] = orderNumbers((await shopper.get(placed.headers.location)).body);
	assert.ok(number);
	await payOffline(number);

	const { page, problems } = await openPage(browser(), t, { context: { javaScriptEnabled: false, acceptDownloads: true,
		viewport: { width: 390, height: 844 } }, warnings: false, errorResponses: false, csp: false,
		// a download ends its navigation: Chromium reports the request as aborted
		expectFailedLoad: (r) => r.url().endsWith('/export') });
	await page.goto('/login?next=/studio/brand/payouts');
	await page.locator('#email').fill(b.account.email);
	await page.locator('#password').fill(b.account.password);
	await Promise.all([page.waitForURL('**/studio/brand/payouts'), page.locator('button', { hasText: 'Log in' }).click()]);
	const row = page.locator(`tr.payout-creator[data-handle="${handle}"]`);
	assert.match(await row.innerText(), /held: tax form not received/);
	await fits(page, '/studio/brand/payouts');
	await Promise.all([page.waitForURL('**/studio/brand/payouts?done=saved'), row.locator('button', { hasText: 'Mark received' }).click()]);
	assert.match(await row.innerText(), /paid in this run/);
	await page.screenshot({ path: path.join(SHOTS, 'studio-payouts-phone.png'), fullPage: true });

	await Promise.all([page.waitForURL(/\/studio\/brand\/payouts\/\d+$/), page.locator('button', { hasText: /Run the payout batch/ }).click()]);
	assert.match(await page.locator(`tr.batch-line[data-handle="${handle}"]`).innerText(), /\$40\.00/);
	await fits(page, page.url());
	const [download] = await Promise.all([page.waitForEvent('download'),
		page.locator('button', { hasText: 'PayPal Payouts CSV, file 1' }).click()]);
	const csv = fs.readFileSync(await download.path(), 'utf8');
	assert.match(csv, new RegExp(`^pay-${handle}@example\\.com,40\\.00,USD,cc-\\d+-${creatorId},"[^"]*",PayPal\\r\\n$`));
	await page.reload();
	assert.equal(await page.locator('.batch-status').innerText(), 'exported');
	await Promise.all([page.waitForURL('**?done=paid'), page.locator('button', { hasText: 'Mark paid' }).click()]);
	assert.equal(await page.locator('.batch-status').innerText(), 'paid');
	await page.screenshot({ path: path.join(SHOTS, 'studio-payout-batch-phone.png'), fullPage: true });
	const [[paid]] = sql(`SELECT COALESCE(SUM(amount), 0) FROM commission_entries WHERE brand_id = ${b.id} AND kind = 'payout'`);
	assert.equal(Number(paid), -4000);
	assert.deepEqual(problems, []);
});
