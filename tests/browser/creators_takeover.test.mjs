// creators_takeover.test.mjs: in a real Chromium, a shopper follows lena's short link, then
// marco's, then comes back directly and buys: the sale is marco's (last click wins, a direct
// visit erases nothing), on marco's dashboard and not on lena's. No console errors or CSP
// violations on the way.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { openPage as openPageOf, useChromium } from './lib/chromium.mjs';
import { lit, makeProduct, sql } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';
import { payOffline } from '../http/lib/paid.mjs';

const browser = useChromium();
// A context and page of their own per visitor.
const openPage = (t) => openPageOf(browser(), t, { failedLoads: false });

// An approved pick and a short link to the product for a demo creator; returns the link's path.
function linkFor(handle, productId, bps) {
	const code = [...randomBytes(16)].map((b) => 'abcdefghijklmnopqrstuvwxyz234567'[b & 31]).join('');
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		SELECT id, ${productId}, ${bps}, 'approved', 999, UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(handle)};
		INSERT INTO short_links (code, creator_id, target, product_id, label, created_at)
		SELECT ${lit(code)}, id, 'product', ${productId}, 'takeover test', UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(handle)}`);
	return `/s/${code}`;
}

async function logIn(page, email) {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill('crowdcart-demo');
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
}

test('marco\'s link after lena\'s takes over the sale; a direct visit in between erases nothing', async (t) => {
	const p = makeProduct({ price: 3000, brand: 'northwind' });
	const lenaLink = linkFor('lena', p.productId, 1000);
	const marcoLink = linkFor('marco', p.productId, 2000);

	const { page: shop, clean: shopClean } = await openPage(t);
	await shop.goto(lenaLink);
	await assert.doesNotReject(shop.getByRole('note').filter({ hasText: 'Lena Park earns a commission' }).waitFor());
	await shop.goto(marcoLink);
	assert.match(new URL(shop.url()).pathname, new RegExp(`/p/northwind/${p.handle}$`));
	await assert.doesNotReject(shop.getByRole('note').filter({ hasText: 'Marco Reyes earns a commission' }).waitFor());
	// Back through the home page and the plain product page: direct visits.
	await shop.goto('/');
	await shop.goto(`/p/northwind/${p.handle}`);
	await Promise.all([shop.waitForURL('**/cart'), shop.locator('button', { hasText: 'Add to cart' }).click()]);
	await Promise.all([shop.waitForURL('**/checkout'), shop.getByRole('link', { name: 'Check out' }).click()]);
	await shop.locator('#email').fill(`takeover-${unique()}@test.crowdcart.test`);
	await shop.locator('#name').fill('Takeover Buyer');
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
	const [[creator, surface, bps, commission]] = sql(`SELECT cr.handle, l.surface, l.commission_bps, l.commission_amount
		FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN creators cr ON cr.id = l.creator_id
		WHERE o.number = ${lit(number)}`);
	assert.deepEqual([creator, surface, bps, commission], ['marco', 'link', '2000', '600']);
	await shopClean();

	// marco's dashboard has the sale; lena's does not.
	const { page: marco, clean: marcoClean } = await openPage(t);
	await logIn(marco, 'marco@demo.crowdcart.test');
	await marco.goto('/studio/creator/dashboard');
	assert.match(await marco.locator('tr.sale', { hasText: number }).textContent(), /\$30\.00.*20%.*\$6\.00/);
	await marcoClean();
	const { page: lena, clean: lenaClean } = await openPage(t);
	await logIn(lena, 'lena@demo.crowdcart.test');
	await lena.goto('/studio/creator/dashboard');
	assert.equal(await lena.locator('tr.sale', { hasText: number }).count(), 0);
	await lenaClean();
});
