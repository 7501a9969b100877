// payments_storm.test.mjs: 1,000 Stripe events at once, with duplicates, unrelated events and a
// stale "expired" after every payment, shuffled and sent concurrently by the simulator: no payment
// whose event crowdcart acknowledged is lost, none is counted twice, and none is undone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { makeProduct, sql, stockOf } from './lib/commerce.mjs';
import { placeWith, sim } from './lib/payments.mjs';

usesDatabase();

const SESSIONS = 200;	// x (1 completed + 2 duplicates + 1 stale expired) + 200 unrelated = 1,000 events

async function placeMany(p, n, concurrency = 4) {
	const out = [];
	let next = 0;
	await Promise.all(Array.from({ length: concurrency }, async () => {
		while (next < n) {
			next++;
			const placed = await placeWith(new Client(), [[p.variantId, 1]], uniqueEmail('storm'));
			assert.equal(placed.place.status, 200, placed.place.body.slice(0, 300));
			out.push(placed);
		}
	}));
	return out;
}

test('1,000 shuffled, duplicated and stale Stripe events lose no acknowledged payment', async () => {
	const p = makeProduct({ price: 1000, stock: SESSIONS + 10 });
	const placed = await placeMany(p, SESSIONS);
	assert.equal(stockOf(p.variantId), 10, 'every order holds its unit');
	const storm = await sim('POST', '/_sim/storm', { provider: 'stripe', sessions: placed.map((x) => x.session),
		duplicates: 2, noise: SESSIONS, stale_expired: true, concurrency: 16 });
	assert.equal(storm.status, 200, storm.text);
	const r = storm.json;
	console.log(`storm: ${r.sent} events in ${r.ms} ms, ${r.acknowledged} acknowledged, ${r.failed} not`);
	assert.equal(r.sent, 5 * SESSIONS);
	const acked = r.sessions.filter((s) => s.acked).map((s) => s.id);
	const refs = placed.map((x) => `'${x.ref}'`).join(',');
	const rows = sql(`SELECT ps.session_id, ps.status, o.status,
		(SELECT COUNT(*) FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'paid'),
		(SELECT COUNT(*) FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'payment_failed')
		FROM payment_sessions ps JOIN checkouts c ON c.id = ps.checkout_id JOIN orders o ON o.checkout_id = c.id
		WHERE c.public_ref IN (${refs})`);
	const by = new Map(rows.map((x) => [x[0], x]));
	for (const id of acked) {
		const [, session, order, paidEvents, failedEvents] = by.get(id);
		assert.equal(session, 'paid', `session ${id}`);
		assert.equal(order, 'paid', `order of ${id}`);
		assert.equal(paidEvents, '1', `paid once: ${id}`);
		assert.equal(failedEvents, '0', `never failed: ${id}`);
	}
	// every completed event is acknowledged in the end (a failed delivery is retried by Stripe;
	// here none should fail at all), and the stock is exactly what was sold
	assert.equal(r.failed, 0, JSON.stringify(r.failures));
	assert.equal(acked.length, SESSIONS);
	assert.equal(stockOf(p.variantId), 10);
	const [[events]] = sql(`SELECT COUNT(*) FROM payment_events WHERE session_id IN (${placed.map((x) => `'${x.session}'`).join(',')})`);
	assert.equal(Number(events), 2 * SESSIONS, 'each distinct completed and expired event recorded once');
});
