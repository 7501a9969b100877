// moderation.test.mjs: on a 390 px phone with JavaScript off, a shopper reports a creator's
// storefront through its "Report this page" link; the admin finds the report at /admin/moderation,
// takes the storefront down with a reason; the public sees a neutral "removed" page, the creator
// reads the reason in the studio; the admin restores it. No horizontal scrolling, no console
// errors, CSP violations or failed loads on the way.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, eventually, isFavicon, openPage, useChromium } from './lib/chromium.mjs';
import { DEMO_PASSWORD, unique } from '../http/lib/http.mjs';
import { newCreator } from '../http/lib/creators.mjs';

const browser = useChromium();
const PHONE = { viewport: { width: 390, height: 844 }, javaScriptEnabled: false };

async function fitsThePhone(page, where) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= 390, `${where}: ${width} px wide on a 390 px screen`);
}

async function signIn(page, email, password) {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
}

test('a shopper reports a storefront, the admin takes it down with a reason the creator reads, then restores it', async (t) => {
	const { account } = await newCreator();
	const store = `/@${account.handle}`;
	const text = `Sells fakes ${unique()}`, reason = `Counterfeit listings, see report ${unique()}`;
	// The storefront answers 410 on purpose once it is down.
	const gone = (r) => r.status() === 410 && r.url().endsWith(store);
	const shopper = await openPage(browser(), t, { context: PHONE, expectFailedLoad: isFavicon, expectResponse: gone,
		expectConsole: [/status of 410/] });
	await shopper.page.goto(store);
	await fitsThePhone(shopper.page, 'storefront');
	await Promise.all([shopper.page.waitForURL('**/report/storefront/*'), shopper.page.getByRole('link', { name: 'Report this page' }).click()]);
	await fitsThePhone(shopper.page, 'report form');
	await shopper.page.getByLabel('Counterfeit or unsafe products').check();
	await shopper.page.locator('#body').fill(text);
	await shopper.page.screenshot({ path: path.join(SHOTS, 'moderation-report-form.png') });
	await shopper.page.getByRole('button', { name: 'Send report' }).click();
	await shopper.page.waitForLoadState();
	assert.match(await shopper.page.getByRole('status').innerText(), /Your report of this storefront is with the people who run this site/);

	const admin = await openPage(browser(), t, { context: PHONE, expectFailedLoad: isFavicon });
	await signIn(admin.page, 'admin@demo.crowdcart.test', DEMO_PASSWORD);
	await admin.page.goto('/admin/moderation');
	await fitsThePhone(admin.page, 'moderation queue');
	const item = admin.page.locator('li.moderation-report', { hasText: text });
	assert.ok(await item.getByRole('link', { name: store }).isVisible(), 'the report links the page');
	await item.getByLabel('Reason the owner will read').fill(reason);
	await admin.page.screenshot({ path: path.join(SHOTS, 'moderation-queue.png'), fullPage: true });
	await Promise.all([admin.page.waitForURL('**/admin/moderation?done=taken_down'), item.getByRole('button', { name: 'Take down' }).click()]);
	assert.match(await admin.page.locator('#admin-done').innerText(), /Taken down/);
	assert.ok(await admin.page.locator('ul.moderation-down li', { hasText: reason }).isVisible());

	await eventually(async () => {
		const res = await shopper.page.goto(store);
		assert.equal(res.status(), 410);
	}, { timeout: 8000 });
	assert.match(await shopper.page.locator('main').innerText(), /This page has been removed\./);
	assert.doesNotMatch(await shopper.page.locator('main').innerText(), /Counterfeit listings/);
	await shopper.page.screenshot({ path: path.join(SHOTS, 'moderation-removed.png') });

	const owner = await openPage(browser(), t, { context: PHONE, expectFailedLoad: isFavicon });
	await signIn(owner.page, account.email, account.password);
	await owner.page.goto('/studio/creator/profile');
	const note = owner.page.locator('.takedown');
	assert.match(await note.innerText(), new RegExp(`Taken down by the site's moderators: ${reason}`));
	await fitsThePhone(owner.page, 'creator profile with the takedown');
	await owner.page.screenshot({ path: path.join(SHOTS, 'moderation-owner.png') });

	const down = admin.page.locator('ul.moderation-down li', { hasText: reason });
	await Promise.all([admin.page.waitForURL('**/admin/moderation?done=restored'), down.getByRole('button', { name: 'Restore' }).click()]);
	await eventually(async () => {
		const res = await shopper.page.goto(store);
		assert.equal(res.status(), 200);
	}, { timeout: 8000 });
	await shopper.clean('shopper');
	await admin.clean('admin');
	await owner.clean('owner');
});
