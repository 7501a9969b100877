// axe.test.mjs: axe-core finds no accessibility violation on any page of the shop and the studio
// (every GET route, for the reader it is meant for: lib/site_pages.mjs) nor in the error states a
// shopper or a new account reaches by a normal click: a refused add to the cart, a checkout or a
// sign-up sent with nothing filled in, a wrong password, the 404 page.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { ACCOUNTS, PAGES, seedRows, signIn, visitAll } from './lib/site_pages.mjs';
import { makeProduct } from '../http/lib/commerce.mjs';

const browser = useChromium();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe's script is injected into the page, which the site's CSP would refuse: the context bypasses it.
const open = (t) => openPage(browser(), t, { context: { bypassCSP: true }, warnings: false, failedLoads: false,
	errorResponses: false, csp: false });

// The violations on the page as it stands: "where: rule (n) first target", one line per rule.
async function violations(page, where) {
	await page.addScriptTag({ path: AXE });
	const found = await page.evaluate(async () => (await window.axe.run(document)).violations
		.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0].target.join(' ')}`));
	return found.map((v) => `${where}: ${v}`);
}

// The browser's own checks would stop an empty form before it is sent: off, to see the server's.
const skipBrowserChecks = (page) => page.locator('main form').evaluateAll((fs) => fs.forEach((f) => { f.noValidate = true; }));

for (const who of ['visitor', 'shopper', 'brand', 'creator', 'admin'])
	test(`every page the ${who} opens has no axe violation`, async (t) => {
		const { page } = await open(t);
		if (who === 'brand')
			await seedRows();
		if (ACCOUNTS[who])
			await signIn(page, ACCOUNTS[who]);
		const found = [];
		await visitAll(page, PAGES[who], async (path) => found.push(...await violations(page, path)));
		assert.deepEqual(found, []);
	});

test('the error states a shopper and a new account reach have no axe violation', async (t) => {
	const { page } = await open(t);
	const found = [];
	const few = makeProduct({ stock: 1 });
	await page.goto(`/p/${few.brand}/${few.handle}`);
	await page.getByLabel('Quantity').fill('3');
	await Promise.all([page.waitForURL('**short=*'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	await page.locator('main .field-error, main [role=alert]').first().waitFor();
	found.push(...await violations(page, 'an add beyond the stock'));

	await page.getByLabel('Quantity').fill('1');
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
	found.push(...await violations(page, 'the cart with a line'));
	await page.getByRole('link', { name: 'Check out' }).click();
	await skipBrowserChecks(page);
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.locator('main .field-error, main [role=alert]').first().waitFor();
	found.push(...await violations(page, 'a checkout sent empty'));

	await page.goto('/signup');
	await skipBrowserChecks(page);
	await page.getByRole('button', { name: /Sign up|Create/ }).click();
	await page.locator('main .field-error, main [role=alert]').first().waitFor();
	found.push(...await violations(page, 'a sign-up sent empty'));

	await page.goto('/login');
	await page.locator('#email').fill(`nobody-${Date.now()}@example.com`);
	await page.locator('#password').fill('not the password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await page.locator('main .field-error, main [role=alert]').first().waitFor();
	found.push(...await violations(page, 'a wrong password'));

	await page.goto('/no/such/page');
	found.push(...await violations(page, 'the 404 page'));
	assert.deepEqual(found, []);
});
