// order_reference.test.mjs: a new order gets a reference people can read out (CC-XXXX-XXXX, eight
// random Crockford digits, unique), shown on the confirmation; the lookup takes it however it is
// typed, and still takes the 20-digit number of an order placed before references.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, lit, makeProduct, orderNumbers, reviewed, sql } from './lib/commerce.mjs';

usesDatabase();

async function placeOrder() {
	const p = makeProduct({ price: 1500 });
	const c = new Client();
	const email = uniqueEmail('ref');
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(email));
	const placed = await c.post('/checkout/place', fields);
	assert.equal(placed.status, 303);
	const done = await c.get(placed.headers.location);
	assert.equal(done.status, 200);
	const [number] = orderNumbers(done.body);
	const [[reference]] = sql(`SELECT reference FROM orders WHERE number = ${lit(number)}`);
	return { p, email, number, reference, page: done.body };
}

async function lookUp(number, email) {
	const v = new Client();
	const csrf = await v.csrf('/orders/lookup');
	return v.post('/orders/lookup', { csrf, number, email });
}

test('a new order has a short random reference, shown grouped on its confirmation', async () => {
	const a = await placeOrder(), b = await placeOrder();
	for (const o of [a, b]) {
		assert.match(o.reference, /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
		const shown = `CC-${o.reference.slice(0, 4)}-${o.reference.slice(4)}`;
		assert.match(o.page, new RegExp(`<h2>Order <span class="order-ref">${shown}</span></h2>`));
		assert.ok(o.page.includes(`<span class="order-number">${o.number}</span>`), 'the full number is still there');
	}
	assert.notEqual(a.reference, b.reference);
	const [[dups]] = sql(`SELECT COUNT(*) - COUNT(DISTINCT reference) FROM orders WHERE reference IS NOT NULL`);
	assert.equal(dups, '0');
	const [[unique]] = sql(`SELECT NON_UNIQUE FROM information_schema.statistics WHERE table_schema = DATABASE()
		AND table_name = 'orders' AND index_name = 'orders_reference'`);
	assert.equal(unique, '0', 'a unique index guards the references');
});

test('the lookup takes the reference however it is typed, and the full number too', async () => {
	const o = await placeOrder();
	const r = o.reference;
	for (const typed of [`CC-${r.slice(0, 4)}-${r.slice(4)}`, `cc ${r.slice(0, 4)} ${r.slice(4)}`.toLowerCase(), r,
		r.replace(/1/g, 'l').replace(/0/g, 'o'), o.number]) {
		const res = await lookUp(typed, o.email);
		assert.equal(res.status, 200, typed);
		assert.ok(res.body.includes(o.p.title), typed);
	}
	assert.equal((await lookUp(`CC-${r.slice(0, 4)}-${r.slice(4)}`, uniqueEmail('other'))).status, 404, 'the email must match');
});

test('an order placed before references shows and is found by its number', async () => {
	const res = await lookUp('D3M00000000000000001', 'shopper@demo.crowdcart.test');
	assert.equal(res.status, 200);
	assert.match(res.body, /<h2>Order <span class="order-number">D3M00000000000000001<\/span><\/h2>/);
});
