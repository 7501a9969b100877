// leads_team.test.mjs: a brand team member on a 390 px phone, without JavaScript doing anything
// for them: opens the mailed invitation, joins, works a lead (assigns it to themself) and filters
// "assigned to me"; the pages a member sees (the invitation, the leads list and a lead) have no
// axe violation, the page scrolls no wider than the phone, and nothing goes wrong in the browser.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { Client, newAccount, uniqueEmail } from '../http/lib/http.mjs';
import { answers, brandWithForm, lit, sql, submitLead } from '../http/lib/leads.mjs';

const browser = useChromium();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axeViolations(page, where) {
	await page.addScriptTag({ path: AXE });
	const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
		.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0].target.join(' ')}`));
	return found.map((v) => `${where}: ${v}`);
}

test('a member joins from the mailed link and works a lead on a phone; their pages pass axe', async (t) => {
	const f = await brandWithForm({ fresh: true });
	const lead = uniqueEmail('phone-team');
	assert.equal((await submitLead(f.slug, answers(lead))).status, 200);
	const [[leadId]] = sql(`SELECT id FROM leads WHERE form_id = ${f.id} AND email = ${lit(lead)}`);
	const account = await newAccount(new Client(), 'shopper');
	assert.equal((await f.brand.submit('/studio/team/invite', { email: account.email }, { formPath: '/studio/team' })).status, 303);
	const [[url]] = sql(`SELECT REGEXP_SUBSTR(body_text, 'https?://[^[:space:]]+/studio/team/join/[A-Za-z0-9_-]+')
		FROM outbox WHERE to_addr = ${lit(account.email)} AND body_text LIKE '%/studio/team/join/%'`);
	const link = new URL(url).pathname;

	// axe injects a script the site's CSP would refuse: this context bypasses it (and checks no CSP).
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 }, bypassCSP: true },
		csp: false });
	const found = [];
	const fits = async (where) => assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${where} fits 390 px`);
	await page.goto(link);
	await page.getByRole('link', { name: 'Sign in' }).click();
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(account.password);
	await Promise.all([page.waitForURL((u) => u.pathname === link), page.getByRole('button', { name: 'Log in' }).click()]);
	found.push(...await axeViolations(page, 'the invitation'));
	await fits('the invitation');
	await Promise.all([page.waitForURL('**/studio/leads'), page.getByRole('button', { name: /^Join .*'s team$/ }).click()]);
	found.push(...await axeViolations(page, 'the leads list of a member'));
	await fits('the leads list');
	await page.goto(`/studio/leads/${leadId}`);
	found.push(...await axeViolations(page, 'a lead seen by a member'));
	await fits('a lead');
	await page.getByLabel('Assigned to').selectOption({ label: `${account.display_name} (you)` });
	await Promise.all([page.waitForURL(`**/studio/leads/${leadId}`), page.getByRole('button', { name: 'Save' }).click()]);
	await page.getByText(`Assigned to ${account.display_name}`).waitFor();
	await page.goto('/studio/leads');
	await page.getByLabel('Only leads assigned to me').check();
	await Promise.all([page.waitForURL('**mine=1**'), page.getByRole('button', { name: 'Filter' }).click()]);
	assert.equal(await page.locator(`main a[href="/studio/leads/${leadId}"]`).count(), 1);
	assert.deepEqual(found, []);
	await clean('the member\'s pages');
});

test('the public lead form and its error state have no axe violation on a phone', async (t) => {
	const f = await brandWithForm({ fresh: true });
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 }, bypassCSP: true },
		csp: false, expectResponse: (r) => r.status() === 422 && r.url().endsWith(`/f/${f.slug}`),
		expectConsole: [/status of 422/] });
	await page.goto(`/f/${f.slug}`);
	const found = await axeViolations(page, 'the lead form');
	// The browser's own checks would stop the empty form before it is sent: off, to see the server's.
	await page.locator('main form').evaluateAll((fs) => fs.forEach((x) => { x.noValidate = true; }));
	await page.getByLabel('Phone').fill('(206) 555-010');
	await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/f/${f.slug}`) && r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Send' }).last().click()]);
	await page.locator('main .field-error').first().waitFor();
	found.push(...await axeViolations(page, 'the lead form sent with mistakes'));
	assert.deepEqual(found, []);
	await clean('the lead form');
});
