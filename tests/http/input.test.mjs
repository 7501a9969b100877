// input.test.mjs: typed input through the real stack: a path id that is not an id is a 404 in every
// program (HTML in the shop and studio, a problem document in the API), after what the route
// requires; a declared value of the wrong type is a 400 naming the field; a field a page reports
// itself still gets the page's own message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/http.mjs';
import { api, brandWithKey, newBrand } from './lib/catalog.mjs';
import { csrf } from './lib/commerce.mjs';

const NOT_FOUND_PAGE = /<h1 class="page-title"><span class="status">404<\/span> Not Found<\/h1>/;

describe('typed input', { concurrency: 4 }, () => {
	for (const path of ['/v/abc', '/v/0', '/v/007', '/v/12abc', '/live/-1', '/live/99999999999999999999',
		'/live/abc/events', '/v/1/p/x', '/ad/some-ad/p/1.5']) {
		test(`a shop path id that is not an id is the 404 page (${path})`, async () => {
			const res = await new Client().get(path);
			assert.equal(res.status, 404);
			assert.match(res.body, NOT_FOUND_PAGE);
		});
	}

	test('a studio path id that is not an id is a 404 for the signed-in, a login redirect for others', async () => {
		const { client } = await newBrand();
		for (const path of ['/studio/forms/abc', '/studio/products/0', '/studio/leads/1e3', '/studio/showcases/+1'])
			assert.equal((await client.get(path)).status, 404, path);
		const stranger = await new Client().get('/studio/forms/abc');
		assert.equal(stranger.status, 303);
		assert.equal(stranger.headers.location, '/login?next=/studio/forms/abc');
	});

	test('a form posted with a bad path id still needs its csrf token first (403), then is a 404', async () => {
		const { client } = await newBrand();
		assert.equal((await client.post('/studio/domains/abc/check', {})).status, 403);
		const res = await client.submit('/studio/domains/abc/check', {}, { formPath: '/studio/domains' });
		assert.equal(res.status, 404);
	});

	test('an API path id that is not an id is a 404 problem document', async () => {
		const { key } = await brandWithKey();
		for (const path of ['/api/v1/orders/abc', '/api/v1/products/007', '/api/v1/products/0/variants']) {
			const res = await api('GET', path, { key });
			assert.equal(res.status, 404, path);
			assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
			assert.equal(res.json.status, 404);
		}
	});

	test('a value outside its declared choices is a 400 naming the field', async () => {
		const { client } = await newBrand();
		const res = await client.submit('/studio/brand/pick-requests/1', { decision: 'maybe' },
			{ formPath: '/studio/brand/pick-requests' });
		assert.equal(res.status, 400);
		assert.match(res.body, /The field &quot;decision&quot; is not valid\./);
	});

	test('a field the page reports itself keeps the page\'s own answer', async () => {
		const c = new Client();
		const res = await c.post('/cart/add', { csrf: await csrf(c), variant: '1', quantity: 'lots' });
		assert.equal(res.status, 422);
		assert.match(res.body, /Choose an option and a quantity from 1 to 99\./);
		const { key } = await brandWithKey();
		const list = await api('GET', '/api/v1/products?limit=abc', { key });
		assert.equal(list.status, 400);
		assert.equal(list.json.field, 'limit');
	});
});
