// account.test.mjs: on a 390 px phone, an owner who forgot the password gets back in by the emailed
// reset link, then finds where the account is signed in; every page fits the screen and needs no
// script. No console errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { Client, newAccount } from '../http/lib/http.mjs';
import { mailedLink } from '../http/lib/account_mail.mjs';

const browser = useChromium();

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where} is ${wide} px wide`);
}

test('a forgotten password is reset by the emailed link, and the sessions list shows this phone', async (t) => {
	const account = await newAccount(new Client());
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } }, dialogs: true });
	await page.goto('/login');
	await Promise.all([page.waitForURL('**/login/forgot'), page.getByRole('link', { name: 'Forgot your password?' }).click()]);
	await page.locator('#email').fill(account.email);
	await page.getByRole('button', { name: 'Email me a reset link' }).click();
	await page.getByRole('status').filter({ hasText: 'we have emailed it a link' }).waitFor();
	await fits(page, 'the answer to a reset request');

	await page.goto(mailedLink(account.email, 'reset'));
	await fits(page, 'the new password form');
	await page.locator('#password').fill('a-new-phone-password');
	await Promise.all([page.waitForURL('**/login?done=reset'), page.getByRole('button', { name: 'Set the new password' }).click()]);
	await page.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor();

	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill('a-new-phone-password');
	await Promise.all([page.waitForURL('**/studio'), page.getByRole('button', { name: 'Log in' }).click()]);
	await Promise.all([page.waitForURL('**/studio/account'), page.getByRole('link', { name: /Your account/ }).click()]);
	const mine = page.locator('ul.sessions li', { hasText: '(this browser)' });
	assert.match(await mine.innerText(), /Chrome on Linux \(this browser\)\s+from network 127\.\d+\.\d+\.0\/24, signed in \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
	await fits(page, 'the account page');
	await page.screenshot({ path: path.join(SHOTS, 'account-phone.png'), fullPage: true });
	await clean('reset and account pages');
});
