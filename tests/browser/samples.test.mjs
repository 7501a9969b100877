// samples.test.mjs: on a 390 px phone, a creator asks for a sample from the marketplace, the brand
// approves, ships with tracking and marks it delivered, the creator follows it, and the creator's
// storefront then says "Gifted by {brand}" beside the pick; and a live viewer who never reloads
// sees the label on a gifted product the moment it is pinned. Every page fits the phone; no
// console errors, CSP violations or dialogs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOTS, eventually, openPage as openPageOf, useChromium } from './lib/chromium.mjs';
import { brandWithOpenProduct, newCreator } from '../http/lib/creators.mjs';
import { goLive, pin, schedule } from '../http/lib/live.mjs';
import { creatorWithPicks } from '../http/lib/video.mjs';
import { lit, sql } from '../http/lib/fulfilment.mjs';

const browser = useChromium();
const PHONE = { viewport: { width: 390, height: 844 } };
const openPage = (t) => openPageOf(browser(), t, { context: PHONE, dialogs: true, failedLoads: false });

async function logIn(page, account) {
	await page.goto('/login');
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(account.password);
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
}

// Waits for a page whose path and query are `want` ("/studio/brand/samples?done=ship").
const at = (want) => (url) => url.pathname + url.search === want;

async function fitsPhone(page) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${new URL(page.url()).pathname} is ${wide} px wide`);
}

test('a sample from the marketplace to delivery on a phone, and "Gifted by" beside the pick', async (t) => {
	const brand = await brandWithOpenProduct();
	const brandName = brand.account.brand_name;
	const creator = await newCreator();
	const res = await creator.client.submit('/studio/creator/picks', { product_id: brand.productId }, { formPath: '/studio/creator/marketplace' });
	assert.equal(res.status, 303);

	// the creator asks from the marketplace
	const { page: cr, clean: crClean } = await openPage(t);
	await logIn(cr, creator.account);
	await Promise.all([cr.waitForURL('**/studio/creator/samples'), cr.getByRole('link', { name: /^Samples/ }).click()]);
	await fitsPhone(cr);
	await Promise.all([cr.waitForURL('**/studio/creator/marketplace'), cr.getByRole('link', { name: /Marketplace: request a sample/ }).click()]);
	await Promise.all([cr.waitForURL((u) => u.pathname === '/studio/creator/samples/new'),
		cr.locator(`a.sample-link[href="/studio/creator/samples/new?product_id=${brand.productId}"]`).click()]);
	await fitsPhone(cr);
	await cr.locator('#note').fill('For a desk setup video');
	await cr.locator('#name').fill('Phone Creator');
	await cr.locator('#line1').fill('1 Test Street');
	await cr.locator('#city').fill('Porto');
	await cr.locator('#postal').fill('4000-001');
	await cr.locator('#country').selectOption({ label: 'Portugal' });
	await Promise.all([cr.waitForURL(at('/studio/creator/samples?done=requested')), cr.locator('button', { hasText: 'Request the sample' }).click()]);
	const mine = cr.locator('li.sample', { hasText: brand.title });
	assert.match(await mine.textContent(), /waiting for the brand/);
	await fitsPhone(cr);

	// the brand approves, ships with tracking and marks it delivered, all on the phone
	const { page: br, clean: brClean } = await openPage(t);
	await logIn(br, brand.account);
	await Promise.all([br.waitForURL('**/studio/brand/samples'), br.getByRole('link', { name: /^Sample requests from creators/ }).click()]);
	const theirs = br.locator('li.sample', { hasText: brand.title });
	assert.match(await theirs.locator('address').textContent(), /Phone Creator.*1 Test Street.*Porto 4000-001.*PT/s);
	await fitsPhone(br);
	await Promise.all([br.waitForURL(at('/studio/brand/samples?done=approve')), theirs.getByRole('button', { name: /^Approve/ }).click()]);
	await theirs.getByLabel('Carrier').selectOption('dhl');
	await theirs.getByLabel('Tracking number').fill('jd01 4600 0038');
	await fitsPhone(br);
	await br.screenshot({ path: `${SHOTS}samples-brand-phone.png`, fullPage: true });
	await Promise.all([br.waitForURL(at('/studio/brand/samples?done=ship')), theirs.getByRole('button', { name: /^Mark as shipped/ }).click()]);

	// the creator follows it: carrier, tracking number, link; no label on the storefront yet
	await cr.reload();
	assert.match(await mine.textContent(), /on its way[\s\S]*DHL, tracking number JD0146000038/);
	assert.match(await mine.getByRole('link', { name: 'Track the parcel' }).getAttribute('href'), /^https:\/\/www\.dhl\.com\/.*JD0146000038$/);
	const { page: shopper, clean: shopperClean } = await openPage(t);
	await shopper.goto(`/@${creator.account.handle}`);
	assert.equal(await shopper.getByText(`Gifted by ${brandName}`).count(), 0);

	await Promise.all([br.waitForURL(at('/studio/brand/samples?done=deliver')), theirs.getByRole('button', { name: /^Mark as delivered/ }).click()]);
	await cr.reload();
	assert.match(await mine.textContent(), /delivered · shown as “Gifted by/);
	await cr.screenshot({ path: `${SHOTS}samples-creator-phone.png`, fullPage: true });

	// the storefront: the label on the pick's card, and the note beside the disclosure
	await eventually(async () => {
		await shopper.goto(`/@${creator.account.handle}`);
		const card = shopper.locator('article.card', { hasText: brand.title });
		assert.equal(await card.getByRole('note').filter({ hasText: `Gifted by ${brandName}` }).count(), 1);
	});
	assert.equal(await shopper.getByRole('note').filter({ hasText: 'received the products marked' }).count(), 1);
	await fitsPhone(shopper);
	await shopper.screenshot({ path: `${SHOTS}samples-gifted-storefront-phone.png`, fullPage: true });
	for (const [clean, where] of [[crClean, 'creator'], [brClean, 'brand'], [shopperClean, 'shopper']])
		await clean(where);
});

test('a live viewer sees "Gifted by" on a pinned gift without reloading', async (t) => {
	const c = await creatorWithPicks(2);
	const [gift, plain] = c.products;
	sql(`INSERT INTO sample_requests (creator_id, brand_id, product_id, ship_name, ship_line1, ship_city, ship_postal,
		ship_country, status, created_at, updated_at, delivered_at) SELECT cr.id, p.brand_id, p.id, 'T', '1 Street', 'City',
		'123', 'US', 'delivered', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP()
		FROM creators cr JOIN products p ON p.id = ${gift.productId} WHERE cr.handle = ${lit(c.account.handle)}`);
	const [[brandName]] = sql("SELECT name FROM brands WHERE slug = 'northwind'");
	const { id } = await schedule(c.client, { products: [gift.productId, plain.productId], stream_url: '/media/samples-live-test.mp4' });
	assert.equal((await goLive(c.client, id)).status, 303);
	// The stream has no file behind it here, so the media load's own error is expected.
	const { page, clean } = await openPageOf(browser(), t, { context: PHONE, warnings: false,
		expectConsole: [/Failed to load resource.*404|media/i], failedLoads: false, errorResponses: false });
	await page.goto(`/live/${id}`);
	await page.evaluate(() => { window.__sameDocument = true; });
	const pinned = page.locator('#live-pinned');
	assert.equal((await pin(c.client, id, plain.productId)).status, 303);
	await pinned.getByText(plain.title).waitFor({ timeout: 5000 });
	assert.equal(await pinned.getByRole('note').count(), 0, 'not a gift: no label');
	assert.equal((await pin(c.client, id, gift.productId)).status, 303);
	await pinned.getByRole('note').filter({ hasText: `Gifted by ${brandName}` }).waitFor({ timeout: 5000 });
	assert.ok(await page.evaluate(() => window.__sameDocument), 'drawn by live.js, not a reload');
	await fitsPhone(page);
	await clean('viewer');
});
