// fulfilment.test.mjs: a brand works an order in a real Chromium with JavaScript turned off (the
// studio's order pages must work without it): find it in the filtered list, ship it with a carrier
// and tracking number, see the history, refund a unit, download the CSV.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { newBrand, newOrder, orderRow } from '../http/lib/fulfilment.mjs';

const browser = useChromium();

test('a brand ships and partly refunds an order without JavaScript, and downloads the CSV', async (t) => {
	const brand = await newBrand();
	const order = newOrder(brand, { status: 'paid', shipName: 'Browser <Buyer>' });
	const { page, problems } = await openPage(browser(), t, { context: { javaScriptEnabled: false, acceptDownloads: true },
		warnings: false, errorResponses: false, csp: false });

	await page.goto('/login?next=/studio/orders');
	await page.locator('#email').fill(brand.account.email);
	await page.locator('#password').fill(brand.account.password);
	await Promise.all([page.waitForURL('**/studio/orders'), page.locator('button', { hasText: 'Log in' }).click()]);

	await page.locator('#status').selectOption('paid');
	await page.locator('#creator').fill('lena');
	await Promise.all([page.waitForURL('**/studio/orders?status=paid&**'), page.locator('button', { hasText: 'Show orders' }).click()]);
	await page.screenshot({ path: path.join(SHOTS, 'studio-orders.png'), fullPage: true });
	await Promise.all([page.waitForURL(`**/studio/orders/${order.number}`), page.locator(`a:text("${order.number}")`).click()]);
	assert.match(await page.locator('address').innerText(), /Browser <Buyer>/);

	await page.locator('#carrier').fill('Royal Mail');
	await page.locator('#tracking_number').fill('RM123GB');
	await Promise.all([page.waitForURL('**?done=ship'), page.locator('button', { hasText: 'Mark as shipped' }).click()]);
	assert.match(await page.locator('[role=status]').innerText(), /marked as shipped/);
	assert.match(await page.locator('.order-history').innerText(), /paid → shipped, by Test brand/);
	assert.match(await page.locator('.order-history').innerText(), /Carrier: Royal Mail, tracking number: RM123GB/);

	await page.locator(`#qty-${order.line1}`).fill('1');
	await Promise.all([page.waitForURL('**?done=refund'), page.locator('button', { hasText: 'Refund selected items' }).click()]);
	await page.screenshot({ path: path.join(SHOTS, 'studio-order.png'), fullPage: true });
	assert.match(await page.locator('.lead').innerText(), /partially refunded/);
	assert.equal(orderRow(order).status, 'partially_refunded');

	await page.goto('/studio/orders');
	const [download] = await Promise.all([page.waitForEvent('download'),
		page.locator('a', { hasText: 'Download these orders as CSV' }).click()]);
	const csv = fs.readFileSync(await download.path(), 'utf8');
	assert.ok(csv.startsWith('\ufeffnumber,placed_at_utc,'));
	assert.ok(csv.includes(`${order.number},`));
	assert.deepEqual(problems, []);
});
