// paid.mjs: orders paid for real in the suites that count commission, dashboards, best sellers or
// payouts. The test provider's orders count for none of those (docs/PAYMENTS.md), so such a suite
// places its order with the offline provider and confirms the payment as a bank would, through the
// signed payment webhook (docs/CHECKOUT.md): the order moves to paid and accrues, as in production.
import { createHmac } from 'node:crypto';
import { BASE_URL } from './http.mjs';
import { lit, sql, webhookSecret } from './commerce.mjs';

// Marks each order (by number) paid through POST /webhooks/payment/offline; throws unless it is.
export async function payOffline(...numbers) {
	const key = Buffer.from(webhookSecret(), 'hex');
	for (const number of numbers) {
		const [[total, currency]] = sql(`SELECT total, currency FROM orders WHERE number = ${lit(number)}`);
		const body = JSON.stringify({ order: number, status: 'paid', amount: Number(total), currency, reference: `bank-${number}` });
		const res = await fetch(`${BASE_URL}/webhooks/payment/offline`, {
			method: 'POST', body,
			headers: { 'content-type': 'application/json', 'x-signature': createHmac('sha256', key).update(body).digest('hex') },
		});
		if (res.status !== 200)
			throw new Error(`the offline payment of ${number} answered ${res.status}`);
	}
}

// The order numbers of a checkout placed with `POST /checkout/place` (its 303's location).
export function checkoutOrders(location) {
	const ref = location.split('/').pop();
	return sql(`SELECT o.number FROM orders o JOIN checkouts c ON c.id = o.checkout_id
		WHERE c.public_ref = ${lit(ref)} ORDER BY o.id`).map(([n]) => n);
}

// Places the reviewed checkout (its place-order fields) and pays every order of it offline:
// the place-order answer and the order numbers.
export async function placePaid(client, fields) {
	const res = await client.post('/checkout/place', fields);
	if (res.status !== 303)
		throw new Error(`placing the order answered ${res.status}`);
	const numbers = checkoutOrders(res.headers.location);
	await payOffline(...numbers);
	return { res, numbers };
}
