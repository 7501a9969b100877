// asvs_api.test.mjs: the Shopping API as ASVS 4.0.3 V13 and V14.4.2 ask: every answer a download
// named api.json (never a page a browser would render), cookies ignored (a signed-in browser cannot
// be made to call it: CSRF does not apply), content types checked, keys only in a header.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, brandWithKey } from './lib/catalog.mjs';

const ATTACHMENT = 'attachment; filename="api.json"';

test('every API answer is Content-Disposition: attachment; filename="api.json", errors included', async () => {
	const b = await brandWithKey();
	const answers = [
		['a list', await api('GET', '/api/v1/products', { key: b.key }), 200],
		['a missing key', await api('GET', '/api/v1/products'), 401],
		['an unknown product', await api('GET', '/api/v1/products/999999999', { key: b.key }), 404],
		['a form body', await api('POST', '/api/v1/products', { key: b.key, raw: 'title=x',
			headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415],
		['a wrong method', await api('PUT', '/api/v1/orders', { key: b.key, body: {} }), 405],
	];
	for (const [what, res, status] of answers) {
		assert.equal(res.status, status, what);
		assert.equal(res.headers.get('content-disposition'), ATTACHMENT, what);
		assert.match(res.headers.get('content-type'), /^application\/(problem\+)?json/, what);
		assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
	}
});

test('a signed-in studio cookie alone never authenticates an API call', async () => {
	const b = await brandWithKey();
	const cookie = `cc_session=${b.client.cookie()}`;
	assert.equal((await b.client.get('/studio')).status, 200, 'the cookie is signed in for the studio');
	const read = await api('GET', '/api/v1/products', { headers: { cookie } });
	assert.equal(read.status, 401);
	const write = await api('POST', '/api/v1/products', { headers: { cookie }, body: { title: 'Via cookie' } });
	assert.equal(write.status, 401);
});

test('a JSON body sent as text/plain is refused with 415, whatever it holds', async () => {
	const b = await brandWithKey();
	const res = await api('POST', '/api/v1/products', { key: b.key, raw: JSON.stringify({ title: 'Plain' }),
		headers: { 'content-type': 'text/plain' } });
	assert.equal(res.status, 415);
});
