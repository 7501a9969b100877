// video.test.mjs: a real Chromium plays a small MP4 made for the test with ffmpeg; at a tagged
// moment the right product card is highlighted and the "Shop" overlay names it; its "Add to cart"
// works without leaving the page (fetch); the order placed afterwards is attributed to the video's
// creator. No console errors, CSP violations or failed loads.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { lit, sql } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';
import { creatorWithPicks } from '../http/lib/video.mjs';

// Served by the web server as a static file; git-ignored, made fresh by each run.
const MEDIA = fileURLToPath(new URL('../../static/media-test/', import.meta.url));

const browser = useChromium(['--autoplay-policy=no-user-gesture-required']);
let clip;

before(() => {
	fs.mkdirSync(MEDIA, { recursive: true });
	clip = `clip-${unique()}.mp4`;
	// 8 s of test pattern, H.264 in MP4 with the index first, so the browser can seek at once.
	execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-t', '8',
		'-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', path.join(MEDIA, clip)]);
});

after(() => {
	if (clip)
		fs.rmSync(path.join(MEDIA, clip), { force: true });
});

test('the video plays, the card of the moment lights up, adding it keeps the page, the order is the creator\'s', async (t) => {
	const { account, products: [a, b] } = await creatorWithPicks(2, { price: 1800 });
	// Published straight into the database: the studio accepts only https:// or /media/ addresses,
	// and this stack serves the generated file under /static/.
	const [[id]] = sql(`INSERT INTO videos (creator_id, src_url, caption, created_at)
		SELECT id, ${lit(`/static/media-test/${clip}`)}, 'Browser clip', UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(account.handle)};
		SET @v = LAST_INSERT_ID();
		INSERT INTO video_tags (video_id, product_id, position, start_s, end_s) VALUES (@v, ${a.productId}, 1, 0, 3), (@v, ${b.productId}, 2, 3, 8);
		SELECT @v;`);

	// Chromium aborts the rest of a media download it no longer needs; that is not a failure.
	const { page, clean } = await openPage(browser(), t, { warnings: false, expectFailedLoad: (r) => r.resourceType() === 'media' });
	await page.goto(`/v/${id}`);
	const video = page.locator('#video-player');
	// It plays: time advances.
	await video.evaluate((v) => { v.muted = true; return v.play(); });
	await page.waitForFunction(() => document.getElementById('video-player').currentTime > 0.3, null, { timeout: 10000 });
	await page.locator('#tag-1.is-now').waitFor({ timeout: 5000 });
	// At 4.5 s the second product is on screen: its card is highlighted, the first is not.
	await video.evaluate((v) => { v.pause(); v.currentTime = 4.5; });
	await page.locator('#tag-2.is-now').waitFor({ timeout: 5000 });
	assert.equal(await page.locator('.video-card.is-now').count(), 1);
	const overlay = page.locator('#video-overlay');
	assert.ok(await overlay.isVisible());
	assert.equal(await overlay.textContent(), `Shop: ${b.title}`);
	await page.screenshot({ path: path.join(SHOTS, 'video-tagged-moment.png') });

	// Add to cart through fetch: the page (and the video) stay.
	await page.locator('#tag-2').getByRole('button', { name: 'Add to cart' }).click();
	await page.getByRole('status').filter({ hasText: 'is in your cart' }).waitFor();
	assert.equal(new URL(page.url()).pathname, `/v/${id}`);
	assert.equal(await page.locator('.site-nav .cart-count').textContent(), '(1 items)');

	await page.goto('/cart');
	await page.getByRole('link', { name: 'Check out' }).click();
	await page.getByLabel('Email').fill(`video-browser-${unique()}@example.com`);
	await page.getByLabel('Full name').fill('Vera Video');
	await page.getByLabel('Street address').fill('1 Player Lane');
	await page.getByLabel('Town or city').fill('Porto');
	await page.getByLabel('Postal code').fill('4000-001');
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Portugal' });
	await page.getByLabel(/Test payment/).check();
	await page.getByRole('button', { name: 'Review order' }).click();
	await Promise.all([page.waitForURL('**/checkout/done/*'), page.getByRole('button', { name: 'Place order' }).click()]);
	const [number] = await page.locator('.order-detail .order-number').allInnerTexts();
	const [[handle, surface, product]] = sql(`SELECT cr.handle, l.surface, l.product_id FROM order_lines l
		JOIN orders o ON o.id = l.order_id LEFT JOIN creators cr ON cr.id = l.creator_id WHERE o.number = ${lit(number)}`);
	assert.deepEqual([handle, surface, Number(product)], [account.handle, 'video', b.productId]);
	await clean();
});
