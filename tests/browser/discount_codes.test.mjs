// discount_codes.test.mjs: on a 390 px phone in a real Chromium, a creator's link carries a code
// to the cart (shown, removable), another code is typed by hand at checkout, and the orders show
// the discounts; a brand makes a code in the studio and its creator finds it with its link. No
// page is wider than the phone, no console error or CSP violation.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, isFavicon, openPage, useChromium } from './lib/chromium.mjs';
import { lit, makeProduct, sql } from '../http/lib/commerce.mjs';

const browser = useChromium();
// Leaving a page aborts the images (and favicon) it was still loading: that is not a broken page.
const aborted = (r) => isFavicon(r) || (r.resourceType() === 'image' && r.failure()?.errorText === 'net::ERR_ABORTED');
const phone = { context: { viewport: { width: 390, height: 844 } }, expectFailedLoad: aborted };

function makeCode(creator, value) {
	const code = `B${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
	sql(`INSERT INTO discount_codes (brand_id, creator_id, code, kind, value, created_at)
		SELECT b.id, (SELECT id FROM creators WHERE handle = ${lit(creator)}), ${lit(code)}, 'percent', ${value}, UTC_TIMESTAMP()
		FROM brands b WHERE b.slug = 'northwind'`);
	return code;
}

async function fits(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where} is ${wide} px wide`);
}

async function addToCart(page, p) {
	await page.goto(`/p/${p.brand}/${p.handle}`);
	await Promise.all([page.waitForURL('**/cart'), page.getByRole('button', { name: 'Add to cart' }).click()]);
}

async function checkout(page, email) {
	await page.getByRole('link', { name: 'Check out' }).click();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Full name').fill('Phone Shopper');
	await page.getByLabel('Street address').fill('3 Narrow Lane');
	await page.getByLabel('Town or city').fill('Porto');
	await page.getByLabel('Postal code').fill('4000-001');
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Portugal' });
	await page.getByLabel(/Test payment/).check();
}

test('a code carried by lena\'s link is applied at the cart, removable, and used by the order', async (t) => {
	const p = makeProduct({ price: 6000 });
	const code = makeCode('lena', 1000);
	const { page, clean } = await openPage(browser(), t, phone);
	await page.goto(`/@lena?code=${code.toLowerCase()}`);
	await addToCart(page, p);
	const codes = page.locator('section.cart-codes');
	await codes.getByText(code).waitFor();
	assert.match(await codes.innerText(), /from a creator's link/);
	assert.match(await codes.innerText(), /\$6\.00 off/);
	assert.equal(await page.locator('dd.discount').innerText(), '-$6.00');
	await page.screenshot({ path: path.join(SHOTS, 'discount-code-cart-phone.png'), fullPage: true });
	await fits(page, '/cart with a code');
	// removed, then back through the link
	await page.getByRole('button', { name: `Remove code ${code}` }).click();
	await page.waitForURL('**/cart');
	assert.equal(await page.locator('section.cart-codes').count(), 0);
	await page.goto(`/@lena?code=${code}`);
	await page.goto('/cart');
	await codes.getByText(code).waitFor();
	await checkout(page, `phone-link-${Date.now()}@example.com`);
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();
	assert.equal(await page.locator('dd.discount').innerText(), '-$6.00');
	await fits(page, 'the review');
	await Promise.all([page.waitForURL('**/checkout/done/*'), page.getByRole('button', { name: 'Place order' }).click()]);
	await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
	const number = (await page.locator('.order-detail .order-number').allInnerTexts())[0];
	assert.deepEqual(sql(`SELECT o.discount, COALESCE(cr.handle, '') FROM orders o JOIN order_lines l ON l.order_id = o.id
		LEFT JOIN creators cr ON cr.id = l.creator_id WHERE o.number = ${lit(number)}`)[0].map(String), ['600', 'lena']);
	await clean('link code');
});

test('a code typed by hand at checkout: a wrong one is explained, the right one applies', async (t) => {
	const p = makeProduct({ price: 4000 });
	const code = makeCode('marco', 2500);
	const { page, clean } = await openPage(browser(), t, { ...phone, expectResponse: (r) => r.status() === 422,
		expectConsole: [/status of 422/] });
	await addToCart(page, p);
	await checkout(page, `phone-typed-${Date.now()}@example.com`);
	await page.getByLabel('Discount code (optional)').fill('NOT-A-REAL-CODE');
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.locator('#code-error').waitFor();
	assert.match(await page.locator('#code-error').innerText(), /There is no code NOT-A-REAL-CODE/);
	await fits(page, 'the checkout form with a code error');
	await page.getByLabel('Discount code (optional)').fill(code.toLowerCase());
	await page.getByLabel(/Test payment/).check();
	await page.getByRole('button', { name: 'Review order' }).click();
	await page.getByRole('heading', { name: 'Review your order' }).waitFor();
	assert.equal(await page.locator('dd.discount').innerText(), '-$10.00');
	assert.match(await page.locator('section.cart-codes').innerText(), new RegExp(`${code}[\\s\\S]*code of @marco`));
	await page.screenshot({ path: path.join(SHOTS, 'discount-code-review-phone.png'), fullPage: true });
	await Promise.all([page.waitForURL('**/checkout/done/*'), page.getByRole('button', { name: 'Place order' }).click()]);
	const number = (await page.locator('.order-detail .order-number').allInnerTexts())[0];
	assert.deepEqual(sql(`SELECT o.discount, COALESCE(cr.handle, ''), l.surface FROM orders o JOIN order_lines l ON l.order_id = o.id
		LEFT JOIN creators cr ON cr.id = l.creator_id WHERE o.number = ${lit(number)}`)[0].map(String), ['1000', 'marco', 'code']);
	await clean('typed code');
});

test('on a phone, northwind makes a code for lena and lena finds it with its link', async (t) => {
	const { page, clean } = await openPage(browser(), t, phone);
	const login = async (email, next) => {
		await page.goto(`/login?next=${next}`);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password', { exact: true }).fill('crowdcart-demo');
		await Promise.all([page.waitForURL(`**${next}`), page.locator('button', { hasText: 'Log in' }).click()]);
	};
	await login('brand-owner@northwind.demo.crowdcart.test', '/studio/brand/codes');
	await page.getByLabel('For').selectOption({ label: '@lena' });
	await page.getByLabel('Percentage or amount off').fill('12.5');
	await page.getByLabel('Uses in all (optional)').fill('20');
	await Promise.all([page.waitForURL('**/studio/brand/codes?saved=*'), page.getByRole('button', { name: 'Create code' }).click()]);
	const code = new URL(page.url()).searchParams.get('saved');
	assert.match(code, /^LENA-[0-9A-Z]{6}$/);
	const row = page.locator('tr.code-row', { hasText: code });
	assert.match(await row.innerText(), /@lena\s+12\.50 %[\s\S]*0 of 20/);
	await fits(page, '/studio/brand/codes');
	await page.screenshot({ path: path.join(SHOTS, 'discount-codes-studio-phone.png'), fullPage: true });
	await page.context().clearCookies();
	await login('lena@demo.crowdcart.test', '/studio/creator/codes');
	const link = page.locator(`#link-${code}`);
	assert.match(await link.inputValue(), new RegExp(`/@lena\\?code=${code}$`));
	await fits(page, '/studio/creator/codes');
	await clean('studio codes');
});

