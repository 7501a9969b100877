// payments_storm.test.mjs: no acknowledged payment is lost under a storm of Stripe events: 200
// checkouts are placed, then the simulator pays them all at once and sends 1,000 events (every
// checkout.session.completed four times, and 200 unrelated events), shuffled and concurrently.
// Every session whose completed event got a 2xx must be paid, exactly once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { makeProduct, sql } from './lib/commerce.mjs';
import { checkoutOrders, placeWith, sessionRow, sim } from './lib/payments.mjs';

usesDatabase();

const SESSIONS = 200, COPIES = 4, NOISE = 200;

test(`${SESSIONS * COPIES + NOISE} Stripe events with duplicates, reordered and concurrent: every acknowledged payment is paid once`, async (t) => {
	const p = makeProduct({ price: 1500, stock: SESSIONS + 10 });
	const placed = [];
	for (let i = 0; i < SESSIONS; i += 10) {
		const batch = await Promise.all(Array.from({ length: Math.min(10, SESSIONS - i) }, async () => {
			const r = await placeWith(new Client(), [[p.variantId, 1]], uniqueEmail('storm'), 'stripe');
			assert.equal(r.place.status, 200, r.place.body.slice(0, 300));
			return { ref: r.ref, session: sessionRow(r.ref)[1] };
		}));
		placed.push(...batch);
	}
	const storm = await sim('POST', '/_sim/storm', { provider: 'stripe', sessions: placed.map((x) => x.session),
		duplicates: COPIES - 1, noise: NOISE, concurrency: 16 });
	assert.equal(storm.status, 200, storm.text);
	const out = storm.json;
	assert.equal(out.sent, SESSIONS * COPIES + NOISE);
	t.diagnostic(`storm: ${out.sent} deliveries in ${out.ms} ms, ${out.acknowledged} answered 2xx, ${out.failed} not` +
		(out.failures.length ? ` (e.g. ${JSON.stringify(out.failures[0])})` : ''));
	const bySession = new Map(out.sessions.map((s) => [s.id, s]));
	let acked = 0, lost = 0;
	for (const { ref, session } of placed) {
		const s = bySession.get(session);
		assert.ok(s, `session ${session} was paid by the storm`);
		const [[number, status]] = checkoutOrders(ref);
		if (!s.acked)
			continue;
		acked++;
		if (status !== 'paid')
			lost++;
		assert.equal(Number(sql(`SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id
			WHERE o.number = '${number}' AND e.to_status = 'paid'`)[0][0]), 1, `order ${number} paid once`);
	}
	t.diagnostic(`${acked} of ${SESSIONS} sessions had a completed event acknowledged; ${lost} of those not paid`);
	assert.equal(lost, 0, 'no acknowledged payment is lost');
	assert.ok(acked > 0);
});
