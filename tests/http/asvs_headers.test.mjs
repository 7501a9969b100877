// asvs_headers.test.mjs: the response headers ASVS 4.0.3 V8.2.1, V14.3.3, V14.4, V14.5 asks for, on
// every program (shop, studio, API), on error answers and on static files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, confValue, newAccount } from './lib/http.mjs';
import { api, brandWithKey } from './lib/catalog.mjs';

// What every answer of a program carries, whichever program and whatever the status.
function assertProgramHeaders(headers, what) {
	const h = (name) => (typeof headers.get === 'function' ? headers.get(name) : headers[name]) ?? '';
	assert.match(h('content-security-policy'), /frame-ancestors 'none'/, `${what}: CSP forbids framing`);
	assert.equal(h('x-frame-options'), 'DENY', `${what}: X-Frame-Options for browsers without frame-ancestors`);
	assert.equal(h('x-content-type-options'), 'nosniff', `${what}: nosniff`);
	assert.equal(h('referrer-policy'), 'strict-origin-when-cross-origin', `${what}: Referrer-Policy`);
	assert.equal(h('permissions-policy'), 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
		`${what}: Permissions-Policy denies what the shop never uses`);
	assert.equal(h('access-control-allow-origin'), '', `${what}: no CORS grant to any origin`);
	assert.doesNotMatch(h('server'), /\d/, `${what}: the Server header names no version`);
	assert.doesNotMatch(h('x-powered-by'), /./, `${what}: no X-Powered-By`);
	assert.ok(h('content-type'), `${what}: has a Content-Type`);
	if (/^text\//.test(h('content-type')))
		assert.match(h('content-type'), /charset=utf-8/i, `${what}: text says its character set`);
	// The test stack's base_url is plain http: HSTS there would be ignored, and is not sent.
	assert.equal(h('strict-transport-security'), '', `${what}: no HSTS over a plain-http base_url`);
}

test('the test stack publishes over plain http, so HSTS and __Host- are rightly absent here (unit-tested for https)', () => {
	assert.match(confValue('base_url'), /^http:\/\//);
});

for (const [what, method, path, status, origin] of [
	['a shop page', 'GET', '/@lena', 200],
	['a shop 404', 'GET', '/no/such/page', 404],
	['the log-in page (studio)', 'GET', '/login', 200],
	['a studio redirect', 'GET', '/studio', 303],
	['a 405 for OPTIONS', 'OPTIONS', '/login', 405],
	['a 405 for TRACE', 'TRACE', '/@lena', 405],
	['a shop page asked with a foreign Origin', 'GET', '/@lena', 200, 'https://evil.example'],
]) {
	test(`${what} carries the ASVS headers (${method} ${path})`, async () => {
		const res = await new Client().request(method, path, origin ? { headers: { origin } } : {});
		assert.equal(res.status, status);
		assertProgramHeaders(res.headers, `${method} ${path}`);
	});
}

test('an API answer carries the ASVS headers, JSON without a charset guess, and no CORS grant', async () => {
	const res = await api('GET', '/api/v1/products', { headers: { origin: 'https://evil.example' } });
	assert.equal(res.status, 401);
	assertProgramHeaders(res.headers, 'GET /api/v1/products without a key');
	assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
});

test('a page of a signed-in account is Cache-Control: no-store', async () => {
	const c = new Client();
	await newAccount(c, 'creator');
	const res = await c.get('/studio');
	assert.equal(res.status, 200);
	assert.equal(res.headers['cache-control'], 'no-store');
});

test('a shop page with an anonymous session (a cart, a checkout) is no-store too', async () => {
	const c = new Client();
	await c.startSession();
	assert.ok(c.cookie(), 'the first form sent started a session');
	const res = await c.get('/cart');
	assert.equal(res.status, 200);
	assert.equal(res.headers['cache-control'], 'no-store');
});

test('a page for anyone, asked without a session, may be kept by a shared cache for a minute; others are revalidated', async () => {
	const res = await new Client().get('/@lena');
	assert.equal(res.status, 200);
	assert.equal(res.headers['cache-control'], 'public, max-age=0, s-maxage=60');
	const login = await new Client().get('/login');
	assert.equal(login.status, 200);
	assert.equal(login.headers['cache-control'], 'private, no-cache');
});

test('an API answer to a keyed request is no-store, and a handler\'s own Cache-Control is not doubled', async () => {
	const b = await brandWithKey();
	const res = await api('GET', '/api/v1/products', { key: b.key });
	assert.equal(res.status, 200);
	assert.equal(res.headers.get('cache-control'), 'no-store');
	const keys = await b.client.get('/studio/api-keys');
	assert.equal(keys.headers['cache-control'], 'no-store', 'one Cache-Control, not "private, no-cache, no-store"');
});

test('static files carry nosniff, framing and referrer rules from the front server', async () => {
	const res = await new Client().get('/static/style.css');
	assert.equal(res.status, 200);
	assert.equal(res.headers['x-content-type-options'], 'nosniff');
	assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
	assert.equal(res.headers['access-control-allow-origin'], undefined);
	assert.doesNotMatch(res.headers.server ?? '', /\d/, 'the Server header names no version');
});
