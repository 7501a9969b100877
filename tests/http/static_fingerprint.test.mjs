// static_fingerprint.test.mjs: pages link the stylesheet, icon and scripts under names of their content
// (name.<16 hex>.ext, made by the build), those names are served with the same bytes as the plain names, and
// the plain names keep working.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { Client } from './lib/http.mjs';

const FINGERPRINTED = /\/static\/([a-z0-9/_-]+)\.([0-9a-f]{16})\.(css|js|svg)/g;

async function linked(path) {
	const res = await new Client().get(path);
	assert.equal(res.status, 200, path);
	return [...res.body.matchAll(FINGERPRINTED)].map((m) => ({ url: m[0], plain: `/static/${m[1]}.${m[3]}`, hash: m[2] }));
}

test('every page links the stylesheet and icon by their fingerprinted names, never the plain ones', async () => {
	for (const path of ['/', '/@lena', '/login', '/cart']) {
		const res = await new Client().get(path);
		assert.match(res.body, /<link rel="stylesheet" href="\/static\/style\.[0-9a-f]{16}\.css">/, path);
		assert.match(res.body, /<link rel="icon" href="\/static\/favicon\.[0-9a-f]{16}\.svg"/, path);
		// (Data may name a plain static file, as a video poster: only the page's own links count.)
		assert.doesNotMatch(res.body, /<(link [^>]*href|script src)="\/static\/[a-z/-]+\.(css|svg|js)"/, `${path} links a plain name`);
	}
});

test('the fingerprinted files are served, with the bytes of the plain ones and the hash of those bytes', async () => {
	const assets = [...await linked('/'), ...await linked('/live/1'), ...await linked('/v/1'), ...await linked('/@lena')];
	assert.ok(assets.some((a) => a.url.endsWith('.js')), 'some page links a script');
	const c = new Client();
	for (const a of new Map(assets.map((x) => [x.url, x])).values()) {
		const [hashed, plain] = [await c.get(a.url), await c.get(a.plain)];
		assert.equal(hashed.status, 200, a.url);
		assert.equal(plain.status, 200, `${a.plain} keeps working`);
		assert.equal(hashed.headers['content-type'], plain.headers['content-type']);
		assert.ok(hashed.raw.equals(plain.raw), `${a.url} holds what ${a.plain} holds`);
		assert.equal(createHash('sha256').update(hashed.raw).digest('hex').slice(0, 16), a.hash, `${a.url} is named after its content`);
	}
});
