// admin.test.mjs: on a 390 px phone and without JavaScript, the admin finds a creator, suspends the
// account with a reason (its storefront goes away), reads the action in the audit log, reinstates it,
// and looks at the system page; every admin page fits the screen. No console errors or dialogs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { Client, DEMO_PASSWORD, newAccount } from '../http/lib/http.mjs';
import { eventually } from '../http/lib/eventually.mjs';

const browser = useChromium();

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where} is ${wide} px wide`);
}

test('the admin suspends and reinstates a creator from a phone, and reads it in the audit log', async (t) => {
	const creator = await newAccount(new Client(), 'creator');
	const { page, clean } = await openPage(browser(), t, {
		context: { viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, dialogs: true,
	});
	await page.goto('/login?next=/admin');
	await page.locator('#email').fill('admin@demo.crowdcart.test');
	await page.locator('#password').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL('**/admin'), page.getByRole('button', { name: 'Log in' }).click()]);
	await fits(page, 'the admin home');
	const nav = page.getByRole('navigation', { name: 'Admin' });
	for (const name of ['Users', 'Moderation', 'Brands', 'Audit log', 'System'])
		assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, name);

	await Promise.all([page.waitForURL('**/admin/users'), nav.getByRole('link', { name: 'Users', exact: true }).click()]);
	await page.locator('#q').fill(creator.email);
	await Promise.all([page.waitForURL('**/admin/users?q=*'), page.locator('form.admin-search').getByRole('button', { name: 'Search' }).click()]);
	await fits(page, 'the search results');
	await Promise.all([page.waitForURL('**/admin/users/*'), page.getByRole('link', { name: creator.email }).click()]);
	await fits(page, 'the user page');
	await page.locator('#suspend-reason').fill('Impersonates another creator');
	await Promise.all([page.waitForURL('**?done=suspended'), page.getByRole('button', { name: 'Suspend account' }).click()]);
	await page.getByRole('status').filter({ hasText: 'Suspended: the account' }).waitFor();
	assert.match(await page.locator('#user-state').innerText(), /^suspended since .* UTC: Impersonates another creator$/);
	await eventually(async () => assert.equal((await new Client().get(`/@${creator.handle}`)).status, 404));
	await fits(page, 'the suspended user page');
	await page.screenshot({ path: path.join(SHOTS, 'admin-user-phone.png'), fullPage: true });

	await Promise.all([page.waitForURL('**/admin/audit?*'), page.getByRole('link', { name: 'All of it in the audit log' }).click()]);
	const row = page.locator('table.admin-audit tbody tr').first();
	assert.match(await row.innerText(), /admin@demo\.crowdcart\.test\s+user\.suspend\s+user #\d+\s+Impersonates another creator\s+127\.\d+\.\d+\.0\/24/);
	await fits(page, 'the audit log');

	await page.goBack();
	await page.locator('#reinstate-reason').fill('Verified identity');
	await Promise.all([page.waitForURL('**?done=reinstated'), page.getByRole('button', { name: 'Reinstate account' }).click()]);
	assert.equal(await page.locator('#user-state').innerText(), 'active');
	await eventually(async () => assert.equal((await new Client().get(`/@${creator.handle}`)).status, 200));

	await Promise.all([page.waitForURL('**/admin/system'), nav.getByRole('link', { name: 'System', exact: true }).click()]);
	await page.locator('#system-version').waitFor();
	await fits(page, 'the system page');
	await page.screenshot({ path: path.join(SHOTS, 'admin-system-phone.png'), fullPage: true });
	await clean('admin pages');
});
