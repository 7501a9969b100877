// The WooCommerce simulator against WooCommerce's published REST API v3 behaviour: consumer key and
// secret by basic auth or query, errors as {code, message, data:{status}}, page/per_page/offset
// paging with X-WP-Total and X-WP-TotalPages, variations, orders, webhooks signed with
// X-WC-Webhook-Signature, and the misbehaviour a sync must survive (429 with Retry-After, a 500).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { startWooSim } from './server.mjs';

let sim, shop;
before(async () => {
	sim = await startWooSim();
	shop = await (await fetch(`${sim.base}/_sim/shops`, { method: 'POST', body: JSON.stringify({ products: 25, variations: 2 }) })).json();
});
after(async () => { await sim.close(); });

const basic = (k, s) => `Basic ${Buffer.from(`${k}:${s}`).toString('base64')}`;

async function api(path, { auth = basic(shop.key, shop.secret), method = 'GET', body } = {}) {
	const r = await fetch(`${sim.base}/wp-json/wc/v3${path}`, { method, body: body ? JSON.stringify(body) : undefined,
		headers: { ...(auth ? { authorization: auth } : {}), 'content-type': 'application/json' } });
	return { status: r.status, headers: r.headers, json: await r.json() };
}

const control = async (method, path, body) =>
	(await fetch(sim.base + path, { method, body: body ? JSON.stringify(body) : undefined })).json();

test('wrong credentials are answered 401 in WooCommerce\'s error shape; the query-string form works too', async () => {
	const r = await api('/products', { auth: basic('ck_nobody', 'cs_x') });
	assert.equal(r.status, 401);
	assert.deepEqual(r.json, { code: 'woocommerce_rest_authentication_error', message: 'Consumer key is invalid.', data: { status: 401 } });
	assert.equal((await api('/products', { auth: basic(shop.key, 'cs_wrong') })).status, 401);
	const q = await api(`/products?consumer_key=${shop.key}&consumer_secret=${shop.secret}`, { auth: null });
	assert.equal(q.status, 200);
});

test('products page by page/per_page with X-WP-Total and X-WP-TotalPages, newest first unless asked', async () => {
	const first = await api('/products?per_page=10');
	assert.equal(first.headers.get('x-wp-total'), '25');
	assert.equal(first.headers.get('x-wp-totalpages'), '3');
	assert.match(first.headers.get('link'), /rel="next"/);
	assert.equal(first.json.length, 10);
	assert.ok(first.json[0].id > first.json[1].id, 'newest first by default');
	const last = await api('/products?per_page=10&page=3&orderby=id&order=asc');
	assert.equal(last.json.length, 5);
	assert.ok(last.json[0].id < last.json[1].id);
	assert.equal((await api('/products?per_page=10&page=4')).json.length, 0);
	const all = (await api('/products?per_page=100&order=asc')).json.map((p) => p.id);
	const off = await api('/products?per_page=3&offset=2&order=asc');
	assert.deepEqual(off.json.map((p) => p.id), all.slice(2, 5), 'offset wins over page, as in WordPress');
	const bad = await api('/products?per_page=101');
	assert.equal(bad.status, 400);
	assert.equal(bad.json.code, 'rest_invalid_param');
	const p = first.json[0];
	assert.equal(p.type, 'variable');
	assert.equal(p.variations.length, 2);
	for (const k of ['id', 'name', 'slug', 'status', 'description', 'sku', 'price', 'regular_price', 'sale_price', 'manage_stock',
		'stock_quantity', 'stock_status', 'backorders', 'categories', 'tags', 'images', 'attributes'])
		assert.ok(k in p, k);
	const vars = await api(`/products/${p.id}/variations`);
	assert.deepEqual(vars.json.map((v) => v.id), p.variations);
	assert.deepEqual(vars.json[0].attributes, [{ id: 0, name: 'Size', option: 'S' }]);
	assert.equal(vars.json[0].sale_price !== '', true);
	assert.equal((await api('/products/999999999/variations')).json.code, 'woocommerce_rest_product_invalid_id');
});

test('orders are created paid and read back, and a completed one carries its tracking', async () => {
	const p = (await api('/products?per_page=1')).json[0];
	const bad = await api('/orders', { method: 'POST', body: { line_items: [] } });
	assert.equal(bad.status, 400);
	const r = await api('/orders', { method: 'POST', body: { set_paid: true, line_items: [{ product_id: p.id, variation_id: p.variations[0], quantity: 2 }] } });
	assert.equal(r.status, 201);
	assert.equal(r.json.status, 'processing');
	const since = new Date(Date.now() - 60000).toISOString().slice(0, 19);
	const listed = await api(`/orders?after=${since}&dates_are_gmt=true&per_page=100`);
	assert.deepEqual(listed.json.map((o) => o.id), [r.json.id]);
	assert.equal((await api('/orders?after=2099-01-01T00:00:00&dates_are_gmt=true')).json.length, 0);
	await control('POST', `/_sim/shops/${shop.key}/orders/${r.json.id}/complete`, { provider: 'UPS', number: '1Z999' });
	const back = await api(`/orders/${r.json.id}`);
	assert.equal(back.json.status, 'completed');
	assert.equal(back.json.meta_data.find((m) => m.key === '_wc_shipment_tracking_items').value[0].tracking_number, '1Z999');
});

test('webhooks are subscribed by POST /webhooks and listed, the secret never shown back', async () => {
	const bad = await api('/webhooks', { method: 'POST', body: { topic: 'product.exploded', delivery_url: 'https://x.test/h' } });
	assert.equal(bad.status, 400);
	const made = await api('/webhooks', { method: 'POST', body: { name: 'n', topic: 'product.updated', delivery_url: 'https://x.test/h', secret: 's3' } });
	assert.equal(made.status, 201);
	assert.deepEqual([made.json.topic, made.json.resource, made.json.event, made.json.status], ['product.updated', 'product', 'updated', 'active']);
	assert.ok(!('secret' in made.json));
	const list = await api('/webhooks?per_page=100');
	assert.equal(list.headers.get('x-wp-total'), '1');
	assert.equal(list.json[0].delivery_url, 'https://x.test/h');
});

test('webhooks are signed with X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body), or forged', async () => {
	const got = [];
	const server = http.createServer((req, res) => {
		const parts = [];
		req.on('data', (c) => parts.push(c));
		req.on('end', () => { got.push({ headers: req.headers, body: Buffer.concat(parts) }); res.end('ok'); });
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${server.address().port}/hook`;
	await control('POST', `/_sim/shops/${shop.key}/webhook`, { url, topic: 'product.updated', payload: { id: 1, type: 'simple' } });
	await control('POST', `/_sim/shops/${shop.key}/webhook`, { url, topic: 'product.updated', payload: { id: 1 }, forge: true });
	server.close();
	const want = (body) => crypto.createHmac('sha256', shop.webhookSecret).update(body).digest('base64');
	assert.equal(got[0].headers['x-wc-webhook-signature'], want(got[0].body));
	assert.equal(got[0].headers['x-wc-webhook-topic'], 'product.updated');
	assert.equal(got[0].headers['x-wc-webhook-resource'], 'product');
	assert.equal(got[0].headers['x-wc-webhook-event'], 'updated');
	assert.notEqual(got[1].headers['x-wc-webhook-signature'], want(got[1].body));
});

test('misbehaviour: 429 with Retry-After every N calls, and a 500 after N product pages', async () => {
	const s = await control('POST', '/_sim/shops', { products: 5, rateLimitEvery: 2, retryAfter: 3 });
	const call = (p) => fetch(`${sim.base}/wp-json/wc/v3${p}`, { headers: { authorization: basic(s.key, s.secret) } });
	assert.equal((await call('/products')).status, 200);
	const limited = await call('/products');
	assert.equal(limited.status, 429);
	assert.equal(limited.headers.get('retry-after'), '3');
	await control('POST', `/_sim/shops/${s.key}/behaviour`, { rateLimitEvery: 0, failAfterPages: 1 });
	const failed = await call('/products');
	assert.equal(failed.status, 500);
	assert.equal((await failed.json()).code, 'internal_server_error');
});
