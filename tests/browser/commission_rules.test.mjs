// commission_rules.test.mjs: on a 390 px phone, a creator's picks page shows what a sale today
// earns and the lower rate coming with its date, and the brand's notice, without the page
// growing wider than the screen. No console errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { newBrand } from '../http/lib/fulfilment.mjs';
import { newCreator } from '../http/lib/creators.mjs';

const browser = useChromium();

test('the picks page shows the coming rate and its date on a 390 px phone', async (t) => {
	const b = await newBrand({ price: 5000 });
	const open = (percent) => b.client.submit('/studio/marketplace', { marketplace_open: 'yes', commission_percent: percent, approval_required: 'no' });
	assert.equal((await open('10')).status, 303);
	const { client, account } = await newCreator();
	assert.equal((await client.submit('/studio/creator/picks', { product_id: b.productId }, { formPath: '/studio/creator/marketplace' })).status, 303);
	assert.equal((await open('7.5')).status, 303);

	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } }, dialogs: true });
	await page.goto('/login');
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(account.password);
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
	await page.goto('/studio/creator/picks');
	const notice = page.getByRole('note', { name: /Notice from a brand/ });
	await notice.waitFor();
	assert.match(await notice.textContent(), /Stoneware Mug: 10% on a sale today; 7\.50% on sales from \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
	const box = await notice.boundingBox();
	assert.ok(box.x >= 0 && box.x + box.width <= 390, `the notice fits the screen (${box.x} + ${box.width})`);
	const rate = page.locator('td.rate-coming');
	assert.match(await rate.textContent(), /^10% on a sale today; from \d{4}-\d\d-\d\d \d\d:\d\d UTC, 7\.50%$/);
	await rate.scrollIntoViewIfNeeded();
	assert.ok(await rate.isVisible(), 'the rate cell can be scrolled to');
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `the page is ${wide} px wide`);
	await page.screenshot({ path: path.join(SHOTS, 'commission-rules-picks-phone.png'), fullPage: true });
	await clean('picks page');
});
