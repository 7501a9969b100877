// totp.test.mjs: on a 390 px phone with JavaScript off, a brand sets up two-step sign-in from the
// account page (a QR code a camera reads, a code to confirm, ten recovery codes shown), then signs in
// with a code from the app, and later with a recovery code. Every page fits the screen; no console
// errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
	const uri = await page.locator('code.uri').innerText();
	assert.match(uri, /^otpauth:\/\/totp\/crowdcart:/);
	// A camera reads the same address from the QR code as the page prints (zbarimg, Debian's zbar-tools).
	const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'totp-qr-')), 'qr.png');
	await page.locator('img.qr').screenshot({ path: shot });
	const read = execFileSync('zbarimg', ['--raw', '-q', shot], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	assert.equal(read.trim(), uri.trim());
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
