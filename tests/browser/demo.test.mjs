// demo.test.mjs: the demo's generated clips play in a real Chromium, reached from the home page
// as a newcomer would: lena's shoppable video (its tagged product lights up as it plays) and her
// live replay; the home page and /@lena fit a 390 px phone. No console errors, CSP violations or
// failed loads.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';

const browser = useChromium(['--autoplay-policy=no-user-gesture-required']);
// Chromium aborts the rest of a media download it no longer needs; that is not a failure.
const media = { warnings: false, expectFailedLoad: (r) => r.resourceType() === 'media' };

test('the demo video, reached from the home page, plays and lights up its tagged products', async (t) => {
	const { page, clean } = await openPage(browser(), t, media);
	await page.goto('/', { waitUntil: 'networkidle' });
	await Promise.all([page.waitForURL(/\/v\/\d+$/),
		page.locator('.video-tile', { hasText: 'by Lena Park' }).first().getByRole('link').click()]);
	const video = page.locator('#video-player');
	await video.evaluate((v) => { v.muted = true; return v.play(); });
	await page.waitForFunction(() => document.getElementById('video-player').currentTime > 0.5, null, { timeout: 10000 });
	await page.locator('.video-card.is-now').first().waitFor({ timeout: 5000 });
	await page.screenshot({ path: path.join(SHOTS, 'demo-video.png') });
	await clean();
});

test("the demo replay, reached from lena's storefront, plays", async (t) => {
	const { page, clean } = await openPage(browser(), t, media);
	await page.goto('/@lena', { waitUntil: 'networkidle' });
	// Followed by address rather than clicked: scrolling to the link would start the storefront's
	// lazy images, and leaving would abort them.
	const href = await page.locator('.live-list .surface-tile', { hasText: 'replay' }).first().getByRole('link').getAttribute('href');
	assert.match(href, /^\/live\/\d+$/);
	await page.goto(href);
	const replay = page.locator('#live-replay');
	await replay.evaluate((v) => { v.muted = true; return v.play(); });
	await page.waitForFunction(() => document.getElementById('live-replay').currentTime > 0.5, null, { timeout: 10000 });
	await clean();
});

test('the home page and /@lena fit a 390 px phone', async (t) => {
	const { page, clean } = await openPage(browser(), t, { context: { viewport: { width: 390, height: 844 } } });
	for (const url of ['/', '/@lena']) {
		await page.goto(url);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(wide <= 390, `${url} is ${wide} px wide`);
		await page.screenshot({ path: path.join(SHOTS, `demo-phone${url === '/' ? '-home' : '-lena'}.png`), fullPage: true });
	}
	await clean();
});
