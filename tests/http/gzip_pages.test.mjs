// gzip_pages.test.mjs: a kept page (a storefront) is sent gzipped by the program itself, from its
// parts deflated once when it was kept: compressed once (the web server's own compression leaves
// it alone, lighttpd's and Apache's alike), decompressing to the page; plain for a client that
// does not ask or refuses gzip (q=0); its ETag names the representation and a 304 still comes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { eventually } from './lib/eventually.mjs';
import { fcgiRaw, startProgram } from './lib/fcgi.mjs';
import { Client, VAR } from './lib/http.mjs';

const get = (path, headers = {}) => new Client().request('GET', path, { headers });

// Kept pages, each asked several times in turn: a worker answers a page that is byte for byte its
// last answer from what it remembered, another from its kept parts; both must be the page.
const KEPT = ['/@lena', '/@marco', '/', '/@lena', '/@lena/desk-setup', '/@marco', '/@lena'];

test('a storefront asked with gzip comes gzipped once and decompresses to the page', async () => {
	for (const path of KEPT) await eventually(async () => {
		// a page may change between two views (the hour of its forms' tokens, a live countdown):
		// the two answers are compared until a pair was made alike
		const plain = await get(path);
		const gz = await get(path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
		assert.equal(plain.status, 200, path);
		assert.equal(plain.headers['content-encoding'], undefined, 'no encoding unless asked for');
		assert.match(plain.body, /^<!doctype html>/i);
		assert.equal(gz.status, 200);
		assert.equal(gz.headers['content-encoding'], 'gzip', 'gzip, once: not "gzip, gzip", not brotli on top');
		assert.match(gz.headers.vary ?? '', /accept-encoding/i);
		assert.equal(Number(gz.headers['content-length'] ?? gz.raw.length), gz.raw.length);
		assert.deepEqual([...gz.raw.subarray(0, 2)], [0x1f, 0x8b]);
		const page = zlib.gunzipSync(gz.raw);	// checks the CRC and length of the whole
		assert.notDeepEqual([...page.subarray(0, 2)], [0x1f, 0x8b], 'compressed twice');
		assert.ok(gz.raw.length * 3 < page.length, `${gz.raw.length} bytes gzipped for ${page.length}`);
		assert.equal(page.toString('utf8'), plain.body, path);
	}, { timeout: 8000 });
});

test('a client that names no compression gets the page plain', async () => {
	for (const accept of [undefined, 'identity']) {
		const res = await get('/@lena', accept ? { 'Accept-Encoding': accept } : {});
		assert.equal(res.status, 200, accept);
		assert.equal(res.headers['content-encoding'], undefined, accept);
		assert.match(res.body, /^<!doctype html>/i, accept);
	}
});

// The program itself, with no web server that might compress after it (lighttpd 1.4.69 does not
// read q=0): what it sends for each Accept-Encoding.
let shop;
before(async () => {
	shop = await startProgram(readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8'), { name: 'gzip-shop' });
});
after(() => shop?.stop());

async function program(uri, accept) {
	const raw = await fcgiRaw(shop.sock, { uri, bytes: true, params: accept === undefined ? {} : { HTTP_ACCEPT_ENCODING: accept } });
	const cut = raw.indexOf('\r\n\r\n');
	const head = raw.subarray(0, cut).toString('latin1');
	const header = (name) => [...head.matchAll(new RegExp(`^${name}: (.*)$`, 'gim'))].map((m) => m[1].trim());
	return { head, header, body: raw.subarray(cut + 4) };
}

test('the program gzips a kept page only for a request that accepts gzip, reading q=0 as a refusal', async () => {
	for (const accept of ['gzip', 'deflate, gzip;q=0.5', 'x-gzip', 'br, *']) {
		const res = await program('/@lena', accept);
		assert.deepEqual(res.header('Content-Encoding'), ['gzip'], accept);
		assert.ok(res.header('Vary').some((v) => /accept-encoding/i.test(v)), accept);
		assert.equal(Number(res.header('Content-Length')[0]), res.body.length, accept);
		assert.match(zlib.gunzipSync(res.body).toString('utf8'), /^<!doctype html>/i, accept);
	}
	for (const accept of [undefined, '', 'identity', 'gzip;q=0', 'br, gzip;q=0.000', '*;q=0', 'gzip;q=0, *']) {
		const res = await program('/@lena', accept);
		assert.deepEqual(res.header('Content-Encoding'), [], `${accept}`);
		assert.ok(res.header('Vary').some((v) => /accept-encoding/i.test(v)), 'the plain answer says it varies too');
		assert.match(res.body.toString('utf8'), /^<!doctype html>/i, `${accept}`);
	}
	// a page that is not kept is left to the web server, as before
	const search = await program('/search?q=lamp', 'gzip');
	assert.deepEqual(search.header('Content-Encoding'), []);
	assert.match(search.body.toString('utf8'), /^<!doctype html>/i);
	// and HEAD of a kept page carries no encoding of the program's
	const head = parseHead(await fcgiRaw(shop.sock, { method: 'HEAD', uri: '/@lena', bytes: true, params: { HTTP_ACCEPT_ENCODING: 'gzip' } }));
	assert.doesNotMatch(head, /^Content-Encoding:/im);
});

const parseHead = (raw) => raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');

test('the gzip answer has its own ETag, and either tag gets a 304 without a body', async () => {
	const plain = await get('/@lena');
	const gz = await get('/@lena', { 'Accept-Encoding': 'gzip' });
	const tag = plain.headers.etag, gzTag = gz.headers.etag;
	assert.match(tag ?? '', /^"[A-Za-z0-9_-]+"$/);
	assert.match(gzTag ?? '', /^"[A-Za-z0-9_-]+-gzip"$/);
	await eventually(async () => {
		const again = await get('/@lena', { 'Accept-Encoding': 'gzip', 'If-None-Match': (await get('/@lena', { 'Accept-Encoding': 'gzip' })).headers.etag });
		assert.equal(again.status, 304);
		assert.equal(again.raw.length, 0);
		const plainAgain = await get('/@lena', { 'If-None-Match': (await get('/@lena')).headers.etag });
		assert.equal(plainAgain.status, 304);
	}, { timeout: 8000 });
});

test('HEAD of a kept page is answered as before: no body, no encoding of the program\'s', async () => {
	const res = await new Client().request('HEAD', '/@lena', { headers: { 'Accept-Encoding': 'gzip' } });
	assert.equal(res.status, 200);
	assert.equal(res.raw.length, 0);
});
