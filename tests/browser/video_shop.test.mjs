// video_shop.test.mjs: shoppable video depth in a real Chromium: a hotspot shown at its time opens
// its product's card in a dialog, where a non-default variant goes into the cart drawer without
// leaving the video and the drawer leads to checkout; on a 390 px phone a card of a product with a
// size and a colour is the product page's picker (a group per option), the price following the
// choice and the chosen combination added into the drawer; the products come over the last frame when
// the video ends; the studio places a hotspot by a click on the paused frame; /videos on a 390 px
// phone is one video per screen, the one in view playing muted and the others paused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SHOTS, openPage, useChromium } from './lib/chromium.mjs';
import { lit, sql } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';
import { sizedVideo } from '../http/lib/video_shop.mjs';

// Served by the web server as a static file; git-ignored, made fresh by each run.
const MEDIA = fileURLToPath(new URL('../../static/media-test/', import.meta.url));
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const browser = useChromium(['--autoplay-policy=no-user-gesture-required']);
let clip;

before(() => {
	fs.mkdirSync(MEDIA, { recursive: true });
	clip = `shop-${unique()}.mp4`;
	// 6 s of test pattern, H.264 with the index first, so the browser can seek at once.
	execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-t', '6',
		'-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', path.join(MEDIA, clip)]);
});

after(() => {
	if (clip)
		fs.rmSync(path.join(MEDIA, clip), { force: true });
});

// A sized video (sizedVideo: the sized product at 0-4 s with a hotspot, then `others` products)
// playing the test's clip: the studio takes only https:// or /media/ addresses, and this stack
// serves the clip under /static/.
async function playableVideo(opts) {
	const v = await sizedVideo(opts);
	sql(`UPDATE videos SET src_url = ${lit(`/static/media-test/${clip}`)} WHERE id = ${v.id}`);
	return v;
}

// Chromium aborts the rest of a media download it no longer needs; that is not a failure.
const mediaAborts = (r) => r.resourceType() === 'media';

test('a hotspot tapped at its time opens the card; a non-default variant goes into the drawer, which leads to checkout', async (t) => {
	const { id, sized } = await playableVideo({ others: 1 });
	const { page, clean } = await openPage(browser(), t, { warnings: false, expectFailedLoad: mediaAborts });
	await page.goto(`/v/${id}`);
	const video = page.locator('#video-player');
	const spot = page.locator('.video-spot[data-card="tag-1"]');
	// Outside its range (the second product's moment) the hotspot is hidden; in it, it shows.
	await video.evaluate((v) => new Promise((ok) => { v.addEventListener('seeked', ok, { once: true }); v.currentTime = 4.5; }));
	assert.equal(await spot.isVisible(), false);
	await video.evaluate((v) => { v.currentTime = 1.5; });
	await spot.waitFor({ state: 'visible', timeout: 5000 });
	assert.equal(await spot.textContent(), 'Pick a size');
	// placed where the studio put it: 30 % across, 40 % down the player
	const [box, at] = [await video.boundingBox(), await spot.locator('.video-spot-dot').boundingBox()];
	assert.ok(Math.abs(at.x + at.width / 2 - (box.x + box.width * 0.3)) < 3, 'x at 30 %');
	assert.ok(Math.abs(at.y + at.height / 2 - (box.y + box.height * 0.4)) < 3, 'y at 40 %');
	await video.evaluate((v) => { v.muted = true; return v.play(); });
	await spot.click();
	const dialog = page.locator('#video-spot-dialog');
	await dialog.locator('#tag-1').waitFor({ state: 'visible' });
	assert.equal(await video.evaluate((v) => v.paused), true, 'the video pauses while the card is open');
	await page.screenshot({ path: path.join(SHOTS, 'video-hotspot-card.png') });
	await dialog.getByLabel(/Large/).check();
	await dialog.getByRole('button', { name: 'Add to cart' }).click();
	await page.getByRole('status').filter({ hasText: `${sized.title} — Large is in your cart.` }).waitFor();
	assert.equal(await dialog.evaluate((d) => d.open), false, 'the dialog closes after the add');
	assert.equal(await page.locator('.video-cards > #tag-1').count(), 1, 'the card is back in its list');
	assert.equal(new URL(page.url()).pathname, `/v/${id}`);
	const drawer = page.locator('#cart-drawer');
	assert.equal(await drawer.evaluate((d) => d.open), true);
	assert.match(await drawer.locator('.cart-drawer-line').first().textContent(), new RegExp(`${sized.title} Large × 1 \\$15\\.00`));
	await page.screenshot({ path: path.join(SHOTS, 'video-cart-drawer.png') });
	await Promise.all([page.waitForURL('**/checkout'), drawer.getByRole('link', { name: 'Check out' }).click()]);
	assert.match(await page.locator('main').textContent(), new RegExp(sized.title));
	// the product is the test's own: the one cart item of it is this shopper's
	assert.deepEqual(sql(`SELECT variant_id, video_id FROM cart_items WHERE variant_id IN (${Object.values(sized.variants).join(',')})`),
		[[String(sized.variants.Large), String(id)]]);
	await clean();
});

test('on a 390 px phone a card\'s picker has a group per option: the price follows the choice and that combination goes into the drawer', async (t) => {
	const { id, sized } = await playableVideo({ colours: true, others: 1 });
	const { page, clean } = await openPage(browser(), t, { context: PHONE, warnings: false, expectFailedLoad: mediaAborts });
	await page.goto(`/v/${id}`);
	const card = page.locator('.video-cards > #tag-1');
	const price = card.locator('#tag-1-price');
	assert.equal(await price.textContent(), 'from $20.00');
	assert.equal(await card.locator('#tag-1-picker-status').textContent(), 'In stock');
	// the second size and the second colour: Large / Moss, not the default Small / Charcoal
	await card.getByRole('group', { name: 'Size' }).getByRole('radio', { name: 'Large' }).check();
	assert.equal(await price.textContent(), '$26.00', 'Large / Charcoal');
	await card.getByRole('group', { name: 'Colour' }).getByRole('radio', { name: 'Moss' }).check();
	assert.equal(await price.textContent(), '$28.00');
	// the other card's price did not move
	assert.equal(await page.locator('#tag-2-price').textContent(), '$10.00');
	// Small comes only sold out in Moss: marked as not going with it
	assert.equal(await card.locator('label.variant-choice.unavailable').filter({ hasText: 'Small' }).count(), 1);
	assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'the card fits the phone');
	await card.scrollIntoViewIfNeeded();
	await page.screenshot({ path: path.join(SHOTS, 'video-card-options-phone.png') });
	await card.getByRole('button', { name: 'Add to cart' }).click();
	await page.getByRole('status').filter({ hasText: `${sized.title} — Large / Moss is in your cart.` }).waitFor();
	assert.equal(new URL(page.url()).pathname, `/v/${id}`, 'the shopper stays on the video');
	const drawer = page.locator('#cart-drawer');
	assert.equal(await drawer.evaluate((d) => d.open), true);
	assert.match(await drawer.locator('.cart-drawer-line').first().textContent(), new RegExp(`${sized.title} Large / Moss × 1 \\$28\\.00`));
	assert.deepEqual(sql(`SELECT variant_id, video_id FROM cart_items WHERE variant_id IN (${Object.values(sized.variants).join(',')})`),
		[[String(sized.variants['Large / Moss']), String(id)]]);
	await clean();
});

test('when the video ends its products come over the last frame, and it can be watched again', async (t) => {
	const { id, sized, products: [other] } = await playableVideo({ others: 1 });
	const { page, clean } = await openPage(browser(), t, { warnings: false, expectFailedLoad: mediaAborts });
	await page.goto(`/v/${id}`);
	const endcard = page.locator('#video-endcard');
	assert.equal(await endcard.isVisible(), false);
	await page.locator('#video-player').evaluate((v) => { v.muted = true; v.currentTime = Math.max(0, v.duration - 0.5) || 5.5; return v.play(); });
	await endcard.waitFor({ state: 'visible', timeout: 8000 });
	assert.equal(await endcard.locator('.video-endcard-title').textContent(), 'Shop this video');
	const links = await endcard.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	assert.deepEqual(links, [`/v/${id}/p/${sized.productId}`, `/v/${id}/p/${other.productId}`]);
	assert.equal(await endcard.locator('.price').count(), 2, 'each with its price');
	assert.equal(await page.locator('[id="tag-1-price"]').count(), 1, 'the copy is not a second #tag-1-price, which the picker updates');
	await page.screenshot({ path: path.join(SHOTS, 'video-post-play.png') });
	await endcard.getByRole('button', { name: 'Watch again' }).click();
	await endcard.waitFor({ state: 'hidden' });
	// Without the script the same products are the page's own list of cards.
	const cards = await page.locator('.video-cards .card-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	assert.deepEqual(cards, links);
	await clean();
});

test('the studio places a hotspot by a click on the paused frame', async (t) => {
	const { id, account } = await playableVideo();
	// after the save the editor's player points at the hosted address, which does not resolve here
	const { page, clean } = await openPage(browser(), t, { warnings: false, expectFailedLoad: () => true,
		expectConsole: [/ERR_NAME_NOT_RESOLVED/] });
	await page.goto('/login');
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(account.password);
	await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'Log in' }).click()]);
	await page.goto(`/studio/videos/${id}/edit`);
	const player = page.locator('#video-spot-player');
	await player.evaluate((v) => v.readyState >= 1 || new Promise((ok) => v.addEventListener('loadedmetadata', ok, { once: true })));
	await page.locator('#tag1_label').focus();
	const box = await player.boundingBox();
	await page.locator('#video-spot-layer').click({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
	assert.equal(await page.locator('#tag1_x').inputValue(), '25');
	assert.equal(await page.locator('#tag1_y').inputValue(), '50');
	assert.match(await page.locator('#video-spot-hint').textContent(), /placed at 25% across, 50% down/);
	// the studio refuses the /static/ address this stack plays the clip from: save with a hosted one
	await page.locator('#src_url').fill('https://cdn.example.test/clip.mp4');
	await Promise.all([page.waitForURL('**/edit?saved=1'), page.getByRole('button', { name: 'Save' }).click()]);
	assert.deepEqual(sql(`SELECT spot_x, spot_y FROM video_tags WHERE video_id = ${id}`), [['25', '50']]);
	await clean();
});

test('/videos on a 390 px phone: one video per screen, the one in view plays muted, the others pause', async (t) => {
	const first = await playableVideo({ caption: 'Swipe first' });
	const second = await playableVideo({ caption: 'Swipe second' });
	// other tests' videos in the feed point at addresses that do not load here, or at files they never uploaded
	const { page, clean } = await openPage(browser(), t, { context: PHONE, warnings: false, failedLoads: false, errorResponses: false,
		expectConsole: [/ERR_NAME_NOT_RESOLVED/, /Failed to load resource.*404/] });
	await page.goto('/videos');
	assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth) <= 390, 'fits 390 px');
	assert.equal(await page.evaluate(() => scrollY), 0, 'the page opens at its top, the site\'s header in view');
	const item = (v) => page.locator(`#swipe-${v.id}`);
	const paused = (v) => item(v).locator('video').evaluate((el) => el.paused);
	assert.deepEqual(await item(first).evaluate((el) => [el.getBoundingClientRect().width, el.getBoundingClientRect().height]), [390, 844]);
	await item(second).evaluate((el) => el.scrollIntoView());
	await page.waitForFunction((id) => !document.querySelector(`#swipe-${id} video`).paused, second.id, { timeout: 8000 });
	assert.equal(await item(second).locator('video').evaluate((el) => el.muted), true);
	await page.screenshot({ path: path.join(SHOTS, 'videos-feed-phone.png') });
	await item(first).evaluate((el) => el.scrollIntoView());
	await page.waitForFunction((id) => !document.querySelector(`#swipe-${id} video`).paused, first.id, { timeout: 8000 });
	await page.waitForFunction((id) => document.querySelector(`#swipe-${id} video`).paused, second.id, { timeout: 8000 });
	assert.equal(await paused(second), true);
	// Snapping stops on a video, not between two: a small scroll from one comes back to it or moves on.
	await page.mouse.wheel(0, 120);
	await page.waitForFunction(() => [...document.querySelectorAll('.swipe-item')]
		.some((s) => Math.abs(s.getBoundingClientRect().top) < 2), null, { timeout: 5000 });
	await Promise.all([page.waitForURL(`**/v/${first.id}`), item(first).getByRole('link', { name: /Shop/ }).click()]);
	await clean();
});
