// leads_branching.test.mjs: with JavaScript on, a lead form's conditional questions appear and
// disappear as the answers change (static/js/leadform.js), a hidden question's answer is not
// sent, and one send stores the lead; on a 390 px phone, with no console errors or CSP violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { branchingForm } from '../http/lib/lead_branching.mjs';
import { sql } from '../http/lib/leads.mjs';

const browser = useChromium();

test('conditional questions show and hide live with JavaScript, and hidden answers are not stored', async (t) => {
	const f = await branchingForm();
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } } });
	await page.goto(`/f/${f.slug}`);
	const size = page.locator('[data-field="q3"]'), contact = page.locator('[data-field="q4"]');
	assert.ok(await size.isHidden());
	assert.ok(await contact.isHidden());
	await page.getByLabel('Business').check();
	await size.waitFor({ state: 'visible' });
	await page.getByLabel('50+').check();
	await contact.waitFor({ state: 'visible' });
	await page.getByLabel(/^Enterprise contact/).fill('Grace');
	// Back to a person: both business questions go, the second one with its hidden source.
	await page.getByLabel('Person').check();
	await size.waitFor({ state: 'hidden' });
	await contact.waitFor({ state: 'hidden' });
	await page.getByLabel('Business').check();
	await page.getByLabel('1-49').check();
	assert.ok(await contact.isHidden());
	const email = `branch-${Date.now()}@example.com`;
	await page.getByLabel(/^Email/).fill(email);
	await page.getByLabel(/I agree to be contacted/).check();
	await page.getByRole('button', { name: 'Send' }).click();
	assert.match(await page.getByRole('status').first().textContent(), /Thanks, we will be in touch/);
	const stored = sql(`SELECT a.value FROM lead_answers a JOIN leads l ON l.id = a.lead_id WHERE l.form_id = ${f.id} ORDER BY a.position`);
	assert.deepEqual(stored.map((r) => r[0]), [email, 'Business', '1-49']);
	await clean('the branching form');
});
