// checkout.test.mjs: guest checkout end to end: one order per brand in one transaction, exactly one
// order set per checkout form (double submit, replay), price changes shown before paying, sold-out
// and declined payments that write nothing, the payment webhook, order lookup, attribution.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Client, ROOT, VAR, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, csrf, formFields, lit, makeProduct, orderNumbers, reviewed, sql, stockOf, webhookSecret }
	from './lib/commerce.mjs';

import { placePaid } from './lib/paid.mjs';
import { decodeQP } from './lib/mail.mjs';

usesDatabase();

const count = (q) => Number(sql(q)[0][0]);

test('a two-brand cart becomes one order per brand, with totals, events, payments and one mail', async () => {
	const nw = makeProduct({ price: 3400, brand: 'northwind', stock: 10 });
	const fh = makeProduct({ price: 3200, brand: 'fernhill', stock: 10 });
	const rates = sql(`SELECT slug, shipping_flat_rate, tax_rate_bps FROM brands WHERE slug IN ('northwind', 'fernhill') ORDER BY id`);
	const c = new Client();
	const email = uniqueEmail('buyer');
	const { fields, page } = await reviewed(c, [[nw.variantId, 2], [fh.variantId, 1]], address(email));
	assert.ok(fields?.token && fields?.version, 'the review page has a place-order form');
	assert.match(page, /one per brand/);
	const r = await c.post('/checkout/place', fields);
	assert.equal(r.status, 303);
	assert.match(r.headers.location, /^\/checkout\/done\/[0-9A-Z]{26}$/);
	assert.equal(c.cookie('cc_cart'), undefined, 'the header count is cleared');
	const done = await c.get(r.headers.location);
	assert.equal(done.status, 200);
	const numbers = orderNumbers(done.body);
	assert.equal(numbers.length, 2);
	const orders = sql(`SELECT o.number, b.slug, o.status, o.subtotal, o.shipping, o.tax, o.total, o.checkout_id, o.email
		FROM orders o JOIN brands b ON b.id = o.brand_id WHERE o.number IN (${numbers.map(lit).join(',')}) ORDER BY b.id`);
	assert.equal(orders.length, 2);
	assert.equal(orders[0][7], orders[1][7], 'one checkout');
	for (const [i, subtotal] of [[0, 6800], [1, 3200]]) {
		const [, slug, status, sub, ship, tax, total, , mail] = orders[i];
		const [rslug, flat, bps] = rates[i];
		assert.equal(slug, rslug);
		assert.equal(status, 'paid');
		assert.equal(mail, email);
		assert.equal(Number(sub), subtotal);
		assert.equal(Number(ship), Number(flat));
		// half up, integer arithmetic
		assert.equal(Number(tax), Math.floor(((subtotal + Number(flat)) * Number(bps) + 5000) / 10000));
		assert.equal(Number(total), subtotal + Number(flat) + Number(tax));
	}
	const checkout = orders[0][7];
	assert.equal(count(`SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.checkout_id = ${checkout}`), 2);
	assert.equal(count(`SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.checkout_id = ${checkout}`), 4);
	assert.equal(count(`SELECT COUNT(*) FROM payments WHERE checkout_id = ${checkout} AND status = 'succeeded'`), 2);
	assert.equal(count(`SELECT COUNT(*) FROM outbox WHERE checkout_id = ${checkout} AND to_addr = ${lit(email)} AND status = 'pending'`), 1);
	assert.equal(stockOf(nw.variantId), 8);
	assert.equal(stockOf(fh.variantId), 9);
	assert.equal(count(`SELECT stock_total FROM products WHERE id = ${nw.productId}`), 8);
	assert.match((await c.get('/cart')).body, /Your cart is empty/);
});

test('an order of four lines stores all four, in the cart\'s order, with their quantities and the stock taken', async () => {
	const products = [1, 2, 3, 4].map(() => makeProduct({ price: 1200, brand: 'fernhill', stock: 10 }));
	const c = new Client();
	const { fields } = await reviewed(c, products.map((p, i) => [p.variantId, i + 1]), address(uniqueEmail('buyer')));
	const r = await c.post('/checkout/place', fields);
	assert.equal(r.status, 303);
	const ref = r.headers.location.split('/').pop();
	const lines = sql(`SELECT l.variant_id, l.quantity, l.title, l.line_total FROM order_lines l JOIN orders o ON o.id = l.order_id
		JOIN checkouts k ON k.id = o.checkout_id WHERE k.public_ref = ${lit(ref)} ORDER BY l.id`);
	assert.deepEqual(lines.map(([v, q, t, total]) => [Number(v), Number(q), t, Number(total)]),
		products.map((p, i) => [p.variantId, i + 1, p.title, 1200 * (i + 1)]));
	products.forEach((p, i) => assert.equal(stockOf(p.variantId), 10 - (i + 1)));
});

test('a double submit of the same checkout form makes one order, and a replay shows the same confirmation', async () => {
	const p = makeProduct({ stock: 10 });
	const c = new Client();
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(uniqueEmail('double')));
	const [a, b] = await Promise.all([c.post('/checkout/place', fields), c.post('/checkout/place', fields)]);
	assert.equal(a.status, 303);
	assert.equal(b.status, 303);
	assert.equal(a.headers.location, b.headers.location);
	const replay = await c.post('/checkout/place', fields);	// the back button, then submit again
	assert.equal(replay.status, 303);
	assert.equal(replay.headers.location, a.headers.location);
	assert.equal(count(`SELECT COUNT(*) FROM order_lines WHERE variant_id = ${p.variantId}`), 1);
	assert.equal(stockOf(p.variantId), 9);
	// the token is bound to the session: another visitor cannot use it
	const other = new Client();
	const stolen = await other.post('/checkout/place', { ...fields, csrf: await csrf(other) });
	assert.equal(stolen.status, 400);
});

test('a price changed between cart and checkout is shown before the shopper confirms', async () => {
	const p = makeProduct({ price: 1000 });
	const c = new Client();
	const email = uniqueEmail('price');
	await reviewed(c, [[p.variantId, 1]], address(email));
	sql(`UPDATE variants SET price = 1250 WHERE id = ${p.variantId}`);
	// the cart and the review show the new price and say that it changed
	assert.match((await c.get('/cart')).body, /Price went up: was \$10\.00, now \$12\.50/);
	const { page, fields } = await reviewed(c, [], address(email));
	assert.match(page, /Price went up: was \$10\.00, now \$12\.50/);
	assert.match(page, /Prices changed since you added some items/);
	// and if it changes again after the review, placing is refused with the updated summary
	sql(`UPDATE variants SET price = 1400 WHERE id = ${p.variantId}`);
	const r = await c.post('/checkout/place', fields);
	assert.equal(r.status, 409);
	assert.match(r.body, /Your order changed since you reviewed it/);
	assert.match(r.body, /now \$14\.00/);
	assert.equal(count(`SELECT COUNT(*) FROM order_lines WHERE variant_id = ${p.variantId}`), 0);
	assert.equal(count(`SELECT COUNT(*) FROM checkouts WHERE email = ${lit(email)}`), 0, 'nothing written');
	// the refreshed form places the order at the price shown
	const again = formFields(r.body, '/checkout/place');
	const ok = await c.post('/checkout/place', again);
	assert.equal(ok.status, 303);
	assert.equal(count(`SELECT unit_price FROM order_lines WHERE variant_id = ${p.variantId}`), 1400);
});

test('stock that runs out after the review gives a clear sold-out page and writes nothing', async () => {
	const p = makeProduct({ stock: 3 });
	const c = new Client();
	const email = uniqueEmail('soldout');
	const { fields } = await reviewed(c, [[p.variantId, 2]], address(email));
	sql(`UPDATE variants SET stock = 1 WHERE id = ${p.variantId}`);
	const r = await c.post('/checkout/place', fields);
	assert.equal(r.status, 409);
	assert.match(r.body, /sold out while you were checking out\. Nothing was charged and no order was placed/);
	assert.equal(stockOf(p.variantId), 1);
	assert.equal(count(`SELECT COUNT(*) FROM checkouts WHERE email = ${lit(email)}`), 0);
	assert.equal(count(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${lit(email)}`), 0);
});

test('a declined test payment writes nothing and keeps the stock', async () => {
	const p = makeProduct({ stock: 5 });
	const c = new Client();
	const email = `buyer+decline-${Date.now()}@example.com`.replace('+decline-', `-${Date.now()}+decline`).replace(/\+decline.*@/, '+decline@');
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(email));
	const r = await c.post('/checkout/place', fields);
	assert.equal(r.status, 422);
	assert.match(r.body, /payment was declined\. Nothing was charged/);
	assert.equal(stockOf(p.variantId), 5);
	assert.equal(count(`SELECT COUNT(*) FROM checkouts WHERE email = ${lit(email)}`), 0);
	assert.equal(count(`SELECT COUNT(*) FROM cart_items WHERE variant_id = ${p.variantId}`), 1, 'the cart is kept');
});

test('offline payment waits; a signed payment webhook marks the order paid, once', async () => {
	const p = makeProduct({ price: 2000 });
	const c = new Client();
	const email = uniqueEmail('offline');
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(email, 'offline'));
	const done = await c.get((await c.post('/checkout/place', fields)).headers.location);
	const [number] = orderNumbers(done.body);
	assert.match(done.body, /waits for your payment/);
	const [[id, status, total, currency]] = sql(`SELECT id, status, total, currency FROM orders WHERE number = ${lit(number)}`);
	assert.equal(status, 'awaiting_payment');
	const body = JSON.stringify({ order: number, status: 'paid', amount: Number(total), currency, reference: 'bank-123' });
	const post = (sig, b = body, provider = 'offline') => fetch(`${process.env.BASE_URL}/webhooks/payment/${provider}`,
		{ method: 'POST', headers: { 'content-type': 'application/json', ...(sig ? { 'x-signature': sig } : {}) }, body: b });
	const secret = webhookSecret();	// from the stack's config; a stack without one fails here
	const sign = (b) => createHmac('sha256', Buffer.from(secret, 'hex')).update(b).digest('hex');
	assert.equal((await post(null)).status, 401);
	assert.equal((await post(sign(body + ' '))).status, 401);
	assert.equal((await post(sign(body), body, 'test')).status, 404, 'another provider\'s order');
	const wrong = JSON.stringify({ order: number, status: 'paid', amount: Number(total) - 1, currency, reference: 'x' });
	assert.equal((await post(sign(wrong), wrong)).status, 422);
	const ok = await post(sign(body));
	assert.equal(ok.status, 200);
	assert.deepEqual(await ok.json(), { status: 'paid' });
	const again = await post(sign(body));
	assert.equal(again.status, 200);
	assert.equal(sql(`SELECT status FROM orders WHERE id = ${id}`)[0][0], 'paid');
	assert.equal(count(`SELECT COUNT(*) FROM order_events WHERE order_id = ${id} AND to_status = 'paid'`), 1);
	assert.equal(sql(`SELECT status FROM payments WHERE order_id = ${id}`)[0][0], 'succeeded');
});

test('order lookup by number and email; a miss never says which part was wrong; misses are throttled', async () => {
	const p = makeProduct();
	const c = new Client();
	const email = uniqueEmail('lookup');
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(email));
	const done = await c.get((await c.post('/checkout/place', fields)).headers.location);
	const [number] = orderNumbers(done.body);
	const v = new Client();
	const token = await v.csrf('/orders/lookup');
	const found = await v.post('/orders/lookup', { csrf: token, number: number.toLowerCase(), email: email.toUpperCase() });
	assert.equal(found.status, 200);
	assert.ok(found.body.includes(number));
	assert.ok(found.body.includes(p.title));
	const wrongEmail = await v.post('/orders/lookup', { csrf: token, number, email: uniqueEmail('x') });
	const wrongNumber = await v.post('/orders/lookup', { csrf: token, number: 'A'.repeat(20), email });
	assert.equal(wrongEmail.status, 404);
	assert.equal(wrongNumber.status, 404);
	const msg = (h) => /<p class="flash error" role="alert">([^<]*)<\/p>/.exec(h)[1];
	assert.equal(msg(wrongEmail.body), msg(wrongNumber.body));
	for (let i = 0; i < 4; i++)
		await v.post('/orders/lookup', { csrf: token, number: 'B'.repeat(20), email });
	const throttled = await v.post('/orders/lookup', { csrf: token, number, email });
	assert.equal(throttled.status, 429, 'after 5 misses for this email even the right pair waits');
});

test('the confirmation page is shown only to the session that placed the order', async () => {
	const p = makeProduct();
	const c = new Client();
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(uniqueEmail('private')));
	const where = (await c.post('/checkout/place', fields)).headers.location;
	assert.equal((await c.get(where)).status, 200);
	const other = new Client();
	await other.get('/cart');
	assert.equal((await other.get(where)).status, 404);
	assert.equal((await other.get('/checkout/done/not-a-ref')).status, 404);
});

test('an invalid address re-renders the checkout form with what was typed', async () => {
	const p = makeProduct();
	const c = new Client();
	await reviewed(c, [[p.variantId, 1]], address(uniqueEmail('ok'))).catch(() => {});
	const r = await c.post('/checkout/review', { csrf: await csrf(c), ...address('not-an-email'), name: 'Keep <Me>' });
	assert.equal(r.status, 422);
	assert.match(r.body, /Enter a valid email address/);
	assert.ok(r.body.includes('value="Keep &lt;Me&gt;"'));
	const bad = await c.post('/checkout/review', { csrf: await csrf(c), ...address(uniqueEmail('c')), country: 'U1' });
	assert.equal(bad.status, 422);
	assert.match(bad.body, /Choose the country from the list/);
	const long = await c.post('/checkout/review', { csrf: await csrf(c), ...address(uniqueEmail('c')), postal: '9'.repeat(21) });
	assert.equal(long.status, 400);
});

test('an attributed sale records the creator, surface and pick rate on the line and accrues commission once paid', async () => {
	const p = makeProduct({ price: 4999 });
	const [[creatorId]] = sql(`SELECT id FROM creators WHERE handle = 'lena'`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status) VALUES (${creatorId}, ${p.productId}, 1250, 'approved')`);
	const c = new Client();
	const page = await c.get(`/p/${p.brand}/${p.handle}?via=lena`);
	assert.equal(page.status, 200);
	// paid for real (the test provider's orders accrue nothing: payments_defaults.test.mjs)
	const { fields } = await reviewed(c, [[p.variantId, 2]], address(uniqueEmail('attr'), 'offline'));
	await placePaid(c, fields);
	const [[lineId, creator, surface, bps, amount]] = sql(`SELECT id, creator_id, surface, commission_bps, commission_amount
		FROM order_lines WHERE variant_id = ${p.variantId}`);
	assert.equal(creator, creatorId);
	assert.equal(surface, 'product');
	assert.equal(Number(bps), 1250);
	assert.equal(Number(amount), Math.floor(9998 * 1250 / 10000));
	const [[kind, amt]] = sql(`SELECT kind, amount FROM commission_entries WHERE order_line_id = ${lineId}`);
	assert.equal(kind, 'accrual');
	assert.equal(Number(amt), Number(amount));
});

test('crowdcartctl send-mail keeps mail without sendmail_path and hands it to sendmail with it', async (t) => {
	const p = makeProduct();
	const c = new Client();
	const email = uniqueEmail('mail');
	const { fields } = await reviewed(c, [[p.variantId, 1]], address(email));
	assert.equal((await c.post('/checkout/place', fields)).status, 303);
	const ctl = path.join(ROOT, 'bin/crowdcartctl');
	const conf = path.join(VAR, 'crowdcart.conf');
	const env = { ...process.env, CROWDCART_CONF: '' };
	assert.match(execFileSync(ctl, ['--conf', conf, 'send-mail'], { encoding: 'utf8', env }), /stays in the outbox/);
	assert.equal(sql(`SELECT status FROM outbox WHERE to_addr = ${lit(email)}`)[0][0], 'pending');
	const dir = mkdtempSync(path.join(tmpdir(), 'cc-mail-'));
	t.after(() => rmSync(dir, { recursive: true, force: true }));
	const fake = path.join(dir, 'sendmail'), spool = path.join(dir, 'spool');
	writeFileSync(fake, `#!/bin/sh\n[ "$1 $2" = "-t -i" ] || exit 3\ncat >> '${spool}'\n`);
	chmodSync(fake, 0o755);
	const withMail = path.join(dir, 'crowdcart.conf');
	writeFileSync(withMail, `${readFileSync(conf, 'utf8')}\nsendmail_path = ${fake}\n`);
	// Only this test's mail: tests/http/mail_smtp.test.mjs sends through its own server meanwhile.
	execFileSync(ctl, ['--conf', withMail, 'send-mail', '--to', email], { encoding: 'utf8', env });
	const sent = readFileSync(spool, 'utf8');
	assert.ok(sent.includes(`To: ${email}`));
	assert.match(sent, /Subject: Your crowdcart order/);
	assert.ok(decodeQP(sent).includes(p.title));
	assert.equal(sql(`SELECT status FROM outbox WHERE to_addr = ${lit(email)}`)[0][0], 'sent');
});
