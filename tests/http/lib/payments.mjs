// payments.mjs: fixtures for the hosted-payment suites: the simulator of the stack under test
// (tests/sim/payments, on the stripe_api_base of crowdcart.conf), placing an order that goes to a
// provider's hosted page, and paying or leaving on that page as a shopper would.
import assert from 'node:assert/strict';
import { Client, confValue } from './http.mjs';
import { eventually } from './eventually.mjs';
import { address, csrf, formFields, makeProduct, reviewed, sql } from './commerce.mjs';

export const SIM = confValue('stripe_api_base');

export async function sim(method, path, body) {
	const r = await fetch(SIM + path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await r.text();
	let json = null;
	try { json = JSON.parse(text); } catch { /* a page */ }
	return { status: r.status, json, text, headers: r.headers };
}

// A misbehaviour rule of the simulator, removed again by the returned function.
export async function rule(r) {
	const made = await sim('POST', '/_sim/rules', r);
	if (made.status !== 201)
		throw new Error(`rule refused: ${made.text}`);
	return () => sim('DELETE', `/_sim/rules/${made.json.id}`);
}

// What the simulator was asked to charge for a checkout reference.
export async function received(reference) {
	return (await sim('GET', `/_sim/received?provider=stripe&reference=${reference}`)).json.stripe;
}

// Reviews the items and places the order with `provider`: the place-order answer, and when the
// shop sends the shopper on, the hosted page's URL, session id and the checkout's reference.
export async function placeWith(client, items, email, provider = 'stripe') {
	const { fields, page } = await reviewed(client, items, address(email, provider));
	if (!fields)
		return { review: page };
	const r = await client.post('/checkout/place', fields);
	const m = /<a class="button" id="pay-link" href="([^"]+)">/.exec(r.body);
	const url = m ? m[1].replace(/&amp;/g, '&') : null;
	const ref = (sql(`SELECT public_ref FROM checkouts WHERE email = '${email}' ORDER BY id DESC LIMIT 1`)[0] ?? [])[0];
	const session = url ? /\/pay\/stripe\/([^/?#]+)/.exec(url)?.[1] : null;
	return { place: r, url, session, ref };
}

// The shopper clicks "Pay" (or another choice) on the simulator's hosted page; returns where it
// sends them back to (a path of the shop).
export async function payOnHostedPage(session, choice = 'pay') {
	const action = choice === 'cancel' ? 'cancel' : 'pay';
	const r = await fetch(`${SIM}/pay/stripe/${session}/${action}`, {
		method: 'POST', body: new URLSearchParams({ choice }).toString(), redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	const loc = r.headers.get('location');
	return { status: r.status, back: loc ? new URL(loc).pathname + new URL(loc).search : null };
}

export function checkoutOrders(ref) {
	return sql(`SELECT o.number, o.status, o.total, o.currency, o.refund_needed, o.id FROM orders o
		JOIN checkouts c ON c.id = o.checkout_id WHERE c.public_ref = '${ref}' ORDER BY o.id`);
}

// An expired hold released. Other files run `crowdcartctl worker --once` too, and one of them may
// take the hold just before a test's own run, which then skips it: the outcome is the same whoever
// releases it, so tests wait for that, not for their own run.
export const holdReleased = (ref) =>
	eventually(() => assert.equal(checkoutOrders(ref)[0][1], 'payment_failed'), { timeout: 15000 });

export function sessionRow(ref) {
	return sql(`SELECT ps.status, ps.session_id, ps.payment_id, ps.amount, ps.currency FROM payment_sessions ps
		JOIN checkouts c ON c.id = ps.checkout_id WHERE c.public_ref = '${ref}'`)[0];
}

export { csrf, formFields };

export const count = (q) => Number(sql(q)[0][0]);

// How many times the order was moved to paid (exactly once, whatever the provider sends).
export const paidEvents = (number) => count(`SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id
	WHERE o.number = '${number}' AND e.to_status = 'paid'`);

// A fresh product ordered `items` times through `provider`, waiting on its hosted page: the
// placing answer, the order and the provider's id for the payment (`id`).
export async function placedThrough(provider, items, { price, brand, email }) {
	const p = makeProduct({ price, stock: 5, brand });
	const c = new Client();
	const r = await placeWith(c, [[p.variantId, items]], email, provider);
	assert.equal(r.place.status, 200, r.place.body.slice(0, 400));
	const [[number, , total, currency]] = checkoutOrders(r.ref);
	return { ...r, p, c, email, number, total: Number(total), currency, id: sessionRow(r.ref)[1] };
}
