// checkout_concurrency.test.mjs: 100 guest buyers race for the last 5 units of one variant through
// the real stack: exactly 5 orders, 95 clean sold-out answers (never a 5xx), and the stock ends
// at 0, never below.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, makeProduct, reviewed, sql, stockOf } from './lib/commerce.mjs';

usesDatabase();

const BUYERS = 100, UNITS = 5;

// Runs fn over items with at most `width` in flight.
async function pool(items, width, fn) {
	const out = new Array(items.length);
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i], i);
		}
	}));
	return out;
}

test('100 parallel buyers race for the last 5 units: 5 orders, 95 sold out, stock 0', async () => {
	const p = makeProduct({ price: 1500, stock: 1000 });
	// Every buyer fills a cart and reaches the review step while there is plenty of stock ...
	const buyers = await pool(Array.from({ length: BUYERS }, (_, i) => i), 10, async () => {
		const c = new Client();
		const { fields } = await reviewed(c, [[p.variantId, 1]], address(uniqueEmail('race')));
		assert.ok(fields?.token, 'the review page offers to place the order');
		return { c, fields };
	});
	// ... then only 5 units are left, and all of them press "Place order" at once.
	sql(`UPDATE variants SET stock = ${UNITS} WHERE id = ${p.variantId}; UPDATE products SET stock_total = ${UNITS} WHERE id = ${p.productId}`);
	const results = await Promise.all(buyers.map(({ c, fields }) => c.post('/checkout/place', fields)));
	const statuses = results.map((r) => r.status);
	const placed = results.filter((r) => r.status === 303);
	const soldOut = results.filter((r) => r.status === 409 && /Sold out/.test(r.body) && /Nothing was charged/.test(r.body));
	assert.deepEqual(statuses.filter((s) => s >= 500), [], 'no 5xx');
	assert.equal(placed.length, UNITS, `statuses: ${JSON.stringify(statuses)}`);
	assert.equal(soldOut.length, BUYERS - UNITS);
	for (const r of placed)
		assert.match(r.headers.location, /^\/checkout\/done\/[0-9A-Z]{26}$/);
	assert.equal(stockOf(p.variantId), 0);
	assert.equal(Number(sql(`SELECT stock_total FROM products WHERE id = ${p.productId}`)[0][0]), 0);
	const [[orders, units]] = sql(`SELECT COUNT(DISTINCT order_id), SUM(quantity) FROM order_lines WHERE variant_id = ${p.variantId}`);
	assert.equal(Number(orders), UNITS);
	assert.equal(Number(units), UNITS);
	// every acknowledged order is in the database, each with its confirmation mail
	const [[checkouts, mails]] = sql(`SELECT COUNT(DISTINCT c.id), COUNT(DISTINCT m.id) FROM order_lines l
		JOIN orders o ON o.id = l.order_id JOIN checkouts c ON c.id = o.checkout_id
		LEFT JOIN outbox m ON m.checkout_id = c.id WHERE l.variant_id = ${p.variantId}`);
	assert.equal(Number(checkouts), UNITS);
	assert.equal(Number(mails), UNITS);
});
