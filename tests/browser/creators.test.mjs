// creators.test.mjs: a real Chromium follows lena's short link, buys, and then lena's and the
// brand's dashboards (SVG chart included) show that sale with its commission; and a creator builds
// a collection from the marketplace in the studio. No console errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOTS, openPage as openPageOf, useChromium } from './lib/chromium.mjs';
import { signUpInBrowser } from './lib/signup.mjs';
import { lit, makeProduct, sql } from '../http/lib/commerce.mjs';
import { brandWithOpenProduct } from '../http/lib/creators.mjs';
import { unique } from '../http/lib/http.mjs';
import { payOffline } from '../http/lib/paid.mjs';

const browser = useChromium();
// A context and page of their own per visitor; a dialog is a problem too.
const openPage = (t) => openPageOf(browser(), t, { dialogs: true, failedLoads: false });

async function logIn(page, email) {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill('crowdcart-demo');
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
}

test('a shopper follows lena\'s short link and buys; lena\'s and the brand\'s dashboards show the sale', async (t) => {
	const p = makeProduct({ price: 4000, brand: 'northwind' });
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		SELECT id, ${p.productId}, 1500, 'approved', 999, UTC_TIMESTAMP() FROM creators WHERE handle = 'lena'`);

	// lena makes a short link to the product in her studio
	const { page: lena, clean: lenaClean } = await openPage(t);
	await logIn(lena, 'lena@demo.crowdcart.test');
	await Promise.all([lena.waitForURL('**/studio/creator/links'), lena.getByRole('link', { name: 'Short links' }).click()]);
	await lena.locator('#target').selectOption({ label: `Product: ${p.title}` });
	await lena.locator('#label').fill('browser test');
	await Promise.all([lena.waitForURL('**/studio/creator/links'), lena.locator('button', { hasText: 'Create link' }).click()]);
	const row = lena.locator('tr', { hasText: `Product: ${p.title}` }).first();
	const path = await row.locator('a.short-link').textContent();
	assert.match(path, /^\/s\/[a-z2-7]{16}$/);

	// the shopper follows it, sees the disclosure and buys two
	const { page: shop, clean: shopClean } = await openPage(t);
	await shop.goto(path);
	assert.match(new URL(shop.url()).pathname, new RegExp(`/p/northwind/${p.handle}$`));
	await assert.doesNotReject(shop.getByRole('note').filter({ hasText: 'Lena Park earns a commission' }).waitFor());
	await shop.locator('#quantity').fill('2');
	await Promise.all([shop.waitForURL('**/cart'), shop.locator('button', { hasText: 'Add to cart' }).click()]);
	await Promise.all([shop.waitForURL('**/checkout'), shop.getByRole('link', { name: 'Check out' }).click()]);
	await shop.locator('#email').fill(`browser-${unique()}@test.crowdcart.test`);
	await shop.locator('#name').fill('Browser Buyer');
	await shop.locator('#line1').fill('1 Test Street');
	await shop.locator('#city').fill('Portland');
	await shop.locator('#postal').fill('97201');
	await shop.locator('#country').selectOption('US');
	// paid for real (bank transfer, then confirmed as the bank would): a test-provider order counts
	// in no dashboard
	await shop.locator('input[name="provider"][value="offline"]').check();
	await Promise.all([shop.waitForURL('**/checkout/review'), shop.locator('button', { hasText: 'Review order' }).click()]);
	await Promise.all([shop.waitForURL('**/checkout/done/**'), shop.locator('button', { hasText: 'Place order' }).click()]);
	const number = (await shop.locator('.order-number').first().textContent()).trim();
	await payOffline(number);
	assert.match(number, /^[0-9A-Z]{20}$/);
	const [[creator, surface, commission]] = sql(`SELECT cr.handle, l.surface, l.commission_amount FROM order_lines l
		JOIN orders o ON o.id = l.order_id JOIN creators cr ON cr.id = l.creator_id WHERE o.number = ${lit(number)}`);
	assert.deepEqual([creator, surface, commission], ['lena', 'link', '1200']);

	// lena's dashboard: the sale, its commission, and the chart drawn on the server
	await Promise.all([lena.waitForURL('**/studio'), lena.getByRole('link', { name: '← Studio' }).click()]);
	await Promise.all([lena.waitForURL('**/studio/creator/dashboard'), lena.getByRole('link', { name: /^Dashboard/ }).click()]);
	const mine = lena.locator('tr.sale', { hasText: number });
	assert.match(await mine.textContent(), /\$80\.00.*15%.*\$12\.00/);
	// charts: visits per day, and commission per day in each currency earned (USD among them)
	assert.ok(await lena.locator('svg.chart[role="img"]').count() >= 2);
	assert.equal(await lena.locator('figure.earnings-chart[data-currency="USD"] svg.chart').count(), 1);
	await lena.screenshot({ path: `${SHOTS}creator-dashboard.png`, fullPage: true });

	// the brand's dashboard shows the same sale
	const { page: brand, clean: brandClean } = await openPage(t);
	await logIn(brand, 'brand-owner@northwind.demo.crowdcart.test');
	await Promise.all([brand.waitForURL('**/studio/brand/dashboard'), brand.getByRole('link', { name: 'Creator sales and commission' }).click()]);
	const theirs = brand.locator('tr.sale', { hasText: number });
	assert.match(await theirs.textContent(), /@lena.*\$80\.00.*15%.*\$12\.00/);
	await brand.screenshot({ path: `${SHOTS}brand-dashboard.png`, fullPage: true });
	for (const clean of [lenaClean, shopClean, brandClean])
		await clean();
});

test('a creator picks a product and builds a published collection in the studio', async (t) => {
	const b = await brandWithOpenProduct({ percent: '10' });
	const { page, clean } = await openPage(t);
	const u = unique();
	await signUpInBrowser(page, { role: 'creator', email: `browser-cr-${u}@test.crowdcart.test`, password: `pw-${u}-long-enough`,
		display_name: 'Browser Creator', handle: `b${u}`.slice(0, 30) });
	await Promise.all([page.waitForURL('**/studio/creator/marketplace'), page.getByRole('link', { name: /^Marketplace/ }).click()]);
	const offer = page.locator('tr', { hasText: b.title });
	assert.match(await offer.textContent(), /10%/);
	await Promise.all([page.waitForURL('**/studio/creator/marketplace?added=approved'), offer.locator('button', { hasText: 'Add pick' }).click()]);
	await page.goto('/studio/creator/collections');
	await page.locator('#title').fill('Browser Favourites');
	await Promise.all([page.waitForURL(/\/studio\/creator\/collections\/\d+$/), page.locator('button', { hasText: 'Create collection' }).click()]);
	await page.locator('#product_id').selectOption({ label: `${b.title} (${b.account.brand_name})` });
	await Promise.all([page.waitForLoadState(), page.locator('button', { hasText: 'Add to collection' }).click()]);
	await page.getByLabel('Why I love it').fill('Warm light, no glare.');
	await Promise.all([page.waitForLoadState(), page.locator('button', { hasText: 'Save note' }).click()]);
	await page.getByLabel(/Published/).check();
	await Promise.all([page.waitForLoadState(), page.locator('button', { hasText: 'Save collection' }).click()]);
	const href = await page.locator('a', { hasText: '/@' }).first().getAttribute('href');
	await page.goto(href);
	assert.match(await page.locator('h1').textContent(), /Browser Favourites/);
	assert.match(await page.locator('.card-note').textContent(), /Warm light, no glare\./);
	await assert.doesNotReject(page.getByRole('note').filter({ hasText: 'earns a commission' }).waitFor());
	await page.screenshot({ path: `${SHOTS}creator-collection.png`, fullPage: true });
	await clean();
});
