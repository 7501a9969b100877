// payments_mollie.test.mjs: Mollie end to end against the provider simulator: the amount as a
// decimal string with the currency's exact decimals, the webhook that only names the payment (so
// crowdcart reads it back), before or after the return, duplicated; failed, canceled and expired
// payments give the stock back; Mollie down at place and at refund; partial and full refunds; JPY.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { Client, ROOT, VAR, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { lit, makeProduct, sql, stockOf } from './lib/commerce.mjs';
import { SIM, checkoutOrders, holdReleased, count, paidEvents, placeWith, placedThrough, rule, sessionRow, sim } from './lib/payments.mjs';
import { demoClient, formState } from './lib/fulfilment.mjs';

usesDatabase();

async function placed(items = 1, { price = 1500, brand = 'atelier-lumen', email = uniqueEmail('mollie') } = {}) {
	const o = await placedThrough('mollie', items, { price, brand, email });
	return { ...o, payment: o.id };
}

async function seen(payment) {
	return (await sim('GET', `/_sim/received?provider=mollie&id=${payment}`)).json.mollie[0];
}

// The shopper picks an outcome on Mollie's test-mode page; returns the shop path they land on.
async function choose(o, choice) {
	assert.equal(o.url, `${SIM}/pay/mollie/${o.payment}`);
	const page = await sim('GET', `/pay/mollie/${o.payment}`);
	assert.match(page.text, /Paid/);
	const r = await fetch(`${SIM}/pay/mollie/${o.payment}`, { method: 'POST', body: `choice=${choice}`, redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	assert.equal(r.status, 303);
	const back = new URL(r.headers.get('location'));
	return back.pathname + back.search;
}

async function deliveries(payment) {
	return (await sim('GET', `/_sim/deliveries?provider=mollie&object_id=${payment}`)).json;
}

test('paid through Mollie: the amount in exact decimals, the id-only webhook settles by reading the payment, the return page says so', async () => {
	const o = await placed(2);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	assert.equal(stockOf(o.p.variantId), 3, 'the stock is held');
	const asked = await seen(o.payment);
	assert.equal(asked.status, 'open');
	assert.deepEqual(asked.amount, { currency: o.currency, value: (o.total / 100).toFixed(2) });
	assert.match(asked.description, new RegExp(o.number));
	assert.equal(asked.metadata.checkout, o.ref);
	assert.match(asked.redirectUrl, new RegExp(`/checkout/return/${o.ref}$`));
	assert.match(asked.webhookUrl, /\/webhooks\/payment\/mollie$/);
	const back = await choose(o, 'paid');
	assert.equal(back, `/checkout/return/${o.ref}`);
	const [d] = await deliveries(o.payment);
	assert.equal(d.status, 200, d.response);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid', 'the webhook came before the shopper');
	assert.equal(sessionRow(o.ref)[2], o.payment);
	const page = await o.c.get(back);
	assert.equal(page.status, 200);
	assert.match(page.body, /Payment received/);
	assert.match(page.body, new RegExp(o.number));
	assert.equal(stockOf(o.p.variantId), 3);
	assert.equal(paidEvents(o.number), 1);
});

test('the return page reads the payment when no webhook came; the late and duplicated webhooks change nothing', async () => {
	const o = await placed();
	const unrule = await rule({ provider: 'mollie', op: 'webhook', match: { id: o.payment }, effect: { withhold: true }, times: 1 });
	const back = await choose(o, 'paid');
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment', 'no webhook yet');
	assert.match((await o.c.get(back)).body, /Payment received/);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	for (let i = 0; i < 2; i++) {
		const r = await new Client().request('POST', '/webhooks/payment/mollie', {
			headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `id=${o.payment}` });
		assert.equal(r.status, 200, r.body);
	}
	assert.equal(paidEvents(o.number), 1);
});

test('a webhook delivered three times pays once', async () => {
	const o = await placed();
	const unrule = await rule({ provider: 'mollie', op: 'webhook', match: { id: o.payment }, effect: { duplicate: 2 }, times: 1 });
	await choose(o, 'paid');
	await unrule();
	assert.deepEqual((await deliveries(o.payment)).map((d) => d.status), [200, 200, 200]);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal(paidEvents(o.number), 1);
});

test('failed, canceled and expired payments give the stock back and the return page says nothing was charged', async () => {
	for (const choice of ['failed', 'canceled', 'expired']) {
		const o = await placed(2);
		assert.equal(stockOf(o.p.variantId), 3);
		const back = await choose(o, choice);
		if (choice === 'canceled')
			assert.match(back, /cancelled=1/, 'canceled goes to the cancelUrl');
		assert.equal(checkoutOrders(o.ref)[0][1], 'payment_failed', choice);
		assert.equal(stockOf(o.p.variantId), 5, `${choice}: the held stock is back`);
		if (choice !== 'canceled')
			assert.match((await o.c.get(back)).body, /Payment failed/);
	}
});

test('a webhook for a payment Mollie does not know settles nothing; a malformed one is refused', async () => {
	const o = await placed();
	const c = new Client();
	const unknown = await c.request('POST', '/webhooks/payment/mollie', { headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: 'id=tr_Unknown0000' });
	assert.notEqual(unknown.status, 200, 'nothing was settled');
	const bad = await c.request('POST', '/webhooks/payment/mollie', { headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id: o.payment, status: 'paid' }) });
	assert.equal(bad.status, 400);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment', 'a notice alone never pays');
});

test('Mollie down or refusing when the order is placed: nothing is left waiting and the shopper is told', async () => {
	// Mollie is told the order numbers and the brand, not the shopper: a brand of this test's own
	// lets the rule match its payment before the order number exists.
	const name = 'Down Mollie ' + unique();
	const slug = 'mdown-' + unique().toLowerCase().replace(/[^a-z0-9]/g, '');
	sql(`INSERT INTO brands (slug, name, description, currency, shipping_flat_rate, tax_rate_bps)
		VALUES (${lit(slug)}, ${lit(name)}, '', 'EUR', 500, 0)`);
	for (const effect of [{ down: true }, { status: 500 }]) {
		const p = makeProduct({ price: 1200, stock: 3, brand: slug });
		const c = new Client();
		const email = uniqueEmail('modown');
		const unrule = await rule({ provider: 'mollie', op: 'create', match: { description: { contains: name } }, effect });
		const { place, ref } = await placeWith(c, [[p.variantId, 2]], email, 'mollie');
		await unrule();
		assert.ok([502, 503].includes(place.status), `answered ${place.status} for ${JSON.stringify(effect)}`);
		assert.match(place.body, /payment service did not answer/);
		assert.deepEqual(checkoutOrders(ref).map((x) => x[1]), ['payment_failed']);
		assert.equal(stockOf(p.variantId), 3);
		assert.doesNotMatch(place.body, /test_crowdcart/);
	}
});

test('JPY reaches Mollie as a whole-yen string, as the order', async () => {
	const slug = 'yenmo-' + unique().toLowerCase().replace(/[^a-z0-9]/g, '');
	sql(`INSERT INTO brands (slug, name, description, currency, shipping_flat_rate, tax_rate_bps)
		VALUES (${lit(slug)}, 'Yen Mollie', '', 'JPY', 500, 1000)`);
	const o = await placed(2, { price: 1980, brand: slug });
	assert.equal(o.currency, 'JPY');
	assert.deepEqual((await seen(o.payment)).amount, { currency: 'JPY', value: String(o.total) });
	await choose(o, 'paid');
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
});

async function studioRefund(client, number, fields) {
	const s = await formState(client, number);
	const body = new URLSearchParams({ csrf: s.csrf, version: s.version });
	for (const [k, v] of fields)
		body.append(k, String(v));
	return client.post(`/studio/orders/${number}/refund`, body.toString());
}

const OWNER = 'brand-owner@atelier-lumen.demo.crowdcart.test';

test('studio refunds of a Mollie order: partial, then the rest, each with Mollie\'s refund id', async () => {
	const o = await placed(3, { price: 2000 });
	await choose(o, 'paid');
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	const brand = await demoClient(OWNER);
	const [[line]] = sql(`SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = '${o.number}'`);
	let r = await studioRefund(brand, o.number, [['mode', 'lines'], ['line', line], ['qty', 1]]);
	assert.equal(r.status, 303, r.body.slice(0, 400));
	let [[status, refunded]] = sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`);
	assert.equal(status, 'partially_refunded');
	let s = await seen(o.payment);
	assert.equal(s.refunds.length, 1);
	assert.deepEqual(s.refunds[0].amount, { currency: o.currency, value: (Number(refunded) / 100).toFixed(2) });
	assert.equal(sql(`SELECT provider_refund_id FROM payment_refunds pr JOIN orders o ON o.id = pr.order_id
		WHERE o.number = '${o.number}' AND pr.status = 'succeeded'`)[0][0], s.refunds[0].id);
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	assert.equal(r.status, 303);
	[[status, refunded]] = sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`);
	assert.equal(status, 'refunded');
	assert.equal(Number(refunded), o.total);
	s = await seen(o.payment);
	assert.equal(s.refunded, o.total, 'all of it came back through Mollie');
});

test('a refund Mollie refuses or cannot answer leaves the order as it was, with the reason', async () => {
	const o = await placed(1, { price: 2200 });
	await choose(o, 'paid');
	const brand = await demoClient(OWNER);
	let unrule = await rule({ provider: 'mollie', op: 'refund', match: { id: o.payment }, effect: { refuse: true }, times: 1 });
	let r = await studioRefund(brand, o.number, [['mode', 'full']]);
	await unrule();
	assert.equal(r.status, 502);
	assert.match(r.body, /balance is insufficient/);
	assert.equal(sql(`SELECT status FROM orders WHERE number = '${o.number}'`)[0][0], 'paid');
	unrule = await rule({ provider: 'mollie', op: 'refund', match: { id: o.payment }, effect: { status: 503 } });
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	await unrule();
	assert.equal(r.status, 503);
	assert.equal(sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`)[0].join(), 'paid,0');
	assert.equal((await seen(o.payment)).refunds.length, 0);
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	assert.equal(r.status, 303, 'once Mollie answers again, the refund goes through');
	assert.equal(sql(`SELECT status FROM orders WHERE number = '${o.number}'`)[0][0], 'refunded');
	assert.equal((await seen(o.payment)).refunded, o.total);
});

test('Mollie answering after crowdcart\'s 10 s timeout counts as down: the shopper is told, nothing waits', async () => {
	const name = 'Slow Mollie ' + unique();
	const slug = 'mslow-' + unique().toLowerCase().replace(/[^a-z0-9]/g, '');
	sql(`INSERT INTO brands (slug, name, description, currency, shipping_flat_rate, tax_rate_bps)
		VALUES (${lit(slug)}, ${lit(name)}, '', 'EUR', 500, 0)`);
	const p = makeProduct({ price: 1200, stock: 3, brand: slug });
	const unrule = await rule({ provider: 'mollie', op: 'create', match: { description: { contains: name } }, effect: { delay_ms: 11500 }, times: 1 });
	const t0 = Date.now();
	const { place, ref } = await placeWith(new Client(), [[p.variantId, 1]], uniqueEmail('moslow'), 'mollie');
	await unrule();
	assert.ok(Date.now() - t0 < 11500, 'crowdcart gave up before Mollie answered');
	assert.ok([502, 503].includes(place.status), `answered ${place.status}`);
	assert.match(place.body, /payment service did not answer/);
	assert.deepEqual(checkoutOrders(ref).map((x) => x[1]), ['payment_failed']);
	assert.equal(stockOf(p.variantId), 3);
});

const ctl = (...args) => execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), ...args]).toString();

test('crowdcartctl payments reconcile settles a Mollie payment whose webhook never came, and leaves open ones waiting', async () => {
	const open = await placed();
	const o = await placed();
	const unrule = await rule({ provider: 'mollie', op: 'webhook', match: { id: o.payment }, effect: { withhold: true } });
	await choose(o, 'paid');
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	// this checkout's only: the other payment suites run alongside, their orders are theirs to settle
	assert.match(ctl('payments', 'reconcile', '--checkout', o.ref), /settled 1 payment/);
	assert.match(ctl('payments', 'reconcile', '--checkout', open.ref), /settled 0 payment/);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal(checkoutOrders(open.ref)[0][1], 'awaiting_payment', 'a payment Mollie still calls open keeps its hold');
	assert.equal(stockOf(open.p.variantId), 4);
});

test('a hold released by the worker, then Mollie says paid: honoured while the stock is there', async () => {
	const o = await placed(2);
	sql(`UPDATE payment_sessions SET hold_until = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE session_id = '${o.payment}'`);
	ctl('worker', '--once');
	await holdReleased(o.ref);
	assert.equal(stockOf(o.p.variantId), 5);
	await choose(o, 'paid');
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal(stockOf(o.p.variantId), 3);
});
