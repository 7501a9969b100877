// catalog_upload.test.mjs: a brand owner uploads a real Shopify export through the studio's file
// input, reads the import report, finds the products in the studio list and on their public
// pages, then uploads a hostile file and sees its problems by line. No console errors, no CSP
// violations on the way.
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHOTS, eventually, isFavicon, openPage, useChromium } from './lib/chromium.mjs';
import { signUpInBrowser } from './lib/signup.mjs';
import { FIXTURES, SHOPIFY_DIR, shopifyTest } from '../http/lib/catalog_import.mjs';

const APPAREL = path.join(SHOPIFY_DIR, 'apparel.csv');
const NEGATIVE = path.join(FIXTURES, 'hostile/negative.csv');

const browser = useChromium();

shopifyTest('a brand uploads a Shopify export, reads the report, finds the products, then sees a hostile file\'s problems by line', async (t) => {
	const { context, page, clean } = await openPage(browser(), t, {
		// The refused upload answers 422 on purpose (and Chromium logs it); a favicon fetch still
		// running when a form submission navigates away is aborted: neither is a fault.
		expectConsole: [/status of 422/],
		expectResponse: (r) => r.status() === 422 && r.url().endsWith('/studio/import'),
		expectFailedLoad: (r) => r.failure()?.errorText === 'net::ERR_ABORTED' && isFavicon(r),
	});
	// The export's images live on Shopify's CDN; the test machine has no internet, so a stand-in answers.
	await context.route(/^https:\/\/burst\.shopifycdn\.com\//, (route) => route.fulfill({ contentType: 'image/svg+xml',
		body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>' }));

	const u = Date.now().toString(36);
	await signUpInBrowser(page, { role: 'brand', email: `upload-brand-${u}@test.crowdcart.test`, password: `pw-${u}-long-enough`,
		display_name: 'Upload Brand Owner', brand_name: `Upload Brand ${u}` });

	// The real export, through the file input.
	await page.goto('/studio/import');
	await page.getByLabel('Shopify product CSV').check();
	await page.locator('#file').setInputFiles(APPAREL);
	await Promise.all([page.waitForURL('**/studio/import'), page.locator('button[type=submit]', { hasText: 'Import' }).click()]);
	assert.equal(await page.locator('h1').innerText(), 'Import report');
	assert.match(await page.locator('.lead').innerText(), /apparel\.csv \(shopify\): \d+ rows, 20 products, 22 variants, 20 images\./);
	assert.equal(await page.locator('#import-result').innerText(), 'Imported: 20 created, 0 updated, 0 unchanged, 0 skipped.');
	await page.screenshot({ path: `${SHOTS}catalog-upload-report.png`, fullPage: true });
	const feed = await page.locator('a', { hasText: 'Your catalog feed' }).getAttribute('href');
	const slug = /^\/b\/([^/]+)\/feed\.tsv$/.exec(feed)[1];
	await clean('report');

	// The studio list holds them.
	await Promise.all([page.waitForURL('**/studio/products'), page.locator('a', { hasText: 'Products' }).last().click()]);
	const list = page.locator('table.studio-products tbody tr');
	assert.equal(await list.count(), 20);
	const top = list.filter({ hasText: 'Classic Varsity Top' });
	assert.match(await top.innerText(), /active\s+\$60\.00\s+3/);
	await clean('studio list');

	// And the public product page.
	// Public catalog reads are cached for up to a second; asked beside the page, so that a stale
	// answer is not one of the page's problems.
	await eventually(async () => assert.match(await (await page.request.get(`/p/${slug}/classic-varsity-top`)).text(), /Classic Varsity Top/));
	await page.goto(`/p/${slug}/classic-varsity-top`);
	assert.equal(await page.locator('main h1').innerText(), 'Classic Varsity Top');
	assert.match(await page.locator('main').innerText(), /\$60\.00/);
	await clean('public product page');

	// A hostile file: refused, with the line and the reason.
	await page.goto('/studio/import');
	await page.getByLabel('Shopify product CSV').check();
	await page.locator('#file').setInputFiles(NEGATIVE);
	await Promise.all([page.waitForURL('**/studio/import'), page.locator('button[type=submit]', { hasText: 'Import' }).click()]);
	assert.match(await page.locator('#import-result').innerText(), /Nothing was imported: 1 problem\(s\) in the file/);
	const row = page.locator('table.import-errors tbody tr');
	assert.equal(await row.count(), 1);
	assert.equal(await row.locator('td').nth(0).innerText(), '3');
	assert.match(await row.locator('td').nth(1).innerText(), /Variant Price "-5" is negative/);
	await page.screenshot({ path: `${SHOTS}catalog-upload-refused.png`, fullPage: true });
	await clean('refused upload');
});
