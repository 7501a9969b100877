// search.test.mjs: a shopper on a 390 px phone searches from the header, with and without
// JavaScript: the results page fits the screen, filters and paging are plain forms, and typing
// brings suggestions when scripts run. Category and brand pages fit the phone too.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, eventually, openPage as openPageOf, useChromium } from './lib/chromium.mjs';

const browser = useChromium();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// A suggestion still on its way when the search is sent is cancelled by the navigation: normal.
const suggestionLeft = (r) => /\/search\/suggest\.json/.test(r.url()) && r.failure()?.errorText === 'net::ERR_ABORTED';
const openPage = (t, { javaScriptEnabled = true } = {}) =>
	openPageOf(browser(), t, { context: { ...PHONE, javaScriptEnabled }, expectFailedLoad: suggestionLeft });

async function fitsTheScreen(page, where) {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 390, `${where}: the page is ${wide} px wide on a 390 px screen`);
}

for (const javaScriptEnabled of [true, false]) {
	test(`a phone searches from the header (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (t) => {
		const { page, clean } = await openPage(t, { javaScriptEnabled });
		await page.goto('/');
		await fitsTheScreen(page, 'home');
		const box = page.locator('header input#site-q');
		await box.fill('wallnut');
		await Promise.all([page.waitForURL('**/search?q=wallnut'), box.press('Enter')]);
		assert.equal(await page.locator('h1').innerText(), 'Search');
		assert.equal(await page.locator('#search-results .card-title').first().innerText(), 'Walnut Monitor Stand');
		await fitsTheScreen(page, '/search?q=wallnut');
		await page.screenshot({ path: path.join(SHOTS, `search-phone-js-${javaScriptEnabled ? 'on' : 'off'}.png`), fullPage: true });

		// the filters are a plain form: open, choose, apply
		await page.locator('.search-filters summary').click();
		await page.locator('#f-sort').selectOption('price_desc');
		await page.locator('#f-brand').selectOption('northwind');
		await Promise.all([page.waitForURL(/sort=price_desc/), page.locator('.search-filters button[type="submit"]').click()]);
		assert.match(page.url(), /brand=northwind/);
		await fitsTheScreen(page, page.url());
		await clean('search');
	});
}

test('typing in the header box suggests product titles', async (t) => {
	const { page, clean } = await openPage(t);
	await page.goto('/');
	await page.locator('header input#site-q').pressSequentially('monit', { delay: 30 });
	await eventually(async () => {
		const options = await page.locator('#site-q-suggestions option').evaluateAll((os) => os.map((o) => o.value));
		assert.ok(options.includes('Walnut Monitor Stand'), options.join());
	});
	await clean('suggestions');
});

test('category, brand and storefront search pages fit a phone', async (t) => {
	const { page, clean } = await openPage(t);
	for (const where of ['/c/desk', '/b/northwind', '/search?creator=lena&q=desk', '/p/northwind/walnut-monitor-stand', '/@lena']) {
		await page.goto(where);
		await fitsTheScreen(page, where);
	}
	await page.goto('/@lena');
	await page.locator('#picks-q').fill('walnut');
	await Promise.all([page.waitForURL(/creator=lena/), page.locator('.picks-search button[type="submit"]').click()]);
	assert.match(await page.locator('#search-results a.card-link').first().getAttribute('href'), /\?via=lena$/);
	await clean('lists');
});
