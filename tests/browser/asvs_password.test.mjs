// asvs_password.test.mjs: the password fields in a real Chromium (ASVS 4.0.3 V2.1.8, V2.1.12): a
// "Show password" switch on the log-in and sign-up forms, a meter under the new password that counts
// as the server does, the password sent masked, and a 390 px phone showing it all; no console
// errors or CSP violations.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage as openPageOf, useChromium } from './lib/chromium.mjs';

const browser = useChromium();
const openPage = (t, viewport = { width: 1280, height: 900 }) => openPageOf(browser(), t, { context: { viewport } });

test('sign-up: the meter says how far the password is from 12 characters and how to make it stronger', async (t) => {
	const { page, clean } = await openPage(t);
	await page.goto('/signup');
	const meter = page.locator('#password-meter');
	assert.equal(await meter.getAttribute('aria-live'), 'polite');
	assert.match(await page.locator('#password').getAttribute('aria-describedby'), /\bpassword-hint\b.*\bpassword-meter\b/);
	await page.locator('#password').fill('tulips');
	assert.equal(await meter.textContent(), 'Too short: 6 more characters.');
	await page.locator('#password').fill('tulip      s');	// a run of spaces counts once, as on the server
	assert.equal(await meter.textContent(), 'Too short: 5 more characters.');
	await page.locator('#password').fill('tulip-garden');
	assert.equal(await meter.textContent(), 'Long enough. Another word or a few more characters make it stronger.');
	await page.locator('#password').fill('tulips in the spring garden');
	assert.equal(await meter.textContent(), 'Strong: a long password is the hardest to guess.');
	await page.locator('#email').fill('lena.gardener@example.com');
	await page.locator('#password').fill('lena.gardener@example.com');
	assert.equal(await meter.textContent(), 'Your password cannot be your email address.');
	await clean('/signup');
});

for (const form of ['/login', '/signup']) {
	test(`${form}: "Show password" reveals the password and hides it again; it is sent masked`, async (t) => {
		const { page, clean } = await openPage(t);
		await page.goto(form);
		const input = page.locator('#password');
		await input.fill('a secret to reveal');
		const show = page.getByLabel('Show password');
		await show.check();
		assert.equal(await input.getAttribute('type'), 'text');
		assert.equal(await input.inputValue(), 'a secret to reveal');
		await show.uncheck();
		assert.equal(await input.getAttribute('type'), 'password');
		await show.check();
		await page.evaluate(() => document.querySelector('#password').form.dispatchEvent(new Event('submit')));
		assert.equal(await input.getAttribute('type'), 'password', 'masked again when the form is sent');
		await clean(form);
	});
}

test('sign-up on a 390 px phone: the switch and the meter fit without sideways scrolling', async (t) => {
	const { page, clean } = await openPage(t, { width: 390, height: 844 });
	await page.goto('/signup');
	await page.locator('#password').fill('tulip-garden');
	assert.ok(await page.getByLabel('Show password').isVisible());
	assert.ok(await page.locator('#password-meter').isVisible());
	assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
	await page.screenshot({ path: path.join(SHOTS, 'signup-password-390.png'), fullPage: true });
	await clean('/signup at 390 px');
});
