// live_stream.test.mjs: going live from an encoder, in Chromium: the creator (lena) schedules a
// session and makes a stream key on its control panel; ffmpeg publishes a generated stream with it
// (as OBS would); a viewer's live page plays the HLS output natively and its video.currentTime
// advances; a browser without native HLS (canPlayType made to say no) plays it through hls.js.
// The key page and the panel's ingest box fit 390 px. No page errors and no CSP violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOTS, eventually, openPage as openPageOf, useChromium } from './lib/chromium.mjs';
import { Client } from '../http/lib/http.mjs';
import { publish } from '../http/lib/stream.mjs';

const unique = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

const browser = useChromium();
// The page turns live when the encoder connects, a moment before the first segment and playlist
// are written: the player's first ask for the playlist may be a 404, which it asks again after.
const early404 = /\/media\/live\/hls\/s\d+\.m3u8$/;
const openPage = (t) => openPageOf(browser(), t, { expectResponse: (r) => r.status() === 404 && early404.test(r.url()),
	expectConsole: [/Failed to load resource.*404/],
	// A media element cancels its own requests as it seeks and follows the live edge.
	expectFailedLoad: (r) => r.resourceType() === 'media' && r.failure()?.errorText === 'net::ERR_ABORTED' });

// Lena schedules a session, makes its stream key and publishes `seconds` of stream with it; a
// viewer page (set up by `prepare`, before it opens) then opens the live page once the session is
// live. Returns what the test needs to watch and clean up.
async function liveWithStream(t, prepare = async () => {}) {
	const { page: creator, clean: creatorClean } = await openPage(t);
	const { page: viewer, clean: viewerClean } = await openPage(t);
	await prepare(viewer);

	await creator.goto('/login');
	await creator.locator('#email').fill('lena@demo.crowdcart.test');
	await creator.locator('#password').fill('crowdcart-demo');
	await Promise.all([creator.waitForURL('**/studio'), creator.locator('form.form button[type=submit]').click()]);
	await creator.goto('/studio/live');
	await creator.locator('#live-title').fill(`Going live ${unique()}`);
	await creator.locator('#live-starts').fill(new Date(Date.now() + 3600_000).toISOString().slice(0, 16));
	await creator.locator('#live-stream').fill('https://stream.example.test/pasted.m3u8');
	await creator.locator('input[name="product"]').nth(0).check();
	await Promise.all([creator.waitForURL(/\/studio\/live\/\d+$/), creator.getByRole('button', { name: 'Schedule' }).click()]);
	const id = /\/studio\/live\/(\d+)$/.exec(creator.url())[1];
	await creator.locator('#live-no-key').waitFor();
	await Promise.all([creator.waitForLoadState('load'), creator.locator('#live-key-new').click()]);
	const key = await creator.locator('#stream-key').inputValue();
	assert.match(key, /^[A-Za-z0-9_-]{43}$/);
	assert.match(await creator.locator('#stream-server').inputValue(), /^rtmp:\/\/127\.0\.0\.1:\d+\/live$/);
	// The key page and the panel's ingest box fit a phone.
	await creator.setViewportSize({ width: 390, height: 844 });
	assert.ok(await creator.evaluate(() => document.documentElement.scrollWidth <= 390), 'the key page fits 390 px');
	await creator.goto(`/studio/live/${id}`);
	await creator.locator('#live-ingest').waitFor();
	assert.ok(await creator.evaluate(() => document.documentElement.scrollWidth <= 390), 'the panel with its ingest box fits 390 px');

	const stream = publish(key, 60);
	t.after(() => stream.stop());
	// The publish takes the session live; the page then carries the player. (Asked from here, not by
	// reloading the viewer's page, which would cut its own loads short.)
	const probe = new Client();
	await eventually(async () => (await probe.get(`/live/${id}`)).body.includes('id="live-player"'),
		{ timeout: 20_000, interval: 250, message: 'the session went live with the stream' });
	await viewer.goto(`/live/${id}`);
	return { id, viewer, stream, clean: async () => {
		await creatorClean('the creator\'s pages');
		await viewerClean('the viewer\'s live page');
	} };
}

// Waits until the player has played a second, then a second more: { first, later, how }.
async function watch(viewer) {
	const first = await eventually(() => viewer.evaluate(() => {
		const v = document.getElementById('live-player');
		return v.currentTime > 1 && v.currentTime;
	}), { timeout: 40_000, interval: 250, message: 'the video plays' });
	const later = await eventually(() => viewer.evaluate((t0) => {
		const v = document.getElementById('live-player');
		return v.currentTime > t0 + 1 && v.currentTime;
	}, first), { timeout: 15_000, interval: 250, message: 'currentTime keeps advancing' });
	const how = await viewer.evaluate(() => {
		const v = document.getElementById('live-player');
		return { native: v.canPlayType('application/vnd.apple.mpegurl'), src: v.currentSrc };
	});
	return { first, later, how };
}

test('a stream published with the session\'s key plays on the viewer\'s live page', { timeout: 120_000 }, async (t) => {
	const { id, viewer, stream, clean } = await liveWithStream(t);
	const { first, later, how } = await watch(viewer);
	assert.ok(later > first);
	t.diagnostic(`played ${first.toFixed(1)} s -> ${later.toFixed(1)} s; native HLS: "${how.native}", source ${how.src}`);
	if (how.native)
		assert.match(how.src, new RegExp(`/media/live/hls/s${id}\\.m3u8$`), 'Chromium plays the playlist natively');
	await viewer.screenshot({ path: `${SHOTS}live-stream-playing.png` });
	stream.stop();
	await clean();
});

test('where the browser has no native HLS, hls.js plays the stream under the same strict CSP', { timeout: 120_000 }, async (t) => {
	// A browser without native HLS (Chromium before its own, Firefox): canPlayType says no.
	const { viewer, stream, clean } = await liveWithStream(t, (page) => page.addInitScript(() => {
		const canPlayType = HTMLMediaElement.prototype.canPlayType;
		HTMLMediaElement.prototype.canPlayType = function (type) {
			return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type);
		};
	}));
	const { first, later, how } = await watch(viewer);
	assert.ok(later > first);
	assert.equal(how.native, '');
	assert.match(how.src, /^blob:/, 'the media source comes from hls.js');
	t.diagnostic(`hls.js played ${first.toFixed(1)} s -> ${later.toFixed(1)} s`);
	stream.stop();
	await clean();
});
