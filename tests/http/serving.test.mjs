// serving.test.mjs: the server snippets (lighttpd/crowdcart.conf.in, apache/crowdcart.conf.in) compress
// text for clients that ask, leave it alone for those that do not, and tell browsers how long to keep static files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { Client } from './lib/http.mjs';

async function get(path, encoding) {
	const headers = encoding ? { 'Accept-Encoding': encoding } : {};
	const res = await new Client().request('GET', path, { headers });
	assert.equal(res.status, 200, `GET ${path}`);
	return res;
}

// The decoded body, whatever the server chose among what was offered.
function decoded(res) {
	switch (res.headers['content-encoding']) {
	case 'gzip': return zlib.gunzipSync(res.raw).toString('utf8');
	case 'br': return zlib.brotliDecompressSync(res.raw).toString('utf8');
	case undefined: return res.body;
	default: assert.fail(`unexpected Content-Encoding ${res.headers['content-encoding']}`);
	}
}

for (const path of ['/static/style.css', '/@lena', '/b/northwind/feed.tsv']) {
	test(`${path} is gzipped for a client that accepts gzip, and the same once decoded`, async () => {
		const plain = await get(path);
		assert.equal(plain.headers['content-encoding'], undefined, 'no encoding unless asked for');
		const gz = await get(path, 'gzip');
		assert.equal(gz.headers['content-encoding'], 'gzip');
		assert.match(gz.headers.vary ?? '', /accept-encoding/i);
		assert.ok(gz.raw.length * 2 < plain.raw.length, `${gz.raw.length} bytes gzipped vs ${plain.raw.length}`);
		// A page may differ from one view to the next (a live countdown): its start is enough.
		const text = decoded(gz);
		assert.equal(path === '/@lena' ? text.slice(0, 200) : text, path === '/@lena' ? plain.body.slice(0, 200) : plain.body);
	});
}

test('brotli is preferred when the client offers it', async () => {
	const res = await get('/static/style.css', 'br, gzip');
	assert.equal(res.headers['content-encoding'], 'br');
	assert.equal(decoded(res), (await get('/static/style.css')).body);
});

test('static files are kept a few minutes, and pages carry no long-lived cache header', async () => {
	const css = await get('/static/style.css');
	const cc = css.headers['cache-control'] ?? '';
	const age = Number(/max-age=(\d+)/.exec(cc)?.[1]);
	assert.ok(age > 0 && age <= 3600, `Cache-Control: ${cc}`);
	assert.doesNotMatch(cc, /immutable/, 'a name without a fingerprint can change: not immutable');
	// A page anyone sees alike may be kept a minute by a shared cache (s-maxage), never longer by default.
	const page = await get('/@lena');
	const pageCc = page.headers['cache-control'] ?? '';
	assert.doesNotMatch(pageCc, /immutable/);
	assert.ok(Number(/max-age=(\d+)/.exec(pageCc)?.[1] ?? 0) <= 60, `Cache-Control: ${pageCc}`);
});

test('SVG images, being text, are gzipped like stylesheets', async () => {
	const res = await get('/static/demo/product-1.svg', 'gzip');
	assert.equal(res.headers['content-encoding'], 'gzip');
	assert.match(res.headers['content-type'], /^image\/svg\+xml/);
});
