// The Shopify simulator against Shopify's published behaviour: token auth, products with cursor
// pagination and their variants, the cost-based throttle (extensions.cost, THROTTLED), orders and
// their fulfilments, webhooks signed as Shopify signs them, and the misbehaviour a sync must survive.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { productWebhook, startShopifySim } from './server.mjs';
import { eventually } from '../../http/lib/eventually.mjs';

let sim;
before(async () => { sim = await startShopifySim(); });
after(async () => { await sim.close(); });

async function control(method, path, body) {
	const r = await fetch(sim.base + path, { method, body: body ? JSON.stringify(body) : undefined });
	return { status: r.status, json: await r.json() };
}

async function gql(token, query, variables = {}) {
	const r = await fetch(`${sim.base}/admin/api/2025-01/graphql.json`, {
		method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
		body: JSON.stringify({ query, variables }),
	});
	return { status: r.status, json: await r.json() };
}

const PRODUCTS = `query ($first: Int!, $after: String) { products(first: $first, after: $after) { edges { cursor node {
  id handle title descriptionHtml vendor productType tags status options { name position }
  media(first: 10) { nodes { ... on MediaImage { image { url altText } } } }
  variants(first: 100) { nodes { id sku barcode price compareAtPrice inventoryQuantity inventoryPolicy
    selectedOptions { name value } image { url } inventoryItem { id } } } } }
  pageInfo { hasNextPage endCursor } } productsCount { count } }`;

test('a wrong access token is answered 401 as Shopify does', async () => {
	const r = await gql('shpat_wrong', PRODUCTS, { first: 10 });
	assert.equal(r.status, 401);
	assert.match(r.json.errors, /Invalid API key or access token/);
});

test('products page by cursor until hasNextPage is false, each with variants, media and cost', async () => {
	const shop = (await control('POST', '/_sim/shops', { products: 25, variants: 3 })).json;
	const seen = [];
	let after = null, pages = 0;
	for (;;) {
		const r = await gql(shop.token, PRODUCTS, { first: 10, after });
		assert.equal(r.status, 200);
		const { products, productsCount } = r.json.data;
		assert.equal(productsCount.count, 25);
		for (const e of products.edges) {
			assert.match(e.node.id, /^gid:\/\/shopify\/Product\/\d+$/);
			assert.equal(e.node.variants.nodes.length, 3);
			assert.match(e.node.variants.nodes[0].price, /^\d+\.\d\d$/);
			assert.ok(['DENY', 'CONTINUE'].includes(e.node.variants.nodes[0].inventoryPolicy));
			assert.match(e.node.variants.nodes[0].inventoryItem.id, /^gid:\/\/shopify\/InventoryItem\/\d+$/);
			seen.push(e.node.handle);
		}
		const cost = r.json.extensions.cost;
		assert.ok(cost.requestedQueryCost > 0 && cost.actualQueryCost > 0 && cost.actualQueryCost < cost.requestedQueryCost,
			'charged what the page really cost');
		assert.deepEqual(Object.keys(cost.throttleStatus).sort(), ['currentlyAvailable', 'maximumAvailable', 'restoreRate']);
		pages++;
		if (!products.pageInfo.hasNextPage)
			break;
		after = products.pageInfo.endCursor;
	}
	assert.equal(pages, 3);
	assert.equal(new Set(seen).size, 25);
});

test('a query costing more than the bucket holds is THROTTLED with HTTP 200, and the bucket refills', async () => {
	const shop = (await control('POST', '/_sim/shops', { products: 5, bucketMax: 100, restoreRate: 50 })).json;
	const first = await gql(shop.token, PRODUCTS, { first: 5 });
	assert.equal(first.status, 200);
	const left = first.json.extensions.cost.throttleStatus.currentlyAvailable;
	let r = first;
	for (let i = 0; i < 5 && !r.json.errors; i++)
		r = await gql(shop.token, PRODUCTS, { first: 5 });
	assert.equal(r.status, 200);
	assert.equal(r.json.errors[0].extensions.code, 'THROTTLED');
	assert.equal(r.json.extensions.cost.actualQueryCost, null);
	assert.ok(left < 100);
	await eventually(async () => assert.ok(!(await gql(shop.token, PRODUCTS, { first: 5 })).json.errors, 'the bucket restored'),
		{ interval: 200 });
});

test('a shop can fail mid-sync and be slowed down', async () => {
	const shop = (await control('POST', '/_sim/shops', { products: 30, failAfterPages: 1 })).json;
	assert.equal((await gql(shop.token, PRODUCTS, { first: 10 })).status, 200);
	assert.equal((await gql(shop.token, PRODUCTS, { first: 10 })).status, 502);
	await control('POST', `/_sim/shops/${shop.domain}/behaviour`, { failAfterPages: 0 });
	assert.equal((await gql(shop.token, PRODUCTS, { first: 10 })).status, 200);
});

test('orderCreate makes an order, fulfilment adds tracking that order(id) reads back', async () => {
	const shop = (await control('POST', '/_sim/shops', { products: 2 })).json;
	const p = (await gql(shop.token, PRODUCTS, { first: 1 })).json.data.products.edges[0].node;
	const create = `mutation ($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id name } userErrors { field message } } }`;
	const bad = await gql(shop.token, create, { order: { lineItems: [] } });
	assert.equal(bad.json.data.orderCreate.userErrors[0].field.join('.'), 'order.lineItems');
	const ok = await gql(shop.token, create, { order: { lineItems: [{ variantId: p.variants.nodes[0].id, quantity: 1 }] } });
	const order = ok.json.data.orderCreate.order;
	assert.match(order.id, /^gid:\/\/shopify\/Order\/\d+$/);
	const read = `query ($id: ID!) { order(id: $id) { id name displayFulfillmentStatus fulfillments { trackingInfo { company number url } } } }`;
	assert.equal((await gql(shop.token, read, { id: order.id })).json.data.order.displayFulfillmentStatus, 'UNFULFILLED');
	await control('POST', `/_sim/shops/${shop.domain}/orders/${order.id.split('/').pop()}/fulfil`, { company: 'DHL', number: 'JD0001' });
	const done = (await gql(shop.token, read, { id: order.id })).json.data.order;
	assert.equal(done.displayFulfillmentStatus, 'FULFILLED');
	assert.deepEqual(done.fulfillments[0].trackingInfo[0], { company: 'DHL', number: 'JD0001', url: null });
});

test('webhooks carry X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body under the client secret', async () => {
	const got = [];
	const recv = http.createServer((req, res) => {
		const parts = [];
		req.on('data', (c) => parts.push(c));
		req.on('end', () => { got.push({ headers: req.headers, body: Buffer.concat(parts) }); res.end('ok'); });
	});
	await new Promise((r) => recv.listen(0, '127.0.0.1', r));
	const shop = (await control('POST', '/_sim/shops', { products: 1 })).json;
	const id = sim.shops.get(shop.domain).products[0].id;
	const payload = (await control('POST', `/_sim/shops/${shop.domain}/products/${id}`, { variants: { 0: { price: 4321 } } })).json;
	assert.equal(payload.variants[0].price, '43.21');
	const url = `http://127.0.0.1:${recv.address().port}/hook`;
	await control('POST', `/_sim/shops/${shop.domain}/webhook`, { url, topic: 'products/update', payload });
	await control('POST', `/_sim/shops/${shop.domain}/webhook`, { url, topic: 'products/update', payload, forge: true });
	recv.close();
	const want = crypto.createHmac('sha256', shop.secret).update(got[0].body).digest('base64');
	assert.equal(got[0].headers['x-shopify-hmac-sha256'], want);
	assert.equal(got[0].headers['x-shopify-topic'], 'products/update');
	assert.equal(got[0].headers['x-shopify-shop-domain'], shop.domain);
	assert.notEqual(got[1].headers['x-shopify-hmac-sha256'], want, 'a forged one does not verify');
	assert.deepEqual(JSON.parse(got[0].body), productWebhook(sim.shops.get(shop.domain).products[0]));
});
