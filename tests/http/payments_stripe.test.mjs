// payments_stripe.test.mjs: Stripe Checkout end to end against the provider simulator: an order
// waits with its stock held until Stripe says paid or failed, exactly once whatever arrives first
// and however often; forged, stale and rotated signatures; Stripe down at place; amounts and
// currencies as the simulator received them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { makeProduct, sql, stockOf } from './lib/commerce.mjs';
import { eventually } from './lib/eventually.mjs';
import { checkoutOrders, payOnHostedPage, placeWith, received, rule, sessionRow } from './lib/payments.mjs';

usesDatabase();

const count = (q) => Number(sql(q)[0][0]);

test('an order paid through Stripe waits with its stock held, then is paid once the webhook arrives', async () => {
	const p = makeProduct({ price: 2500, stock: 5 });
	const c = new Client();
	const email = uniqueEmail('stripe');
	const { place, url, session, ref } = await placeWith(c, [[p.variantId, 2]], email);
	assert.equal(place.status, 200, place.body.slice(0, 500));
	assert.ok(url && session, 'the page sends the shopper to the hosted page');
	assert.match(place.body, /http-equiv="refresh"/);
	let [[number, status, total, currency]] = checkoutOrders(ref);
	assert.equal(status, 'awaiting_payment');
	assert.equal(stockOf(p.variantId), 3, 'the stock is held');
	assert.deepEqual(sessionRow(ref).slice(0, 2), ['pending', session]);
	assert.equal(count(`SELECT COUNT(*) FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id
		JOIN orders o ON o.id = l.order_id WHERE o.number = '${number}'`), 0, 'no commission before paid');
	// what Stripe was asked for: the order's amount, currency, lines, reference and email
	const [seen] = await received(ref);
	assert.equal(seen.amount_total, Number(total));
	assert.equal(seen.currency, currency.toLowerCase());
	assert.equal(seen.client_reference_id, ref);
	assert.equal(seen.customer_email, email);
	assert.ok(seen.line_items.some((li) => li.name === p.title + ' (One)' && li.unit_amount === 2500 && li.quantity === 2));
	assert.equal(seen.line_items.reduce((s, li) => s + li.unit_amount * li.quantity, 0), Number(total));
	// pay: the simulator delivers the signed webhook, then sends the shopper back
	const paid = await payOnHostedPage(session);
	assert.equal(paid.status, 303);
	assert.match(paid.back, new RegExp(`^/checkout/return/${ref}\\?session_id=${session}$`));
	[[number, status]] = checkoutOrders(ref);
	assert.equal(status, 'paid');
	assert.equal(sessionRow(ref)[0], 'paid');
	assert.match(sessionRow(ref)[2], /^pi_/);
	const back = await c.get(paid.back);
	assert.equal(back.status, 200);
	assert.match(back.body, /Payment received/);
	assert.match(back.body, new RegExp(number));
	assert.equal(stockOf(p.variantId), 3);
	assert.equal(count(`SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = '${number}'
		AND p.status = 'succeeded'`), 1);
	assert.equal(count(`SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = '${number}'
		AND e.to_status = 'paid'`), 1);
	assert.equal(count(`SELECT COUNT(*) FROM outbox o JOIN checkouts c ON c.id = o.checkout_id WHERE c.public_ref = '${ref}'`), 1,
		'one mail, at paid');
});
