// signup.mjs: signing a new account up through the pages, as a person does: the form, the mailed
// confirmation link (read from the outbox), then the log-in form, ending signed in on /studio.
import { mailedLink } from '../../http/lib/account_mail.mjs';

// f: { role, email, password, display_name, handle?, brand_name? }. verify false leaves the address
// unconfirmed.
export async function signUpInBrowser(page, f, { verify = true } = {}) {
	await page.goto('/signup');
	await page.locator(`input[name=role][value=${f.role}]`).check();
	await page.locator('#email').fill(f.email);
	await page.locator('#password').fill(f.password);
	await page.locator('#display_name').fill(f.display_name);
	if (f.handle)
		await page.locator('#handle').fill(f.handle);
	if (f.brand_name)
		await page.locator('#brand_name').fill(f.brand_name);
	await Promise.all([page.waitForURL('**/signup/sent'), page.locator('button[type=submit]', { hasText: 'Create account' }).click()]);
	if (verify) {
		await page.goto(mailedLink(f.email, 'verify'));
		await page.locator('button', { hasText: 'Confirm my address' }).click();
		await page.getByRole('status').filter({ hasText: 'Your email address is confirmed' }).waitFor();
		await page.waitForLoadState('load');	// its stylesheet too, so leaving does not cancel it
	}
	await page.goto('/login');
	await page.locator('#email').fill(f.email);
	await page.locator('#password').fill(f.password);
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
}
