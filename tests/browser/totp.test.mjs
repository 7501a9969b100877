// totp.test.mjs: on a 390 px phone with JavaScript off, a brand sets up two-step sign-in from the
// account page (key typed into the app, a code to confirm, ten recovery codes shown), then signs in
// with a code from the app, and later with a recovery code. Every page fits the screen; no console
// errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { Client, newAccount } from '../http/lib/http.mjs';
import { base32Decode, codeAt, nowStep } from '../http/lib/totp.mjs';

const browser = useChromium();
const PHONE = { viewport: { width: 390, height: 844 }, javaScriptEnabled: false };

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where} is ${wide} px wide`);
}

async function logOut(page) {
	await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.getByRole('button', { name: /Log out/ }).click()]);
}

async function logIn(page, account) {
	await page.goto('/login');
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(account.password);
	await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: 'Log in' }).click()]);
	await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
}

test('a brand sets up two-step sign-in on a phone and signs in with a code, then a recovery code', async (t) => {
	const account = await newAccount(new Client(), 'brand');
	const { page, clean } = await openPage(browser(), t, { context: PHONE, dialogs: true });
	await page.goto('/login');
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(account.password);
	await Promise.all([page.waitForURL('**/studio'), page.getByRole('button', { name: 'Log in' }).click()]);
	await page.goto('/studio/account');
	await Promise.all([page.waitForURL('**/studio/account/two-step'),
		page.getByRole('link', { name: 'set up or manage two-step sign-in' }).click()]);
	await fits(page, 'the two-step page');
	await Promise.all([page.waitForURL('**/studio/account/two-step'),
		page.getByRole('button', { name: 'Set up two-step sign-in' }).click()]);
	const key = base32Decode(await page.locator('code.secret').innerText());
	assert.equal(key.length, 20);
	assert.match(await page.locator('code.uri').innerText(), /^otpauth:\/\/totp\/crowdcart:/);
	await fits(page, 'the set-up with the key and the URI');
	await page.screenshot({ path: path.join(SHOTS, 'totp-setup-phone.png'), fullPage: true });
	const step = nowStep();
	await page.getByLabel('Code from the app').fill(codeAt(key, step));
	await Promise.all([page.waitForURL('**/studio/account/two-step/confirm'),
		page.getByRole('button', { name: 'Turn on two-step sign-in' }).click()]);
	await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
	const codes = await page.locator('.recovery-codes code').allInnerTexts();
	assert.equal(codes.length, 10);
	await fits(page, 'the recovery codes');
	await page.screenshot({ path: path.join(SHOTS, 'totp-codes-phone.png'), fullPage: true });

	await logOut(page);
	await logIn(page, account);
	await fits(page, 'the code form');
	await page.screenshot({ path: path.join(SHOTS, 'totp-code-phone.png'), fullPage: true });
	await page.getByLabel('Code').fill(codeAt(key, step + 1));
	await Promise.all([page.waitForURL('**/studio'), page.getByRole('button', { name: 'Sign in' }).click()]);

	await logOut(page);
	await logIn(page, account);
	await page.getByLabel('Code').fill(codes[0]);
	await Promise.all([page.waitForURL('**/studio'), page.getByRole('button', { name: 'Sign in' }).click()]);
	await page.goto('/studio/account/two-step');
	await page.getByText('You have 9 recovery codes left.').waitFor();
	await clean('two-step set-up and sign-in');
});
