// The Stripe simulator against Stripe's published behaviour: session fields and validation,
// idempotent requests, signatures a receiver can check with the documented algorithm, refunds,
// event pagination and the misbehaviour rules.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, test } from 'node:test';
import { form, getJson, receiver, sim, STRIPE_KEY, stripeAuth, stripePost } from './helpers.mjs';

const SECRET = 'whsec_test_simulator_secret';
const ROTATED = 'whsec_test_rotated_secret';
let s, hook;

before(async () => {
	hook = await receiver(e => (e.body.includes('"refuse-me"') ? 500 : 200));
	s = await sim(['--stripe-secret-key', STRIPE_KEY, '--stripe-webhook-url', hook.url + '/webhooks/payment/stripe',
		'--stripe-webhook-secret', `${SECRET},${ROTATED}`]);
});
after(async () => { await s.close(); await hook.close(); });

function sessionParams(over = {}) {
	return {
		mode: 'payment', client_reference_id: 'ORD-' + crypto.randomUUID().slice(0, 8), customer_email: 'a@example.com',
		success_url: 'http://shop.test/return?session_id={CHECKOUT_SESSION_ID}', cancel_url: 'http://shop.test/cart',
		expires_at: Math.floor(Date.now() / 1000) + 1900,
		line_items: [{ price_data: { currency: 'usd', unit_amount: 1250, product_data: { name: 'Mug' } }, quantity: 2 },
			{ price_data: { currency: 'USD', unit_amount: 500, product_data: { name: 'Shipping' } }, quantity: 1 }],
		metadata: { order: '42' }, ...over,
	};
}

// The receiver's side, written from Stripe's docs only: split on ',', t= and every v1=, HMAC over "t.body".
function verify(header, body, secret, tolerance = 300) {
	const parts = header.split(',').map(p => p.split('='));
	const t = Number(parts.find(([k]) => k === 't')?.[1]);
	const v1 = parts.filter(([k]) => k === 'v1').map(([, v]) => v);
	const want = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest();
	const ok = v1.some(v => v.length === 64 && crypto.timingSafeEqual(Buffer.from(v, 'hex'), want));
	return ok && Math.abs(Date.now() / 1000 - t) <= tolerance;
}

test('a session is created with Stripe\'s fields, amounts in minor units and a lower-case currency', async () => {
	const p = sessionParams();
	const r = await stripePost(s.url, '/v1/checkout/sessions', p);
	assert.equal(r.status, 200, JSON.stringify(r.body));
	const cs = r.body;
	assert.match(cs.id, /^cs_test_/);
	assert.equal(cs.object, 'checkout.session');
	assert.equal(cs.status, 'open');
	assert.equal(cs.payment_status, 'unpaid');
	assert.equal(cs.amount_total, 3000);
	assert.equal(cs.currency, 'usd');
	assert.equal(cs.client_reference_id, p.client_reference_id);
	assert.equal(cs.customer_email, 'a@example.com');
	assert.deepEqual(cs.metadata, { order: '42' });
	assert.equal(cs.payment_intent, null);
	assert.equal(cs.expires_at, p.expires_at);
	assert.equal(cs.url, `${s.url}/pay/stripe/${cs.id}`);
	const again = await getJson(`${s.url}/v1/checkout/sessions/${cs.id}`, stripeAuth);
	assert.deepEqual(again.body, cs);
});

test('a zero-decimal currency takes whole units: 1000 JPY is unit_amount 1000', async () => {
	const r = await stripePost(s.url, '/v1/checkout/sessions', sessionParams({
		line_items: [{ price_data: { currency: 'jpy', unit_amount: 1000, product_data: { name: 'Tea' } }, quantity: 1 }] }));
	assert.equal(r.status, 200);
	assert.equal(r.body.amount_total, 1000);
	assert.equal(r.body.currency, 'jpy');
	const fractional = await stripePost(s.url, '/v1/checkout/sessions', sessionParams({
		line_items: [{ price_data: { currency: 'jpy', unit_amount: '10.5', product_data: { name: 'Tea' } }, quantity: 1 }] }));
	assert.equal(fractional.status, 400);
	assert.equal(fractional.body.error.code, 'parameter_invalid_integer');
	assert.equal(fractional.body.error.param, 'line_items[0][price_data][unit_amount]');
});

test('bad requests get Stripe\'s error object with type, code, message and param', async () => {
	const cases = [
		[{ mode: undefined }, 'mode', 'parameter_missing'],
		[{ success_url: 'http://shop.test/return' }, 'success_url', undefined],
		[{ expires_at: Math.floor(Date.now() / 1000) + 600 }, 'expires_at', undefined],
		[{ expires_at: Math.floor(Date.now() / 1000) + 90000 }, 'expires_at', undefined],
		[{ line_items: [{ price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } } }] }, 'line_items[0][quantity]', 'parameter_missing'],
		[{ line_items: [{ price_data: { currency: 'usd', unit_amount: 100 }, quantity: 1 }] }, 'line_items[0][price_data][product_data][name]', 'parameter_missing'],
		[{ colour: 'blue' }, 'colour', 'parameter_unknown'],
		[{ customer_email: 'not-an-email' }, 'customer_email', 'email_invalid'],
	];
	for (const [over, param, code] of cases) {
		const r = await stripePost(s.url, '/v1/checkout/sessions', sessionParams(over));
		assert.equal(r.status, 400, JSON.stringify(over));
		assert.equal(r.body.error.type, 'invalid_request_error');
		assert.equal(r.body.error.param, param, JSON.stringify(r.body));
		assert.equal(r.body.error.code, code);
		assert.ok(r.body.error.message);
	}
	const tooSmall = await stripePost(s.url, '/v1/checkout/sessions', sessionParams({
		line_items: [{ price_data: { currency: 'usd', unit_amount: 20, product_data: { name: 'Pin' } }, quantity: 1 }] }));
	assert.equal(tooSmall.body.error.code, 'amount_too_small');
	const noKey = await fetch(`${s.url}/v1/checkout/sessions`, { method: 'POST', body: form(sessionParams()) });
	assert.equal(noKey.status, 401);
	const wrongKey = await fetch(`${s.url}/v1/checkout/sessions`, { method: 'POST', body: form(sessionParams()),
		headers: { Authorization: 'Bearer sk_test_wrong' } });
	assert.equal(wrongKey.status, 401);
	assert.equal((await wrongKey.json()).error.type, 'invalid_request_error');
	const missing = await getJson(`${s.url}/v1/checkout/sessions/cs_test_nope`, stripeAuth);
	assert.equal(missing.status, 404);
	assert.equal(missing.body.error.code, 'resource_missing');
});

test('Idempotency-Key: the same key and params replay the first answer; other params are an idempotency_error', async () => {
	const key = crypto.randomUUID();
	const p = sessionParams();
	const first = await stripePost(s.url, '/v1/checkout/sessions', p, { 'Idempotency-Key': key });
	const second = await stripePost(s.url, '/v1/checkout/sessions', p, { 'Idempotency-Key': key });
	assert.equal(second.status, 200);
	assert.equal(second.body.id, first.body.id);
	assert.equal(second.headers.get('idempotent-replayed'), 'true');
	const other = await stripePost(s.url, '/v1/checkout/sessions', { ...p, customer_email: 'b@example.com' }, { 'Idempotency-Key': key });
	assert.equal(other.status, 400);
	assert.equal(other.body.error.type, 'idempotency_error');
	const received = await getJson(`${s.url}/_sim/received?provider=stripe&reference=${p.client_reference_id}`);
	assert.equal(received.body.stripe.length, 1);
});

test('Pay on the hosted page: session paid, a signed checkout.session.completed, then 303 to success_url', async () => {
	const p = sessionParams();
	const cs = (await stripePost(s.url, '/v1/checkout/sessions', p)).body;
	const page = await fetch(cs.url);
	const html = await page.text();
	assert.match(html, /<button[^>]*>Pay<\/button>/);
	assert.match(html, /Cancel/);
	const r = await fetch(`${s.url}/pay/stripe/${cs.id}/pay`, { method: 'POST', body: 'choice=pay', redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
	assert.equal(r.status, 303);
	assert.equal(r.headers.get('location'), `http://shop.test/return?session_id=${cs.id}`);
	const got = hook.got.filter(e => e.body.includes(cs.id));
	assert.equal(got.length, 1);
	const { headers, body } = got[0];
	assert.equal(got[0].url, '/webhooks/payment/stripe');
	assert.ok(verify(headers['stripe-signature'], body, SECRET), headers['stripe-signature']);
	assert.ok(verify(headers['stripe-signature'], body, ROTATED), 'one v1 per secret while rolling');
	assert.ok(!verify(headers['stripe-signature'], body, 'whsec_other'));
	assert.ok(!verify(headers['stripe-signature'], body.replace('"paid"', '"unpaid"'), SECRET), 'a changed body fails');
	const ev = JSON.parse(body);
	assert.match(ev.id, /^evt_/);
	assert.equal(ev.object, 'event');
	assert.equal(ev.type, 'checkout.session.completed');
	assert.equal(ev.livemode, false);
	assert.ok(ev.api_version);
	assert.equal(ev.data.object.id, cs.id);
	assert.equal(ev.data.object.payment_status, 'paid');
	assert.equal(ev.data.object.status, 'complete');
	assert.match(ev.data.object.payment_intent, /^pi_/);
	const now = await getJson(`${s.url}/v1/checkout/sessions/${cs.id}`, stripeAuth);
	assert.equal(now.body.payment_status, 'paid');
	assert.equal(now.body.url, null);
	const again = await fetch(`${s.url}/pay/stripe/${cs.id}/pay`, { method: 'POST', body: 'choice=pay', redirect: 'manual' });
	assert.equal(again.status, 409);
});

test('Cancel returns to cancel_url and leaves the session open; expire sends checkout.session.expired', async () => {
	const cs = (await stripePost(s.url, '/v1/checkout/sessions', sessionParams())).body;
	const r = await fetch(`${s.url}/pay/stripe/${cs.id}/cancel`, { method: 'POST', redirect: 'manual' });
	assert.equal(r.status, 303);
	assert.equal(r.headers.get('location'), 'http://shop.test/cart');
	const expired = await stripePost(s.url, `/v1/checkout/sessions/${cs.id}/expire`, {});
	assert.equal(expired.body.status, 'expired');
	const ev = hook.got.map(e => JSON.parse(e.body)).find(e => e.data.object.id === cs.id);
	assert.equal(ev.type, 'checkout.session.expired');
	const twice = await stripePost(s.url, `/v1/checkout/sessions/${cs.id}/expire`, {});
	assert.equal(twice.status, 400);
});

test('async payment: completed while unpaid, then async_payment_succeeded', async () => {
	const cs = (await stripePost(s.url, '/v1/checkout/sessions', sessionParams())).body;
	await fetch(`${s.url}/pay/stripe/${cs.id}/pay`, { method: 'POST', body: 'choice=async', redirect: 'manual' });
	let evs = hook.got.map(e => JSON.parse(e.body)).filter(e => e.data.object.id === cs.id);
	assert.deepEqual(evs.map(e => [e.type, e.data.object.payment_status]), [['checkout.session.completed', 'unpaid']]);
	const r = await fetch(`${s.url}/_sim/stripe/sessions/${cs.id}/async`, { method: 'POST', body: JSON.stringify({ outcome: 'succeeded' }) });
	assert.equal(r.status, 200);
	evs = hook.got.map(e => JSON.parse(e.body)).filter(e => e.data.object.id === cs.id);
	assert.deepEqual(evs.map(e => [e.type, e.data.object.payment_status]),
		[['checkout.session.completed', 'unpaid'], ['checkout.session.async_payment_succeeded', 'paid']]);
});

test('refunds: partial, then more than is left (amount_too_large), then the rest, then charge_already_refunded', async () => {
	const cs = (await stripePost(s.url, '/v1/checkout/sessions', sessionParams())).body;
	await fetch(`${s.url}/pay/stripe/${cs.id}/pay`, { method: 'POST', body: 'choice=pay', redirect: 'manual' });
	const pi = (await getJson(`${s.url}/v1/checkout/sessions/${cs.id}`, stripeAuth)).body.payment_intent;
	const part = await stripePost(s.url, '/v1/refunds', { payment_intent: pi, amount: 1000 }, { 'Idempotency-Key': 'r1-' + pi });
	assert.equal(part.status, 200);
	assert.match(part.body.id, /^re_/);
	assert.equal(part.body.object, 'refund');
	assert.equal(part.body.status, 'succeeded');
	assert.equal(part.body.amount, 1000);
	assert.equal(part.body.payment_intent, pi);
	const replay = await stripePost(s.url, '/v1/refunds', { payment_intent: pi, amount: 1000 }, { 'Idempotency-Key': 'r1-' + pi });
	assert.equal(replay.body.id, part.body.id, 'a retried refund is not a second refund');
	const tooMuch = await stripePost(s.url, '/v1/refunds', { payment_intent: pi, amount: 2500 });
	assert.equal(tooMuch.status, 400);
	assert.equal(tooMuch.body.error.code, 'amount_too_large');
	assert.equal(tooMuch.body.error.param, 'amount');
	const rest = await stripePost(s.url, '/v1/refunds', { payment_intent: pi });
	assert.equal(rest.body.amount, 2000);
	const done = await stripePost(s.url, '/v1/refunds', { payment_intent: pi, amount: 1 });
	assert.equal(done.body.error.code, 'charge_already_refunded');
	const seen = (await getJson(`${s.url}/_sim/received?provider=stripe&id=${cs.id}`)).body.stripe[0];
	assert.equal(seen.refunded, 3000);
	assert.deepEqual(seen.refunds.map(x => x.amount), [1000, 2000]);
	const none = await stripePost(s.url, '/v1/refunds', { payment_intent: 'pi_missing' });
	assert.equal(none.status, 404);
	assert.equal(none.body.error.code, 'resource_missing');
});

test('GET /v1/events pages newest first with limit and starting_after', async () => {
	const first = await getJson(`${s.url}/v1/events?limit=2`, stripeAuth);
	assert.equal(first.body.object, 'list');
	assert.equal(first.body.data.length, 2);
	assert.equal(first.body.has_more, true);
	const next = await getJson(`${s.url}/v1/events?limit=2&starting_after=${first.body.data[1].id}`, stripeAuth);
	assert.notEqual(next.body.data[0].id, first.body.data[1].id);
	assert.ok(next.body.data[0].created <= first.body.data[1].created);
});

test('rules: a 500, a reset connection, a refused refund, a withheld and a duplicated webhook, scoped by reference', async () => {
	const p = sessionParams();
	const rule = body => fetch(`${s.url}/_sim/rules`, { method: 'POST', body: JSON.stringify(body) }).then(r => r.json());
	await rule({ provider: 'stripe', op: 'create', match: { reference: p.client_reference_id }, effect: { status: 500 }, times: 1 });
	await rule({ provider: 'stripe', op: 'create', match: { reference: p.client_reference_id }, effect: { down: 'reset' }, times: 1 });
	const other = await stripePost(s.url, '/v1/checkout/sessions', sessionParams());
	assert.equal(other.status, 200, 'a rule for one reference leaves other sessions alone');
	const failed = await stripePost(s.url, '/v1/checkout/sessions', p);
	assert.equal(failed.status, 500);
	assert.equal(failed.body.error.type, 'api_error');
	await assert.rejects(stripePost(s.url, '/v1/checkout/sessions', p));
	const cs = (await stripePost(s.url, '/v1/checkout/sessions', p)).body;
	assert.match(cs.id, /^cs_test_/);
	await rule({ provider: 'stripe', op: 'webhook', match: { id: cs.id }, effect: { withhold: true }, times: 1 });
	await fetch(`${s.url}/pay/stripe/${cs.id}/pay`, { method: 'POST', body: 'choice=pay', redirect: 'manual' });
	assert.equal(hook.got.filter(e => e.body.includes(cs.id)).length, 0);
	const cs2 = (await stripePost(s.url, '/v1/checkout/sessions', sessionParams())).body;
	await rule({ provider: 'stripe', op: 'webhook', match: { id: cs2.id }, effect: { duplicate: 1, then: ['checkout.session.expired'] }, times: 1 });
	await fetch(`${s.url}/pay/stripe/${cs2.id}/pay`, { method: 'POST', body: 'choice=pay', redirect: 'manual' });
	const evs = hook.got.filter(e => e.body.includes(cs2.id)).map(e => JSON.parse(e.body));
	assert.deepEqual(evs.map(e => e.type), ['checkout.session.completed', 'checkout.session.completed',
		'checkout.session.expired', 'checkout.session.expired']);
	assert.equal(evs[0].id, evs[1].id, 'a duplicate is the same event');
	const pi = (await getJson(`${s.url}/v1/checkout/sessions/${cs2.id}`, stripeAuth)).body.payment_intent;
	await rule({ provider: 'stripe', op: 'refund', match: { id: cs2.id }, effect: { refuse: true }, times: 1 });
	const refused = await stripePost(s.url, '/v1/refunds', { payment_intent: pi, amount: 100 });
	assert.equal(refused.status, 400);
	assert.equal(refused.body.error.code, 'charge_disputed');
	const refunded = await stripePost(s.url, '/v1/refunds', { payment_intent: pi, amount: 100 });
	assert.equal(refunded.status, 200);
});

test('the event storm pays the sessions and reports which completed events were acknowledged', async () => {
	const ids = [];
	for (let i = 0; i < 5; i++)
		ids.push((await stripePost(s.url, '/v1/checkout/sessions', sessionParams())).body.id);
	const refuse = (await stripePost(s.url, '/v1/checkout/sessions', sessionParams({ client_reference_id: 'refuse-me' }))).body.id;
	const r = await fetch(`${s.url}/_sim/storm`, { method: 'POST', body: JSON.stringify({ provider: 'stripe', sessions: [...ids, refuse], duplicates: 1, noise: 4, concurrency: 4 }) });
	const out = await r.json();
	assert.equal(out.sent, 6 * 2 + 4);
	assert.equal(out.failed, 2);
	assert.deepEqual(out.sessions.filter(x => x.acked).map(x => x.id).sort(), ids.sort());
	assert.equal(out.sessions.find(x => x.id === refuse).acked, false);
});
