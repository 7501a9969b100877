// payments_defaults.test.mjs: the test provider as the private stack turns it on (scripts/db.sh lists
// it; unset, payment_providers offers offline alone: tests/unit/test_pay_test.c). While it is on every
// page says so; an order it paid is a test order in the studio, the CSV, the API, and accrues no
// commission and counts in no dashboard figure, while an order paid for real beside it does (best
// sellers: best_sellers.test.mjs, which owns the stack's one recount lease).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Client, csrfOf, unique, confValue } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { api, createKey } from './lib/catalog.mjs';
import { demoClient, formState, lit, newBrand, newProduct, sql } from './lib/fulfilment.mjs';

usesDatabase();

const BANNER = '<p class="test-payments-banner" id="test-payments-banner">Test payments are on: orders paid with the test provider are not real.</p>';

let brand, key;
before(async () => {
	brand = await newBrand();
	({ key } = await createKey(brand.client));
});

// A guest checkout through the shop of `quantity` units of product p, after a visit to lena's
// storefront (who has an approved pick of it at 15 %), paid with `provider`: the checkout form,
// the review page, the confirmation page, and the order's number and id.
async function buyThrough(p, provider, quantity = 2, email = `buyer-${unique()}@test.crowdcart.test`) {
	const [[slug, handle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${p.productId}`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status)
		SELECT id, ${p.productId}, 1500, 'approved' FROM creators WHERE handle = 'lena'
		ON DUPLICATE KEY UPDATE commission_bps = VALUES(commission_bps), status = 'approved'`);
	const shopper = new Client();
	await shopper.get('/@lena');
	let csrf = csrfOf((await shopper.get(`/p/${slug}/${handle}`)).body);
	let res = await shopper.post('/cart/add', { csrf, variant: p.variantId, quantity });
	assert.equal(res.status, 303);
	const form = (await shopper.get('/checkout')).body;
	csrf = csrfOf(form);	// the cart began a session: its pages carry its token
	const addr = { email, name: 'Buyer One', line1: '1 Main St',
		city: 'Springfield', postal: '12345', country: 'US', provider };
	const review = await shopper.post('/checkout/review', { csrf, ...addr });
	assert.equal(review.status, 200);
	const token = /name="token" value="([^"]*)"/.exec(review.body)?.[1];
	const version = /name="version" value="([^"]*)"/.exec(review.body)?.[1];
	res = await shopper.post('/checkout/place', { csrf, ...addr, token, version });
	assert.equal(res.status, 303);
	const done = (await shopper.get(res.headers.location)).body;
	const ref = res.headers.location.split('/').pop();
	const [[number, id]] = sql(`SELECT o.number, o.id FROM orders o JOIN checkouts c ON c.id = o.checkout_id
		WHERE c.public_ref = ${lit(ref)}`);
	return { form, review: review.body, done, number, id: Number(id) };
}

const accrued = (o) => Number(sql(`SELECT COUNT(*) FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id
	WHERE l.order_id = ${o.id}`)[0][0]);

test('the private stack lists the test provider, and every page of shop and studio shows the banner', async () => {
	assert.match(confValue('payment_providers'), /(^|,)\s*test\s*(,|$)/, 'scripts/db.sh turns it on for its stacks');
	const p = newProduct(brand, { price: 1500 });
	const { form, review } = await buyThrough(p, 'offline', 1);
	assert.ok(form.includes(BANNER), 'the checkout form');
	assert.match(form, /<input type="radio" name="provider" value="test">/, 'which offers the test provider');
	assert.ok(review.includes(BANNER), 'the review page');
	const visitor = new Client();
	for (const path of ['/', '/@lena', '/cart', '/orders/lookup', '/no-such-page', '/login', '/signup']) {
		const res = await visitor.get(path);
		assert.ok(res.body.includes(BANNER), `${path} (${res.status}) shows the banner`);
		assert.equal(res.body.split('class="test-payments-banner"').length - 1, 1, `${path}: once`);
	}
	for (const path of ['/studio', '/studio/orders', '/studio/brand/dashboard'])
		assert.ok((await brand.client.get(path)).body.includes(BANNER), `${path} shows the banner`);
});

test('an order paid with the test provider is a test order everywhere and earns nothing; a real one beside it does', async () => {
	const forTest = newProduct(brand, { price: 2000 }), forReal = newProduct(brand, { price: 2000 });
	const t = await buyThrough(forTest, 'test');
	const [[status, provider, commission]] = sql(`SELECT o.status, o.payment_provider, l.commission_amount
		FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = ${t.id}`);
	assert.deepEqual([status, provider], ['paid', 'test'], 'it settles paid');
	assert.equal(Number(commission), 600, 'the line keeps the rate it was sold at');
	assert.equal(accrued(t), 0, 'no accrual, no ledger entry');
	assert.match(t.done, /<p class="flash note test-order">Test order: paid with the test provider, so no money was taken\.<\/p>/,
		'the shopper\'s confirmation says so too');

	// the same sale paid for real: offline, marked paid by the brand in the studio
	const r = await buyThrough(forReal, 'offline');
	const s = await formState(brand.client, r.number);
	assert.equal((await brand.client.post(`/studio/orders/${r.number}/transition`,
		{ csrf: s.csrf, version: s.version, action: 'mark_paid' })).status, 303);
	assert.equal(accrued(r), 1, 'the real order accrues its commission');
	assert.doesNotMatch(r.done, /test-order/);

	// studio: a badge in the list and on the order page, none on the real order
	const list = (await brand.client.get('/studio/orders')).body;
	assert.match(list, new RegExp(`<a href="/studio/orders/${t.number}" class="order-ref">CC-[0-9A-Z]{4}-[0-9A-Z]{4}</a> <span class="badge test-badge">Test</span>`));
	assert.match(list, new RegExp(`<a href="/studio/orders/${r.number}" class="order-ref">CC-[0-9A-Z]{4}-[0-9A-Z]{4}</a><br><span class="muted order-number">${r.number}</span></td>`));
	const page = (await brand.client.get(`/studio/orders/${t.number}`)).body;
	assert.match(page, /<h1 class="page-title">Order <span class="order-ref">CC-[0-9A-Z]{4}-[0-9A-Z]{4}<\/span> <span class="badge test-badge">Test<\/span><\/h1>/);
	assert.match(page, /id="test-order">Test order: paid with the test provider, so no money was received\./);
	assert.doesNotMatch((await brand.client.get(`/studio/orders/${r.number}`)).body, /test-badge|id="test-order"/);

	// the CSV export: its last column
	const csv = (await brand.client.get('/studio/orders.csv')).body.split('\r\n');
	assert.match(csv[0], /,prices_include_tax,test_order$/);
	assert.match(csv.find((row) => row.startsWith(t.number)), /,yes$/);
	assert.match(csv.find((row) => row.startsWith(r.number)), /,no$/);

	// the API
	for (const [o, want] of [[t, true], [r, false]]) {
		const one = await api('GET', `/api/v1/orders/${o.id}`, { key });
		assert.equal(one.status, 200);
		assert.equal(one.json.test, want, `order ${o.number}: "test" is ${want}`);
	}
	const listed = await api('GET', '/api/v1/orders?limit=100', { key });
	assert.equal(listed.json.data.find((o) => o.id === t.id)?.test, true);
	assert.equal(listed.json.data.find((o) => o.id === r.id)?.test, false);

	// the brand's dashboard counts the real sale only: 1 order, 40.00, 6.00 commission for lena
	const dash = (await brand.client.get('/studio/brand/dashboard.csv')).body.split('\r\n');
	assert.deepEqual(dash.filter((row) => row.startsWith('creator,')).map((row) => row.split(',').slice(2, 3).concat(row.split(',').slice(5))),
		[['lena', '1', '40.00', '6.00']]);
	const html = (await brand.client.get('/studio/brand/dashboard')).body;
	const testRow = html.split('<tr class="sale">').find((row) => row.includes(t.number));
	assert.match(testRow ?? '', /<td class="line-state">test order: not counted<\/td>/);
	const realRow = html.split('<tr class="sale">').find((row) => row.includes(r.number));
	assert.match(realRow ?? '', /<td class="line-state">paid<\/td>/);
	// lena's: the test sale listed as such, never counted
	const lena = await demoClient('lena@demo.crowdcart.test');
	const mine = (await lena.get('/studio/creator/dashboard')).body;
	assert.match(mine.split('<tr class="sale">').find((row) => row.includes(t.number)) ?? '', /test order: not counted/);
});

test('a refund of a test order has no commission to reverse', async () => {
	const p = newProduct(brand, { price: 1000 });
	const t = await buyThrough(p, 'test', 1);
	const s = await formState(brand.client, t.number);
	const res = await brand.client.post(`/studio/orders/${t.number}/refund`, { csrf: s.csrf, version: s.version, mode: 'full' });
	assert.equal(res.status, 303);
	assert.equal(sql(`SELECT status FROM orders WHERE id = ${t.id}`)[0][0], 'refunded');
	assert.equal(accrued(t), 0, 'no reversal written against an accrual that never was');
});

test('a buyer\'s earlier test order does not cost their first real order the first-order rate', async () => {
	const b = await newBrand({ price: 3000 });
	sql(`UPDATE brands SET first_order_commission_bps = 2500 WHERE id = ${b.id}`);
	const email = `first-${unique()}@test.crowdcart.test`;
	const t = await buyThrough(b, 'test', 1, email);
	const r = await buyThrough(b, 'offline', 1, email);
	const first = (o) => sql(`SELECT commission_first_order, commission_bps FROM order_lines WHERE order_id = ${o.id}`)[0];
	assert.deepEqual(first(t), ['1', '2500'], 'the test order was their first');
	assert.deepEqual(first(r), ['1', '2500'], 'and so, being a test, is the real one after it');
	const again = await buyThrough(b, 'offline', 1, email);
	assert.deepEqual(first(again), ['0', '1500'], 'a real order before makes a returning buyer');
});
