// payments_paypal.test.mjs: PayPal Checkout end to end against the provider simulator: one
// purchase unit per order as PayPal was asked, approval then capture by crowdcart (from the
// webhook or the return page, whichever comes first, once), paid only on a COMPLETED capture,
// notices PayPal does not vouch for refused, PayPal down at place and at refund, partial and full
// refunds against the capture, JPY in whole yen.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { Client, ROOT, VAR, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { lit, makeProduct, sql, stockOf } from './lib/commerce.mjs';
import { eventually } from './lib/eventually.mjs';
import { demoClient, formState } from './lib/fulfilment.mjs';
import { SIM, checkoutOrders, holdReleased, count, paidEvents, placeWith, placedThrough, rule, sessionRow, sim } from './lib/payments.mjs';

usesDatabase();

async function placed(items = 1, { price = 1500, brand = 'northwind', email = uniqueEmail('paypal') } = {}) {
	const o = await placedThrough('paypal', items, { price, brand, email });
	return { ...o, order: o.id };
}

async function seen(order) {
	return (await sim('GET', `/_sim/received?provider=paypal&id=${order}`)).json.paypal[0];
}

// The buyer approves on PayPal's page; returns the shop path PayPal sends them back to.
async function approve(o) {
	assert.match(o.url, new RegExp(`/pay/paypal/checkoutnow\\?token=${o.order}$`));
	const page = await sim('GET', `/pay/paypal/checkoutnow?token=${o.order}`);
	assert.match(page.text, /Approve/);
	const r = await fetch(`${SIM}/pay/paypal/${o.order}/approve`, { method: 'POST', body: 'choice=approve', redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	assert.equal(r.status, 302);
	const back = new URL(r.headers.get('location'));
	return back.pathname + back.search;
}

test('paid through PayPal: one purchase unit per order as asked, approved, captured once by the webhook, then the return page says so', async () => {
	const o = await placed(2);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	assert.equal(stockOf(o.p.variantId), 3, 'the stock is held');
	const asked = await seen(o.order);
	assert.equal(asked.status, 'PAYER_ACTION_REQUIRED');
	assert.equal(asked.purchase_units.length, 1);
	const unit = asked.purchase_units[0];
	assert.equal(unit.reference_id, o.number);
	assert.equal(unit.amount.currency_code, o.currency);
	assert.equal(unit.amount.value, (o.total / 100).toFixed(2));
	assert.equal(unit.items[0].quantity, '2');
	assert.equal(unit.items[0].unit_amount.value, '15.00');
	const back = await approve(o);
	assert.match(back, new RegExp(`^/checkout/return/${o.ref}\\?token=${o.order}&PayerID=\\w+$`));
	// CHECKOUT.ORDER.APPROVED reached the shop before the buyer did: it captured and settled
	await eventually(() => assert.equal(checkoutOrders(o.ref)[0][1], 'paid'));
	const after = await seen(o.order);
	assert.equal(after.status, 'COMPLETED');
	assert.equal(after.purchase_units[0].captures.length, 1);
	assert.equal(after.purchase_units[0].captures[0].status, 'COMPLETED');
	assert.equal(sessionRow(o.ref)[2], o.order, 'refunds go against the PayPal order');
	const page = await o.c.get(back);
	assert.equal(page.status, 200);
	assert.match(page.body, /Payment received/);
	assert.match(page.body, new RegExp(o.number));
	assert.equal(stockOf(o.p.variantId), 3);
	// PAYMENT.CAPTURE.COMPLETED came too, later: still one paid event, and one capture request
	await eventually(async () => assert.equal((await sim('GET', `/_sim/deliveries?provider=paypal&object_id=${o.order}`)).json
		.filter((d) => d.type === 'PAYMENT.CAPTURE.COMPLETED' && d.status === 200).length, 1));
	assert.equal(paidEvents(o.number), 1);
	const captures = (await sim('GET', '/_sim/requests?path_prefix=/v2/checkout/orders/' + o.order + '/capture')).json;
	assert.ok(captures.length >= 1);
	assert.equal(new Set(captures.map((x) => x.idempotency_key)).size, 1, 'every capture call carries the same PayPal-Request-Id');
});

test('the return page captures when no webhook came; the notices that follow change nothing', async () => {
	const o = await placed();
	const unrule = await rule({ provider: 'paypal', op: 'webhook', match: { id: o.order }, effect: { withhold: true }, times: 1 });
	const back = await approve(o);
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment', 'no webhook yet');
	const page = await o.c.get(back);
	assert.match(page.body, /Payment received/);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	await eventually(async () => assert.ok((await sim('GET', `/_sim/deliveries?provider=paypal&object_id=${o.order}`)).json
		.some((d) => d.type === 'PAYMENT.CAPTURE.COMPLETED' && d.status === 200)));
	assert.equal(paidEvents(o.number), 1);
});

test('duplicated notices pay once', async () => {
	const o = await placed();
	const unrule = await rule({ provider: 'paypal', op: 'webhook', match: { id: o.order }, effect: { duplicate: 2 } });
	await approve(o);
	await eventually(async () => assert.equal((await sim('GET', `/_sim/deliveries?provider=paypal&object_id=${o.order}`)).json
		.filter((d) => d.status === 200).length, 6));
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal(paidEvents(o.number), 1);
	assert.equal((await seen(o.order)).purchase_units[0].captures.length, 1);
});

test('a capture PayPal holds as PENDING is not paid until it completes; a declined one gives the stock back', async () => {
	const o = await placed(2);
	const unrule = await rule({ provider: 'paypal', op: 'capture', match: { id: o.order }, effect: { capture: 'PENDING' }, times: 1 });
	const back = await approve(o);
	await unrule();
	const page = await o.c.get(back);
	assert.match(page.body, /Still confirming/);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	const cap = (await seen(o.order)).purchase_units[0].captures[0];
	assert.equal(cap.status, 'PENDING');
	assert.equal((await sim('POST', `/_sim/paypal/captures/${cap.id}/resolve`, { status: 'COMPLETED' })).status, 200);
	await eventually(() => assert.equal(checkoutOrders(o.ref)[0][1], 'paid'));

	const d = await placed(2);
	const unrule2 = await rule({ provider: 'paypal', op: 'capture', match: { id: d.order }, effect: { capture: 'DECLINED' }, times: 1 });
	const back2 = await approve(d);
	await unrule2();
	await eventually(() => assert.equal(checkoutOrders(d.ref)[0][1], 'payment_failed'));
	assert.equal(stockOf(d.p.variantId), 5, 'the held stock is back');
	assert.match((await d.c.get(back2)).body, /Payment failed/);
});

test('a notice PayPal does not vouch for settles nothing: forged, or without its headers', async () => {
	const o = await placed();
	const ev = { id: 'WH-' + unique(), event_version: '1.0', event_type: 'PAYMENT.CAPTURE.COMPLETED', resource_type: 'capture',
		resource: { id: 'FORGED1', status: 'COMPLETED', amount: { currency_code: 'USD', value: (o.total / 100).toFixed(2) },
			supplementary_data: { related_ids: { order_id: o.order } } } };
	const c = new Client();
	const headers = { 'content-type': 'application/json', 'paypal-auth-algo': 'SHA256withRSA', 'paypal-cert-url': 'http://127.0.0.1/cert',
		'paypal-transmission-id': 'forged-' + unique(), 'paypal-transmission-sig': 'Zm9yZ2Vk', 'paypal-transmission-time': new Date().toISOString() };
	const forged = await c.request('POST', '/webhooks/payment/paypal', { headers, body: JSON.stringify(ev) });
	assert.equal(forged.status, 400, forged.body);
	const bare = await c.request('POST', '/webhooks/payment/paypal', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(ev) });
	assert.equal(bare.status, 400);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	assert.equal((await seen(o.order)).status, 'PAYER_ACTION_REQUIRED', 'nothing was captured');
});

test('PayPal down or refusing when the order is placed: nothing is left waiting and the shopper is told', async () => {
	for (const effect of [{ down: true }, { status: 500 }]) {
		const p = makeProduct({ price: 1200, stock: 3 });
		const c = new Client();
		const email = uniqueEmail('ppdown');
		const unrule = await rule({ provider: 'paypal', op: 'create', match: { email }, effect });
		const { place, ref } = await placeWith(c, [[p.variantId, 2]], email, 'paypal');
		await unrule();
		assert.ok([502, 503].includes(place.status), `answered ${place.status} for ${JSON.stringify(effect)}`);
		assert.match(place.body, /payment service did not answer/);
		assert.match(place.body, /nothing was charged/);
		assert.deepEqual(checkoutOrders(ref).map((x) => x[1]), ['payment_failed']);
		assert.equal(stockOf(p.variantId), 3);
		assert.doesNotMatch(place.body, /client_secret|EcrowdcartSimulator/);
	}
});

test('JPY reaches PayPal in whole yen, as the order', async () => {
	const slug = 'yenpp-' + unique().toLowerCase().replace(/[^a-z0-9]/g, '');
	sql(`INSERT INTO brands (slug, name, description, currency, shipping_flat_rate, tax_rate_bps)
		VALUES (${lit(slug)}, 'Yen PayPal', '', 'JPY', 500, 1000)`);
	const o = await placed(2, { price: 1980, brand: slug });
	assert.equal(o.currency, 'JPY');
	const unit = (await seen(o.order)).purchase_units[0];
	assert.deepEqual(unit.amount.currency_code, 'JPY');
	assert.equal(unit.amount.value, String(o.total));
	await approve(o);
	await eventually(() => assert.equal(checkoutOrders(o.ref)[0][1], 'paid'));
	assert.equal((await seen(o.order)).purchase_units[0].captures[0].amount.value, String(o.total));
});

async function studioRefund(client, number, fields) {
	const s = await formState(client, number);
	const body = new URLSearchParams({ csrf: s.csrf, version: s.version });
	for (const [k, v] of fields)
		body.append(k, String(v));
	return client.post(`/studio/orders/${number}/refund`, body.toString());
}

const refundsOf = async (order) => (await seen(order)).purchase_units[0].captures[0].refunds;

test('studio refunds of a PayPal order go to its capture: partial, then the rest', async () => {
	const o = await placed(3, { price: 2000 });
	await approve(o);
	await eventually(() => assert.equal(checkoutOrders(o.ref)[0][1], 'paid'));
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	const [[line]] = sql(`SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = '${o.number}'`);
	let r = await studioRefund(brand, o.number, [['mode', 'lines'], ['line', line], ['qty', 1]]);
	assert.equal(r.status, 303, r.body.slice(0, 400));
	let [[status, refunded]] = sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`);
	assert.equal(status, 'partially_refunded');
	let refunds = await refundsOf(o.order);
	assert.equal(refunds.length, 1);
	assert.equal(refunds[0].amount.value, (Number(refunded) / 100).toFixed(2), 'PayPal refunded what the order records');
	assert.equal(refunds[0].amount.currency_code, o.currency);
	assert.equal(sql(`SELECT provider_refund_id FROM payment_refunds pr JOIN orders o ON o.id = pr.order_id
		WHERE o.number = '${o.number}' AND pr.status = 'succeeded'`)[0][0], refunds[0].id);
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	assert.equal(r.status, 303);
	[[status, refunded]] = sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`);
	assert.equal(status, 'refunded');
	assert.equal(Number(refunded), o.total);
	refunds = await refundsOf(o.order);
	assert.equal(refunds.reduce((s, x) => s + Math.round(Number(x.amount.value) * 100), 0), o.total, 'all of it came back through PayPal');
});

test('a refund PayPal refuses or cannot answer leaves the order as it was, with the reason', async () => {
	const o = await placed(1, { price: 2200 });
	await approve(o);
	await eventually(() => assert.equal(checkoutOrders(o.ref)[0][1], 'paid'));
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	let unrule = await rule({ provider: 'paypal', op: 'refund', match: { id: o.order }, effect: { refuse: true }, times: 1 });
	let r = await studioRefund(brand, o.number, [['mode', 'full']]);
	await unrule();
	assert.equal(r.status, 502);
	assert.match(r.body, /REFUND_FAILED_INSUFFICIENT_FUNDS/);
	assert.equal(sql(`SELECT status FROM orders WHERE number = '${o.number}'`)[0][0], 'paid');
	unrule = await rule({ provider: 'paypal', op: 'refund', match: { id: o.order }, effect: { down: true } });
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	await unrule();
	assert.equal(r.status, 503);
	assert.equal(sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`)[0].join(), 'paid,0');
	assert.equal((await refundsOf(o.order)).length, 0);
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	assert.equal(r.status, 303, 'once PayPal answers again, the refund goes through');
	assert.equal(sql(`SELECT status FROM orders WHERE number = '${o.number}'`)[0][0], 'refunded');
	assert.equal((await refundsOf(o.order)).length, 1);
});

test('a checkout of two brands is one PayPal order of two purchase units; a refund reaches only its own order\'s capture', async () => {
	const a = makeProduct({ price: 1000, stock: 5, brand: 'northwind' });
	const b = makeProduct({ price: 3000, stock: 5, brand: 'fernhill' });
	const c = new Client();
	const r = await placeWith(c, [[a.variantId, 1], [b.variantId, 1]], uniqueEmail('pp2'), 'paypal');
	assert.equal(r.place.status, 200, r.place.body.slice(0, 400));
	const orders = checkoutOrders(r.ref);
	assert.equal(orders.length, 2);
	const order = sessionRow(r.ref)[1];
	const units = (await seen(order)).purchase_units;
	assert.deepEqual(units.map((u) => u.reference_id).sort(), orders.map((o) => o[0]).sort());
	for (const [number, , total] of orders)
		assert.equal(units.find((u) => u.reference_id === number).amount.value, (Number(total) / 100).toFixed(2));
	await approve({ url: r.url, order });
	await eventually(() => assert.deepEqual(checkoutOrders(r.ref).map((o) => o[1]), ['paid', 'paid']));
	const fern = orders.find(([number]) => sql(`SELECT b.slug FROM orders o JOIN brands b ON b.id = o.brand_id
		WHERE o.number = '${number}'`)[0][0] === 'fernhill');
	const owner = await demoClient('brand-owner@fernhill.demo.crowdcart.test');
	const done = await studioRefund(owner, fern[0], [['mode', 'full']]);
	assert.equal(done.status, 303, done.body.slice(0, 400));
	const after = (await seen(order)).purchase_units;
	const refundsOfUnit = (number) => after.find((u) => u.reference_id === number).captures[0].refunds;
	assert.deepEqual(refundsOfUnit(fern[0]).map((x) => x.amount.value), [(Number(fern[2]) / 100).toFixed(2)]);
	assert.deepEqual(refundsOfUnit(orders.find((o) => o !== fern)[0]), [], 'the other brand\'s capture is untouched');
});

test('a token PayPal withdraws early is fetched again and the call goes through', async () => {
	// Each worker keeps its own token (the unit tests show one is reused), so only the refetch is
	// checked here: whichever worker places the order meets a 401 first.
	const tokens = async () => (await sim('GET', '/_sim/requests?path_prefix=/v1/oauth2/token')).json.length;
	await placed();
	const before = await tokens();
	await sim('POST', '/_sim/paypal/tokens/revoke');
	const o = await placed();
	assert.ok(o.order);
	assert.ok(await tokens() > before, 'a new token after the 401');
});

const ctl = (...args) => execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), ...args]).toString();

test('crowdcartctl payments reconcile captures an approved order nobody came back for', async () => {
	const o = await placed();
	const unrule = await rule({ provider: 'paypal', op: 'webhook', match: { id: o.order }, effect: { withhold: true } });
	await approve(o);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	// this checkout's only: the other payment suites run alongside, their orders are theirs to settle
	assert.match(ctl('payments', 'reconcile', '--checkout', o.ref), /settled 1 payment/);
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal((await seen(o.order)).purchase_units[0].captures[0].status, 'COMPLETED');
});

test('a hold released by the worker: a PayPal approval that comes later is still captured and honoured', async () => {
	const o = await placed(2);
	sql(`UPDATE payment_sessions SET hold_until = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE session_id = '${o.order}'`);
	ctl('worker', '--once');
	await holdReleased(o.ref);
	assert.equal(stockOf(o.p.variantId), 5);
	await approve(o);
	await eventually(() => assert.equal(checkoutOrders(o.ref)[0][1], 'paid'));
	assert.equal(stockOf(o.p.variantId), 3);
});
