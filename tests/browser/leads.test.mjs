// leads.test.mjs: a real Chromium with JavaScript off fills a public lead form by its labels: the
// server's errors appear beside the fields with the typed values kept, then the thank-you page;
// no console errors, CSP violations or failed loads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { brandWithForm, leadRows } from '../http/lib/leads.mjs';

const browser = useChromium();

test('a lead form works without JavaScript, by its labels, with errors beside fields and values kept', async (t) => {
	const f = await brandWithForm();
	// The 422 of the form sent back with errors is on purpose.
	const { page, problems } = await openPage(browser(), t, { context: { javaScriptEnabled: false }, warnings: false,
		expectConsole: [/status of 422/], expectResponse: (r) => r.request().resourceType() === 'document', csp: false });

	await page.goto(`/f/${f.slug}`);
	await page.getByLabel(/^Name/).fill('Grace <Hopper>');
	await page.getByLabel(/^Email/).fill('not-an-email');
	await page.getByLabel('Large').check();
	await page.getByLabel('Events').check();
	await page.getByLabel(/^Visit date/).fill('2026-05-01');
	await page.getByLabel(/I agree to be contacted/).check();
	await page.getByRole('button', { name: 'Send' }).click();

	const email = page.getByLabel(/^Email/);
	assert.equal(await email.getAttribute('aria-invalid'), 'true');
	assert.equal(await email.inputValue(), 'not-an-email');
	assert.match(await page.locator('#q3-error').textContent(), /valid email/);
	assert.equal(await page.getByLabel(/^Name/).inputValue(), 'Grace <Hopper>');
	assert.ok(await page.getByLabel('Large').isChecked());
	assert.ok(await page.getByLabel('Events').isChecked());
	assert.ok(await page.getByLabel(/I agree to be contacted/).isChecked());

	await email.fill(`grace-${Date.now()}@example.com`);
	await page.getByRole('button', { name: 'Send' }).click();
	assert.match(await page.getByRole('status').textContent(), /Thanks, we will be in touch/);
	assert.equal(leadRows(f.id).length, 1);
	assert.deepEqual(problems, []);
});
