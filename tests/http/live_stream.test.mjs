// live_stream.test.mjs: going live from an encoder. A creator makes a stream key on the session's
// panel (shown once, only its hash stored); ffmpeg publishes a generated stream to the stack's
// streaming server with it: the session goes live, HLS segments appear as /media/live/hls/s<id>-N.ts
// (never under the key's name) and the viewer page plays that playlist; stopping the stream ends
// the session and crowdcartctl worker turns the recording into the replay. A wrong, revoked or
// ended key is refused by the publish callback, which only the streaming server's address may call.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, ROOT, VAR, confValue } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { sql } from './lib/commerce.mjs';
import { eventually } from './lib/eventually.mjs';
import { liveSession, panel } from './lib/live.mjs';
import { callback, hlsDir, makeKey, publish, segments } from './lib/stream.mjs';

usesDatabase();
const run = promisify(execFile);
const stateOf = (id) => sql(`SELECT state FROM live_sessions WHERE id = ${+id}`)[0][0];

describe('going live from an encoder', { concurrency: true }, () => {

test('a stream key is shown once, stored as a hash, and shown as set on the panel', async () => {
	const { creator, id } = await liveSession();
	let page = await creator.get(`/studio/live/${id}`);
	assert.match(page.body, /<code id="live-ingest-url">rtmp:\/\/127\.0\.0\.1:\d+\/live<\/code>/);
	assert.match(page.body, /id="live-no-key"/);
	const { res, key } = await makeKey(creator, id);
	assert.equal(res.status, 200);
	assert.equal(key?.length, 43, 'a 256-bit key in base64url');
	assert.match(res.headers['cache-control'], /no-store/);
	const [[hash]] = sql(`SELECT HEX(key_hash) FROM live_streams WHERE session_id = ${+id}`);
	assert.equal(hash.length, 64);
	assert.ok(!hash.includes(Buffer.from(key).toString('hex').toUpperCase()), 'the key itself is not stored');
	page = await creator.get(`/studio/live/${id}`);
	assert.match(page.body, /Stream key: set \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
	assert.ok(!page.body.includes(key), 'the panel never shows the key again');
	// Someone else's session: 404, and no key made.
	const other = await liveSession();
	const stranger = new Client();
	assert.equal((await stranger.post(`/studio/live/${other.id}/stream-key`, {})).status, 403, 'no CSRF token, no key');
	assert.equal(sql(`SELECT COUNT(*) FROM live_streams WHERE session_id = ${+other.id}`)[0][0], '0');
});

test('only the streaming server may call the callbacks, and a wrong key is refused', async () => {
	const { creator, id } = await liveSession();
	const { key } = await makeKey(creator, id);
	assert.equal((await callback('publish', { name: key }, { address: '127.0.0.2' })).status, 403, 'another address is refused');
	assert.equal(stateOf(id), 'scheduled');
	assert.equal((await callback('publish', { name: 'A'.repeat(43) })).status, 403);
	assert.equal((await callback('publish', { name: '../../etc' })).status, 403);
	assert.equal((await callback('recorded', { name: `s${id}`, path: '/etc/passwd' })).status, 422);
	assert.equal((await callback('recorded', { name: `s${id}`, path: `/x/s${+id + 1}-1.flv` })).status, 422);
	// ffmpeg with a wrong key: the server refuses the publish, nothing is written.
	const { code } = await publish('B'.repeat(43), 3).done;
	assert.notEqual(code, 0, 'the encoder is refused');
	assert.equal(stateOf(id), 'scheduled');
});

test('publishing goes live with HLS under the public name, stopping ends it, the recording becomes the replay', { timeout: 120_000 }, async (t) => {
	const { creator, id } = await liveSession();
	const { key } = await makeKey(creator, id);
	const viewer = new Client();
	const started = Date.now();
	const stream = publish(key, 12);
	await eventually(() => stateOf(id) === 'live', { timeout: 15_000, message: 'the publish took the session live' });
	const liveAfter = Date.now() - started;
	await eventually(async () => (await viewer.get(`/media/live/hls/s${id}.m3u8`)).status === 200,
		{ timeout: 20_000, interval: 100, message: 'the playlist is served' });
	t.diagnostic(`encoder start -> session live ${liveAfter} ms, -> playlist served ${Date.now() - started} ms`);
	await eventually(() => segments(id).length >= 2, { timeout: 20_000, message: 'a second segment follows' });
	const page = await viewer.get(`/live/${id}`);
	assert.match(page.body, new RegExp(`<video id="live-player" class="video-player" controls autoplay muted playsinline src="/media/live/hls/s${id}\\.m3u8">`));
	assert.match(page.body, /<script src="\/static\/js\/hls\.[0-9a-f]{16}\.js" defer><\/script>/);
	assert.match(page.body, /<script src="\/static\/js\/live-player\.[0-9a-f]{16}\.js" defer><\/script>/);
	const playlist = await viewer.get(`/media/live/hls/s${id}.m3u8`);
	assert.equal(playlist.status, 200);
	assert.match(playlist.headers['content-type'], /mpegurl/i);
	assert.match(playlist.headers['cache-control'], /max-age=1\b/, 'a cache may share the playlist for a second only');
	assert.match(playlist.body, /#EXTM3U/);
	const seg = new RegExp(`^(s${id}-\\d+\\.ts)$`, 'm').exec(playlist.body)[1];
	const ts = await viewer.get(`/media/live/hls/${seg}`);
	assert.equal(ts.status, 200);
	assert.equal(ts.raw[0], 0x47, 'an MPEG-TS segment');
	// The key names nothing anyone can reach.
	assert.ok(!readdirSync(hlsDir()).some((f) => f.includes(key)));
	assert.equal((await viewer.get(`/media/live/hls/${key}.m3u8`)).status, 404);
	// The same key cannot publish a second stream at once.
	const second = await publish(key, 2).done;
	assert.notEqual(second.code, 0, 'a second encoder on the same session is refused');

	const { code, stderr } = await stream.done;
	assert.equal(code, 0, `the stream was taken to the end: ${stderr}`);
	await eventually(() => stateOf(id) === 'ended', { timeout: 15_000, message: 'stopping the stream ended the session' });
	await eventually(() => sql(`SELECT replay_state FROM live_streams WHERE session_id = ${+id}`)[0][0] !== 'none',
		{ timeout: 15_000, message: 'the recording was reported' });
	// The worker (the stack's own may be quicker) remuxes it into an MP4 beside the HLS.
	const workerStarted = Date.now();
	await run(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'worker', '--once'],
		{ maxBuffer: 1 << 24 });
	t.diagnostic(`crowdcartctl worker --once (with the replay of a 12 s stream) took ${Date.now() - workerStarted} ms`);
	const [[state, replay]] = await eventually(() => {
		const rows = sql(`SELECT st.replay_state, s.replay_url FROM live_streams st JOIN live_sessions s ON s.id = st.session_id
			WHERE s.id = ${+id}`);
		return rows[0][0] === 'done' && rows;
	}, { timeout: 30_000 });
	assert.equal(state, 'done');
	assert.equal(replay, 'https://stream.example.test/replay.mp4', 'the creator\'s own replay address stays');
	const files = readdirSync(path.join(confValue('media_dir'), 'live', 'replay')).filter((f) => f.startsWith(`s${id}-`));
	assert.equal(files.length, 1);
	assert.match(files[0], new RegExp(`^s${id}-\\d+\\.mp4$`));
	const mp4 = await viewer.get(`/media/live/replay/${files[0]}`);
	assert.equal(mp4.status, 200);
	assert.equal(mp4.headers['content-type'], 'video/mp4');
	assert.equal(mp4.raw.subarray(4, 8).toString(), 'ftyp');
	const probe = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0',
		path.join(confValue('media_dir'), 'live', 'replay', files[0])]);
	assert.ok(Number(probe.stdout) > 8, `the replay holds the whole stream (${probe.stdout.trim()} s)`);

	// An ended session's key publishes nothing more.
	const again = await publish(key, 2).done;
	assert.notEqual(again.code, 0);
	assert.equal((await callback('publish', { name: key })).status, 409);
	const panelPage = await creator.get(`/studio/live/${id}`);
	assert.match(panelPage.body, /This session has ended; its stream key no longer works\./);
});

test('the replay is the recording when the creator set no replay address of their own', { timeout: 120_000 }, async () => {
	// Scheduled with no stream address either: the encoder brings it.
	const { creator, id } = await liveSession({ replay_url: '', stream_url: '' });
	assert.equal(sql(`SELECT stream_url = '' FROM live_sessions WHERE id = ${+id}`)[0][0], '1', 'no stream address yet');
	const { key } = await makeKey(creator, id);
	const { code, stderr } = await publish(key, 5).done;
	assert.equal(code, 0, stderr);
	await eventually(() => sql(`SELECT replay_state FROM live_streams WHERE session_id = ${+id}`)[0][0] === 'pending'
		|| sql(`SELECT replay_state FROM live_streams WHERE session_id = ${+id}`)[0][0] === 'done', { timeout: 15_000 });
	await run(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'worker', '--once'],
		{ maxBuffer: 1 << 24 });
	const replay = await eventually(() => sql(`SELECT replay_url FROM live_sessions WHERE id = ${+id}`)[0][0] || false, { timeout: 30_000 });
	assert.match(replay, new RegExp(`^/media/live/replay/s${id}-\\d+\\.mp4$`));
	// A cookieless page comes through the workers' cache: within a second of the replay.
	await eventually(async () => {
		const page = await new Client().get(`/live/${id}`);
		assert.match(page.body, new RegExp(`<video id="live-replay" class="video-player" controls preload="metadata" playsinline src="${replay.replace(/\./g, '\\.')}">`));
	});
});

test('a revoked key is refused', { timeout: 60_000 }, async () => {
	const { creator, id } = await liveSession();
	const { key } = await makeKey(creator, id);
	assert.equal((await panel(creator, id, 'stream-key/revoke')).status, 303);
	assert.match((await creator.get(`/studio/live/${id}`)).body, /id="live-no-key"/);
	assert.equal((await callback('publish', { name: key })).status, 403);
	const { code } = await publish(key, 2).done;
	assert.notEqual(code, 0);
	assert.equal(stateOf(id), 'scheduled');
	// A new key replaces the old one.
	const { key: fresh } = await makeKey(creator, id);
	assert.notEqual(fresh, key);
});

test('revoking the key stops the encoder already streaming with it; the session goes on with a new key', { timeout: 90_000 }, async () => {
	const { creator, id } = await liveSession();
	const { key } = await makeKey(creator, id);
	const leaked = publish(key, 60);
	await eventually(() => stateOf(id) === 'live', { timeout: 20_000 });
	assert.equal((await callback('update', { name: key, call: 'update_publish' })).status, 200, 'the key is still good');
	const revokedAt = Date.now();
	assert.equal((await panel(creator, id, 'stream-key/revoke')).status, 303);
	assert.equal((await callback('update', { name: key, call: 'update_publish' })).status, 403);
	// nginx asks again within notify_update_timeout (5 s) and drops the encoder on the 403
	const { code } = await leaked.done;
	const took = Date.now() - revokedAt;
	assert.notEqual(code, 0, 'the encoder was cut off, not left to finish its minute');
	assert.ok(took < 20_000, `cut ${took} ms after the revoke`);
	// the stream's "done" ends nothing: the creator goes on with a new key
	await eventually(() => sql(`SELECT publishing_at IS NULL FROM live_streams WHERE session_id = ${+id}`)[0][0] === '1');
	assert.equal(stateOf(id), 'live');
	const { key: fresh } = await makeKey(creator, id);
	const again = publish(fresh, 4);
	assert.equal((await again.done).code, 0, 'the new key streams');
	// that stream's end ends the session, whose key is then refused at the next update too
	await eventually(() => stateOf(id) === 'ended', { timeout: 15_000 });
	assert.equal((await callback('update', { name: fresh, call: 'update_publish' })).status, 403);
	assert.equal((await callback('update', { name: `s${id}`, call: 'update_publish' })).status, 403);
});

});
