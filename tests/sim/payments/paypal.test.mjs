// The PayPal simulator against PayPal's published behaviour: tokens, order validation (decimals,
// breakdown sums), approval and capture with PayPal-Request-Id, captures that are not COMPLETED,
// refunds, and webhook verification that only a genuine, unchanged transmission passes.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, test } from 'node:test';
import { eventually } from '../../http/lib/eventually.mjs';
import { receiver, sim } from './helpers.mjs';

const CLIENT = 'client-id', SECRET = 'client-secret', WEBHOOK_ID = '1WH000000000000000';
let s, hook, token;

before(async () => {
	hook = await receiver();
	s = await sim(['--paypal-client-id', CLIENT, '--paypal-client-secret', SECRET, '--paypal-webhook-id', WEBHOOK_ID,
		'--paypal-webhook-url', hook.url + '/webhooks/payment/paypal']);
	token = (await getToken()).access_token;
});
after(async () => { await s.close(); await hook.close(); });

async function getToken(id = CLIENT, secret = SECRET) {
	const r = await fetch(`${s.url}/v1/oauth2/token`, { method: 'POST', body: 'grant_type=client_credentials',
		headers: { Authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64'), 'Content-Type': 'application/x-www-form-urlencoded' } });
	return { status: r.status, ...(await r.json()) };
}

async function call(method, path, body, headers = {}) {
	const r = await fetch(s.url + path, { method, body: body === undefined ? undefined : JSON.stringify(body),
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers } });
	return { status: r.status, body: await r.json() };
}

function orderBody(over = {}) {
	const ref = 'ORD-' + crypto.randomUUID().slice(0, 8);
	return {
		intent: 'CAPTURE',
		purchase_units: [{ reference_id: ref, amount: { currency_code: 'EUR', value: '31.90',
			breakdown: { item_total: { currency_code: 'EUR', value: '25.00' }, shipping: { currency_code: 'EUR', value: '4.90' },
				tax_total: { currency_code: 'EUR', value: '2.00' } } },
		items: [{ name: 'Mug', quantity: '2', unit_amount: { currency_code: 'EUR', value: '12.50' } }] }],
		payment_source: { paypal: { experience_context: { return_url: 'http://shop.test/return?c=1', cancel_url: 'http://shop.test/cart' } } },
		...over,
	};
}

async function approve(order) {
	const link = order.links.find(l => l.rel === 'payer-action' || l.rel === 'approve').href;
	const page = await (await fetch(link)).text();
	assert.match(page, /Approve/);
	return fetch(`${s.url}/pay/paypal/${order.id}/approve`, { method: 'POST', body: 'choice=approve', redirect: 'manual' });
}

test('the token endpoint takes client credentials by basic auth and refuses others', async () => {
	const t = await getToken();
	assert.equal(t.token_type, 'Bearer');
	assert.ok(t.expires_in > 0);
	assert.ok(t.access_token);
	const bad = await getToken(CLIENT, 'wrong');
	assert.equal(bad.status, 401);
	assert.equal(bad.error, 'invalid_client');
	const noToken = await fetch(`${s.url}/v2/checkout/orders/X`, { headers: { Authorization: 'Bearer nope' } });
	assert.equal(noToken.status, 401);
	assert.equal((await noToken.json()).name, 'AUTHENTICATION_FAILURE');
});

test('create, approve, capture: COMPLETED with a COMPLETED capture, webhooks verified by the verification call', async () => {
	const b = orderBody();
	const created = await call('POST', '/v2/checkout/orders', b, { 'PayPal-Request-Id': crypto.randomUUID() });
	assert.equal(created.status, 201);
	assert.equal(created.body.status, 'PAYER_ACTION_REQUIRED');
	assert.ok(created.body.links.some(l => l.rel === 'payer-action'));
	const r = await approve(created.body);
	assert.equal(r.status, 302);
	const back = new URL(r.headers.get('location'));
	assert.equal(back.origin + back.pathname, 'http://shop.test/return');
	assert.equal(back.searchParams.get('c'), '1');
	assert.equal(back.searchParams.get('token'), created.body.id);
	assert.ok(back.searchParams.get('PayerID'));
	const reqId = crypto.randomUUID();
	const cap = await call('POST', `/v2/checkout/orders/${created.body.id}/capture`, undefined, { 'PayPal-Request-Id': reqId });
	assert.equal(cap.status, 201, JSON.stringify(cap.body));
	assert.equal(cap.body.status, 'COMPLETED');
	const c = cap.body.purchase_units[0].payments.captures[0];
	assert.equal(c.status, 'COMPLETED');
	assert.deepEqual(c.amount, { currency_code: 'EUR', value: '31.90' });
	const again = await call('POST', `/v2/checkout/orders/${created.body.id}/capture`, undefined, { 'PayPal-Request-Id': reqId });
	assert.deepEqual(again.body, cap.body, 'the same PayPal-Request-Id answers the same capture');
	const other = await call('POST', `/v2/checkout/orders/${created.body.id}/capture`, undefined, { 'PayPal-Request-Id': crypto.randomUUID() });
	assert.equal(other.status, 422);
	assert.equal(other.body.details[0].issue, 'ORDER_ALREADY_CAPTURED');
	const got = await eventually(() => {
		const g = hook.got.filter(e => e.body.includes(created.body.id));
		assert.deepEqual(g.map(e => JSON.parse(e.body).event_type), ['CHECKOUT.ORDER.APPROVED', 'PAYMENT.CAPTURE.COMPLETED']);
		return g;
	});
	for (const g of got) {
		const h = g.headers;
		const v = await call('POST', '/v1/notifications/verify-webhook-signature', { auth_algo: h['paypal-auth-algo'], cert_url: h['paypal-cert-url'],
			transmission_id: h['paypal-transmission-id'], transmission_sig: h['paypal-transmission-sig'],
			transmission_time: h['paypal-transmission-time'], webhook_id: WEBHOOK_ID, webhook_event: JSON.parse(g.body) });
		assert.equal(v.body.verification_status, 'SUCCESS');
		const forged = JSON.parse(g.body);
		forged.resource.status = 'COMPLETED';
		forged.resource.id = 'FORGED';
		const f = await call('POST', '/v1/notifications/verify-webhook-signature', { auth_algo: h['paypal-auth-algo'], cert_url: h['paypal-cert-url'],
			transmission_id: h['paypal-transmission-id'], transmission_sig: h['paypal-transmission-sig'],
			transmission_time: h['paypal-transmission-time'], webhook_id: WEBHOOK_ID, webhook_event: forged });
		assert.equal(f.body.verification_status, 'FAILURE');
		const wrongHook = await call('POST', '/v1/notifications/verify-webhook-signature', { auth_algo: h['paypal-auth-algo'], cert_url: h['paypal-cert-url'],
			transmission_id: h['paypal-transmission-id'], transmission_sig: h['paypal-transmission-sig'],
			transmission_time: h['paypal-transmission-time'], webhook_id: 'OTHER', webhook_event: JSON.parse(g.body) });
		assert.equal(wrongHook.body.verification_status, 'FAILURE');
	}
	const missing = await call('POST', '/v1/notifications/verify-webhook-signature', { webhook_id: WEBHOOK_ID });
	assert.equal(missing.status, 400);
	assert.equal(missing.body.name, 'VALIDATION_ERROR');
});

test('amount validation: decimals per currency, breakdown and item sums', async () => {
	const cases = [
		[u => { u.amount.value = '31.900'; }, 422, 'DECIMAL_PRECISION'],
		[u => { u.amount = { currency_code: 'JPY', value: '1000.50' }; delete u.items; }, 422, 'DECIMALS_NOT_SUPPORTED'],
		[u => { u.amount.value = '32.00'; }, 422, 'AMOUNT_MISMATCH'],
		[u => { u.items[0].quantity = '3'; }, 422, 'ITEM_TOTAL_MISMATCH'],
		[u => { u.amount.value = 31.9; }, 400, 'INVALID_PARAMETER_SYNTAX'],
		[u => { u.amount.breakdown.shipping.currency_code = 'USD'; }, 422, 'CURRENCY_MISMATCH'],
	];
	for (const [change, status, issue] of cases) {
		const b = orderBody();
		change(b.purchase_units[0]);
		const r = await call('POST', '/v2/checkout/orders', b);
		assert.equal(r.status, status, JSON.stringify(r.body));
		assert.equal(r.body.details[0].issue, issue);
		assert.ok(r.body.debug_id && r.body.name && r.body.message);
	}
	const jpy = orderBody();
	jpy.purchase_units[0] = { reference_id: 'JPY-1', amount: { currency_code: 'JPY', value: '1000' } };
	assert.equal((await call('POST', '/v2/checkout/orders', jpy)).status, 201);
	const noIntent = await call('POST', '/v2/checkout/orders', orderBody({ intent: undefined }));
	assert.equal(noIntent.status, 400);
	assert.equal(noIntent.body.name, 'INVALID_REQUEST');
	const notApproved = await call('POST', `/v2/checkout/orders/${(await call('POST', '/v2/checkout/orders', orderBody())).body.id}/capture`);
	assert.equal(notApproved.body.details[0].issue, 'ORDER_NOT_APPROVED');
	assert.equal((await call('GET', '/v2/checkout/orders/NOPE')).status, 404);
});

test('a capture made PENDING or DECLINED by a rule, and a pending one resolved later', async () => {
	const rule = body => fetch(`${s.url}/_sim/rules`, { method: 'POST', body: JSON.stringify(body) }).then(r => r.json());
	const pend = orderBody();
	const ref = pend.purchase_units[0].reference_id;
	await rule({ provider: 'paypal', op: 'capture', match: { reference: ref }, effect: { capture: 'PENDING' }, times: 1 });
	const o = (await call('POST', '/v2/checkout/orders', pend)).body;
	await approve(o);
	const cap = await call('POST', `/v2/checkout/orders/${o.id}/capture`);
	const c = cap.body.purchase_units[0].payments.captures[0];
	assert.equal(c.status, 'PENDING');
	assert.equal(c.status_details.reason, 'PENDING_REVIEW');
	await eventually(() => assert.equal(hook.got.filter(e => e.body.includes(o.id)).length, 2));
	await fetch(`${s.url}/_sim/paypal/captures/${c.id}/resolve`, { method: 'POST', body: JSON.stringify({ status: 'DECLINED' }) });
	const evs = hook.got.filter(e => e.body.includes(o.id)).map(e => JSON.parse(e.body).event_type);
	assert.deepEqual(evs, ['CHECKOUT.ORDER.APPROVED', 'PAYMENT.CAPTURE.PENDING', 'PAYMENT.CAPTURE.DENIED']);
	assert.equal((await call('GET', `/v2/payments/captures/${c.id}`)).body.status, 'DECLINED');

	const dec = orderBody();
	await rule({ provider: 'paypal', op: 'capture', match: { reference: dec.purchase_units[0].reference_id }, effect: { capture: 'DECLINED' }, times: 1 });
	const o2 = (await call('POST', '/v2/checkout/orders', dec)).body;
	await approve(o2);
	const cap2 = await call('POST', `/v2/checkout/orders/${o2.id}/capture`);
	assert.equal(cap2.body.purchase_units[0].payments.captures[0].status, 'DECLINED');
});

test('refunds per capture: partial, too much, the rest, then fully refunded; a refused refund', async () => {
	const b = orderBody();
	const o = (await call('POST', '/v2/checkout/orders', b)).body;
	await approve(o);
	const capId = (await call('POST', `/v2/checkout/orders/${o.id}/capture`)).body.purchase_units[0].payments.captures[0].id;
	const reqId = crypto.randomUUID();
	const part = await call('POST', `/v2/payments/captures/${capId}/refund`, { amount: { currency_code: 'EUR', value: '10.00' } }, { 'PayPal-Request-Id': reqId });
	assert.equal(part.status, 201);
	assert.equal(part.body.status, 'COMPLETED');
	assert.ok(part.body.id);
	const replay = await call('POST', `/v2/payments/captures/${capId}/refund`, { amount: { currency_code: 'EUR', value: '10.00' } }, { 'PayPal-Request-Id': reqId });
	assert.equal(replay.body.id, part.body.id);
	const tooMuch = await call('POST', `/v2/payments/captures/${capId}/refund`, { amount: { currency_code: 'EUR', value: '30.00' } });
	assert.equal(tooMuch.status, 422);
	assert.equal(tooMuch.body.details[0].issue, 'REFUND_AMOUNT_EXCEEDED');
	await fetch(`${s.url}/_sim/rules`, { method: 'POST', body: JSON.stringify({ provider: 'paypal', op: 'refund', match: { id: o.id }, effect: { refuse: true }, times: 1 }) });
	const refused = await call('POST', `/v2/payments/captures/${capId}/refund`, {});
	assert.equal(refused.status, 422);
	const rest = await call('POST', `/v2/payments/captures/${capId}/refund`, {}, { Prefer: 'return=representation' });
	assert.deepEqual(rest.body.amount, { currency_code: 'EUR', value: '21.90' });
	const done = await call('POST', `/v2/payments/captures/${capId}/refund`, {});
	assert.equal(done.body.details[0].issue, 'CAPTURE_FULLY_REFUNDED');
	const seen = (await (await fetch(`${s.url}/_sim/received?provider=paypal&id=${o.id}`)).json()).paypal[0];
	assert.deepEqual(seen.purchase_units[0].captures[0].refunds.map(x => x.amount.value), ['10.00', '21.90']);
});
