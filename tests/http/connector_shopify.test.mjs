// connector_shopify.test.mjs: a brand connects its Shopify shop in the studio; crowdcartctl worker
// (never a page request) syncs every product, variant, price, picture and stock figure through the
// Admin GraphQL API of the simulator (tests/sim/shopify), honouring its cost-based throttle; a sync
// killed half-way goes on from its checkpoint with no duplicate; signed webhooks change prices and
// stock within seconds, and archive removed products; forged ones are refused.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { newBrand } from './lib/catalog.mjs';
import { count, lit, products, sql, variants } from './lib/catalog_import.mjs';
import { newOrder } from './lib/fulfilment.mjs';
import { closeSims, control, shopifySim, workerLoop, workerOnce, expireLease } from './lib/connectors.mjs';

const sims = [];
after(() => closeSims(sims, 'https://cdn.shopify.test/%'));

async function connected(opts) {
	const sim = await shopifySim();
	sims.push(sim);
	const shop = await control(sim, 'POST', '/_sim/shops', opts);
	const b = await newBrand();
	const res = await b.client.submit('/studio/connectors', { shop: shop.domain, token: shop.token, secret: shop.secret });
	assert.equal(res.status, 303, res.body?.slice(0, 300));
	const id = +sql(`SELECT c.id FROM connectors c JOIN brands b ON b.id = c.brand_id WHERE b.slug = ${lit(b.slug)}`)[0][0];
	return { sim, shop, b, id };
}

function connectorRow(id) {
	const [state, done, total, skipped, cursor, result] = sql(`SELECT sync_state, sync_done, sync_total, sync_skipped,
		COALESCE(sync_cursor, ''), last_result FROM connectors WHERE id = ${id}`)[0];
	return { state, done: +done, total: +total, skipped: +skipped, cursor, result };
}

async function syncToEnd(sim, id) {
	for (let i = 0; i < 20 && connectorRow(id).state !== 'idle'; i++)
		await workerOnce(sim);
	return connectorRow(id);
}

async function webhook(ctx, topic, payload, forge = false) {
	return control(ctx.sim, 'POST', `/_sim/shops/${ctx.shop.domain}/webhook`, {
		url: `${process.env.BASE_URL}/studio/webhooks/shopify/${ctx.id}`, topic, payload, forge,
	});
}

test('connecting stores the secrets sealed, shows the webhook address, and the page never syncs', async () => {
	const { b, shop, id, sim } = await connected({ products: 3 });
	const [token, secret] = sql(`SELECT HEX(token_sealed), HEX(secret_sealed) FROM connectors WHERE id = ${id}`)[0];
	assert.ok(!Buffer.from(token, 'hex').toString('latin1').includes(shop.token), 'the token is not stored in clear');
	assert.ok(!Buffer.from(secret, 'hex').toString('latin1').includes(shop.secret), 'nor the secret');
	const page = await b.client.get('/studio/connectors');
	assert.equal(page.status, 200);
	assert.ok(!page.body.includes(shop.token) && !page.body.includes(shop.secret), 'secrets are never shown again');
	assert.match(page.body, new RegExp(`/studio/webhooks/shopify/${id}`));
	assert.match(page.body, /A full sync is waiting for the worker/);
	assert.equal((await control(sim, 'GET', `/_sim/shops/${shop.domain}`)).calls.length, 0, 'no page called the shop');
	assert.equal(count(b.slug, 'products'), 0);
	// A shop address that is not Shopify's is refused with the reason.
	const bad = await b.client.submit('/studio/connectors', { shop: 'http://169.254.169.254/', token: 'x', secret: 'y' });
	assert.equal(bad.status, 422);
	assert.match(bad.body, /myshopify\.com/);
});

test('the worker syncs 2,000 products with variants and pictures, then a webhook changes a price within seconds', async () => {
	// A Shopify Plus shop (a bucket of 20,000 points refilled at 1,000 a second): the standard plan's
	// 100 a second would make this a test of waiting.
	const ctx = await connected({ products: 2000, variants: 2, images: 2, bucketMax: 20000, restoreRate: 1000 });
	const { sim, shop, b, id } = ctx;
	const t0 = Date.now();
	const row = await syncToEnd(sim, id);
	const seconds = (Date.now() - t0) / 1000;
	console.log(`# full sync: 2000 products in ${seconds.toFixed(1)} s = ${(2000 / seconds).toFixed(0)} products/s`);
	assert.equal(row.state, 'idle');
	assert.equal(row.done, 2000);
	assert.equal(row.total, 2000);
	assert.match(row.result, /^2000 products synced$/);
	assert.equal(count(b.slug, 'products'), 2000);
	assert.equal(count(b.slug, 'variants'), 4000);
	assert.equal(count(b.slug, 'product_images'), 4000);
	const remote = sim.shops.get(shop.domain).products[9];
	const vs = variants(b.slug, remote.handle);
	assert.deepEqual(vs.map((v) => [v.options, v.price, v.compare_at, v.stock, v.policy, v.ext]),
		remote.variants.map((v) => [[v.selectedOptions[0].value], v.price, v.compareAtPrice, v.inventoryQuantity,
			v.inventoryPolicy.toLowerCase(), String(v.id)]));
	assert.equal(vs[0].image, remote.images[0].url);
	const p = products(b.slug).find((x) => x.handle === remote.handle);
	assert.equal(p.title, remote.title);
	assert.equal(p.description, remote.descriptionHtml);
	assert.equal(p.status, 'active');
	// The editor says that the next sync replaces what is edited here.
	const editor = await b.client.get(`/studio/products/${p.id}`);
	assert.equal(editor.status, 200);
	assert.match(editor.body, new RegExp(`comes from your Shopify shop ${shop.domain.replaceAll('.', '\\.')}: its title, description`));
	// The studio says how it went.
	const page = await b.client.get('/studio/connectors');
	assert.match(page.body, /2000 products synced/);
	assert.match(page.body, /Last synced \d{4}-\d\d-\d\d/);

	// A price change in Shopify reaches the product page within seconds of its webhook.
	const payload = await control(sim, 'PUT', `/_sim/shops/${shop.domain}/products/${remote.id}`, { variants: { 0: { price: 4321 } } });
	assert.deepEqual(await webhook(ctx, 'products/update', payload), { status: 200, body: '{"status":"applied"}' });
	await eventually(async () => {
		const res = await new Client().get(`/p/${b.slug}/${remote.handle}`);
		assert.match(res.body, /43\.21/);
	});
	assert.equal(variants(b.slug, remote.handle)[0].price, 4321);
	// Stock by inventory_levels/update, named by the stock item.
	const item = remote.variants[1].inventoryItemId;
	assert.equal((await webhook(ctx, 'inventory_levels/update', { inventory_item_id: item, location_id: 1, available: 77 })).status, 200);
	assert.equal(variants(b.slug, remote.handle)[1].stock, 77);
	assert.equal(products(b.slug).find((x) => x.handle === remote.handle).stock_total, remote.variants[0].inventoryQuantity + 77);
	// A forged webhook changes nothing.
	const forged = await webhook(ctx, 'products/update', { ...payload, title: 'Forged' }, true);
	assert.equal(forged.status, 401);
	assert.equal(products(b.slug).find((x) => x.handle === remote.handle).title, remote.title);
	// A removed product is archived, not deleted.
	assert.equal((await webhook(ctx, 'products/delete', { id: remote.id })).status, 200);
	assert.equal(products(b.slug).find((x) => x.handle === remote.handle).status, 'archived');
	assert.equal(count(b.slug, 'products'), 2000);
});

test('a sync killed half-way goes on from its checkpoint without duplicates, and what the shop removed is archived', async () => {
	const ctx = await connected({ products: 600, variants: 2, delayMs: 300, bucketMax: 20000, restoreRate: 1000 });
	const { sim, shop, b, id } = ctx;
	const w = workerLoop(sim);
	await eventually(() => assert.ok(connectorRow(id).done >= 150, `done ${connectorRow(id).done}`), { timeout: 60000 });
	// The studio shows how far it is and how long is left.
	const progress = await b.client.get('/studio/connectors');
	assert.match(progress.body, /Syncing: \d+ of 600 products(, (less than a minute|\d+ minutes?) left)?/);
	w.kill('SIGKILL');
	await new Promise((r) => w.once('exit', r));
	expireLease(id);
	const mid = connectorRow(id);
	assert.equal(mid.state, 'running');
	assert.ok(mid.done < 600 && mid.cursor !== '', `killed mid-sync at ${mid.done}`);
	// The shop loses a product already synced; the next worker resumes.
	const gone = sim.shops.get(shop.domain).products[0];
	await control(sim, 'DELETE', `/_sim/shops/${shop.domain}/products/${gone.id}`);
	await control(sim, 'POST', `/_sim/shops/${shop.domain}/behaviour`, { delayMs: 0 });
	const callsBefore = (await control(sim, 'GET', `/_sim/shops/${shop.domain}`)).calls.length;
	await eventually(async () => {
		await workerOnce(sim);
		assert.equal(connectorRow(id).state, 'idle');
	}, { timeout: 60000, interval: 1000 });
	const calls = (await control(sim, 'GET', `/_sim/shops/${shop.domain}`)).calls.slice(callsBefore);
	assert.ok(calls[0].variables.after, 'the resumed sync asked from the checkpoint, not from the start');
	assert.equal(connectorRow(id).done, 600);
	assert.equal(count(b.slug, 'products'), 600);
	assert.equal(count(b.slug, 'variants'), 1200);
	assert.equal(+sql(`SELECT COUNT(*) FROM (SELECT handle FROM products p JOIN brands b ON b.id = p.brand_id
		WHERE b.slug = ${lit(b.slug)} GROUP BY handle HAVING COUNT(*) > 1) d`)[0][0], 0);
	// The next full sync does not meet the removed product: archived, never deleted.
	const again = await b.client.submit('/studio/connectors/sync', {}, { formPath: '/studio/connectors' });
	assert.equal(again.status, 303);
	assert.equal((await syncToEnd(sim, id)).result, '599 products synced');
	const all = products(b.slug);
	assert.equal(all.length, 600);
	assert.deepEqual(all.filter((p) => p.status === 'archived').map((p) => p.handle), [gone.handle]);
});

test('a throttled shop is waited for, and a refused token is said in the studio', async () => {
	// Other apps empty the shop's bucket after each of our pages: the next query is THROTTLED.
	const ctx = await connected({ products: 120, bucketMax: 700, restoreRate: 400, otherAppsDrain: true });
	const row = await syncToEnd(ctx.sim, ctx.id);
	assert.equal(row.done, 120);
	assert.ok((await control(ctx.sim, 'GET', `/_sim/shops/${ctx.shop.domain}`)).throttled >= 1, 'the shop throttled at least once');
	assert.equal(count(ctx.b.slug, 'products'), 120);
	const bad = await connected({ products: 1 });
	await bad.b.client.submit('/studio/connectors', { shop: bad.shop.domain, token: 'shpat_wrong', secret: bad.shop.secret });
	await workerOnce(bad.sim);
	assert.equal(connectorRow(bad.id).state, 'idle');
	const page = await bad.b.client.get('/studio/connectors');
	assert.match(page.body, /the shop refused the access token \(HTTP 401\)/);
	// Disconnecting forgets the shop and its secrets; the products synced before stay.
	const gone = await ctx.b.client.submit('/studio/connectors/disconnect', {}, { formPath: '/studio/connectors' });
	assert.equal(gone.status, 303);
	assert.equal(sql(`SELECT COUNT(*) FROM connectors WHERE id = ${ctx.id}`)[0][0], '0');
	assert.equal(sql(`SELECT COUNT(*) FROM connector_products WHERE connector_id = ${ctx.id}`)[0][0], '0');
	assert.equal(count(ctx.b.slug, 'products'), 120);
	assert.doesNotMatch((await ctx.b.client.get('/studio/connectors')).body, /Sync everything now/);
});

test('a paid order of synced products is pushed to Shopify, and its tracking ships the order here', async () => {
	const ctx = await connected({ products: 3, variants: 2 });
	const { sim, shop, b, id } = ctx;
	await syncToEnd(sim, id);
	const remote = sim.shops.get(shop.domain).products[1];
	const [[brandId, productId, variantId]] = sql(`SELECT p.brand_id, p.id, v.id FROM variants v JOIN products p ON p.id = v.product_id
		JOIN brands b ON b.id = p.brand_id WHERE b.slug = ${lit(b.slug)} AND v.external_id = ${lit(String(remote.variants[0].id))}`);
	const order = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price: remote.variants[0].price },
		{ status: 'paid', shipName: 'Ada Lovelace' });
	const unpaid = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price: 100 }, { status: 'awaiting_payment' });
	await workerOnce(sim);
	const state = () => sql(`SELECT state, remote_name, last_error FROM connector_orders WHERE order_id = ${order.id}`)[0];
	assert.equal(state()[0], 'pushed', JSON.stringify(state()));
	assert.equal(sql(`SELECT COUNT(*) FROM connector_orders WHERE order_id = ${unpaid.id}`)[0][0], '0', 'unpaid orders stay here');
	const pushed = sim.shops.get(shop.domain).orders;
	assert.equal(pushed.length, 1);
	assert.equal(pushed[0].input.sourceIdentifier, order.number);
	assert.equal(pushed[0].input.financialStatus, 'PAID');
	const gid = `gid://shopify/ProductVariant/${remote.variants[0].id}`;
	assert.deepEqual(pushed[0].input.lineItems, [{ variantId: gid, quantity: 3 }, { variantId: gid, quantity: 1 }]);
	assert.equal(pushed[0].input.shippingAddress.lastName, 'Ada Lovelace');
	// Not fulfilled yet: the order stays paid; once the brand fulfils it in Shopify, the tracking comes back.
	await workerOnce(sim);
	assert.equal(sql(`SELECT status FROM orders WHERE id = ${order.id}`)[0][0], 'paid');
	await control(sim, 'POST', `/_sim/shops/${shop.domain}/orders/${pushed[0].id}/fulfil`, { company: 'DHL', number: 'JD014600006281' });
	await workerOnce(sim);
	assert.deepEqual(sql(`SELECT status, carrier, tracking_number FROM orders WHERE id = ${order.id}`)[0], ['shipped', 'DHL', 'JD014600006281']);
	assert.equal(state()[0], 'shipped');
	// The shopper gets the shipping notice the studio's ship action sends.
	assert.deepEqual(sql(`SELECT COUNT(*), SUM(body_text LIKE '%DHL%JD014600006281%') FROM outbox WHERE order_id = ${order.id}`),
		[['1', '1']]);
	assert.match(sql(`SELECT note FROM order_events WHERE order_id = ${order.id} AND to_status = 'shipped'`)[0][0], /Shipped in Shopify \(#1001\): DHL JD014600006281/);
	// Never pushed twice.
	await workerOnce(sim);
	assert.equal(sim.shops.get(shop.domain).orders.length, 1);
});

test('the worker subscribes the shop\'s webhooks, and an order whose push answer was lost is found, not created twice', async () => {
	const ctx = await connected({ products: 3, variants: 2 });
	const { sim, shop, b, id } = ctx;
	await syncToEnd(sim, id);
	const hooks = (await control(sim, 'GET', `/_sim/shops/${shop.domain}`)).webhooks;
	assert.deepEqual(hooks.map((h) => h.topic), ['PRODUCTS_CREATE', 'PRODUCTS_UPDATE', 'PRODUCTS_DELETE', 'INVENTORY_LEVELS_UPDATE']);
	for (const h of hooks)
		assert.match(h.callbackUrl, new RegExp(`^https?://[^/]+/studio/webhooks/shopify/${id}$`));
	assert.ok(sql(`SELECT webhooks_registered_at FROM connectors WHERE id = ${id}`)[0][0] !== 'NULL');
	// A second full sync does not subscribe them again.
	await b.client.submit('/studio/connectors/sync', {}, { formPath: '/studio/connectors' });
	await syncToEnd(sim, id);
	assert.equal((await control(sim, 'GET', `/_sim/shops/${shop.domain}`)).webhooks.length, 4);

	// Shopify creates the order, but its answer never arrives.
	await control(sim, 'POST', `/_sim/shops/${shop.domain}/behaviour`, { dropOrderAnswers: 1 });
	const remote = sim.shops.get(shop.domain).products[0];
	const [[brandId, productId, variantId]] = sql(`SELECT p.brand_id, p.id, v.id FROM variants v JOIN products p ON p.id = v.product_id
		JOIN brands b ON b.id = p.brand_id WHERE b.slug = ${lit(b.slug)} AND v.external_id = ${lit(String(remote.variants[0].id))}`);
	const order = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price: remote.variants[0].price }, { status: 'paid' });
	await workerOnce(sim);
	const state = () => sql(`SELECT state, attempts, remote_name FROM connector_orders WHERE order_id = ${order.id}`)[0];
	assert.deepEqual(state().slice(0, 2), ['pending', '1']);
	assert.equal(sim.shops.get(shop.domain).orders.length, 1, 'the shop has it, crowdcart does not know');
	assert.deepEqual(sim.shops.get(shop.domain).orders[0].input.tags, ['crowdcart', `crowdcart-${order.number}`]);
	// The retry finds it by its tag and takes it as pushed.
	sql(`UPDATE connector_orders SET next_attempt_at = UTC_TIMESTAMP() WHERE order_id = ${order.id}`);
	await workerOnce(sim);
	assert.deepEqual(state(), ['pushed', '2', '#1001']);
	assert.equal(sim.shops.get(shop.domain).orders.length, 1, 'not created a second time');
});
