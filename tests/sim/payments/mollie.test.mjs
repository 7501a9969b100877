// The Mollie simulator against Mollie's published behaviour: exact decimals per currency, the
// payment object and its checkout link, the webhook that carries only the id, refunds.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, test } from 'node:test';
import { receiver, sim } from './helpers.mjs';

const KEY = 'test_simulatorsimulatorsimulator0000';
let s, hook;

before(async () => {
	hook = await receiver();
	s = await sim(['--mollie-api-key', KEY]);
});
after(async () => { await s.close(); await hook.close(); });

async function call(method, path, body, headers = {}) {
	const r = await fetch(s.url + path, { method, body: body === undefined ? undefined : JSON.stringify(body),
		headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...headers } });
	return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
}

function paymentBody(over = {}) {
	return { amount: { currency: 'EUR', value: '10.00' }, description: 'Order ' + crypto.randomUUID().slice(0, 8),
		redirectUrl: 'http://shop.test/return?c=1', cancelUrl: 'http://shop.test/cart', webhookUrl: hook.url + '/webhooks/payment/mollie',
		metadata: { checkout: 'CK-' + crypto.randomUUID().slice(0, 8) }, ...over };
}

test('decimals: EUR takes exactly two, JPY none; anything else is a 422 in hal+json', async () => {
	for (const [amount, ok] of [[{ currency: 'EUR', value: '10.00' }, true], [{ currency: 'JPY', value: '1000' }, true],
		[{ currency: 'EUR', value: '10.0' }, false], [{ currency: 'EUR', value: '10' }, false], [{ currency: 'JPY', value: '1000.00' }, false],
		[{ currency: 'EUR', value: 10 }, false], [{ currency: 'XXX', value: '1.00' }, false]]) {
		const r = await call('POST', '/v2/payments', paymentBody({ amount }));
		assert.equal(r.status, ok ? 201 : 422, JSON.stringify([amount, r.body]));
		if (!ok) {
			assert.equal(r.type, 'application/hal+json');
			assert.equal(r.body.status, 422);
			assert.equal(r.body.title, 'Unprocessable Entity');
			assert.match(r.body.field, /^amount/);
			assert.ok(r.body.detail && r.body._links.documentation.href);
		}
	}
	const noRedirect = await call('POST', '/v2/payments', paymentBody({ redirectUrl: undefined }));
	assert.equal(noRedirect.body.field, 'redirectUrl');
	const noAuth = await fetch(`${s.url}/v2/payments`, { method: 'POST', body: '{}' });
	assert.equal(noAuth.status, 401);
	assert.equal((await call('GET', '/v2/payments/tr_nope')).status, 404);
});

test('paid on the checkout page: status paid, a webhook with only id=tr_..., then the redirect', async () => {
	const created = await call('POST', '/v2/payments', paymentBody(), { 'Idempotency-Key': 'k-' + crypto.randomUUID() });
	const p = created.body;
	assert.equal(created.status, 201);
	assert.equal(p.resource, 'payment');
	assert.match(p.id, /^tr_\w{10}$/);
	assert.equal(p.status, 'open');
	assert.equal(p.mode, 'test');
	const page = await (await fetch(p._links.checkout.href)).text();
	for (const choice of ['Paid', 'Failed', 'Canceled', 'Expired'])
		assert.match(page, new RegExp(choice));
	const r = await fetch(`${s.url}/pay/mollie/${p.id}`, { method: 'POST', body: 'choice=paid', redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
	assert.equal(r.status, 303);
	assert.equal(r.headers.get('location'), 'http://shop.test/return?c=1');
	const got = hook.got.filter(e => e.body === `id=${p.id}`);
	assert.equal(got.length, 1);
	assert.equal(got[0].headers['content-type'], 'application/x-www-form-urlencoded');
	const now = await call('GET', `/v2/payments/${p.id}`);
	assert.equal(now.body.status, 'paid');
	assert.ok(now.body.paidAt);
	assert.equal(now.body._links.checkout, undefined);
	assert.deepEqual(now.body.amountRemaining, { value: '10.00', currency: 'EUR' });
});

test('canceled goes to cancelUrl; a duplicated webhook is the same id twice', async () => {
	const p = (await call('POST', '/v2/payments', paymentBody())).body;
	await fetch(`${s.url}/_sim/rules`, { method: 'POST', body: JSON.stringify({ provider: 'mollie', op: 'webhook', match: { id: p.id }, effect: { duplicate: 1 } }) });
	const r = await fetch(`${s.url}/pay/mollie/${p.id}`, { method: 'POST', body: 'choice=canceled', redirect: 'manual' });
	assert.equal(r.headers.get('location'), 'http://shop.test/cart');
	assert.equal(hook.got.filter(e => e.body === `id=${p.id}`).length, 2);
	assert.equal((await call('GET', `/v2/payments/${p.id}`)).body.status, 'canceled');
});

test('refunds: pending then refunded, exact decimals, not more than remains, refused on demand', async () => {
	const p = (await call('POST', '/v2/payments', paymentBody({ amount: { currency: 'JPY', value: '1500' } }))).body;
	const notPaid = await call('POST', `/v2/payments/${p.id}/refunds`, { amount: { currency: 'JPY', value: '100' } });
	assert.equal(notPaid.status, 422);
	await fetch(`${s.url}/pay/mollie/${p.id}`, { method: 'POST', body: 'choice=paid', redirect: 'manual' });
	const part = await call('POST', `/v2/payments/${p.id}/refunds`, { amount: { currency: 'JPY', value: '500' }, description: 'one mug' });
	assert.equal(part.status, 201);
	assert.equal(part.body.resource, 'refund');
	assert.match(part.body.id, /^re_/);
	assert.equal(part.body.status, 'pending');
	assert.equal(part.body.paymentId, p.id);
	const badDecimals = await call('POST', `/v2/payments/${p.id}/refunds`, { amount: { currency: 'JPY', value: '500.00' } });
	assert.equal(badDecimals.status, 422);
	const tooMuch = await call('POST', `/v2/payments/${p.id}/refunds`, { amount: { currency: 'JPY', value: '1001' } });
	assert.equal(tooMuch.status, 422);
	await fetch(`${s.url}/_sim/rules`, { method: 'POST', body: JSON.stringify({ provider: 'mollie', op: 'refund', match: { id: p.id }, effect: { refuse: true }, times: 1 }) });
	assert.equal((await call('POST', `/v2/payments/${p.id}/refunds`, { amount: { currency: 'JPY', value: '1000' } })).status, 422);
	const rest = await call('POST', `/v2/payments/${p.id}/refunds`, { amount: { currency: 'JPY', value: '1000' } });
	assert.equal(rest.status, 201);
	const list = await call('GET', `/v2/payments/${p.id}/refunds`);
	assert.equal(list.body.count, 2);
	const again = await call('GET', `/v2/payments/${p.id}/refunds/${part.body.id}`);
	assert.equal(again.body.status, 'refunded');
	const payment = await call('GET', `/v2/payments/${p.id}`);
	assert.deepEqual(payment.body.amountRefunded, { value: '1500', currency: 'JPY' });
	const seen = (await (await fetch(`${s.url}/_sim/received?provider=mollie&id=${p.id}`)).json()).mollie[0];
	assert.deepEqual(seen.amount, { currency: 'JPY', value: '1500' });
	assert.equal(seen.refunded, 1500);
});

test('a rule scoped to one payment makes its GET a 500 and leaves others alone; down at create resets', async () => {
	const a = (await call('POST', '/v2/payments', paymentBody())).body;
	const b = (await call('POST', '/v2/payments', paymentBody())).body;
	await fetch(`${s.url}/_sim/rules`, { method: 'POST', body: JSON.stringify({ provider: 'mollie', op: 'get', match: { id: a.id }, effect: { status: 500 }, times: 1 }) });
	assert.equal((await call('GET', `/v2/payments/${b.id}`)).status, 200);
	assert.equal((await call('GET', `/v2/payments/${a.id}`)).status, 500);
	assert.equal((await call('GET', `/v2/payments/${a.id}`)).status, 200);
	const body = paymentBody();
	await fetch(`${s.url}/_sim/rules`, { method: 'POST', body: JSON.stringify({ provider: 'mollie', op: 'create', match: { reference: body.metadata.checkout }, effect: { down: 'reset' }, times: 1 }) });
	await assert.rejects(call('POST', '/v2/payments', body));
	assert.equal((await call('POST', '/v2/payments', body)).status, 201);
});
