// account_home.test.mjs: on a 390 px phone, without a script of ours: a new shopper signs up, is told
// to check the mail, confirms the address by the mailed link and logs in; follows a creator from her
// storefront and saves a product from its page, finds both and the orders on the studio home; changes
// the address (the old one is told); downloads the data; deletes the account. Every page fits the
// screen; no console errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { unique } from '../http/lib/http.mjs';
import { mailCount, mailedLink } from '../http/lib/account_mail.mjs';
import { makeProduct, sql } from '../http/lib/commerce.mjs';

const browser = useChromium();

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where} is ${wide} px wide`);
}

test('a shopper signs up, confirms, follows, saves, changes the address, downloads the data and deletes the account', async (t) => {
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } }, dialogs: true });
	const u = unique(), email = `phone-${u}@test.crowdcart.test`, password = `pw-${u}-long-enough`;
	const product = makeProduct();

	await page.goto('/signup');
	await page.locator('input[name=role][value=shopper]').check();
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await page.locator('#display_name').fill('Phone Shopper');
	await Promise.all([page.waitForURL('**/signup/sent'), page.getByRole('button', { name: 'Create account' }).click()]);
	await page.getByRole('status').filter({ hasText: 'We have sent a mail to the address you gave' }).waitFor();
	await fits(page, 'the check-your-mail page');

	await page.goto(mailedLink(email, 'verify'));
	await fits(page, 'the confirmation page');
	await page.getByRole('button', { name: 'Confirm my address' }).click();
	await page.getByRole('status').filter({ hasText: 'Your email address is confirmed' }).waitFor();

	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await Promise.all([page.waitForURL('**/studio'), page.getByRole('button', { name: 'Log in' }).click()]);
	assert.equal(await page.getByText('Please confirm your email address').count(), 0, 'no banner once confirmed');
	await page.getByText('No orders yet.').waitFor();

	// Follow from the storefront, save from the product page: a link to a one-button page each.
	await page.goto('/@lena');
	await Promise.all([page.waitForURL('**/studio/follow/*'), page.getByRole('link', { name: 'Follow Lena Park' }).click()]);
	await fits(page, 'the follow page');
	await page.getByRole('button', { name: 'Follow' }).click();
	await page.getByRole('status').filter({ hasText: 'You follow Lena Park.' }).waitFor();
	await page.goto(`/p/northwind/${product.handle}`);
	await Promise.all([page.waitForURL('**/studio/save/*'), page.getByRole('link', { name: 'Save for later' }).click()]);
	await page.getByRole('button', { name: 'Save for later' }).click();
	await page.getByRole('status').filter({ hasText: `${product.title} is saved.` }).waitFor();

	await page.goto('/studio');
	await page.locator('ul.my-follows').getByRole('link', { name: 'Lena Park' }).waitFor();
	await page.locator('ul.my-saved').getByRole('link', { name: product.title }).waitFor();
	await fits(page, 'the shopper home');
	await page.screenshot({ path: path.join(SHOTS, 'account-home-phone.png'), fullPage: true });

	// The address changes only once the new one confirms; the old one is told first.
	const moved = `moved-${u}@test.crowdcart.test`;
	await page.goto('/studio/account');
	await page.locator('#new_email').fill(moved);
	await page.locator('#email_current_password').fill(password);
	await Promise.all([page.waitForURL('**/studio/account?done=email_sent'), page.getByRole('button', { name: 'Change the address' }).click()]);
	await page.getByText(`Waiting for confirmation: ${moved}`).waitFor();
	assert.equal(mailCount(email, 'Your crowdcart email address is being changed'), 1);
	await fits(page, 'the account page');
	await page.goto(mailedLink(moved, 'verify'));
	await page.getByRole('button', { name: 'Confirm my address' }).click();
	await page.getByRole('status').filter({ hasText: 'it is now the address of your account' }).waitFor();

	// The data, as a download.
	await page.goto('/studio/account');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data (JSON)' }).click()]);
	const data = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
	assert.equal(data.account.email, moved);
	assert.equal(data.followed_creators[0].handle, 'lena');
	assert.equal(data.saved_products[0].title, product.title);

	// Deleting says what goes and what stays, asks the password, and signs out.
	await Promise.all([page.waitForURL('**/studio/account/delete'), page.getByRole('link', { name: 'Delete my account' }).click()]);
	await page.getByRole('heading', { name: 'What stays' }).waitFor();
	await fits(page, 'the delete page');
	await page.screenshot({ path: path.join(SHOTS, 'account-delete-phone.png'), fullPage: true });
	await page.locator('#delete_current_password').fill(password);
	await page.getByRole('button', { name: 'Delete my account for good' }).click();
	await page.getByRole('status').filter({ hasText: 'Your account is deleted' }).waitFor();
	assert.equal(sql(`SELECT COUNT(*) FROM users WHERE email = '${moved}'`)[0][0], '0');
	await clean('sign-up, confirmation, follow, save, address change, export and deletion');
});
