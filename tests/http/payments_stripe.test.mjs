// payments_stripe.test.mjs: Stripe Checkout end to end against the provider simulator: an order
// waits with its stock held until Stripe says paid or failed, exactly once whatever arrives first
// and however often; forged, stale and rotated signatures; Stripe down at place; amounts and
// currencies as the simulator received them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { Client, ROOT, VAR, confValue, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { addToCart, address, csrf, formFields, lit, makeProduct, orderRef, reviewed, sql, stockOf } from './lib/commerce.mjs';
import { demoClient, formState } from './lib/fulfilment.mjs';
import { checkoutOrders, holdReleased, payOnHostedPage, placeWith, received, rule, sessionRow, sim } from './lib/payments.mjs';
import { stripeSignatureHeader } from '../sim/payments/stripe.mjs';

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
	// back in another browser (a payment app): the state, without the order's details
	const other = await new Client().get(paid.back);
	assert.equal(other.status, 200);
	assert.match(other.body, /Payment received/);
	assert.doesNotMatch(other.body, new RegExp(number));
	assert.doesNotMatch(other.body, new RegExp(email));
	assert.equal((await new Client().get('/checkout/return/0000000000000000000000000A')).status, 404);
	assert.equal(count(`SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = '${number}'
		AND p.status = 'succeeded'`), 1);
	assert.equal(count(`SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = '${number}'
		AND e.to_status = 'paid'`), 1);
	const mails = sql(`SELECT o.subject, REPLACE(o.body_text, '\\n', '|') FROM outbox o JOIN checkouts c ON c.id = o.checkout_id
		WHERE c.public_ref = '${ref}'`);
	assert.equal(mails.length, 1, 'one mail, at paid');
	assert.equal(mails[0][0], 'Your crowdcart order is paid');
	assert.match(mails[0][1], new RegExp(`Order ${orderRef(number)} from Northwind Goods: \\$\\d+\\.\\d\\d, paid\\|  2 x ${p.title} \\(One\\)`));
	// the words of mail_notice.tpl's order_paid section, with no switch-off footer: the mail is owed
	assert.ok(mails[0][1].startsWith('Thank you: your payment was received.||'), mails[0][1]);
	assert.match(mails[0][1], /\|\|Look up an order any time at https?:\/\/[^/]+\/orders\/lookup with its number and this email address\.\|$/);
});

// ---- events crafted here, signed as Stripe signs them ----

const WHSEC = confValue('stripe_webhook_secret');

function sessionEvent(type, session, { paid = true, amount, currency = 'usd', intent = 'pi_test' + unique() } = {}) {
	return { id: 'evt_' + unique().replace(/[^A-Za-z0-9]/g, ''), object: 'event', type, created: Math.floor(Date.now() / 1000),
		data: { object: { id: session, object: 'checkout.session', status: type.endsWith('expired') ? 'expired' : 'complete',
			payment_status: paid ? 'paid' : 'unpaid', payment_intent: intent, amount_total: amount, currency } } };
}

async function deliver(body, signature) {
	const c = new Client();
	return c.request('POST', '/webhooks/payment/stripe', { headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
}

async function sendEvent(ev, { secrets = [WHSEC], t } = {}) {
	const body = JSON.stringify(ev);
	return deliver(body, stripeSignatureHeader(secrets, body, t));
}

async function pending(items = 1, price = 1500) {
	const p = makeProduct({ price, stock: 5 });
	const c = new Client();
	const placed = await placeWith(c, [[p.variantId, items]], uniqueEmail('stripe'));
	assert.equal(placed.place.status, 200);
	const [[number, , total]] = checkoutOrders(placed.ref);
	return { ...placed, p, c, number, total: Number(total) };
}

const paidEvents = (number) => count(`SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id
	WHERE o.number = '${number}' AND e.to_status = 'paid'`);

test('the return page settles by asking Stripe when it comes before the webhook; the late webhook changes nothing', async () => {
	const o = await pending();
	const unrule = await rule({ provider: 'stripe', op: 'webhook', match: { reference: o.ref }, effect: { withhold: true }, times: 1 });
	const paid = await payOnHostedPage(o.session);
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment', 'no webhook yet');
	const back = await o.c.get(paid.back);
	assert.equal(back.status, 200);
	assert.match(back.body, /Payment received/);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	// the withheld event comes now, twice: nothing more happens
	const [seen] = await received(o.ref);
	const ev = sessionEvent('checkout.session.completed', o.session, { amount: o.total, intent: seen.payment_intent });
	for (let i = 0; i < 2; i++) {
		const r = await sendEvent(ev);
		assert.equal(r.status, 200, r.body);
	}
	assert.equal(paidEvents(o.number), 1);
	assert.equal(count(`SELECT COUNT(*) FROM payment_events WHERE event_id = '${ev.id}'`), 1);
});

test('duplicate and replayed Stripe events pay the order once', async () => {
	const o = await pending();
	const unrule = await rule({ provider: 'stripe', op: 'webhook', match: { reference: o.ref }, effect: { duplicate: 2 }, times: 1 });
	await payOnHostedPage(o.session);
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal(paidEvents(o.number), 1);
	const ids = sql(`SELECT event_id FROM payment_events WHERE session_id = '${o.session}'`);
	assert.equal(ids.length, 1, 'one event, recorded once');
	const replay = await sim('POST', `/_sim/stripe/events/${ids[0][0]}/resend`);
	assert.equal(replay.status, 200);
	assert.equal(paidEvents(o.number), 1);
	assert.equal(count(`SELECT COUNT(*) FROM outbox o JOIN checkouts c ON c.id = o.checkout_id WHERE c.public_ref = '${o.ref}'`), 1);
});

test('an expiry that arrives after the payment does not undo it', async () => {
	const o = await pending();
	const unrule = await rule({ provider: 'stripe', op: 'webhook', match: { reference: o.ref },
		effect: { then: ['checkout.session.expired'] }, times: 1 });
	await payOnHostedPage(o.session);
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal(stockOf(o.p.variantId), 4);
	const late = await sendEvent(sessionEvent('checkout.session.expired', o.session, { paid: false }));
	assert.equal(late.status, 200);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	assert.equal(stockOf(o.p.variantId), 4);
});

test('forged, stale and malformed signatures are refused; a rotated secret (two v1) is accepted', async () => {
	const o = await pending();
	const ev = sessionEvent('checkout.session.completed', o.session, { amount: o.total });
	const body = JSON.stringify(ev);
	const forged = await deliver(body, stripeSignatureHeader(['whsec_not_the_secret'], body));
	assert.equal(forged.status, 400);
	const stale = await sendEvent(ev, { t: Math.floor(Date.now() / 1000) - 400 });
	assert.equal(stale.status, 400);
	const future = await sendEvent(ev, { t: Math.floor(Date.now() / 1000) + 400 });
	assert.equal(future.status, 400);
	for (const bad of ['', 'garbage', 'v1=' + 'a'.repeat(64), `t=${Math.floor(Date.now() / 1000)}`]) {
		const r = await deliver(body, bad);
		assert.equal(r.status, 400, `signature ${JSON.stringify(bad)}`);
	}
	const tampered = await deliver(body.replace(String(o.total), String(o.total + 1)), stripeSignatureHeader([WHSEC], body));
	assert.equal(tampered.status, 400);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment', 'nothing forged settled anything');
	// the endpoint's secret is being rolled: the old and the new one both sign
	const rotated = await sendEvent(ev, { secrets: ['whsec_the_old_one', WHSEC] });
	assert.equal(rotated.status, 200, rotated.body);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
});

test('a paid event for another amount or currency does not pay the order', async () => {
	const o = await pending();
	assert.equal((await sendEvent(sessionEvent('checkout.session.completed', o.session, { amount: o.total - 1 }))).status, 200);
	assert.equal((await sendEvent(sessionEvent('checkout.session.completed', o.session, { amount: o.total, currency: 'eur' }))).status, 200);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
});

test('a bank debit confirming later: pending until Stripe says; a failure gives the stock back', async () => {
	const o = await pending(2);
	const paid = await payOnHostedPage(o.session, 'async');
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	const back = await o.c.get(paid.back);
	assert.match(back.body, /Still confirming/);
	assert.match(back.body, /http-equiv="refresh"/);
	assert.equal(stockOf(o.p.variantId), 3);
	assert.equal((await sim('POST', `/_sim/stripe/sessions/${o.session}/async`, { outcome: 'failed' })).status, 200);
	assert.equal(checkoutOrders(o.ref)[0][1], 'payment_failed');
	assert.equal(stockOf(o.p.variantId), 5, 'the held stock is back');
	assert.match((await o.c.get(paid.back)).body, /Payment failed/);
	assert.equal(count(`SELECT COUNT(*) FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id
		JOIN orders o ON o.id = l.order_id WHERE o.number = '${o.number}'`), 0);
});

test('Stripe down or refusing when the order is placed: nothing is left waiting and the shopper is told', async () => {
	for (const effect of [{ down: true }, { status: 500 }, { status: 400 }]) {
		const p = makeProduct({ price: 1200, stock: 3 });
		const c = new Client();
		const email = uniqueEmail('down');
		const unrule = await rule({ provider: 'stripe', op: 'create', match: { email }, effect });
		const { place, ref } = await placeWith(c, [[p.variantId, 2]], email);
		await unrule();
		assert.ok([502, 503].includes(place.status), `answered ${place.status} for ${JSON.stringify(effect)}`);
		assert.match(place.body, /payment service did not answer/);
		assert.match(place.body, /nothing was charged/);
		assert.deepEqual(checkoutOrders(ref).map((o) => o[1]), ['payment_failed']);
		assert.equal(stockOf(p.variantId), 3, 'the stock is back');
		assert.equal(count(`SELECT COUNT(*) FROM outbox o JOIN checkouts c ON c.id = o.checkout_id WHERE c.public_ref = '${ref}'`), 0);
		assert.doesNotMatch(place.body, /sk_test/);
	}
});

const worker = () => execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'worker', '--once'],
	{ stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const holdOver = (session) => sql(`UPDATE payment_sessions SET hold_until = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE session_id = '${session}'`);

test('a hold older than payment_hold_minutes is released by the worker, and Stripe stops taking the payment', async () => {
	const o = await pending(2);
	assert.equal(stockOf(o.p.variantId), 3);
	holdOver(o.session);
	worker();
	await holdReleased(o.ref);
	assert.equal(stockOf(o.p.variantId), 5);
	assert.equal((await received(o.ref))[0].status, 'expired', 'the session was expired at Stripe');
	assert.equal((await payOnHostedPage(o.session)).status, 409, 'the shopper can no longer pay');
	assert.equal(checkoutOrders(o.ref)[0][1], 'payment_failed');
});

test('a bank debit that succeeds after the hold was released is still honoured when the stock is there', async () => {
	const o = await pending(2);
	await payOnHostedPage(o.session, 'async');
	holdOver(o.session);
	worker();	// Stripe cannot stop a debit under way: the hold goes all the same
	await holdReleased(o.ref);
	assert.equal(stockOf(o.p.variantId), 5);
	assert.equal((await sim('POST', `/_sim/stripe/sessions/${o.session}/async`, { outcome: 'succeeded' })).status, 200);
	const [[, status, , , flag]] = checkoutOrders(o.ref);
	assert.deepEqual([status, flag], ['paid', '0']);
	assert.equal(stockOf(o.p.variantId), 3, 'the stock was taken again');
});

test('a late payment for stock that is gone is paid but flagged "refund needed"', async () => {
	const o = await pending(2);
	await payOnHostedPage(o.session, 'async');
	holdOver(o.session);
	worker();
	await holdReleased(o.ref);
	sql(`UPDATE variants SET stock = 1 WHERE id = ${o.p.variantId}`);
	assert.equal((await sim('POST', `/_sim/stripe/sessions/${o.session}/async`, { outcome: 'succeeded' })).status, 200);
	const [[, status, , , flag]] = checkoutOrders(o.ref);
	assert.equal(status, 'paid');
	assert.equal(flag, '1');
	assert.equal(stockOf(o.p.variantId), 1, 'nothing taken that is not there');
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	const page = await brand.get(`/studio/orders/${o.number}`);
	assert.match(page.body, /id="refund-needed">Refund needed/);
	const list = await brand.get('/studio/orders?status=paid');
	assert.match(list.body, new RegExp(`${o.number}</span></td>\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*><span class="order-status status-paid">paid</span><br><strong class="refund-needed">refund needed</strong>`));
	assert.equal((await studioRefund(brand, o.number, [['mode', 'full']])).status, 303);
	assert.doesNotMatch((await brand.get(`/studio/orders/${o.number}`)).body, /refund-needed/, 'refunded: no more flag');
	assert.equal((await received(o.ref))[0].refunded, o.total);
});

test('crowdcartctl payments reconcile settles what the webhook never said', async () => {
	const o = await pending();
	const unrule = await rule({ provider: 'stripe', op: 'webhook', match: { reference: o.ref }, effect: { withhold: true }, times: 1 });
	await payOnHostedPage(o.session);
	await unrule();
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	// this checkout's only: test files run side by side, and others' payments are theirs to settle
	const out = execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'payments',
		'reconcile', '--checkout', o.ref]).toString();
	assert.match(out, /settled 1 payment/);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
});

test('a checkout mixing currencies cannot go to Stripe, and says so at review', async () => {
	const usd = makeProduct({ brand: 'northwind' });
	const eur = makeProduct({ brand: 'atelier-lumen' });
	const c = new Client();
	for (const v of [usd.variantId, eur.variantId])
		assert.equal((await addToCart(c, v, 1)).status, 303);
	const review = await c.post('/checkout/review', { csrf: await csrf(c), ...address(uniqueEmail('mixed'), 'stripe') });
	assert.equal(review.status, 422);
	assert.match(review.body, /different currencies/);
	assert.equal(formFields(review.body, '/checkout/place'), null, 'nothing to place');
	// a place-order form made with another provider and switched to Stripe is refused too
	const ok = await c.post('/checkout/review', { csrf: await csrf(c), ...address(uniqueEmail('mixed'), 'offline') });
	const fields = formFields(ok.body, '/checkout/place');
	const place = await c.post('/checkout/place', { ...fields, provider: 'stripe' });
	assert.equal(place.status, 409);
	assert.match(place.body, /different currencies/);
	assert.equal(stockOf(usd.variantId), 100);
});

test('a zero-decimal currency (JPY) reaches Stripe in yen, as the order', async () => {
	const slug = 'yen-' + unique().toLowerCase().replace(/[^a-z0-9]/g, '');
	sql(`INSERT INTO brands (slug, name, description, currency, shipping_flat_rate, tax_rate_bps)
		VALUES (${lit(slug)}, 'Yen Shop', '', 'JPY', 500, 1000)`);
	const p = makeProduct({ brand: slug, price: 1980, stock: 4 });
	const c = new Client();
	const placed = await placeWith(c, [[p.variantId, 2]], uniqueEmail('yen'));
	assert.equal(placed.place.status, 200, placed.place.body.slice(0, 300));
	const [[, , total, currency]] = checkoutOrders(placed.ref);
	assert.equal(currency, 'JPY');
	assert.equal(Number(total), 2 * 1980 + 500 + Math.floor(((2 * 1980 + 500) * 1000 + 5000) / 10000));
	const [seen] = await received(placed.ref);
	assert.equal(seen.currency, 'jpy');
	assert.equal(seen.amount_total, Number(total));
	await payOnHostedPage(placed.session);
	assert.equal(checkoutOrders(placed.ref)[0][1], 'paid');
});

// ---- refunds from the studio, through Stripe ----

async function studioRefund(client, number, fields) {
	const s = await formState(client, number);
	const body = new URLSearchParams({ csrf: s.csrf, version: s.version });
	for (const [k, v] of fields)
		body.append(k, String(v));
	return client.post(`/studio/orders/${number}/refund`, body.toString());
}

test('studio refunds of a Stripe order go through Stripe first: partial, then full, each recorded with its refund id', async () => {
	const o = await pending(3, 2000);
	await payOnHostedPage(o.session);
	assert.equal(checkoutOrders(o.ref)[0][1], 'paid');
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	const [[line]] = sql(`SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = '${o.number}'`);
	let r = await studioRefund(brand, o.number, [['mode', 'lines'], ['line', line], ['qty', 1]]);
	assert.equal(r.status, 303, r.body.slice(0, 400));
	let [[status, refunded]] = sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`);
	assert.equal(status, 'partially_refunded');
	let [seen] = await received(o.ref);
	assert.equal(seen.refunds.length, 1);
	assert.equal(seen.refunds[0].amount, Number(refunded), 'Stripe refunded what the order records');
	assert.equal(sql(`SELECT provider_refund_id FROM payment_refunds pr JOIN orders o ON o.id = pr.order_id
		WHERE o.number = '${o.number}' AND pr.status = 'succeeded'`)[0][0], seen.refunds[0].id);
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	assert.equal(r.status, 303);
	[[status, refunded]] = sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`);
	assert.equal(status, 'refunded');
	assert.equal(Number(refunded), o.total);
	[seen] = await received(o.ref);
	assert.equal(seen.refunded, o.total, 'all of it came back through Stripe');
	assert.equal(seen.refunds.length, 2);
});

test('a refund Stripe refuses or cannot answer leaves the order as it was, with the reason', async () => {
	const o = await pending(1, 2200);
	await payOnHostedPage(o.session);
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	let unrule = await rule({ provider: 'stripe', op: 'refund', match: { reference: o.ref }, effect: { refuse: true }, times: 1 });
	let r = await studioRefund(brand, o.number, [['mode', 'full']]);
	await unrule();
	assert.equal(r.status, 502);
	assert.match(r.body, /charged back/);
	assert.equal(sql(`SELECT status FROM orders WHERE number = '${o.number}'`)[0][0], 'paid');
	unrule = await rule({ provider: 'stripe', op: 'refund', match: { reference: o.ref }, effect: { down: true } });
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	await unrule();
	assert.equal(r.status, 503);
	assert.match(r.body, /did not answer, so nothing was refunded/);
	assert.equal(sql(`SELECT status, refunded_total FROM orders WHERE number = '${o.number}'`)[0].join(), 'paid,0');
	assert.equal((await received(o.ref))[0].refunds.length, 0);
	r = await studioRefund(brand, o.number, [['mode', 'full']]);
	assert.equal(r.status, 303, 'once Stripe answers again, the refund goes through');
	assert.equal(sql(`SELECT status FROM orders WHERE number = '${o.number}'`)[0][0], 'refunded');
	assert.equal((await received(o.ref))[0].refunded, o.total);
});

test('commission accrues when the Stripe payment arrives, not when the order is placed', async () => {
	const p = makeProduct({ price: 4000, stock: 5 });
	// marco's storefront, not lena's, which other suites compare between two requests
	const [[marco]] = sql(`SELECT id FROM creators WHERE handle = 'marco'`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, created_at)
		VALUES (${marco}, ${p.productId}, 1500, 'approved', UTC_TIMESTAMP())`);
	const c = new Client();
	await c.get('/@marco');
	const placed = await placeWith(c, [[p.variantId, 1]], uniqueEmail('comm'));
	const [[number]] = checkoutOrders(placed.ref);
	const accruals = () => sql(`SELECT ce.amount FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id
		JOIN orders o ON o.id = l.order_id WHERE o.number = '${number}' AND ce.kind = 'accrual'`);
	const [[creator]] = sql(`SELECT COALESCE(l.creator_id, 0) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = '${number}'`);
	assert.equal(Number(creator), Number(marco), 'the sale is attributed to marco');
	assert.equal(accruals().length, 0);
	await payOnHostedPage(placed.session);
	assert.deepEqual(accruals(), [['600']]);
	await sim('POST', `/_sim/stripe/events/${sql(`SELECT event_id FROM payment_events WHERE session_id = '${placed.session}'`)[0][0]}/resend`);
	assert.deepEqual(accruals(), [['600']], 'once');
});

test('money that arrives after the brand cancelled the order leaves it cancelled, flagged for a refund at Stripe', async () => {
	const o = await pending(2);
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	const s = await formState(brand, o.number);
	assert.equal((await brand.post(`/studio/orders/${o.number}/transition`, { csrf: s.csrf, version: s.version, action: 'cancel' })).status, 303);
	assert.equal(stockOf(o.p.variantId), 5, 'the cancel gave the stock back');
	await payOnHostedPage(o.session);
	const [[, status, , , flag]] = checkoutOrders(o.ref);
	assert.deepEqual([status, flag], ['cancelled', '1']);
	assert.equal(stockOf(o.p.variantId), 5, 'given back once');
	assert.match((await brand.get(`/studio/orders/${o.number}`)).body, /paid after this order was cancelled/);
	// the hold release later finds the session paid and changes nothing
	holdOver(o.session);
	worker();
	assert.equal(stockOf(o.p.variantId), 5);
	assert.equal(sessionRow(o.ref)[0], 'paid');
});

test('the worker releases an expired hold even while Stripe does not answer', async (t) => {
	const o = await pending(2);
	holdOver(o.session);
	const unrule = await rule({ provider: 'stripe', match: { reference: o.ref }, effect: { down: true } });
	const out = worker();
	await holdReleased(o.ref);	// while Stripe is still down, whichever worker took it
	await unrule();
	if (!/settled \d+ expired payment hold/.test(out))
		t.diagnostic(`another file's worker run settled the hold first; this one said: ${out.trim()}`);
	assert.equal(stockOf(o.p.variantId), 5);
});

test('a second click on "Place order" makes one order and one Stripe session, and still leads to the payment page', async () => {
	const p = makeProduct({ price: 1300, stock: 5 });
	const c = new Client();
	const email = uniqueEmail('twice');
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(email, 'stripe'));
	const [a, b] = await Promise.all([c.post('/checkout/place', fields), c.post('/checkout/place', fields)]);
	const statuses = [a.status, b.status].sort();
	assert.deepEqual(statuses, [200, 303]);
	const first = a.status === 200 ? a : b, second = a.status === 200 ? b : a;
	const [[ref]] = sql(`SELECT public_ref FROM checkouts WHERE email = '${email}'`);
	assert.equal(second.headers.location, `/checkout/return/${ref}`);
	assert.equal(stockOf(p.variantId), 4);
	assert.equal((await received(ref)).length, 1, 'one Stripe session');
	const url = /id="pay-link" href="([^"]+)"/.exec(first.body)[1].replace(/&amp;/g, '&');
	const back = await c.get(second.headers.location);
	assert.match(back.body, /Not paid yet\?/);
	assert.equal(/id="pay-link" href="([^"]+)"/.exec(back.body)[1].replace(/&amp;/g, '&'), url);
	// the back button and a resubmit later: the same
	const again = await c.post('/checkout/place', fields);
	assert.equal(again.headers.location, `/checkout/return/${ref}`);
});

test('the worker forgets provider event ids after 60 days, and a replay then still changes nothing', async () => {
	const o = await pending();
	await payOnHostedPage(o.session);
	const [[id]] = sql(`SELECT event_id FROM payment_events WHERE session_id = '${o.session}'`);
	sql(`UPDATE payment_events SET received_at = UTC_TIMESTAMP() - INTERVAL 61 DAY WHERE event_id = '${id}'`);
	worker();
	assert.equal(count(`SELECT COUNT(*) FROM payment_events WHERE event_id = '${id}'`), 0);
	assert.equal((await sim('POST', `/_sim/stripe/events/${id}/resend`)).status, 200);
	assert.equal(paidEvents(o.number), 1);
	assert.equal(stockOf(o.p.variantId), 4);
});

test('a payment of another amount than the checkout is never marked paid, and its hold still ends', async () => {
	const o = await pending(2);
	// as if the checkout had been for one cent more than Stripe was asked and took
	sql(`UPDATE payment_sessions SET amount = amount + 1 WHERE session_id = '${o.session}'`);
	await payOnHostedPage(o.session);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment');
	holdOver(o.session);
	worker();
	await holdReleased(o.ref);
	assert.equal(stockOf(o.p.variantId), 5, 'the stock is not held forever');
});

test('leaving Stripe\'s page with "Cancel" says nothing was charged and offers the way back to pay', async () => {
	const o = await pending();
	const left = await payOnHostedPage(o.session, 'cancel');
	assert.equal(left.back, `/checkout/return/${o.ref}?cancelled=1`);
	const page = await o.c.get(left.back);
	assert.equal(page.status, 200);
	assert.match(page.body, /Payment not completed/);
	assert.match(page.body, /nothing was charged/);
	assert.match(page.body, /id="pay-link" href="[^"]*\/pay\/stripe\//);
	assert.equal(checkoutOrders(o.ref)[0][1], 'awaiting_payment', 'the hold stays until it ends');
	await payOnHostedPage(o.session);	// changed their mind
	assert.match((await o.c.get(left.back)).body, /Payment received/);
});
