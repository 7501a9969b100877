// axe.test.mjs: axe-core finds no accessibility violation on any page of the shop and the studio
// (every GET route, for the reader it is meant for: lib/site_pages.mjs) nor in the error states a
// shopper or a new account reaches by a normal click: a refused add to the cart, a checkout or a
// sign-up sent with nothing filled in, a wrong password, the 404 page; and the product page's
// picker by option with colour swatches, a combination that is not made, a lead form sent empty;
// and the studio's forms sent back with several mistakes at once.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { openPage, useChromium } from './lib/chromium.mjs';
import { ACCOUNTS, PAGES, seedRows, signIn, visitAll } from './lib/site_pages.mjs';
import { lit, makeProduct, sql } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';

const browser = useChromium();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe's script is injected into the page, which the site's CSP would refuse: the context bypasses it.
const open = (t) => openPage(browser(), t, { context: { bypassCSP: true }, warnings: false, failedLoads: false,
	errorResponses: false, csp: false });

// The violations on the page as it stands: "where: rule (n) first target", one line per rule.
// resultTypes: every rule still runs and every violation lists all its nodes; the passing and
// inapplicable results carry one node each instead of a selector for every element checked (axe's
// API, "Performance"): the axe tests took 17 % less CPU.
async function violations(page, where) {
	await page.addScriptTag({ path: AXE });
	const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
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

test('the picker by option, its swatches, a combination not made and a lead form sent empty have no axe violation', async (t) => {
	const { page } = await open(t);
	const found = [];
	// the demo's felt mat: Size and Color, the colours drawn as swatches
	await page.goto('/p/northwind/felt-desk-mat');
	await page.locator('fieldset#option2 .swatch-chip').first().waitFor();
	found.push(...await violations(page, 'a product picked by option'));
	const handle = `t-axe-${unique()}`;
	sql(`INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  SELECT id, ${lit(handle)}, 'Axe tote', '', 'active', 3400, currency, 40 FROM brands WHERE slug = 'northwind';
		SET @p = LAST_INSERT_ID();
		INSERT INTO product_options (product_id, position, name) VALUES (@p, 1, 'Size'), (@p, 2, 'Colour');
		INSERT INTO variants (product_id, position, sku, option1, option2, price, currency, stock, inventory_policy) VALUES
		  (@p, 1, ${lit(`${handle}-1`)}, 'Medium', 'Charcoal', 3400, 'USD', 20, 'deny'),
		  (@p, 2, ${lit(`${handle}-2`)}, 'Medium', 'Moss', 3400, 'USD', 20, 'deny'),
		  (@p, 3, ${lit(`${handle}-3`)}, 'Large', 'Charcoal', 4200, 'USD', 20, 'deny');`);
	await page.goto(`/p/northwind/${handle}`);
	// without the script's help, as a shopper without JavaScript would send it
	await page.locator('form.buy').evaluate((f) => {
		f.elements.option1.value = 'Large';
		f.elements.option2.value = 'Moss';
		f.submit();
	});
	await page.locator('#picker-error').waitFor();
	found.push(...await violations(page, 'a combination that is not made'));

	await page.goto('/f/northwind-wholesale');
	await skipBrowserChecks(page);
	await page.getByRole('button', { name: 'Send' }).click();
	await page.locator('#error-summary').waitFor();
	found.push(...await violations(page, 'a lead form sent empty'));
	assert.deepEqual(found, []);
});

test('the studio forms sent back with several mistakes at once have no axe violation', async (t) => {
	const { page } = await open(t);
	await signIn(page, ACCOUNTS.brand);
	const found = [];
	const sendBack = async (where, fill, button) => {
		await skipBrowserChecks(page);
		for (const [field, value] of Object.entries(fill))
			await page.locator(`#${field}`).fill(value);
		await page.getByRole('button', { name: button, exact: true }).click();
		await page.locator('#error-summary').waitFor();
		found.push(...await violations(page, where));
	};
	await page.goto('/studio/products/new');
	await sendBack('a product with a blank title and a price and stock in words',
		{ title: ' ', 'v1-price': 'twelve', 'v1-stock': 'lots', 'i1-url': 'ftp://img.example/a.jpg' }, 'Save');
	await page.goto('/studio/brand/codes');
	await sendBack('a discount code with a bad amount, limit and dates',
		{ code: 'x', value: '150', total_limit: '0', starts_on: '2026-12-10', ends_on: '2026-12-01' }, 'Create code');
	await page.goto('/studio/brand/shipping');
	await sendBack('shipping defaults with a bad amount and rate', { shipping: '4,99', tax_percent: '101' }, 'Save defaults');
	await page.goto('/studio/brand/about');
	await sendBack('a brand story with a control character', { about: 'bell \u0007' }, 'Save');
	await page.goto('/studio/forms');
	await page.locator('main a[href^="/studio/forms/"]').first().click();
	await sendBack('lead-form settings with a blank title and consent', { title: ' ', consent_text: ' ', ip_limit_per_hour: '0' }, 'Save settings');
	await sendBack('a new lead-form field without a label or position', { label: ' ', position: 'x' }, 'Add field');
	assert.deepEqual(found, []);
});

test('a creator profile sent back with several mistakes has no axe violation', async (t) => {
	const { page } = await open(t);
	await signIn(page, ACCOUNTS.creator);
	await page.goto('/studio/creator/profile');
	await page.locator('main form').first().evaluate((f) => { f.noValidate = true; });
	await page.locator('#display_name').fill(' ');
	await page.locator('#link_label_1').fill('Blog');
	await page.locator('#link_url_1').fill('');
	await page.getByRole('button', { name: 'Save profile' }).click();
	await page.locator('#error-summary').waitFor();
	assert.deepEqual(await violations(page, 'a creator profile with a blank name and a link without address'), []);
});
