// payments_discount.test.mjs: where payments meet discount codes and tax-inclusive prices. The
// hosted page is asked for exactly the order's total (lines after their discount share, gross
// amounts when prices include tax), and a code's use comes back when the payment fails or the
// brand cancels, so a failed card does not use up a code limited to a few uses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { addToCart, address, csrf, formFields, lit, makeProduct, orderNumbers, sql } from './lib/commerce.mjs';
import { checkoutOrders, payOnHostedPage, received, sim } from './lib/payments.mjs';
import { demoClient, formState } from './lib/fulfilment.mjs';

usesDatabase();

function makeCode(brand, { kind = 'percent', value = 1500, total = null } = {}) {
	const code = `P${unique()}`.toUpperCase();
	sql(`INSERT INTO discount_codes (brand_id, creator_id, code, kind, value, min_order, total_limit,
		per_customer_limit, starts_at, ends_at, combinable, created_at)
		SELECT id, NULL, ${lit(code)}, ${lit(kind)}, ${value}, 0, ${total ?? 'NULL'}, NULL, NULL, NULL, 0,
		UTC_TIMESTAMP() FROM brands WHERE slug = ${lit(brand)}`);
	return code;
}

const usesOf = (code) => Number(sql(`SELECT uses FROM discount_codes WHERE code = ${lit(code)}`)[0][0]);

// Cart with `items` and `code`, reviewed for `addr`, placed: the hosted page's session and ref.
async function placeWithCode(c, items, code, addr) {
	for (const [variant, quantity] of items)
		assert.equal((await addToCart(c, variant, quantity)).status, 303);
	assert.equal((await c.post('/cart/code', { csrf: await csrf(c), code })).status, 303);
	const review = await c.post('/checkout/review', { csrf: await csrf(c), ...addr });
	assert.equal(review.status, 200, review.body.slice(0, 300));
	const place = await c.post('/checkout/place', formFields(review.body, '/checkout/place'));
	assert.equal(place.status, 200, place.body.slice(0, 300));
	const url = /<a class="button" id="pay-link" href="([^"]+)">/.exec(place.body)?.[1]?.replace(/&amp;/g, '&');
	const session = url && /\/pay\/stripe\/([^/?#]+)/.exec(url)?.[1];
	const ref = sql(`SELECT public_ref FROM checkouts WHERE email = ${lit(addr.email)} ORDER BY id DESC LIMIT 1`)[0][0];
	assert.ok(session, 'sent to the hosted page');
	return { session, ref };
}

test('Stripe is asked for the order total after a discount that does not divide by the quantity', async () => {
	const p = makeProduct({ price: 3333, stock: 10 });
	const code = makeCode('northwind', { kind: 'fixed', value: 500 });
	const c = new Client();
	const email = uniqueEmail('paydisc');
	const { session, ref } = await placeWithCode(c, [[p.variantId, 3]], code, address(email, 'stripe'));
	const [[number, status, total]] = checkoutOrders(ref);
	assert.equal(status, 'awaiting_payment');
	const [discount] = sql(`SELECT discount FROM orders WHERE number = ${lit(number)}`)[0];
	assert.equal(Number(discount), 500);
	const [seen] = await received(ref);
	assert.equal(seen.amount_total, Number(total));
	assert.equal(seen.line_items.reduce((s, li) => s + li.unit_amount * li.quantity, 0), Number(total));
	assert.ok(seen.line_items.some((li) => li.quantity === 1 && li.unit_amount === 9999 - 500 && li.name.startsWith('3 × ')),
		'a share that does not divide goes as one item of the whole line');
	assert.equal((await payOnHostedPage(session)).status, 303);
	assert.equal(checkoutOrders(ref)[0][1], 'paid');
});

test('Stripe is asked for the gross amounts when the brand prices include tax', async () => {
	const p = makeProduct({ price: 5950, stock: 10, brand: 'atelier-lumen' });
	const code = makeCode('atelier-lumen', { kind: 'fixed', value: 500 });
	const c = new Client();
	const email = uniqueEmail('paygross');
	const addr = { ...address(email, 'stripe'), city: 'Köln', region: '', postal: '51147', country: 'DE' };
	const { ref } = await placeWithCode(c, [[p.variantId, 2]], code, addr);
	const [[number, , total, currency]] = checkoutOrders(ref);
	const [[incl, tax]] = sql(`SELECT prices_include_tax, tax FROM orders WHERE number = ${lit(number)}`);
	assert.equal(Number(incl), 1);
	assert.ok(Number(tax) > 0, 'the included VAT is recorded');
	const [seen] = await received(ref);
	assert.equal(seen.currency, currency.toLowerCase());
	assert.equal(seen.amount_total, Number(total));
	assert.equal(seen.line_items.reduce((s, li) => s + li.unit_amount * li.quantity, 0), Number(total));
	assert.ok(!seen.line_items.some((li) => /^Tax/.test(li.name)), 'no tax line on top of prices that include it');
});

test('a failed payment gives the code its use back, and so does an order the brand cancels', async () => {
	const p = makeProduct({ price: 2000, stock: 10 });
	const code = makeCode('northwind', { value: 1000, total: 1 });
	const first = new Client();
	const { session, ref } = await placeWithCode(first, [[p.variantId, 1]], code, address(uniqueEmail('payfail'), 'stripe'));
	assert.equal(usesOf(code), 1, 'the waiting order holds the only use');
	assert.equal((await payOnHostedPage(session, 'async')).status, 303);
	assert.equal((await sim('POST', `/_sim/stripe/sessions/${session}/async`, { outcome: 'failed' })).status, 200);
	assert.equal(checkoutOrders(ref)[0][1], 'payment_failed');
	assert.equal(usesOf(code), 0, 'the use came back');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM discount_redemptions r JOIN orders o ON o.id = r.order_id
		JOIN checkouts c ON c.id = o.checkout_id WHERE c.public_ref = ${lit(ref)} AND r.released_at IS NOT NULL`)[0][0]), 1,
		'the redemption stays, marked released');
	// the next shopper gets it; the brand cancels that order and the use comes back again
	const second = new Client();
	assert.equal((await addToCart(second, p.variantId, 1)).status, 303);
	assert.equal((await second.post('/cart/code', { csrf: await csrf(second), code })).status, 303);
	const review = await second.post('/checkout/review', { csrf: await csrf(second), ...address(uniqueEmail('paycancel'), 'offline') });
	const placed = await second.post('/checkout/place', formFields(review.body, '/checkout/place'));
	assert.equal(placed.status, 303);
	assert.equal(usesOf(code), 1);
	const number = orderNumbers((await second.get(placed.headers.location)).body)[0];
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	const st = await formState(brand, number);
	const cancel = await brand.post(`/studio/orders/${number}/transition`, { csrf: st.csrf, version: st.version, action: 'cancel' });
	assert.equal(cancel.status, 303, cancel.body.slice(0, 300));
	assert.equal(sql(`SELECT status FROM orders WHERE number = ${lit(number)}`)[0][0], 'cancelled');
	assert.equal(usesOf(code), 0);
});
