// fulfilment.test.mjs: brand fulfilment in the studio: the orders list, detail, transitions,
// cancel with restock, refunds with commission reversal, concurrency and the CSV export.
import assert from 'node:assert/strict';
import { before, describe, test as plainTest } from 'node:test';
import { Client } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { checkoutViaShop, demoClient, formState, ledger, newBrand, newOrder, newOrders, newProduct, orderRow, sql } from './lib/fulfilment.mjs';

usesDatabase();

let brand, other;
before(async () => {
	[brand, other] = await Promise.all([newBrand(), newBrand()]);
});

// The tests share the two brands above (sign-ups are slow), each with its own orders, products
// and, where a test counts or pages the list, its own range of order dates; so they run a few at
// a time.
const tests = [];
function test(name, fn) {
	tests.push([name, fn]);
}

function stock(b) {
	const [[v, p]] = sql(`SELECT v.stock, p.stock_total FROM variants v JOIN products p ON p.id = v.product_id
		WHERE v.id = ${b.variantId}`);
	return { variant: Number(v), product: Number(p) };
}

async function transition(client, number, fields, state) {
	const s = state ?? await formState(client, number);
	const version = s.version === undefined ? {} : { version: s.version };
	return client.post(`/studio/orders/${number}/transition`, { csrf: s.csrf, ...version, ...fields });
}

async function refund(client, number, fields, state) {
	const s = state ?? await formState(client, number);
	const body = new URLSearchParams({ csrf: s.csrf, ...(s.version === undefined ? {} : { version: s.version }) });
	for (const [k, v] of fields)
		body.append(k, String(v));
	return client.post(`/studio/orders/${number}/refund`, body.toString());
}

test('the orders list shows the brand its own orders with totals, and not another brand\'s', async () => {
	const b = brand, day = { createdAt: '2020-01-15 12:00:00' };
	const mine = newOrder(b, day), theirs = newOrder(other, day);
	newOrder(b, { ...day, status: 'paid' });
	const res = await b.client.get('/studio/orders?from=2020-01-15&to=2020-01-15');
	assert.equal(res.status, 200);
	assert.match(res.body, new RegExp(mine.number));
	assert.doesNotMatch(res.body, new RegExp(theirs.number));
	assert.match(res.body, /@lena/);
	const [[count, total]] = sql(`SELECT COUNT(*), SUM(total) FROM orders WHERE brand_id = ${b.id}
		AND created_at BETWEEN '2020-01-15 00:00:00' AND '2020-01-15 23:59:59'`);
	assert.equal(count, '2');
	assert.match(res.body, new RegExp(`<strong>${count}</strong> orders? · total <strong>\\$${(Number(total) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}</strong>`));
});

test('the orders list filters by status, UTC date range and creator handle', async () => {
	const old = newOrder(brand, { createdAt: '2021-03-04 10:00:00', status: 'paid' });
	const noCreator = newOrder(brand, { createdAt: '2021-03-05 23:59:59', creator: 'nobody-such' });
	const get = async (q) => (await brand.client.get(`/studio/orders?${q}`)).body;
	let body = await get('from=2021-03-04&to=2021-03-04');
	assert.match(body, new RegExp(old.number));
	assert.doesNotMatch(body, new RegExp(noCreator.number));
	body = await get('from=2021-03-05&to=2021-03-05');
	assert.match(body, new RegExp(noCreator.number), 'the to date is inclusive up to 23:59:59');
	body = await get('status=paid&from=2021-03-01&to=2021-03-31');
	assert.match(body, new RegExp(old.number));
	assert.doesNotMatch(body, new RegExp(noCreator.number));
	body = await get('creator=LENA&from=2021-03-01&to=2021-03-31');
	assert.match(body, new RegExp(old.number), 'handles match case-insensitively');
	assert.doesNotMatch(body, new RegExp(noCreator.number));
	body = await get('creator=marco&from=2021-03-01&to=2021-03-31');
	assert.match(body, /No orders match these filters/);
});

test('the orders list refuses malformed filters with a clear 400', async () => {
	for (const q of ['status=lost', 'from=2021-02-30', 'to=yesterday', 'from=2021-05-01&to=2021-04-01', 'page=0', 'page=abc']) {
		const res = await brand.client.get(`/studio/orders?${q}`);
		assert.equal(res.status, 400, q);
	}
	const long = await brand.client.get(`/studio/orders?creator=${'x'.repeat(31)}`);
	assert.equal(long.status, 400);
	assert.equal((await brand.client.get('/studio/orders?from=2024-02-29&to=2024-02-29')).status, 200, 'a leap day is a date');
	assert.equal((await brand.client.get('/studio/orders?from=2023-02-29')).status, 400);
});

test('the orders list pages through more than 50 orders', async () => {
	const b = brand;
	const numbers = newOrders(b, Array.from({ length: 52 },
		(_, i) => ({ createdAt: `2022-01-01 10:${String(i).padStart(2, '0')}:00` }))).map((o) => o.number);
	const p1 = await b.client.get('/studio/orders?from=2022-01-01&to=2022-01-01');
	assert.match(p1.body, /rel="next" href="\/studio\/orders\?from=2022-01-01&amp;to=2022-01-01&amp;page=2"/);
	assert.match(p1.body, new RegExp(numbers[51]));
	assert.doesNotMatch(p1.body, new RegExp(numbers[0]));
	const p2 = await b.client.get('/studio/orders?from=2022-01-01&to=2022-01-01&page=2');
	assert.match(p2.body, new RegExp(numbers[0]));
	assert.match(p2.body, new RegExp(numbers[1]));
	assert.match(p2.body, /<strong>52<\/strong> orders/);
});

test('the order page shows lines, creator attribution, totals, address and history', async () => {
	const o = newOrder(brand, { shipName: 'Grace <b>Hopper</b>' });
	const res = await brand.client.get(`/studio/orders/${o.number}`);
	assert.equal(res.status, 200);
	assert.match(res.body, /Stoneware Mug/);
	assert.match(res.body, /@lena/);
	assert.match(res.body, /via storefront/);
	assert.match(res.body, /\$7\.50 <span class="muted">\(10\.00 %\)/);
	assert.match(res.body, /Grace &lt;b&gt;Hopper&lt;\/b&gt;/, 'shipping name is escaped');
	assert.match(res.body, /12 Analytical Row/);
	assert.match(res.body, /\$105\.00/);	// 3 x 25 + 25 + 5 shipping
	assert.match(res.body, /awaiting payment<\/strong>, by the shopper or the payment system/);
	assert.match(res.body, /value="mark_paid"/);
	assert.match(res.body, /value="cancel"/);
	assert.doesNotMatch(res.body, /value="deliver"/);
});

test('another brand, a creator and a stranger cannot see a brand\'s order', async () => {
	const o = newOrder(brand);
	assert.equal((await other.client.get(`/studio/orders/${o.number}`)).status, 404);
	assert.equal((await other.client.get(`/studio/orders/NOSUCHORDER`)).status, 404);
	const s = await formState(other.client, newOrder(other).number);
	const res = await other.client.post(`/studio/orders/${o.number}/transition`, { csrf: s.csrf, action: 'cancel' });
	assert.equal(res.status, 404);
	assert.equal(orderRow(o).status, 'awaiting_payment');
	const lena = await demoClient('lena@demo.crowdcart.test');
	assert.equal((await lena.get(`/studio/orders/${o.number}`)).status, 403);
	assert.equal((await lena.get('/studio/orders.csv')).status, 403);
	const anon = await new Client().get(`/studio/orders/${o.number}`);
	assert.equal(anon.status, 303);
	assert.match(anon.headers.location, /^\/login/);
});

test('an order goes paid, shipped with carrier and tracking, delivered, each recorded with who and when', async () => {
	const o = newOrder(brand);
	let res = await transition(brand.client, o.number, { action: 'mark_paid' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/studio/orders/${o.number}?done=mark_paid`);
	assert.equal(orderRow(o).status, 'paid');
	assert.equal(sql(`SELECT status FROM payments WHERE order_id = ${o.id}`)[0][0], 'succeeded');
	res = await transition(brand.client, o.number, { action: 'ship', carrier: 'Royal Mail', tracking_number: '' });
	assert.equal(res.status, 422, 'shipping needs a tracking number');
	assert.match(res.body, /enter the carrier and the tracking number/);
	assert.match(res.body, /value="Royal Mail"/, 'the typed carrier is kept');
	res = await transition(brand.client, o.number, { action: 'ship', carrier: 'Royal Mail', tracking_number: 'RM123456789GB' });
	assert.equal(res.status, 303);
	res = await transition(brand.client, o.number, { action: 'deliver' });
	assert.equal(res.status, 303);
	const row = orderRow(o);
	assert.deepEqual([row.status, row.carrier, row.tracking], ['delivered', 'Royal Mail', 'RM123456789GB']);
	const events = sql(`SELECT COALESCE(from_status, '-'), to_status, COALESCE(actor_user_id, 0), created_at IS NOT NULL
		FROM order_events WHERE order_id = ${o.id} ORDER BY id`);
	const [[actor]] = sql(`SELECT id FROM users WHERE email = '${brand.account.email}'`);
	assert.deepEqual(events, [
		['-', 'awaiting_payment', '0', '1'],
		['awaiting_payment', 'paid', actor, '1'],
		['paid', 'shipped', actor, '1'],
		['shipped', 'delivered', actor, '1'],
	]);
	const page = (await brand.client.get(`/studio/orders/${o.number}?done=deliver`)).body;
	assert.match(page, /marked as delivered/);
	assert.match(page, new RegExp(`shipped</strong>, by ${brand.account.display_name}`));
	assert.match(page, /Carrier: Royal Mail, tracking number: RM123456789GB/);
	assert.match(page, /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">/);
	const mail = sql(`SELECT to_addr, subject, body_text LIKE '%Tracking number: RM123456789GB%' FROM outbox
		WHERE order_id = ${o.id}`);
	assert.deepEqual(mail, [['ada@test.crowdcart.test', `Your order has shipped (order ${o.number})`, '1']],
		'the shopper is told once, with the tracking number');
});

test('invalid transitions are refused with a 409 page and change nothing', async () => {
	const o = newOrder(brand);
	for (const action of ['ship', 'deliver']) {
		const res = await transition(brand.client, o.number, { action, carrier: 'DHL', tracking_number: 'X1' });
		assert.equal(res.status, 409, action);
		assert.match(res.body, /An order that is awaiting payment cannot be/);
	}
	const shipped = newOrder(brand, { status: 'paid' });
	await transition(brand.client, shipped.number, { action: 'ship', carrier: 'DHL', tracking_number: 'X2' });
	for (const action of ['cancel', 'mark_paid', 'ship']) {
		const res = await transition(brand.client, shipped.number, { action, carrier: 'DHL', tracking_number: 'X3' });
		assert.equal(res.status, 409, action);
	}
	assert.equal(orderRow(shipped).tracking, 'X2');
	assert.equal(sql(`SELECT COUNT(*) FROM order_events WHERE order_id = ${o.id}`)[0][0], '1');
	const bad = await transition(brand.client, o.number, { action: 'teleport' });
	assert.equal(bad.status, 400);
	const long = await transition(brand.client, o.number, { action: 'ship', carrier: 'c'.repeat(61), tracking_number: 'X' });
	assert.equal(long.status, 400, 'a carrier longer than 60 bytes');
});

test('a page that is out of date cannot move the order', async () => {
	const o = newOrder(brand);
	const stale = await formState(brand.client, o.number);
	assert.equal((await transition(brand.client, o.number, { action: 'mark_paid' })).status, 303);
	const res = await transition(brand.client, o.number, { action: 'cancel' }, stale);
	assert.equal(res.status, 409);
	assert.match(res.body, /changed after you opened it/);
	assert.equal(orderRow(o).status, 'paid');
});

test('cancelling restocks every line and reverses the commission in the same transaction', async () => {
	const b = newProduct(brand, { stock: 10 });
	const o = newOrder(b, { status: 'paid' });
	const res = await transition(b.client, o.number, { action: 'cancel' });
	assert.equal(res.status, 303);
	assert.equal(orderRow(o).status, 'cancelled');
	assert.deepEqual(stock(b), { variant: 14, product: 14 });
	assert.equal(ledger(o, 'reversal'), -o.commission);
	assert.equal(sql(`SELECT status FROM payments WHERE order_id = ${o.id}`)[0][0], 'refunded');
	assert.deepEqual(sql(`SELECT subject FROM outbox WHERE order_id = ${o.id}`), [[`Your order was cancelled (order ${o.number})`]]);
	const again = await transition(b.client, o.number, { action: 'cancel' });
	assert.equal(again.status, 409);
	assert.deepEqual(stock(b), { variant: 14, product: 14 }, 'a refused cancel restocks nothing');
});

test('concurrent cancels of one order: exactly one succeeds, stock and ledger move once', async () => {
	const b = newProduct(brand, { stock: 0 });
	const o = newOrder(b, { status: 'paid' });
	const s = await formState(b.client, o.number);
	const results = await Promise.all(Array.from({ length: 12 }, () =>
		b.client.post(`/studio/orders/${o.number}/transition`, { csrf: s.csrf, action: 'cancel' })));
	const codes = results.map((r) => r.status).sort();
	assert.equal(codes.filter((c) => c === 303).length, 1, `codes: ${codes}`);
	assert.equal(codes.filter((c) => c === 409).length, 11, `codes: ${codes}`);
	assert.deepEqual(stock(b), { variant: 4, product: 4 });
	assert.equal(ledger(o, 'reversal'), -o.commission);
	assert.equal(sql(`SELECT COUNT(*) FROM order_events WHERE order_id = ${o.id} AND to_status = 'cancelled'`)[0][0], '1');
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE order_id = ${o.id}`)[0][0], '1', 'one mail, not twelve');
});

test('a partial refund reverses the commission of the refunded units; the rest completes it', async () => {
	const o = newOrder(brand, { status: 'delivered', taxBps: 2000 });
	// 1 of the 3 attributed units: 25.00 back plus 20 % tax; a third of the 7.50 commission.
	let res = await refund(brand.client, o.number, [['mode', 'lines'], ['line', o.line1], ['qty', 1], ['line', o.line2], ['qty', 0]]);
	assert.equal(res.status, 303);
	let row = orderRow(o);
	assert.equal(row.status, 'partially_refunded');
	assert.equal(row.refunded, 3000);
	assert.deepEqual(sql(`SELECT refunded_quantity, refunded_amount FROM order_lines WHERE id = ${o.line1}`), [['1', '2500']]);
	assert.equal(ledger(o, 'reversal'), -250);
	res = await refund(brand.client, o.number, [['mode', 'lines'], ['line', o.line1], ['qty', 3]]);
	assert.equal(res.status, 422, 'only 2 units are left on that line');
	res = await refund(brand.client, o.number, [['mode', 'full']]);
	assert.equal(res.status, 303);
	row = orderRow(o);
	assert.equal(row.status, 'refunded');
	assert.equal(row.refunded, o.total);
	assert.equal(ledger(o, 'reversal'), -o.commission, 'all of the accrual is reversed, no more');
	const again = await refund(brand.client, o.number, [['mode', 'full']]);
	assert.equal(again.status, 409);
	const page = (await brand.client.get(`/studio/orders/${o.number}`)).body;
	assert.match(page, /reversed \$7\.50/);
	assert.match(page, /Refunded 1 unit: \$30\.00/);
});

test('refunds are refused before payment and for malformed forms', async () => {
	const o = newOrder(brand);
	let res = await refund(brand.client, o.number, [['mode', 'full']]);
	assert.equal(res.status, 409);
	assert.match(res.body, /awaiting payment cannot be refunded/);
	const paid = newOrder(brand, { status: 'paid' });
	res = await refund(brand.client, paid.number, [['mode', 'lines'], ['line', paid.line1], ['qty', 0]]);
	assert.equal(res.status, 422);
	res = await refund(brand.client, paid.number, [['mode', 'lines'], ['line', paid.line1]]);
	assert.equal(res.status, 400);
	res = await refund(brand.client, paid.number, [['mode', 'lines'], ['line', paid.line1], ['qty', '-1']]);
	assert.equal(res.status, 400);
	res = await refund(brand.client, paid.number, [['mode', 'lines'], ['line', o.line1], ['qty', 1]]);
	assert.equal(res.status, 422, 'a line of another order');
	assert.equal(orderRow(paid).status, 'paid');
	assert.equal(ledger(paid, 'reversal'), 0);
});

test('the CSV export is RFC 4180 with a BOM, follows the filters and neutralises formulas', async () => {
	const b = other;
	const evil = newOrder(b, { shipName: '=HYPERLINK("http://evil.example","x")', createdAt: '2023-06-01 08:00:00' });
	const plain = newOrder(b, { shipName: 'Plain, "Quoted" Name', createdAt: '2023-06-02 08:00:00', status: 'paid' });
	const theirs = newOrder(brand, { createdAt: '2023-06-01 09:00:00' });
	const res = await b.client.get('/studio/orders.csv?from=2023-06-01&to=2023-06-30');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/csv; charset=utf-8/);
	assert.match(res.headers['content-disposition'], /attachment; filename="orders.csv"/);
	assert.deepEqual([...res.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
	const text = res.raw.subarray(3).toString('utf8');
	const rows = text.split('\r\n');
	assert.equal(rows.at(-1), '', 'every row ends in CRLF');
	assert.match(rows[0], /^number,placed_at_utc,status,email,ship_name,/);
	assert.equal(rows.length, 4);
	assert.ok(rows[1].startsWith(`${plain.number},2023-06-02 08:00:00,paid,`));
	assert.match(rows[1], /,"Plain, ""Quoted"" Name",/);
	assert.match(rows[1], /,USD,4,100\.00,5\.00,0\.00,105\.00,0\.00,lena,/);
	assert.match(rows[2], /,"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",/);
	assert.ok(!text.includes(theirs.number));
	assert.ok(text.includes(evil.number));
	const paidOnly = await b.client.get('/studio/orders.csv?status=paid&from=2023-06-01&to=2023-06-30');
	assert.equal(paidOnly.raw.subarray(3).toString('utf8').split('\r\n').length, 3);
	assert.equal((await b.client.get('/studio/orders.csv?from=junk')).status, 400);
});

test('a form without its CSRF token moves nothing', async () => {
	const o = newOrder(brand);
	const res = await brand.client.post(`/studio/orders/${o.number}/transition`, { action: 'mark_paid' });
	assert.equal(res.status, 403);
	assert.equal(orderRow(o).status, 'awaiting_payment');
});

test('a brand finds its orders from the studio, and an empty range says so', async () => {
	const c = brand.client;
	assert.match((await c.get('/studio')).body, /<a href="\/studio\/orders">/);
	const res = await c.get('/studio/orders?from=1999-01-01&to=1999-01-02');
	assert.equal(res.status, 200);
	assert.match(res.body, /No orders match these filters/);
});

test('an order placed through the shop is fulfilled: paid, shipped, refunded in part, its commission reversed', async () => {
	const b = newProduct(other, { stock: 10, price: 2000 });
	const o = await checkoutViaShop(b, { quantity: 3, via: 'lena', bps: 1500 });
	assert.deepEqual(stock(b), { variant: 7, product: 7 });
	assert.equal(ledger(o, 'accrual'), 0, 'commission accrues when the order is paid, not when placed');
	const list = await b.client.get('/studio/orders?creator=lena');
	assert.match(list.body, new RegExp(o.number));
	assert.equal((await transition(b.client, o.number, { action: 'mark_paid' })).status, 303);
	const [[creator, bps, accrued]] = sql(`SELECT c.handle, l.commission_bps, ce.amount FROM order_lines l
		JOIN creators c ON c.id = l.creator_id JOIN commission_entries ce ON ce.order_line_id = l.id
		WHERE l.order_id = ${o.id} AND ce.kind = 'accrual'`);
	assert.deepEqual([creator, bps, accrued], ['lena', '1500', '900']);	// 15 % of 60.00
	assert.equal((await transition(b.client, o.number, { action: 'ship', carrier: 'UPS', tracking_number: '1Z999' })).status, 303);
	const [[line]] = sql(`SELECT id FROM order_lines WHERE order_id = ${o.id}`);
	const res = await refund(b.client, o.number, [['mode', 'lines'], ['line', line], ['qty', 1]]);
	assert.equal(res.status, 303);
	assert.equal(orderRow(o).status, 'partially_refunded');
	assert.equal(ledger(o, 'reversal'), -300);	// 15 % of the refunded 20.00
	assert.deepEqual(stock(b), { variant: 7, product: 7 }, 'a refund does not restock');
	const page = (await b.client.get(`/studio/orders/${o.number}`)).body;
	assert.doesNotMatch(page, /value="ship"/, 'already shipped');
	assert.match(page, /value="deliver"/, 'the rest can still be delivered');
	assert.equal((await transition(b.client, o.number, { action: 'deliver' })).status, 303);
	assert.equal(orderRow(o).status, 'partially_refunded');
	assert.match(sql(`SELECT delivered_at IS NOT NULL FROM orders WHERE id = ${o.id}`)[0][0], /1/);
});

test('cancelling an order placed through the shop puts its stock back exactly', async () => {
	const b = newProduct(other, { stock: 5 });
	const o = await checkoutViaShop(b, { quantity: 5, via: 'lena', bps: 1000 });
	assert.deepEqual(stock(b), { variant: 0, product: 0 });
	assert.equal((await transition(b.client, o.number, { action: 'cancel' })).status, 303);
	assert.deepEqual(stock(b), { variant: 5, product: 5 });
	// never paid, so nothing accrued and nothing is reversed
	assert.equal(ledger(o, 'accrual'), 0);
	assert.equal(ledger(o, 'reversal'), 0);
});

describe('brand fulfilment', { concurrency: 4 }, () => {
	for (const [name, fn] of tests)
		plainTest(name, fn);
});
