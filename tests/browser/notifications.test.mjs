// notifications.test.mjs: on a 390 px phone, a brand owner switches one notice off on the mail
// settings page, and a notice's unsubscribe link, opened signed out, stops its kind with one
// button; both pages fit the screen and need no script. No console errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { lit, sql } from '../http/lib/commerce.mjs';
import { brandWithOpenProduct, newCreator } from '../http/lib/creators.mjs';

const browser = useChromium();

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where} is ${wide} px wide`);
}

test('a brand switches a notice off in its mail settings, and a notice\'s link stops another signed out', async (t) => {
	const brand = await brandWithOpenProduct({ approval: true });
	const creator = await newCreator();
	const asked = await creator.client.submit('/studio/creator/picks', { product_id: brand.productId },
		{ formPath: '/studio/creator/marketplace' });
	assert.equal(asked.status, 303);
	const [[link]] = sql(`SELECT o.unsubscribe_url FROM outbox o JOIN users u ON u.id = o.to_user_id
		WHERE u.email = ${lit(brand.account.email)} AND o.kind = 'notice'`);
	const viewport = { width: 390, height: 844 };

	const signedOut = await openPage(browser(), t, { context: { viewport }, dialogs: true });
	await signedOut.page.goto(new URL(link).pathname);
	await fits(signedOut.page, 'the unsubscribe page');
	await signedOut.page.getByRole('button', { name: 'Stop these mails' }).click();
	await signedOut.page.getByRole('heading', { name: 'Mails stopped' }).waitFor();
	await fits(signedOut.page, 'the unsubscribed page');
	await signedOut.clean('the unsubscribe pages');

	const { page, clean } = await openPage(browser(), t, { context: { viewport }, dialogs: true });
	await page.goto('/login');
	await page.locator('#email').fill(brand.account.email);
	await page.locator('#password').fill(brand.account.password);
	await Promise.all([page.waitForURL('**/studio'), page.getByRole('button', { name: 'Log in' }).click()]);
	await page.goto('/studio/account');
	await Promise.all([page.waitForURL('**/studio/account/notifications'), page.getByRole('link', { name: 'Mail settings' }).click()]);
	assert.equal(await page.getByLabel('Creators asking to pick a product').isChecked(), false, 'the link turned it off');
	assert.equal(await page.getByLabel('New orders').isChecked(), true);
	await page.getByLabel('New orders').uncheck();
	await Promise.all([page.waitForURL('**/studio/account/notifications?saved=1'),
		page.getByRole('button', { name: 'Save mail settings' }).click()]);
	await page.getByRole('status').filter({ hasText: 'Your mail settings were saved' }).waitFor();
	assert.equal(await page.getByLabel('New orders').isChecked(), false);
	assert.equal(await page.getByLabel('New leads from your forms').isChecked(), true);
	await fits(page, 'the mail settings page');
	await page.screenshot({ path: path.join(SHOTS, 'notifications-phone.png'), fullPage: true });
	await clean('the mail settings page');
});
