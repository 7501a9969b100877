// public_cache.test.mjs: pages every cookieless visitor sees alike go out public with a strong
// ETag and answer 304 to a client holding them; a visitor's own pages stay private, no ETag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from './lib/http.mjs';
import { csrf, makeProduct } from './lib/commerce.mjs';

test('a cookieless storefront is public for a minute in a shared cache, with a strong ETag and Vary: Cookie', async () => {
	const c = new Client();
	const res = await c.get('/@lena');
	assert.equal(res.status, 200);
	assert.equal(res.headers['cache-control'], 'public, max-age=0, s-maxage=60');
	assert.match(res.headers.etag, /^"[A-Za-z0-9_-]{11}"$/, 'a strong validator');
	assert.match(res.headers.vary, /Cookie/);
	const again = await c.get('/@lena', { headers: { 'if-none-match': res.headers.etag } });
	assert.equal(again.status, 304);
	assert.equal(again.raw.length, 0, 'no body');
	assert.equal(again.headers.etag, res.headers.etag);
	const listed = await c.get('/@lena', { headers: { 'if-none-match': `"nope", W/${res.headers.etag}` } });
	assert.equal(listed.status, 304, 'a list and a weak form match too (GET compares weakly)');
	const other = await c.get('/@lena', { headers: { 'if-none-match': '"something-else"' } });
	assert.equal(other.status, 200);
	assert.equal(other.body, res.body, 'the same page for every cookieless visitor');
	const head = await c.head('/@lena');
	assert.equal(head.headers.etag, res.headers.etag, 'HEAD names the same representation');
});

test('product, lead-form lookup and home pages are public too; the same bytes give the same ETag', async () => {
	const p = makeProduct();
	for (const path of ['/', `/p/${p.brand}/${p.handle}`, '/orders/lookup']) {
		const a = await new Client().get(path), b = await new Client().get(path);
		assert.equal(a.headers['cache-control'], 'public, max-age=0, s-maxage=60', path);
		if (a.body === b.body)
			assert.equal(a.headers.etag, b.headers.etag, path);
	}
});

test('with a session the same pages are the visitor\'s own: no-store, no ETag, no 304', async () => {
	const p = makeProduct();
	const c = new Client();
	await csrf(c);	// the first form sent starts the session
	assert.ok(c.cookie());
	const anon = await new Client().get(`/p/${p.brand}/${p.handle}`);
	const res = await c.get(`/p/${p.brand}/${p.handle}`, { headers: { 'if-none-match': anon.headers.etag } });
	assert.equal(res.status, 200);
	assert.equal(res.headers['cache-control'], 'no-store');
	assert.equal(res.headers.etag, undefined);
	assert.match(res.headers.vary, /Cookie/);
});

test('pages that show a visitor or an order are never public; a live feed is, for one second', async () => {
	for (const path of ['/cart', '/login']) {
		const res = await new Client().get(path);
		assert.doesNotMatch(res.headers['cache-control'] ?? '', /public/, path);
		assert.equal(res.headers.etag, undefined, path);
	}
	// every viewer polls the same events (docs/LIVE.md): a proxy may answer them for a second, and
	// nothing in them is a visitor's own
	const events = await new Client().get('/live/1/events');
	assert.equal(events.headers['cache-control'], 'public, max-age=0, s-maxage=1');
	assert.equal(events.headers['set-cookie'], undefined);
});
