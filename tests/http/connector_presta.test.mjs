// connector_presta.test.mjs: a brand connects its PrestaShop shop in the studio; crowdcartctl worker
// syncs every product, combination, price, picture and stock figure through the Webservice of the
// simulator (tests/sim/prestashop), in XML, a few calls a page whatever the page holds, prices with
// tax and sales as the shop's front office shows them; a sync killed half-way goes on from its
// checkpoint with no duplicate, and what the shop removed is archived; orders go back as
// PrestaShop orders (customer, address, cart, order) and their tracking comes home.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { newBrand } from './lib/catalog.mjs';
import { count, lit, products, sql, variants } from './lib/catalog_import.mjs';
import { newOrder } from './lib/fulfilment.mjs';
import { closeSims, control, prestaSim, workerLoop, workerOnce, expireLease } from './lib/connectors.mjs';
import { imageUrl } from '../sim/prestashop/server.mjs';

const sims = [];
after(() => closeSims(sims, 'https://shop-%.presta.test/%'));

async function connected(opts) {
	const sim = await prestaSim();
	sims.push(sim);
	const shop = await control(sim, 'POST', '/_sim/shops', opts);
	const b = await newBrand();
	const res = await b.client.submit('/studio/connectors', { platform: 'prestashop', shop: shop.url, key: shop.key },
		{ formPath: '/studio/connectors' });
	assert.equal(res.status, 303, res.body?.slice(0, 300));
	const id = +sql(`SELECT c.id FROM connectors c JOIN brands b ON b.id = c.brand_id WHERE b.slug = ${lit(b.slug)}
		AND c.platform = 'prestashop'`)[0][0];
	return { sim, shop, b, id };
}

function connectorRow(id) {
	const [state, done, total, cursor, result] = sql(`SELECT sync_state, sync_done, sync_total, COALESCE(sync_cursor, ''),
		last_result FROM connectors WHERE id = ${id}`)[0];
	return { state, done: +done, total: +total, cursor, result };
}

async function syncToEnd(sim, id) {
	for (let i = 0; i < 30 && connectorRow(id).state !== 'idle'; i++)
		await workerOnce(sim);
	return connectorRow(id);
}

const shopCalls = async (ctx) => (await control(ctx.sim, 'GET', `/_sim/shops/${ctx.shop.key}`)).calls;

test('connecting a PrestaShop shop seals its key, and a bad address or key is refused', async () => {
	const ctx = await connected({ products: 2 });
	const [token] = sql(`SELECT HEX(token_sealed) FROM connectors WHERE id = ${ctx.id}`)[0];
	assert.ok(!Buffer.from(token, 'hex').toString('latin1').includes(ctx.shop.key), 'the key is not stored in clear');
	const page = await ctx.b.client.get('/studio/connectors');
	assert.ok(!page.body.includes(ctx.shop.key), 'the key is never shown again');
	assert.match(page.body, /PrestaShop: https:\/\/shop-\d+\.presta\.test/);
	assert.match(page.body, /PrestaShop sends no webhooks/);
	assert.equal((await shopCalls(ctx)).length, 0, 'no page called the shop');
	const bad = await ctx.b.client.submit('/studio/connectors', { platform: 'prestashop', shop: 'http://10.0.0.1', key: 'K' },
		{ formPath: '/studio/connectors' });
	assert.equal(bad.status, 422);
	assert.match(bad.body, /id="presta-connect-error"/);
	// A wrong key: the worker says the shop's refusal in the studio.
	await ctx.b.client.submit('/studio/connectors', { platform: 'prestashop', shop: ctx.shop.url, key: 'WRONGKEY' },
		{ formPath: '/studio/connectors' });
	await workerOnce(ctx.sim);
	assert.equal(connectorRow(ctx.id).state, 'idle');
	assert.match((await ctx.b.client.get('/studio/connectors')).body, /the shop answered HTTP 401: Authentication key does not exist/);
});

test('the worker syncs 2,000 PrestaShop products with combinations and pictures, six calls a page', async () => {
	const ctx = await connected({ products: 2000, combinations: 2, images: 2 });
	const { sim, shop, b, id } = ctx;
	const t0 = Date.now();
	const row = await syncToEnd(sim, id);
	const seconds = (Date.now() - t0) / 1000;
	console.log(`# prestashop full sync: 2000 products in ${seconds.toFixed(1)} s = ${(2000 / seconds).toFixed(0)} products/s`);
	assert.equal(row.state, 'idle', JSON.stringify(row));
	assert.equal(row.done, 2000);
	assert.equal(row.total, 2000);
	assert.equal(row.result, '2000 products synced');
	assert.equal(count(b.slug, 'products'), 2000);
	assert.equal(count(b.slug, 'variants'), 4000);
	assert.equal(count(b.slug, 'product_images'), 4000);
	const calls = await shopCalls(ctx);
	const pages = calls.filter((c) => c.resource === 'products' && c.query.display === 'full').length;
	assert.equal(calls.length, 1 + pages * 6, 'the count once, then six calls a page: never one per product');
	const remote = sim.shops.get(shop.key).products[9];
	const vs = variants(b.slug, remote.link_rewrite);
	assert.deepEqual(vs.map((v) => [v.options, v.price, v.stock, v.policy, v.ext]),
		remote.combinations.map((c) => [[['S', 'M', 'L', 'XL'][c.value - 1]], remote.price + c.impact, c.quantity,
			c.out_of_stock === 1 ? 'continue' : 'deny', String(c.id)]));
	assert.equal(vs[0].image, imageUrl(shop.url, remote.images[0]));
	const p = products(b.slug).find((x) => x.handle === remote.link_rewrite);
	assert.equal(p.title, remote.name);
	assert.equal(p.description, remote.description);
	assert.equal(p.status, 'active');
	assert.equal(products(b.slug).find((x) => x.handle === sim.shops.get(shop.key).products[49].link_rewrite).status, 'draft',
		'an inactive product comes as a draft');
	const editor = await b.client.get(`/studio/products/${p.id}`);
	assert.match(editor.body, /comes from your PrestaShop shop https:\/\/shop-\d+\.presta\.test/);
	// and beside each synced field: title, description, category, vendor, tags, options, variants, pictures
	assert.equal(editor.body.match(/<p class="hint synced-field">From PrestaShop: the next sync replaces (it|them)\.<\/p>/g)?.length, 8);
});

test('a PrestaShop sync killed half-way goes on without duplicates, and what the shop removed is archived', async () => {
	const ctx = await connected({ products: 400, combinations: 0, delayMs: 400 });
	const { sim, shop, b, id } = ctx;
	const w = workerLoop(sim);
	await eventually(() => assert.ok(connectorRow(id).done >= 100, `done ${connectorRow(id).done}`), { timeout: 90000 });
	w.kill('SIGKILL');
	await new Promise((r) => w.once('exit', r));
	expireLease(id);
	const mid = connectorRow(id);
	assert.ok(mid.done < 400 && mid.cursor !== '', `killed mid-sync at ${mid.done}`);
	const gone = sim.shops.get(shop.key).products[0];
	await control(sim, 'DELETE', `/_sim/shops/${shop.key}/products/${gone.id}`);
	await control(sim, 'POST', `/_sim/shops/${shop.key}/behaviour`, { delayMs: 0 });
	await eventually(async () => {
		await workerOnce(sim);
		assert.equal(connectorRow(id).state, 'idle');
	}, { timeout: 90000, interval: 1000 });
	assert.equal(count(b.slug, 'products'), 400);
	assert.equal(count(b.slug, 'variants'), 400);
	assert.equal(products(b.slug).filter((p) => p.status === 'archived').length, 0);
	const again = await b.client.submit('/studio/connectors/sync', { platform: 'prestashop' }, { formPath: '/studio/connectors' });
	assert.equal(again.status, 303);
	assert.equal((await syncToEnd(sim, id)).result, '399 products synced');
	assert.deepEqual(products(b.slug).filter((p) => p.status === 'archived').map((p) => p.handle), [gone.link_rewrite]);
	// A simple product's one variant: its price and stock are the product's.
	const simple = sim.shops.get(shop.key).products[5];
	assert.deepEqual(variants(b.slug, simple.link_rewrite).map((v) => [v.price, v.stock, v.ext]),
		[[simple.price, simple.quantity, `p${simple.id}`]]);
});

test('a paid order of synced PrestaShop products is pushed as a PrestaShop order, its tracking ships the order here, and a lost answer makes no second order', async () => {
	const ctx = await connected({ products: 3, combinations: 2 });
	const { sim, shop, b, id } = ctx;
	await syncToEnd(sim, id);
	const remote = sim.shops.get(shop.key).products[1];
	const combo = remote.combinations[1];
	const price = remote.price + combo.impact;
	const [[brandId, productId, variantId]] = sql(`SELECT p.brand_id, p.id, v.id FROM variants v JOIN products p ON p.id = v.product_id
		JOIN brands bb ON bb.id = p.brand_id WHERE bb.slug = ${lit(b.slug)} AND v.external_id = ${lit(String(combo.id))}`);
	const order = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price }, { status: 'paid', shipName: 'Ada Lovelace' });
	await workerOnce(sim);
	const state = () => sql(`SELECT state, remote_name, last_error, attempts FROM connector_orders WHERE order_id = ${order.id}`)[0];
	assert.equal(state()[0], 'pushed', JSON.stringify(state()));
	const remoteShop = sim.shops.get(shop.key);
	assert.equal(remoteShop.orders.length, 1);
	const pushed = remoteShop.orders[0];
	assert.equal(state()[1], `#${pushed.reference}`);
	assert.equal(pushed.current_state, 2, 'paid (PS_OS_PAYMENT), not a payment error: the amount is the cart\'s');
	assert.equal(pushed.module, 'ps_wirepayment');
	assert.equal(pushed.payment, 'crowdcart');
	assert.equal(pushed.id_currency, 2, 'USD');
	const [customer] = remoteShop.customers;
	assert.deepEqual([customer.firstname, customer.lastname, customer.email], ['Ada', 'Lovelace', 'ada@test.crowdcart.test']);
	const [address] = remoteShop.addresses;
	assert.deepEqual([address.alias, address.id_country, address.address1, address.postcode, address.city],
		[`crowdcart ${order.number}`, 17, '12 Analytical Row', 'N1 7AA', 'London']);
	assert.deepEqual(remoteShop.carts[0].rows.map((r) => [r.id_product, r.id_product_attribute, r.quantity]),
		[[remote.id, combo.id, 3], [remote.id, combo.id, 1]]);
	// Not shipped yet in the shop: the order stays paid here.
	await workerOnce(sim);
	assert.equal(sql(`SELECT status FROM orders WHERE id = ${order.id}`)[0][0], 'paid');
	await control(sim, 'POST', `/_sim/shops/${shop.key}/orders/${pushed.id}/ship`, { carrier: 'DHL', number: 'JD014600006281' });
	await workerOnce(sim);
	assert.deepEqual(sql(`SELECT status, carrier, tracking_number FROM orders WHERE id = ${order.id}`)[0], ['shipped', 'DHL', 'JD014600006281']);
	assert.equal(state()[0], 'shipped');
	assert.equal(sql(`SELECT note FROM order_events WHERE order_id = ${order.id} AND to_status = 'shipped'`)[0][0],
		`Shipped in PrestaShop (#${pushed.reference}): DHL JD014600006281`);
	await workerOnce(sim);
	assert.equal(remoteShop.orders.length, 1, 'never pushed twice');

	// PrestaShop creates the next order, but its answer never arrives: the retry finds the customer
	// by e-mail, the address by its alias, the cart by its address and the order by its cart.
	await control(sim, 'POST', `/_sim/shops/${shop.key}/behaviour`, { dropOrderAnswers: 1 });
	const lost = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price }, { status: 'paid' });
	await workerOnce(sim);
	const lostState = () => sql(`SELECT state, attempts, remote_name FROM connector_orders WHERE order_id = ${lost.id}`)[0];
	assert.deepEqual(lostState().slice(0, 2), ['pending', '1']);
	assert.equal(remoteShop.orders.length, 2, 'the shop has it, crowdcart does not know');
	sql(`UPDATE connector_orders SET next_attempt_at = UTC_TIMESTAMP() WHERE order_id = ${lost.id}`);
	await workerOnce(sim);
	assert.deepEqual(lostState(), ['pushed', '2', `#${remoteShop.orders[1].reference}`]);
	assert.equal(remoteShop.orders.length, 2, 'not created a second time');
	assert.equal(remoteShop.customers.length, 1, 'the customer is found again by e-mail, never made twice');
	assert.equal(remoteShop.carts.length, 2);
	// Shipped in the back office without a tracking number: the state alone ships it here.
	await control(sim, 'POST', `/_sim/shops/${shop.key}/orders/${remoteShop.orders[1].id}/ship`, {});
	await workerOnce(sim);
	assert.deepEqual(sql(`SELECT status, tracking_number FROM orders WHERE id = ${lost.id}`)[0], ['shipped', '']);
	assert.equal(sql(`SELECT note FROM order_events WHERE order_id = ${lost.id} AND to_status = 'shipped'`)[0][0],
		`Shipped in PrestaShop (#${remoteShop.orders[1].reference})`);
	// An address in a country with states names its state by PrestaShop's id for it.
	const us = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price }, { status: 'paid' });
	sql(`UPDATE orders SET ship_country = 'US', ship_region = 'california', ship_postal = '94103', ship_city = 'San Francisco'
		WHERE id = ${us.id}`);
	await workerOnce(sim);
	assert.equal(sql(`SELECT state FROM connector_orders WHERE order_id = ${us.id}`)[0][0], 'pushed');
	const usAddress = remoteShop.addresses.find((x) => x.alias === `crowdcart ${us.number}`);
	assert.deepEqual([usAddress.id_country, usAddress.id_state], [21, remoteShop.states.find((x) => x.iso_code === 'CA').id]);
	assert.equal(remoteShop.addresses.find((x) => x.alias === `crowdcart ${order.number}`).id_state, 0, 'none in Britain');
	// A shop that does not sell in the order's currency: the row fails with the reason, and no
	// customer, address or cart is made for it.
	remoteShop.currencies = remoteShop.currencies.filter((c) => c.iso_code !== 'USD');
	const refused = newOrder({ id: +brandId, productId: +productId, variantId: +variantId, price }, { status: 'paid' });
	const posted = remoteShop.posted.length;
	await workerOnce(sim);
	assert.deepEqual(sql(`SELECT state, last_error FROM connector_orders WHERE order_id = ${refused.id}`)[0],
		['failed', 'the shop has no currency USD']);
	assert.equal(remoteShop.posted.length, posted);
});

test('PrestaShop prices come with the tax of the shop\'s default country and its sales, as its front office shows them, in four more calls a page', async () => {
	const ctx = await connected({ products: 3, combinations: 0, taxRate: 20 });
	const { sim, shop, b, id } = ctx;
	const [plain, other] = sim.shops.get(shop.key).products;
	await control(sim, 'POST', `/_sim/shops/${shop.key}/products/${plain.id}`, { price: 1000 });
	await control(sim, 'POST', `/_sim/shops/${shop.key}/products/${other.id}`, { price: 1001 });
	const row = await syncToEnd(sim, id);
	assert.equal(row.result, '3 products synced');
	// 10.00 without tax and 20 % VAT in France, the shop's default country: 12.00; 10.01 is 12.012, shown 12.01.
	assert.deepEqual(variants(b.slug, plain.link_rewrite).map((v) => v.price), [1200]);
	assert.deepEqual(variants(b.slug, other.link_rewrite).map((v) => v.price), [1201]);
	const page = await new Client().get(`/p/${b.slug}/${plain.link_rewrite}`);
	assert.match(page.body, /12\.00/, 'shoppers see the price with tax');
	assert.doesNotMatch(page.body, /10\.00/);
	const calls = await shopCalls(ctx);
	assert.deepEqual(calls.filter((c) => ['configurations', 'tax_rules', 'taxes', 'specific_prices'].includes(c.resource))
		.map((c) => c.resource), ['specific_prices', 'configurations', 'tax_rules', 'taxes'],
	'the page\'s specific prices in one call and its taxes in three, never one per product');
	const rules = calls.find((c) => c.resource === 'tax_rules');
	assert.deepEqual([rules.query['filter[id_tax_rules_group]'], rules.query['filter[id_country]']], ['[1]', '[8]']);
	// A sale in PrestaShop (a specific price for everyone): 25 % off the price with tax, the
	// regular price as compare-at; a fixed price of 8.00 without tax, taxed, as the other's; one
	// for a customer group only, or over, changes nothing here.
	const third = sim.shops.get(shop.key).products[2];
	await control(sim, 'POST', `/_sim/shops/${shop.key}/specific_prices`, { id_product: plain.id, reduction: '0.250000', reduction_type: 'percentage' });
	await control(sim, 'POST', `/_sim/shops/${shop.key}/specific_prices`, { id_product: other.id, price: '8.000000' });
	await control(sim, 'POST', `/_sim/shops/${shop.key}/specific_prices`, { id_product: third.id, id_group: 3, reduction: '5.000000' });
	await control(sim, 'POST', `/_sim/shops/${shop.key}/specific_prices`, { id_product: third.id, reduction: '5.000000',
		to: '2020-01-01 00:00:00' });
	await ctx.b.client.submit('/studio/connectors/sync', { platform: 'prestashop' }, { formPath: '/studio/connectors' });
	await syncToEnd(sim, id);
	assert.deepEqual(variants(b.slug, plain.link_rewrite).map((v) => [v.price, v.compare_at]), [[900, 1200]]);
	assert.deepEqual(variants(b.slug, other.link_rewrite).map((v) => [v.price, v.compare_at]), [[960, 1201]]);
	assert.deepEqual(variants(b.slug, third.link_rewrite).map((v) => [v.price, v.compare_at]),
		[[Math.round(third.price * 1.2), null]]);
	// The shop turns taxes off: the next sync takes the prices as they are.
	sim.shops.get(shop.key).configurations.find((c) => c.name === 'PS_TAX').value = '0';
	await ctx.b.client.submit('/studio/connectors/sync', { platform: 'prestashop' }, { formPath: '/studio/connectors' });
	await syncToEnd(sim, id);
	assert.deepEqual(variants(b.slug, plain.link_rewrite).map((v) => [v.price, v.compare_at]), [[750, 1000]]);
});
