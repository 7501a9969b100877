// creator_ads.test.mjs: a creator in a real Chromium goes from the studio to Ads, fills the new-ad
// form with plain form controls (no step needs JavaScript), gets a product they did not pick refused
// beside the field with what they typed kept, fixes it, publishes, and opens the live ad with its
// cards. No console errors, CSP violations or failed loads.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { BASE_URL, SHOTS, isFavicon, openPage, useChromium } from './lib/chromium.mjs';
import { makeProduct } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';
import { creatorWithPicks } from '../http/lib/video.mjs';

const browser = useChromium();

test('a creator fills the ad form, has an unpicked product refused beside the field, fixes it and opens the live ad', async (t) => {
	const { account, products: [a, b] } = await creatorWithPicks(2);
	const unpicked = makeProduct();
	const slug = `browser-cr-ad-${unique()}`;
	// The refused save is a 422 on purpose (Chromium logs it too); anything else at 400 or above is a problem.
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 1000, height: 900 } },
		expectConsole: [/status of 422/], expectResponse: (r) => r.status() === 422 && r.request().method() === 'POST',
		expectFailedLoad: isFavicon });
	await page.goto('/login');
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(account.password);
	await Promise.all([page.waitForURL('**/studio'), page.locator('button', { hasText: 'Log in' }).click()]);
	await Promise.all([page.waitForURL('**/studio/creator/ads'), page.getByRole('link', { name: /^Ads/ }).click()]);
	await Promise.all([page.waitForURL('**/studio/creator/ads/new'), page.getByRole('link', { name: 'New ad' }).click()]);
	await page.locator('#slug').fill(slug);
	await page.locator('#title').fill('My desk week');
	await page.locator('#headline').fill('Two things I use <daily>');
	await page.locator('#image_url').fill(`${BASE_URL}/static/demo/product-1.svg`);
	await page.locator('#products').fill(`${a.handle}\n${unpicked.handle}`);
	await page.getByLabel('Live').check();
	await page.getByRole('button', { name: 'Save' }).click();
	await page.waitForLoadState();
	const beside = page.locator('#products ~ p.field-error');
	assert.match(await beside.innerText(), /is not one of your picks/);
	assert.equal(await page.locator('#headline').inputValue(), 'Two things I use <daily>', 'what was typed is kept');
	assert.ok(await page.getByLabel('Live').isChecked());
	await page.screenshot({ path: path.join(SHOTS, 'creator-ad-refused.png') });

	await page.locator('#products').fill(`${a.handle}\nnorthwind/${b.handle}`);
	await Promise.all([page.waitForURL(/\/studio\/creator\/ads\/\d+\?saved=1$/), page.getByRole('button', { name: 'Save' }).click()]);
	assert.ok(await page.getByText('Saved.').isVisible());
	await Promise.all([page.waitForURL(`**/ad/${slug}`), page.getByRole('link', { name: `/ad/${slug}` }).click()]);
	assert.ok(await page.locator('img.ad-image').isVisible());
	assert.equal(await page.locator('li.ad-card').count(), 2);
	assert.deepEqual(await page.locator('li.ad-card .card-title').allInnerTexts(), [a.title, b.title]);
	assert.match(await page.locator('.disclosure').innerText(), /earns a commission/);
	await page.screenshot({ path: path.join(SHOTS, 'creator-ad-live.png') });
	await clean();
});
