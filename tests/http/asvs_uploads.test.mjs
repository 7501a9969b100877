// asvs_uploads.test.mjs: files from users (ASVS 4.0.3 V12, V4.3.2): one account's uploads are
// capped in number (and bytes, unit-tested: test_video.c) so it cannot fill the disk; a stored
// upload is served as what it is, never as a page; the web root lists no directory and serves
// no source or repository file.
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Client, VAR, csrfOf, newAccount } from './lib/http.mjs';
import { multipart } from './lib/catalog_import.mjs';
import { lit, sql } from './lib/commerce.mjs';

function mp4Bytes(size) {
	const head = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomavc1')]);
	return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x2e)]);
}

function upload(client, csrf, data) {
	const { body, type } = multipart({ csrf }, { name: 'clip.mp4', data, type: 'video/mp4' });
	return client.request('POST', '/studio/videos/upload', { headers: { 'content-type': type }, body });
}

function uploadsOf(email) {
	return Number(sql(`SELECT COUNT(*) FROM media_uploads m JOIN users u ON u.id = m.user_id WHERE u.email = ${lit(email)}`)[0][0]);
}

function stored(name) {
	return existsSync(path.join(VAR, 'media', name));
}

test('an account may keep 100 uploaded files; the 101st is refused with 422 and not stored; another account still uploads', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'creator');
	const csrf = csrfOf((await c.get('/studio/videos')).body);
	const names = [];
	for (let i = 0; i < 100; i++) {
		const res = await upload(c, csrf, mp4Bytes(64));
		assert.equal(res.status, 303, `upload ${i + 1} of 100`);
		names.push(/\?uploaded=([0-9a-f]{32}\.mp4)$/.exec(res.headers.location)[1]);
	}
	assert.ok(names.every(stored), 'the 100 files are stored');
	const before = readdirSync(path.join(VAR, 'media')).length;
	const over = await upload(c, csrf, mp4Bytes(64));
	assert.equal(over.status, 422);
	assert.match(over.body, /Your account has uploaded its 100 files, the most this shop keeps for one account\./);
	assert.equal(uploadsOf(acct.email), 100, 'the refused upload left no record behind');
	assert.ok(readdirSync(path.join(VAR, 'media')).length <= before + 2,
		'nothing stored for the refused upload (+2: other tests\' uploads may land meanwhile)');
	const other = new Client();
	await newAccount(other, 'brand');
	const res = await upload(other, csrfOf((await other.get('/studio/videos')).body), mp4Bytes(64));
	assert.equal(res.status, 303, 'the quota is per account');
});

test('an uploaded file is served as video/mp4 with nosniff, never as a page that could run script', async () => {
	const c = new Client();
	await newAccount(c, 'creator');
	// An MP4 header followed by markup: a sniffing browser might take it for HTML.
	const data = Buffer.concat([mp4Bytes(24), Buffer.from('<html><script>alert(1)</script></html>')]);
	const res = await upload(c, csrfOf((await c.get('/studio/videos')).body), data);
	assert.equal(res.status, 303);
	const name = /\?uploaded=([0-9a-f]{32}\.mp4)$/.exec(res.headers.location)[1];
	const file = await new Client().get(`/media/${name}`);
	assert.equal(file.status, 200);
	assert.equal(file.headers['content-type'], 'video/mp4');
	assert.equal(file.headers['x-content-type-options'], 'nosniff');
	assert.match(file.headers['content-security-policy'] ?? '', /script-src 'self'/);
});

for (const [what, p] of [
	['the static folder', '/static/'],
	['the media folder', '/media/'],
	['a repository file', '/.git/config'],
	['a file outside the static folder by dot segments', '/static/../Makefile'],
	['an encoded dot-dot out of the static folder', '/static/%2e%2e/Makefile'],
	['a source file', '/src/shop/main.c'],
	['the configuration', '/crowdcart.conf'],
]) {
	test(`the web root serves no listing or private file: ${what} (${p})`, async () => {
		const res = await new Client().get(p);
		assert.ok([400, 403, 404].includes(res.status), `${p} answered ${res.status}`);
		assert.doesNotMatch(res.body, /Index of|\[core\]|#include|secret_key/);
	});
}
