// connector_woo.test.mjs: a brand connects its WooCommerce shop in the studio; crowdcartctl worker
// (never a page request) syncs every product, variation, price, picture and stock figure through
// the REST API v3 of the simulator (tests/sim/woocommerce), waiting out its 429s; a sync killed
// half-way goes on from its checkpoint with no duplicate; signed webhooks change prices within
// seconds and archive removed products; forged ones are refused; orders go back and their
// tracking comes home.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { newBrand } from './lib/catalog.mjs';
import { count, lit, products, sql, variants } from './lib/catalog_import.mjs';
import { newOrder } from './lib/fulfilment.mjs';
import { closeSims, control, wooSim, workerLoop, workerOnce, expireLease } from './lib/connectors.mjs';

const sims = [];
after(() => closeSims(sims, 'https://cdn.woo.test/%'));

async function connected(opts) {
	const sim = await wooSim();
	sims.push(sim);
	const shop = await control(sim, 'POST', '/_sim/shops', opts);
	const b = await newBrand();
	const res = await b.client.submit('/studio/connectors', { platform: 'woocommerce', shop: shop.url, key: shop.key,
		token: shop.secret, secret: shop.webhookSecret }, { formPath: '/studio/connectors' });
	assert.equal(res.status, 303, res.body?.slice(0, 300));
	const id = +sql(`SELECT c.id FROM connectors c JOIN brands b ON b.id = c.brand_id WHERE b.slug = ${lit(b.slug)}
		AND c.platform = 'woocommerce'`)[0][0];
	return { sim, shop, b, id };
}

function connectorRow(id) {
	const [state, done, total, skipped, cursor, result] = sql(`SELECT sync_state, sync_done, sync_total, sync_skipped,
		COALESCE(sync_cursor, ''), last_result FROM connectors WHERE id = ${id}`)[0];
	return { state, done: +done, total: +total, skipped: +skipped, cursor, result };
}

async function syncToEnd(sim, id) {
	for (let i = 0; i < 30 && connectorRow(id).state !== 'idle'; i++)
		await workerOnce(sim);
	return connectorRow(id);
}

async function webhook(ctx, topic, payload, forge = false) {
	return control(ctx.sim, 'POST', `/_sim/shops/${ctx.shop.key}/webhook`, {
		url: `${process.env.BASE_URL}/studio/webhooks/woocommerce/${ctx.id}`, topic, payload, forge,
	});
}

const shopCalls = async (ctx) => (await control(ctx.sim, 'GET', `/_sim/shops/${ctx.shop.key}`)).calls;

test('connecting a WooCommerce shop seals its keys, shows the webhook address, and the page never calls the shop', async () => {
	const { b, shop, id, sim } = await connected({ products: 3 });
	const [token, secret] = sql(`SELECT HEX(token_sealed), HEX(secret_sealed) FROM connectors WHERE id = ${id}`)[0];
	for (const s of [shop.key, shop.secret])
		assert.ok(!Buffer.from(token, 'hex').toString('latin1').includes(s), 'the key and secret are not stored in clear');
	assert.ok(!Buffer.from(secret, 'hex').toString('latin1').includes(shop.webhookSecret), 'nor the webhook secret');
	const page = await b.client.get('/studio/connectors');
	assert.equal(page.status, 200);
	for (const s of [shop.key, shop.secret, shop.webhookSecret])
		assert.ok(!page.body.includes(s), 'secrets are never shown again');
	assert.match(page.body, new RegExp(`/studio/webhooks/woocommerce/${id}`));
	assert.match(page.body, /WooCommerce: https:\/\/shop-\d+\.woo\.test/);
	assert.match(page.body, /A full sync is waiting for the worker/);
	assert.equal((await shopCalls({ sim, shop })).length, 0, 'no page called the shop');
	// An address that is not https on a named host is refused beside the WooCommerce form.
	for (const bad of ['http://shop.example.com', 'https://169.254.169.254/', 'https://user:pw@shop.example.com', 'shop']) {
		const res = await b.client.submit('/studio/connectors', { platform: 'woocommerce', shop: bad, key: 'ck_x', token: 'cs_y',
			secret: 'z' }, { formPath: '/studio/connectors' });
		assert.equal(res.status, 422, bad);
		assert.match(res.body, /id="woo-connect-error"[^>]*>Enter the shop&#39;s https address/);
	}
	// WooCommerce's ping when a webhook is saved is answered 200 (it would not save the webhook
	// otherwise) and changes nothing.
	const ping = await fetch(`${process.env.BASE_URL}/studio/webhooks/woocommerce/${id}`, { method: 'POST', body: 'webhook_id=7',
		headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	assert.equal(ping.status, 200);
});

test('the worker syncs 2,000 WooCommerce products with variations and pictures, then a webhook changes a price within seconds', async () => {
	const ctx = await connected({ products: 2000, variations: 2, images: 2 });
	const { sim, shop, b, id } = ctx;
	const t0 = Date.now();
	const row = await syncToEnd(sim, id);
	const seconds = (Date.now() - t0) / 1000;
	console.log(`# woocommerce full sync: 2000 products in ${seconds.toFixed(1)} s = ${(2000 / seconds).toFixed(0)} products/s`);
	assert.equal(row.state, 'idle', JSON.stringify(row));
	assert.equal(row.done, 2000);
	assert.equal(row.total, 2000);
	assert.match(row.result, /^2000 products synced$/);
	assert.equal(count(b.slug, 'products'), 2000);
	assert.equal(count(b.slug, 'variants'), 4000);
	assert.equal(count(b.slug, 'product_images'), 4000);
	// Oldest first, 50 a page, and each variable product's variations asked for once.
	const calls = await shopCalls(ctx);
	const pages = calls.filter((c) => c.path === '/products');
	assert.deepEqual(pages[0].query, { per_page: '50', offset: '0', orderby: 'id', order: 'asc', status: 'any' });
	assert.equal(calls.filter((c) => c.path.endsWith('/variations')).length, 2000 + 5 * (pages.length - 1));
	const remote = sim.shops.get(shop.key).products[9];
	const vs = variants(b.slug, remote.slug);
	assert.deepEqual(vs.map((v) => [v.options, v.price, v.compare_at, v.stock, v.policy, v.ext]),
		remote.variations.map((v) => [[v.size], v.sale ?? v.regular, v.sale == null ? null : v.regular, v.stock,
			v.backorders === 'no' ? 'deny' : 'continue', String(v.id)]));
	assert.equal(vs[0].image, remote.images[0].src);
	const p = products(b.slug).find((x) => x.handle === remote.slug);
	assert.equal(p.title, remote.name);
	assert.equal(p.description, remote.description);
	assert.equal(p.status, 'active');
	// The editor says that the next sync replaces what is edited here.
	const editor = await b.client.get(`/studio/products/${p.id}`);
	assert.match(editor.body, /comes from your WooCommerce shop https:\/\/shop-\d+\.woo\.test: its title, description/);
	const page = await b.client.get('/studio/connectors');
	assert.match(page.body, /2000 products synced/);
	assert.match(page.body, /Last synced \d{4}-\d\d-\d\d/);

	// A variation's new price in WooCommerce reaches the product page within seconds of its webhook.
	const payload = await control(sim, 'PUT', `/_sim/shops/${shop.key}/products/${remote.id}`, { variations: { 0: { sale: null, regular: 4321 } } });
	assert.equal(payload.type, 'variation');
	assert.deepEqual(await webhook(ctx, 'product.updated', payload), { status: 200, body: '{"status":"applied"}' });
	await eventually(async () => {
		const res = await new Client().get(`/p/${b.slug}/${remote.slug}`);
		assert.match(res.body, /43\.21/);
	});
	assert.deepEqual([variants(b.slug, remote.slug)[0].price, variants(b.slug, remote.slug)[0].compare_at], [4321, null]);
	// A forged webhook changes nothing.
	const forged = await webhook(ctx, 'product.updated', { ...payload, regular_price: '1.00' }, true);
	assert.equal(forged.status, 401);
	assert.equal(variants(b.slug, remote.slug)[0].price, 4321);
	// A webhook for another platform's address is refused too: the Shopify route knows no such connector.
	const cross = await fetch(`${process.env.BASE_URL}/studio/webhooks/shopify/${id}`, { method: 'POST', body: '{}',
		headers: { 'x-shopify-topic': 'products/update', 'x-shopify-hmac-sha256': 'AAAA' } });
	assert.equal(cross.status, 401);
	// A removed product is archived, not deleted.
	assert.equal((await webhook(ctx, 'product.deleted', { id: remote.id })).status, 200);
	assert.equal(products(b.slug).find((x) => x.handle === remote.slug).status, 'archived');
	assert.equal(count(b.slug, 'products'), 2000);
});

test('the worker subscribes the webhooks; a simple product changed by webhook is written whole; a variable one is read again with its variations, no full sync', async () => {
	const ctx = await connected({ products: 4, variations: 0, images: 1 });
	const { sim, shop, b, id } = ctx;
	await syncToEnd(sim, id);
	assert.equal(count(b.slug, 'variants'), 4);
	const remote = sim.shops.get(shop.key).products[2];
	assert.deepEqual(variants(b.slug, remote.slug).map((v) => [v.ext, v.price, v.options]), [[String(remote.id), remote.regular, []]]);
	const payload = await control(sim, 'PUT', `/_sim/shops/${shop.key}/products/${remote.id}`, { name: 'Renamed', sale: 555 });
	assert.equal((await webhook(ctx, 'product.updated', payload)).status, 200);
	const p = products(b.slug).find((x) => x.handle === remote.slug);
	assert.equal(p.title, 'Renamed');
	assert.deepEqual([variants(b.slug, remote.slug)[0].price, variants(b.slug, remote.slug)[0].compare_at], [555, remote.regular]);
	// The worker subscribed the shop's webhooks, signed with the brand's secret, and does not again.
	const hooks = (await control(sim, 'GET', `/_sim/shops/${shop.key}`)).webhooks;
	assert.deepEqual(hooks.map((h) => h.topic), ['product.created', 'product.updated', 'product.deleted', 'product.restored']);
	for (const h of hooks) {
		assert.match(h.delivery_url, new RegExp(`^https?://[^/]+/studio/webhooks/woocommerce/${id}$`));
		assert.equal(h.secret, shop.webhookSecret);
	}
	await b.client.submit('/studio/connectors/sync', { platform: 'woocommerce' }, { formPath: '/studio/connectors' });
	sql(`UPDATE connectors SET webhooks_registered_at = NULL WHERE id = ${id}`);	// as if a pass died before noting it
	await syncToEnd(sim, id);
	assert.equal((await control(sim, 'GET', `/_sim/shops/${shop.key}`)).webhooks.length, 4, 'no topic subscribed twice');
	// A variable product's own change names its variations by id only: the worker reads that product
	// and its variations again and writes them, and no full sync starts.
	const variable = await connected({ products: 2, variations: 2 });
	await syncToEnd(variable.sim, variable.id);
	const synced = connectorRow(variable.id);
	const round = () => sql(`SELECT sync_round, sync_started_at FROM connectors WHERE id = ${variable.id}`)[0];
	const roundBefore = round();
	const vp = variable.sim.shops.get(variable.shop.key).products[0];
	Object.assign(vp.variations[0], { regular: 4321, sale: null });
	Object.assign(vp.variations[1], { regular: 5555, sale: 5000 });
	const body = await control(variable.sim, 'PUT', `/_sim/shops/${variable.shop.key}/products/${vp.id}`, { name: 'New name' });
	assert.equal(body.type, 'variable');
	const callsBefore = (await shopCalls(variable)).length;
	assert.equal((await webhook(variable, 'product.updated', body)).status, 200);
	assert.equal(connectorRow(variable.id).state, 'idle', 'no full sync queued');
	const t0 = Date.now();
	await workerOnce(variable.sim);
	assert.deepEqual(variants(variable.b.slug, vp.slug).map((v) => [v.ext, v.price, v.compare_at]),
		[[String(vp.variations[0].id), 4321, null], [String(vp.variations[1].id), 5000, 5555]]);
	assert.equal(products(variable.b.slug).find((x) => x.handle === vp.slug).title, 'New name');
	assert.ok(Date.now() - t0 < 10000, 'within seconds of the webhook');
	assert.deepEqual((await shopCalls(variable)).slice(callsBefore).map((c) => c.path),
		[`/products/${vp.id}`, `/products/${vp.id}/variations`], 'that product and its variations, not the catalog');
	assert.deepEqual(connectorRow(variable.id), synced, 'the sync state and progress did not restart');
	assert.deepEqual(round(), roundBefore);
	assert.equal(sql(`SELECT COUNT(*) FROM connector_refreshes WHERE connector_id = ${variable.id}`)[0][0], '0');
});

test('a WooCommerce sync killed half-way goes on from its checkpoint without duplicates, 429s are waited out, and what the shop removed is archived', async () => {
	const ctx = await connected({ products: 600, variations: 2, delayMs: 300, rateLimitEvery: 40, retryAfter: 1 });
	const { sim, shop, b, id } = ctx;
	const w = workerLoop(sim);
	await eventually(() => assert.ok(connectorRow(id).done >= 150, `done ${connectorRow(id).done}`), { timeout: 90000 });
	const progress = await b.client.get('/studio/connectors');
	assert.match(progress.body, /Syncing: \d+ of 600 products(, (less than a minute|\d+ minutes?) left)?/);
	w.kill('SIGKILL');
	await new Promise((r) => w.once('exit', r));
	expireLease(id);
	const mid = connectorRow(id);
	assert.equal(mid.state, 'running');
	assert.ok(mid.done < 600 && mid.cursor !== '', `killed mid-sync at ${mid.done}`);
	// The shop loses a product already synced, which moves every later one a place back; the next
	// worker resumes.
	const gone = sim.shops.get(shop.key).products[0];
	await control(sim, 'DELETE', `/_sim/shops/${shop.key}/products/${gone.id}`);
	await control(sim, 'POST', `/_sim/shops/${shop.key}/behaviour`, { delayMs: 0 });
	const before = (await shopCalls(ctx)).length;
	await eventually(async () => {
		await workerOnce(sim);
		assert.equal(connectorRow(id).state, 'idle');
	}, { timeout: 90000, interval: 1000 });
	const resumed = (await shopCalls(ctx)).slice(before).filter((c) => c.path === '/products');
	assert.ok(+resumed[0].query.offset > 0, 'the resumed sync asked from the checkpoint, not from the start');
	assert.ok((await control(sim, 'GET', `/_sim/shops/${shop.key}`)).limited >= 1, 'the shop answered 429 at least once');
	assert.equal(count(b.slug, 'products'), 600);
	assert.equal(count(b.slug, 'variants'), 1200);
	assert.equal(+sql(`SELECT COUNT(*) FROM (SELECT handle FROM products p JOIN brands b ON b.id = p.brand_id
		WHERE b.slug = ${lit(b.slug)} GROUP BY handle HAVING COUNT(*) > 1) d`)[0][0], 0);
	// Nothing the shop still has was archived for having moved across a page boundary.
	assert.equal(products(b.slug).filter((p) => p.status === 'archived').length, 0);
	// The next full sync does not meet the removed product: archived, never deleted.
	const again = await b.client.submit('/studio/connectors/sync', { platform: 'woocommerce' }, { formPath: '/studio/connectors' });
	assert.equal(again.status, 303);
	assert.equal((await syncToEnd(sim, id)).result, '599 products synced');
	const all = products(b.slug);
	assert.equal(all.length, 600);
	assert.deepEqual(all.filter((p) => p.status === 'archived').map((p) => p.handle), [gone.slug]);
});

test('a refused key is said in the studio, and disconnecting forgets the shop', async () => {
	const bad = await connected({ products: 1 });
	await bad.b.client.submit('/studio/connectors', { platform: 'woocommerce', shop: bad.shop.url, key: bad.shop.key,
		token: 'cs_wrong', secret: bad.shop.webhookSecret }, { formPath: '/studio/connectors' });
	await workerOnce(bad.sim);
	assert.equal(connectorRow(bad.id).state, 'idle');
	const page = await bad.b.client.get('/studio/connectors');
	assert.match(page.body, /the shop answered HTTP 401 woocommerce_rest_authentication_error/);
	const gone = await bad.b.client.submit('/studio/connectors/disconnect', { platform: 'woocommerce' }, { formPath: '/studio/connectors' });
	assert.equal(gone.status, 303);
	assert.equal(sql(`SELECT COUNT(*) FROM connectors WHERE id = ${bad.id}`)[0][0], '0');
	assert.doesNotMatch((await bad.b.client.get('/studio/connectors')).body, /Sync everything now/);
});

test('a paid order of synced WooCommerce products is pushed as a WooCommerce order, its tracking ships the order here, and a lost answer makes no second order', async () => {
	const ctx = await connected({ products: 3, variations: 2 });
	const { sim, shop, b, id } = ctx;
	await syncToEnd(sim, id);
	const remote = sim.shops.get(shop.key).products[1];
	const v0 = remote.variations[0];
	const [[brandId, productId, variantId]] = sql(`SELECT p.brand_id, p.id, v.id FROM variants v JOIN products p ON p.id = v.product_id
		JOIN brands b ON b.id = p.brand_id WHERE b.slug = ${lit(b.slug)} AND v.external_id = ${lit(String(v0.id))}`);
	const order = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price: v0.sale ?? v0.regular },
		{ status: 'paid', shipName: 'Ada Lovelace' });
	await workerOnce(sim);
	const state = () => sql(`SELECT state, remote_name, last_error FROM connector_orders WHERE order_id = ${order.id}`)[0];
	assert.equal(state()[0], 'pushed', JSON.stringify(state()));
	const pushed = sim.shops.get(shop.key).orders;
	assert.equal(pushed.length, 1);
	assert.equal(state()[1], `#${pushed[0].number}`);
	const input = pushed[0].input;
	assert.equal(input.set_paid, true);
	assert.deepEqual(input.meta_data, [{ key: '_crowdcart_order', value: order.number }]);
	assert.deepEqual(input.line_items, [{ product_id: remote.id, variation_id: v0.id, quantity: 3 },
		{ product_id: remote.id, variation_id: v0.id, quantity: 1 }]);
	assert.equal(input.shipping.last_name, 'Ada Lovelace');
	assert.equal(input.billing.email, 'ada@test.crowdcart.test');
	// Processing in the shop: the order stays paid; once completed with a tracking number, it ships here.
	await workerOnce(sim);
	assert.equal(sql(`SELECT status FROM orders WHERE id = ${order.id}`)[0][0], 'paid');
	await control(sim, 'POST', `/_sim/shops/${shop.key}/orders/${pushed[0].id}/complete`, { provider: 'DHL', number: 'JD014600006281' });
	await workerOnce(sim);
	assert.deepEqual(sql(`SELECT status, carrier, tracking_number FROM orders WHERE id = ${order.id}`)[0], ['shipped', 'DHL', 'JD014600006281']);
	assert.equal(state()[0], 'shipped');
	assert.match(sql(`SELECT note FROM order_events WHERE order_id = ${order.id} AND to_status = 'shipped'`)[0][0],
		/Shipped in WooCommerce \(#\d+\): DHL JD014600006281/);
	await workerOnce(sim);
	assert.equal(sim.shops.get(shop.key).orders.length, 1, 'never pushed twice');

	// WooCommerce creates the next order, but its answer never arrives: the retry finds it by its
	// meta among the shop's recent orders instead of creating a second one.
	await control(sim, 'POST', `/_sim/shops/${shop.key}/behaviour`, { dropOrderAnswers: 1 });
	const lost = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price: v0.sale ?? v0.regular }, { status: 'paid' });
	await workerOnce(sim);
	const lostState = () => sql(`SELECT state, attempts, remote_name FROM connector_orders WHERE order_id = ${lost.id}`)[0];
	assert.deepEqual(lostState().slice(0, 2), ['pending', '1']);
	assert.equal(sim.shops.get(shop.key).orders.length, 2, 'the shop has it, crowdcart does not know');
	sql(`UPDATE connector_orders SET next_attempt_at = UTC_TIMESTAMP() WHERE order_id = ${lost.id}`);
	await workerOnce(sim);
	assert.deepEqual(lostState(), ['pushed', '2', `#${sim.shops.get(shop.key).orders[1].number}`]);
	assert.equal(sim.shops.get(shop.key).orders.length, 2, 'not created a second time');
});
