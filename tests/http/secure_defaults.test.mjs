// secure_defaults.test.mjs: the shop as a production config leaves it, which the stack's own programs
// cannot show (scripts/db.sh turns test payments on for them). A shop program of its own runs on the
// stack's database with only what an operator must set: no payment_providers, so the test provider
// (which marks an order paid with no money moving) is neither shown nor taken, not even from a forged
// form; an https:// base_url, so answers carry HSTS and the session cookie is __Host- and Secure; and
// nothing else, so /_metrics answers loopback alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, VAR, csrfOf, uniqueEmail } from './lib/http.mjs';
import { FcgiClient, startProgram } from './lib/fcgi.mjs';
import { lit, newBrand, sql } from './lib/fulfilment.mjs';

// What an operator's config holds for the shop: its database account, the secrets, the paths and
// the public address; everything else at its default.
const KEYS = ['db_hosts', 'db_name', 'shop_db_user', 'shop_db_password', 'secret_key', 'payment_webhook_secret',
	'templates_dir', 'static_dir', 'sql_dir', 'media_dir', 'run_as_user'];
const BANNER = 'test-payments-banner';

let shop, product;
before(async () => {
	const stack = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8').split('\n');
	const kept = stack.filter((l) => KEYS.includes(/^([a-z_]+)\s*=/.exec(l)?.[1]));
	assert.equal(kept.length, KEYS.length, 'the stack config holds every key the shop needs');
	shop = await startProgram(`${kept.join('\n')}\nbase_url = https://shop.example\n`, { name: 'secure-defaults' });
	const brand = await newBrand({ price: 1800 });
	const [[slug, handle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${brand.productId}`);
	product = { ...brand, page: `/p/${slug}/${handle}` };
});

after(() => shop?.stop());

// A shopper of the production-like shop with the product in the cart, on the checkout form.
async function shopperAtCheckout() {
	const c = new FcgiClient(shop.sock);
	const page = await c.get(product.page);
	assert.equal(page.status, 200, page.body.slice(0, 300));
	const csrf = csrfOf(page.body);
	assert.equal((await c.post('/cart/add', { csrf, variant: product.variantId, quantity: 1 })).status, 303);
	const form = await c.get('/checkout');
	assert.equal(form.status, 200);
	// The product page's token was for its own form; the cart made a session, whose token serves every form.
	return { c, csrf: csrfOf(form.body), form: form.body };
}

const address = (email) => ({ email, name: 'Buyer One', line1: '1 Main St', city: 'Springfield', postal: '12345', country: 'US' });

const ordersOf = (email) => sql(`SELECT o.status, o.payment_provider FROM orders o JOIN checkouts c ON c.id = o.checkout_id
	WHERE c.email = ${lit(email)}`);

test('without payment_providers no page shows the test-payments banner, which the stack (test on) shows', async () => {
	const c = new FcgiClient(shop.sock);
	for (const uri of [product.page, '/', '/@lena', '/cart', '/orders/lookup', '/no-such-page']) {
		const res = await c.get(uri);
		assert.ok(res.status === 200 || res.status === 404, `${uri}: ${res.status}`);
		assert.match(res.body, /<main id="main">/, `${uri} is a whole page`);
		assert.ok(!res.body.includes(BANNER), `${uri} shows no banner`);
	}
	assert.ok((await new Client().get(product.page)).body.includes(BANNER), 'the same page on the stack does');
});

test('without payment_providers the checkout offers offline payment only', async () => {
	const { form } = await shopperAtCheckout();
	assert.match(form, /<input type="radio" name="provider" value="offline"/);
	assert.doesNotMatch(form, /name="provider" value="test"/);
	assert.ok(!form.includes(BANNER));
});

test('a forged provider=test is refused with 422 at review and at place, and no order is made; offline still places one', async () => {
	const { c, csrf } = await shopperAtCheckout();
	const email = uniqueEmail('forged');
	const review = await c.post('/checkout/review', { csrf, ...address(email), provider: 'test' });
	assert.equal(review.status, 422);
	assert.match(review.body, /Choose how you want to pay\./);
	assert.doesNotMatch(review.body, /name="token"/, 'no order form to place');

	const honest = await c.post('/checkout/review', { csrf, ...address(email), provider: 'offline' });
	assert.equal(honest.status, 200);
	const token = /name="token" value="([^"]*)"/.exec(honest.body)?.[1];
	const version = /name="version" value="([^"]*)"/.exec(honest.body)?.[1];
	assert.ok(token && version, 'the review page holds the order form');
	const forged = await c.post('/checkout/place', { csrf, ...address(email), provider: 'test', token, version });
	assert.equal(forged.status, 422);
	assert.match(forged.body, /Choose how you want to pay\./);
	assert.deepEqual(ordersOf(email), [], 'no order, paid or not');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM checkouts WHERE email = ${lit(email)}`)[0][0]), 0, 'no checkout row');

	const placed = await c.post('/checkout/place', { csrf, ...address(email), provider: 'offline', token, version });
	assert.equal(placed.status, 303, 'the same form with the provider offered places the order');
	assert.deepEqual(ordersOf(email), [['awaiting_payment', 'offline']], 'awaiting payment, not paid');
});

test('with an https base_url every answer carries HSTS and the session cookie is __Host-, Secure and HttpOnly', async () => {
	const c = new FcgiClient(shop.sock);
	for (const uri of [product.page, '/no-such-page']) {
		const res = await c.get(uri);
		assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', uri);
	}
	const visitor = new FcgiClient(shop.sock);	// the first form sent starts a session
	const page = await visitor.get(product.page);
	assert.ok(!(page.headers['set-cookie'] ?? []).some((l) => /cc_session=/.test(l)), 'a page read starts none');
	const fresh = await visitor.post('/cart/add', { csrf: csrfOf(page.body), variant: product.variantId, quantity: 1 });
	const [cookie] = fresh.headers['set-cookie'];
	assert.match(cookie ?? '', /^__Host-cc_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
});

test('with the defaults /_metrics answers loopback only, and the start-up log has no complaint about the config', async () => {
	assert.equal((await new FcgiClient(shop.sock, { REMOTE_ADDR: '203.0.113.9' }).get('/_metrics')).status, 403);
	const local = await new FcgiClient(shop.sock).get('/_metrics');
	assert.equal(local.status, 200);
	assert.match(local.body, /^# HELP crowdcart_/m);
	assert.doesNotMatch(shop.stderr(), /^config:/m, 'a well-formed config only its owner reads draws no warning');
});
