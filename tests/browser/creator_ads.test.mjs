// creator_ads.test.mjs: a creator in a real Chromium goes from the studio to Ads, fills the new-ad
// form with plain form controls (no step needs JavaScript), gets a product they did not pick refused
// beside the field with what they typed kept, fixes it, publishes, and opens the live ad with its
// cards. No console errors, CSP violations or failed loads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, SHOTS, launchChromium } from './lib/chromium.mjs';
import { makeProduct } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';
import { creatorWithPicks } from '../http/lib/video.mjs';

let browser;

before(async () => {
	fs.mkdirSync(SHOTS, { recursive: true });
	browser = await launchChromium();
});

after(async () => {
	await browser?.close();
});

test('a creator fills the ad form, has an unpicked product refused beside the field, fixes it and opens the live ad', async () => {
	const { account, products: [a, b] } = await creatorWithPicks(2);
	const unpicked = makeProduct();
	const slug = `browser-cr-ad-${unique()}`;
	const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1000, height: 900 } });
	const page = await context.newPage();
	const problems = [];
	// The refused save is a 422 on purpose (Chromium logs it too); anything else at 400 or above is a problem.
	const refusal = (status, method) => status === 422 && method === 'POST';
	page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && !/status of 422/.test(m.text()) &&
		problems.push(`console ${m.type()}: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('requestfailed', (r) => {
		if (!r.url().endsWith('/favicon.svg'))
			problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
	});
	page.on('response', (r) => r.status() >= 400 && !refusal(r.status(), r.request().method()) && problems.push(`${r.status()} ${r.url()}`));
	await page.addInitScript(() => {
		window.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
	});
	try {
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
		const csp = await page.evaluate(() => window.__csp ?? []);
		assert.deepEqual([...problems, ...csp], []);
	} finally {
		await context.close();
	}
});
