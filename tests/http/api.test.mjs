// api.test.mjs: the Shopping API (/api/v1/) through the real server: bearer keys made in the studio,
// every documented route, cursor pages, updated_since, problem+json errors, body cap, rate limit,
// and that a brand only ever sees its own data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usesDatabase } from './lib/dblock.mjs';
import { api, brandWithKey, createKey, seedOrder, sql } from './lib/catalog.mjs';
import { eventually } from './lib/eventually.mjs';

usesDatabase();

const mug = (title = 'Stoneware Mug', extra = {}) => ({
	title,
	description: 'A <b>heavy</b> mug.\n\nDishwasher safe.',
	product_type: 'Kitchen',
	vendor: 'Test Vendor',
	tags: 'kitchen, mug',
	options: ['Size'],
	images: [{ url: 'https://img.example/mug.jpg', alt: 'A mug' }],
	variants: [
		{ option1: 'Small', sku: 'MUG-S', price: '18.00', compare_at_price: '22.00', stock: 5 },
		{ option1: 'Large', sku: 'MUG-L', price: '24.50', stock: 7, inventory_policy: 'continue' },
	],
	...extra,
});

// Waits until the database's clock (which stamps updated_at) is in a later second than t, an API
// time ("2026-12-06T08:57:22Z"; such strings sort as times).
const secondAfter = (t) =>
	eventually(() => sql("SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%dT%H:%i:%sZ')").trim() > t, { message: `a second after ${t}` });

function assertProblem(res, status, field) {
	assert.equal(res.status, status, res.text);
	assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
	assert.equal(res.json.status, status);
	assert.equal(typeof res.json.title, 'string');
	if (field !== undefined)
		assert.equal(res.json.field, field);
}

const brandA = brandWithKey();
const brandB = brandWithKey();

// The tests share nothing but brandA/brandB's read-only use, so they run side by side.
describe('Shopping API', { concurrency: 4 }, () => {
	it('requests without a valid bearer key get 401 problem+json', async () => {
		const none = await api('GET', '/api/v1/products');
		assertProblem(none, 401);
		assert.match(none.headers.get('www-authenticate'), /^Bearer/);
		assertProblem(await api('GET', '/api/v1/products', { key: 'cck_' + 'A'.repeat(43) }), 401);
		assertProblem(await api('GET', '/api/v1/products', { headers: { authorization: 'Basic Zm9vOmJhcg==' } }), 401);
	});

	it('a revoked key stops working at once', async () => {
		const { client, key } = await brandWithKey();
		assert.equal((await api('GET', '/api/v1/products', { key })).status, 200);
		const list = await client.get('/studio/api-keys');
		const id = /action="\/studio\/api-keys\/(\d+)\/revoke"/.exec(list.body)[1];
		const res = await client.submit(`/studio/api-keys/${id}/revoke`, {}, { formPath: '/studio/api-keys' });
		assert.equal(res.status, 303);
		assertProblem(await api('GET', '/api/v1/products', { key }), 401);
	});

	it('POST /products creates a product with variants, images and exact totals', async () => {
		const { key } = await brandA;
		const res = await api('POST', '/api/v1/products', { key, body: mug() });
		assert.equal(res.status, 201, res.text);
		const p = res.json;
		assert.equal(res.headers.get('location'), `/api/v1/products/${p.id}`);
		assert.equal(p.title, 'Stoneware Mug');
		assert.equal(p.status, 'draft');
		assert.equal(p.description, 'A <b>heavy</b> mug.\n\nDishwasher safe.');
		assert.equal(p.currency, 'USD');
		assert.equal(p.price_min, '18.00');
		assert.equal(p.price_min_minor, 1800);
		assert.equal(p.stock_total, 12);
		assert.deepEqual(p.options, ['Size']);
		assert.equal(p.images.length, 1);
		assert.equal(p.images[0].url, 'https://img.example/mug.jpg');
		assert.equal(p.variants.length, 2);
		assert.equal(p.variants[0].compare_at_price, '22.00');
		assert.equal(p.variants[1].compare_at_price, null);
		assert.equal(p.variants[1].inventory_policy, 'continue');
		assert.match(p.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const got = await api('GET', `/api/v1/products/${p.id}`, { key });
		assert.equal(got.status, 200);
		assert.deepEqual(got.json, p);
	});

	it('two products with the same title get different handles', async () => {
		const { key } = await brandWithKey();
		const one = await api('POST', '/api/v1/products', { key, body: mug('Twin mug') });
		const two = await api('POST', '/api/v1/products', { key, body: mug('Twin mug') });
		assert.equal(one.status, 201);
		assert.equal(two.status, 201);
		assert.equal(one.json.handle, 'twin-mug');
		assert.match(two.json.handle, /^twin-mug-[0-9a-f]{8}$/);
	});

	it('POST /products refuses bad input with the field at fault', async () => {
		const { key } = await brandA;
		const cases = [
			[{ ...mug(), title: '' }, 'title'],
			[{ ...mug(), variants: [] }, 'variants'],
			[{ ...mug(), variants: [{ price: 12.5 }] }, 'variants[0].price'],
			[{ ...mug(), variants: [{ option1: 'S', price: '1,234.50' }] }, 'variants[0].price'],
			[{ ...mug(), variants: [{ option1: 'S', price: '-1.00' }] }, 'variants[0].price'],
			[{ ...mug(), variants: [{ option1: 'S', price: '1.00', stock: -2 }] }, 'variants[0].stock'],
			[{ ...mug(), variants: [{ option1: 'S', price: '1.00', inventory_policy: 'maybe' }] }, 'variants[0].inventory_policy'],
			[{ ...mug(), variants: [{ price: '1.00' }] }, 'variants[0].option1'],
			[{ ...mug(), images: [{ url: 'javascript:alert(1)', alt: 'x' }] }, 'images[0].url'],
			[{ ...mug(), status: 'deleted' }, 'status'],
		];
		for (const [body, field] of cases)
			assertProblem(await api('POST', '/api/v1/products', { key, body }), 422, field);
	});

	it('bodies must be JSON objects, application/json, and at most 256 KiB', async () => {
		const { key } = await brandA;
		assertProblem(await api('POST', '/api/v1/products', { key, raw: '{"title":', headers: { 'content-type': 'application/json' } }), 400);
		assertProblem(await api('POST', '/api/v1/products', { key, raw: '[1,2]', headers: { 'content-type': 'application/json' } }), 400);
		assertProblem(await api('POST', '/api/v1/products', { key, raw: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
		const big = JSON.stringify({ ...mug(), description: 'x'.repeat(300 * 1024) });
		assertProblem(await api('POST', '/api/v1/products', { key, raw: big, headers: { 'content-type': 'application/json' } }), 413);
	});

	it('GET /products pages with an opaque cursor and never repeats or skips', async () => {
		const { key } = await brandWithKey();
		const ids = [];
		for (let i = 0; i < 5; i++)
			ids.push((await api('POST', '/api/v1/products', { key, body: mug(`Page mug ${i}`) })).json.id);
		const seen = [];
		let cursor = null, pages = 0;
		do {
			const res = await api('GET', `/api/v1/products?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key });
			assert.equal(res.status, 200, res.text);
			assert.ok(res.json.data.length <= 2);
			seen.push(...res.json.data.map((p) => p.id));
			cursor = res.json.next_cursor;
			if (cursor)
				assert.doesNotMatch(cursor, /^\d+$/, 'the cursor is opaque, not a bare id');
			pages++;
		} while (cursor && pages < 10);
		assert.deepEqual(seen, ids);
		assert.equal(pages, 3);
		assertProblem(await api('GET', '/api/v1/products?limit=0', { key }), 400, 'limit');
		assertProblem(await api('GET', '/api/v1/products?limit=101', { key }), 400, 'limit');
		assertProblem(await api('GET', '/api/v1/products?cursor=12', { key }), 400, 'cursor');
		assertProblem(await api('GET', '/api/v1/products?updated_since=yesterday', { key }), 400, 'updated_since');
		const drafts = await api('GET', '/api/v1/products?status=active', { key });
		assert.deepEqual(drafts.json.data, []);
	});

	it('updated_since returns only products changed at or after that time', async () => {
		const { key } = await brandWithKey();
		const old = (await api('POST', '/api/v1/products', { key, body: mug('Old mug') })).json;
		await secondAfter(old.updated_at);	// updated_at has one-second resolution
		const fresh = (await api('POST', '/api/v1/products', { key, body: mug('Fresh mug') })).json;
		const res = await api('GET', `/api/v1/products?updated_since=${fresh.updated_at}`, { key });
		assert.equal(res.status, 200);
		assert.deepEqual(res.json.data.map((p) => p.id), [fresh.id]);
		await secondAfter(fresh.updated_at);
		const touched = await api('PATCH', `/api/v1/variants/${old.variants[0].id}`, { key, body: { stock: 9 } });
		assert.equal(touched.status, 200);
		const after = await api('GET', `/api/v1/products?updated_since=${fresh.updated_at}`, { key });
		assert.deepEqual(after.json.data.map((p) => p.id).sort(), [old.id, fresh.id].sort(), 'a stock change counts as an update');
	});

	it('PATCH /products/{id} changes the given fields only; DELETE archives', async () => {
		const { key } = await brandA;
		const p = (await api('POST', '/api/v1/products', { key, body: mug('Patch mug') })).json;
		const res = await api('PATCH', `/api/v1/products/${p.id}`, { key, body: { title: 'Patched mug', status: 'active', images: [] } });
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.title, 'Patched mug');
		assert.equal(res.json.status, 'active');
		assert.equal(res.json.vendor, 'Test Vendor');
		assert.equal(res.json.description, p.description);
		assert.deepEqual(res.json.images, []);
		assert.equal(res.json.variants.length, 2);
		assertProblem(await api('PATCH', `/api/v1/products/${p.id}`, { key, body: { title: 7 } }), 422, 'title');
		assertProblem(await api('PATCH', `/api/v1/products/${p.id}`, { key, body: { variants: [] } }), 422, 'variants');
		const del = await api('DELETE', `/api/v1/products/${p.id}`, { key });
		assert.equal(del.status, 204);
		assert.equal((await api('GET', `/api/v1/products/${p.id}`, { key })).json.status, 'archived');
		assertProblem(await api('GET', '/api/v1/products/999999999', { key }), 404);
		assertProblem(await api('GET', '/api/v1/products/abc', { key }), 404);
	});

	it('variants: list, add, change price and stock, with product totals kept exact', async () => {
		const { key } = await brandA;
		const p = (await api('POST', '/api/v1/products', { key, body: mug('Variant mug') })).json;
		const list = await api('GET', `/api/v1/products/${p.id}/variants`, { key });
		assert.equal(list.status, 200);
		assert.deepEqual(list.json.data.map((v) => v.sku), ['MUG-S', 'MUG-L']);
		const added = await api('POST', `/api/v1/products/${p.id}/variants`, { key, body: { option1: 'Tiny', sku: 'MUG-T', price: '9.99', stock: 3 } });
		assert.equal(added.status, 201, added.text);
		assert.equal(added.headers.get('location'), `/api/v1/variants/${added.json.id}`);
		assert.equal(added.json.price_minor, 999);
		let now = (await api('GET', `/api/v1/products/${p.id}`, { key })).json;
		assert.equal(now.price_min, '9.99');
		assert.equal(now.stock_total, 15);
		assertProblem(await api('POST', `/api/v1/products/${p.id}/variants`, { key, body: { price: '1.00' } }), 422, 'option1');
		const changed = await api('PATCH', `/api/v1/variants/${added.json.id}`, { key, body: { price: '30.00', stock: 0, compare_at_price: '35.00' } });
		assert.equal(changed.status, 200, changed.text);
		assert.equal(changed.json.price, '30.00');
		assert.equal(changed.json.compare_at_price, '35.00');
		now = (await api('GET', `/api/v1/products/${p.id}`, { key })).json;
		assert.equal(now.price_min, '18.00');
		assert.equal(now.stock_total, 12);
		const neg = await api('PATCH', `/api/v1/variants/${p.variants[1].id}`, { key, body: { stock: -4 } });
		assert.equal(neg.status, 200, 'continue policy may go below zero');
		now = (await api('GET', `/api/v1/products/${p.id}`, { key })).json;
		assert.equal(now.stock_total, 5, 'negative stock counts as none');
		assertProblem(await api('PATCH', `/api/v1/variants/${p.variants[0].id}`, { key, body: { stock: -1 } }), 422, 'stock');
		assertProblem(await api('PATCH', `/api/v1/variants/${p.variants[0].id}`, { key, body: { price: 3 } }), 422, 'price');
		assertProblem(await api('PATCH', '/api/v1/variants/999999999', { key, body: { stock: 1 } }), 404);
	});

	it('a brand never sees or changes another brand\'s products', async () => {
		const a = await brandA, b = await brandB;
		const p = (await api('POST', '/api/v1/products', { key: a.key, body: mug('Private mug') })).json;
		const listB = await api('GET', '/api/v1/products?limit=100', { key: b.key });
		assert.equal(listB.status, 200);
		assert.ok(!listB.json.data.some((x) => x.id === p.id));
		assertProblem(await api('GET', `/api/v1/products/${p.id}`, { key: b.key }), 404);
		assertProblem(await api('GET', `/api/v1/products/${p.id}/variants`, { key: b.key }), 404);
		assertProblem(await api('PATCH', `/api/v1/products/${p.id}`, { key: b.key, body: { title: 'Stolen' } }), 404);
		assertProblem(await api('DELETE', `/api/v1/products/${p.id}`, { key: b.key }), 404);
		assertProblem(await api('POST', `/api/v1/products/${p.id}/variants`, { key: b.key, body: { option1: 'X', price: '1.00' } }), 404);
		assertProblem(await api('PATCH', `/api/v1/variants/${p.variants[0].id}`, { key: b.key, body: { stock: 0 } }), 404);
		const still = (await api('GET', `/api/v1/products/${p.id}`, { key: a.key })).json;
		assert.equal(still.title, 'Private mug');
		assert.equal(still.status, 'draft');
		assert.equal(still.variants[0].stock, 5);
		const demo = await api('GET', '/api/v1/products/1', { key: b.key });
		assertProblem(demo, 404);
	});

	it('unknown routes and methods answer problem+json', async () => {
		const { key } = await brandA;
		assertProblem(await api('GET', '/api/v1/nothing', { key }), 404);
		assertProblem(await api('GET', '/api/v2/products', { key }), 404);
		const put = await api('PUT', '/api/v1/products', { key, body: {} });
		assertProblem(put, 405);
		assert.equal(put.headers.get('allow'), 'GET, HEAD, POST');
		assert.equal((await api('DELETE', '/api/v1/variants/1', { key })).headers.get('allow'), 'PATCH');
	});

	it('a key over its rate limit gets 429 with Retry-After', async () => {
		const { client } = await brandA;
		const { key } = await createKey(client, 'burst');
		let limited = null;
		// 300 a minute by default; a window may turn over mid-burst, hence up to 800 requests.
		for (let round = 0; round < 80 && !limited; round++) {
			const batch = await Promise.all(Array.from({ length: 10 }, () => api('GET', '/api/v1/products?limit=1', { key })));
			limited = batch.find((r) => r.status === 429);
			for (const r of batch)
				assert.ok(r.status === 200 || r.status === 429, `unexpected ${r.status}`);
		}
		assert.ok(limited, 'the limit was reached');
		assertProblem(limited, 429);
		const after = Number(limited.headers.get('retry-after'));
		assert.ok(after >= 1 && after <= 60, `Retry-After ${after}`);
		assert.equal(limited.headers.get('ratelimit-remaining'), '0');
	});

	it('GET /orders and /orders/{id}: the brand\'s orders with their lines, paged and filtered', async () => {
		const a = await brandWithKey(), b = await brandA;
		const first = seedOrder(a.slug, { items: [{ title: 'Seeded mug', sku: 'SEED-1', unit: 1250, qty: 2 }, { title: 'Seeded tray', sku: 'SEED-2', unit: 999, qty: 1 }] });
		const second = seedOrder(a.slug, { status: 'shipped' });
		const page1 = await api('GET', '/api/v1/orders?limit=1', { key: a.key });
		assert.equal(page1.status, 200, page1.text);
		assert.deepEqual(page1.json.data.map((o) => o.id), [first]);
		const o = page1.json.data[0];
		assert.equal(o.status, 'paid');
		assert.equal(o.total, '39.99');
		assert.equal(o.total_minor, 3999);
		assert.equal(o.subtotal_minor, 3499);
		assert.equal(o.shipping_address.city, 'Testville');
		assert.deepEqual(o.lines.map((l) => [l.sku, l.quantity, l.line_total]), [['SEED-1', 2, '25.00'], ['SEED-2', 1, '9.99']]);
		const page2 = await api('GET', `/api/v1/orders?limit=1&cursor=${encodeURIComponent(page1.json.next_cursor)}`, { key: a.key });
		assert.deepEqual(page2.json.data.map((x) => x.id), [second]);
		assert.equal(page2.json.next_cursor, null);
		const shipped = await api('GET', '/api/v1/orders?status=shipped', { key: a.key });
		assert.deepEqual(shipped.json.data.map((x) => x.id), [second]);
		const future = await api('GET', '/api/v1/orders?updated_since=2999-01-01T00:00:00Z', { key: a.key });
		assert.deepEqual(future.json.data, []);
		const one = await api('GET', `/api/v1/orders/${first}`, { key: a.key });
		assert.equal(one.status, 200);
		assert.deepEqual(one.json, o);
		assertProblem(await api('GET', `/api/v1/orders/${first}`, { key: b.key }), 404);
		const other = await api('GET', '/api/v1/orders', { key: b.key });
		assert.ok(!other.json.data.some((x) => x.id === first || x.id === second));
		assertProblem(await api('GET', '/api/v1/orders?status=lost', { key: a.key }), 400, 'status');
		assertProblem(await api('POST', '/api/v1/orders', { key: a.key, body: {} }), 405);
	});
});
