// commission_rules.test.mjs: the commission rules through the real studio and checkout: a cut
// waits for its notice (a sale before the date at the old rate, after it at the new one) and the
// creator is told on the picks page and by mail; a raise applies at once; the brand's other
// products in the same attributed visit earn the indirect rate; a buyer's first order earns the
// first-order rate; the return window is 1 to 90 days; the dashboards leave out a refunded line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, lit, orderNumbers, reviewed, sql } from './lib/commerce.mjs';
import { newBrand, newProduct } from './lib/fulfilment.mjs';
import { newCreator } from './lib/creators.mjs';
import { payOffline } from './lib/paid.mjs';

usesDatabase();

describe('commission rules', { concurrency: true }, () => {

// A new brand (its catalog open to creators at `percent`), a product of it at $50.00, and a new
// creator who picked that product.
async function picked({ percent = '10', price = 5000 } = {}) {
	const b = await newBrand({ price, stock: 50 });
	const [[slug]] = sql(`SELECT slug FROM brands WHERE id = ${b.id}`);
	const [[handle]] = sql(`SELECT handle FROM products WHERE id = ${b.productId}`);
	const res = await b.client.submit('/studio/marketplace', { marketplace_open: 'yes', commission_percent: percent, approval_required: 'no' });
	assert.equal(res.status, 303);
	const creator = await newCreator();
	const add = await creator.client.submit('/studio/creator/picks', { product_id: b.productId }, { formPath: '/studio/creator/marketplace' });
	assert.equal(add.status, 303);
	return { b, slug, handle, creator, productPath: `/p/${slug}/${handle}?via=${creator.account.handle}` };
}

// A shopper who came through the creator's product link buys the variants (one each) and pays
// (offline, confirmed: a test-provider order would accrue nothing); the order number.
async function buyVia(productPath, variants, email = uniqueEmail('buyer')) {
	const shopper = new Client();
	assert.equal((await shopper.get(productPath)).status, 200);
	const { fields } = await reviewed(shopper, variants.map((v) => [v, 1]), address(email, 'offline'));
	const r = await shopper.post('/checkout/place', fields);
	assert.equal(r.status, 303, 'order placed');
	const [number] = orderNumbers((await shopper.get(r.headers.location)).body);
	assert.ok(number);
	await payOffline(number);
	return number;
}

// The lines of an order by product id: { bps, amount, kind, first }.
function lines(number) {
	const out = {};
	for (const [product, bps, amount, kind, first] of sql(`SELECT l.product_id, l.commission_bps, l.commission_amount,
		l.commission_kind, l.commission_first_order FROM order_lines l JOIN orders o ON o.id = l.order_id
		WHERE o.number = ${lit(number)}`))
		out[product] = { bps: Number(bps), amount: Number(amount), kind, first: first === '1' };
	return out;
}

const rateCell = (html) => /<td class="rate[^"]*"[^>]*>([^<]*)</.exec(html)?.[1];

test('a lowered rate waits for the notice: a sale before the date earns the old rate, after it the new; the creator is told', async () => {
	const { b, creator, productPath } = await picked({ percent: '10' });
	const cut = await b.client.submit('/studio/marketplace', { marketplace_open: 'yes', commission_percent: '8', approval_required: 'no' });
	assert.equal(cut.status, 303);
	assert.match(cut.headers.location, /raised=0&cut=1&told=1&marketplace=saved$/);
	assert.match((await b.client.get(cut.headers.location)).body, /Earning it after your notice period: 1; their 1 creators were told\./);
	const [[pickId, bps, pending, days]] = sql(`SELECT pk.id, pk.commission_bps, pk.pending_bps,
		TIMESTAMPDIFF(HOUR, UTC_TIMESTAMP(), pk.pending_at) FROM picks pk
		JOIN creators c ON c.id = pk.creator_id WHERE c.handle = ${lit(creator.account.handle)}`);
	assert.deepEqual([bps, pending], ['1000', '800']);
	assert.ok(Number(days) >= 30 * 24 - 1 && Number(days) <= 30 * 24, `the cut is 30 days away (${days} h)`);

	// the picks page and the marketplace say what a sale today earns and what is coming, when
	let picks = (await creator.client.get('/studio/creator/picks')).body;
	assert.match(rateCell(picks), /^10% on a sale today; from \d{4}-\d\d-\d\d \d\d:\d\d UTC, 8%$/);
	assert.match(picks, /class="notice-body"><p>[^<]* is lowering the commission on some of your picks\.<\/p><p>Stoneware Mug: 10% on a sale today; 8% on sales from \d{4}-\d\d-\d\d \d\d:\d\d UTC\.<\/p>/);
	assert.match((await creator.client.get('/studio')).body, /Brands announced lower commission rates \(1 in the last 30 days\): <a href="\/studio\/creator\/picks">/);
	const market = (await creator.client.get('/studio/creator/marketplace')).body;
	assert.match(market, /10% on a sale today; from \d{4}-\d\d-\d\d \d\d:\d\d UTC, 8%/);
	const [[mails]] = sql(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${lit(creator.account.email)}
		AND subject = 'A brand is lowering your commission' AND body_text LIKE '%Stoneware Mug: 10% on a sale today; 8%%'`);
	assert.equal(mails, '1', 'the creator is mailed once');

	// the brand sees the cut waiting for its date
	assert.match((await b.client.get('/studio/marketplace')).body,
		/<tr><td>Stoneware Mug<\/td><td>1<\/td><td>10%<\/td><td>\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/td><td>8%<\/td><\/tr>/);
	// saving the same cut again tells nobody twice
	const again = await b.client.submit('/studio/marketplace', { marketplace_open: 'yes', commission_percent: '8', approval_required: 'no' });
	assert.match(again.headers.location, /raised=0&cut=0&told=0&marketplace=saved$/);

	const before = await buyVia(productPath, [b.variantId]);
	assert.deepEqual(lines(before)[b.productId], { bps: 1000, amount: 500, kind: 'direct', first: false });

	// the date comes
	sql(`UPDATE picks SET pending_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = ${pickId}`);
	const after = await buyVia(productPath, [b.variantId]);
	assert.deepEqual(lines(after)[b.productId], { bps: 800, amount: 400, kind: 'direct', first: false });
	// the earlier order keeps the rate of its sale
	assert.equal(lines(before)[b.productId].bps, 1000);
	picks = (await creator.client.get('/studio/creator/picks')).body;
	assert.equal(rateCell(picks), '8% on a sale today');
});

test('a raised rate applies to existing picks at once and withdraws a waiting cut', async () => {
	const { b, creator, productPath } = await picked({ percent: '10' });
	// a per-product cut, then a raise above the old rate
	let res = await b.client.submit(`/studio/marketplace/products/${b.productId}`, { marketplace: 'inherit', commission_percent: '5' }, { formPath: '/studio/marketplace' });
	assert.match(res.headers.location, /cut=1&told=1&marketplace=saved$/);
	res = await b.client.submit(`/studio/marketplace/products/${b.productId}`, { marketplace: 'inherit', commission_percent: '12.5' }, { formPath: '/studio/marketplace' });
	assert.match(res.headers.location, /raised=1&cut=0&told=0&marketplace=saved$/);
	const [[bps, pending]] = sql(`SELECT pk.commission_bps, COALESCE(pk.pending_bps, 'none') FROM picks pk
		JOIN creators c ON c.id = pk.creator_id WHERE c.handle = ${lit(creator.account.handle)}`);
	assert.deepEqual([bps, pending], ['1250', 'none']);
	assert.equal(rateCell((await creator.client.get('/studio/creator/picks')).body), '12.50% on a sale today');
	const number = await buyVia(productPath, [b.variantId]);
	assert.deepEqual(lines(number)[b.productId], { bps: 1250, amount: 625, kind: 'direct', first: false });
});

test('the brand\'s other products in the same attributed visit earn the indirect rate, and the lines say which', async () => {
	const { b, creator, productPath } = await picked({ percent: '10' });
	const other = newProduct(b, { price: 3000 });
	// indirect off: the other product earns nothing (the creator is still recorded)
	let number = await buyVia(productPath, [b.variantId, other.variantId]);
	assert.deepEqual(lines(number)[other.productId], { bps: 0, amount: 0, kind: '', first: false });
	const res = await b.client.submit('/studio/brand/creator-program', {
		attribution_window_days: '30', return_window_days: '30', rate_notice_days: '30', indirect_percent: '3', first_order_percent: '' });
	assert.equal(res.status, 303);
	assert.match((await b.client.get('/studio/brand/creator-program')).body, /id="indirect_percent"[^>]*value="3"/);
	number = await buyVia(productPath, [b.variantId, other.variantId]);
	const l = lines(number);
	assert.deepEqual(l[b.productId], { bps: 1000, amount: 500, kind: 'direct', first: false });
	assert.deepEqual(l[other.productId], { bps: 300, amount: 90, kind: 'indirect', first: false });
	// the brand's order page and both dashboards say direct or indirect
	const order = (await b.client.get(`/studio/orders/${number}`)).body;
	assert.match(order, /<span class="line-kind">direct<\/span>/);
	assert.match(order, /<span class="line-kind">indirect<\/span>/);
	const mine = (await creator.client.get('/studio/creator/dashboard')).body;
	assert.match(mine, new RegExp(`<td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${number}</span></td>.*?<td class="commission">\\$0\\.90</td><td class="line-kind">indirect</td><td class="line-state">paid</td>`));
	const theirs = (await b.client.get('/studio/brand/dashboard')).body;
	assert.match(theirs, new RegExp(`<td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${number}</span></td>.*?<td class="commission">\\$5\\.00</td><td class="line-kind">direct</td>`));
	// the marketplace tells creators about the indirect rate
	assert.match((await creator.client.get('/studio/creator/marketplace')).body, /3% on the brand's other products bought in the same visit/);
});

test('a buyer\'s first order with the brand earns the first-order rate; a returning buyer the pick\'s', async () => {
	const { b, productPath } = await picked({ percent: '10' });
	const res = await b.client.submit('/studio/brand/creator-program', {
		attribution_window_days: '30', return_window_days: '30', rate_notice_days: '30', indirect_percent: '0', first_order_percent: '15' });
	assert.equal(res.status, 303);
	const email = uniqueEmail('first');
	const first = await buyVia(productPath, [b.variantId], email);
	assert.deepEqual(lines(first)[b.productId], { bps: 1500, amount: 750, kind: 'direct', first: true });
	// the same buyer, the address typed in capitals: returning
	const second = await buyVia(productPath, [b.variantId], email.toUpperCase());
	assert.deepEqual(lines(second)[b.productId], { bps: 1000, amount: 500, kind: 'direct', first: false });
	// a cancelled earlier order does not make a buyer returning
	const other = uniqueEmail('cancelled');
	const cancelled = await buyVia(productPath, [b.variantId], other);
	sql(`UPDATE orders SET status = 'cancelled' WHERE number = ${lit(cancelled)}`);
	const fresh = await buyVia(productPath, [b.variantId], other);
	assert.equal(lines(fresh)[b.productId].first, true);
	assert.match((await b.client.get(`/studio/orders/${first}`)).body, /<span class="line-kind">direct, first order<\/span>/);
});

test('the return window is 1 to 90 days; the notice 7 to 90; rates 0 to 50 %', async () => {
	const b = await newBrand();
	const terms = (o) => b.client.submit('/studio/brand/creator-program', {
		attribution_window_days: '30', return_window_days: '30', rate_notice_days: '30', indirect_percent: '', first_order_percent: '', ...o });
	for (const bad of [{ return_window_days: '0' }, { return_window_days: '91' }, { rate_notice_days: '6' },
		{ rate_notice_days: '91' }, { indirect_percent: '50.01' }, { first_order_percent: '-1' }, { first_order_percent: 'x' }])
		assert.equal((await terms(bad)).status, 422, JSON.stringify(bad));
	for (const good of [{ return_window_days: '1' }, { return_window_days: '90', rate_notice_days: '7', indirect_percent: '2.5', first_order_percent: '0' }])
		assert.equal((await terms(good)).status, 303, JSON.stringify(good));
	const [[rw, notice, ind, fo]] = sql(`SELECT return_window_days, rate_notice_days, indirect_commission_bps,
		COALESCE(first_order_commission_bps, 'none') FROM brands WHERE id = ${b.id}`);
	assert.deepEqual([rw, notice, ind, fo], ['90', '7', '250', '0']);
	// a refused form changed nothing
	assert.equal((await terms({ return_window_days: '0', indirect_percent: '9' })).status, 422);
	assert.equal(sql(`SELECT indirect_commission_bps FROM brands WHERE id = ${b.id}`)[0][0], '250');
});

test('dashboards leave a refunded line out of the headline figures and mark it in the latest sales', async () => {
	const { b, creator, productPath } = await picked({ percent: '10' });
	const kept = await buyVia(productPath, [b.variantId]);
	const refunded = await buyVia(productPath, [b.variantId]);
	let page = (await b.client.get('/studio/brand/dashboard')).body;
	assert.match(page, /<dd class="total-orders">2<\/dd><dt>Sales<\/dt><dd class="total-sales">\$100\.00<\/dd><dt>Commission<\/dt><dd class="total-commission">\$10\.00<\/dd>/);
	// a full refund, as the brand's refund writes it
	sql(`UPDATE orders SET status = 'refunded', refunded_total = total WHERE number = ${lit(refunded)};
		UPDATE order_lines l JOIN orders o ON o.id = l.order_id SET l.refunded_quantity = l.quantity,
		l.refunded_amount = l.line_total WHERE o.number = ${lit(refunded)};
		INSERT INTO commission_entries (order_line_id, creator_id, brand_id, amount, currency, kind, created_at)
		SELECT l.id, l.creator_id, o.brand_id, -l.commission_amount, o.currency, 'reversal', UTC_TIMESTAMP()
		FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = ${lit(refunded)}`);
	page = (await b.client.get('/studio/brand/dashboard')).body;
	assert.match(page, /<dd class="total-orders">1<\/dd><dt>Sales<\/dt><dd class="total-sales">\$50\.00<\/dd><dt>Commission<\/dt><dd class="total-commission">\$5\.00<\/dd>/);
	assert.match(page, new RegExp(`<td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${refunded}</span></td>.*?<td class="line-state">refunded: not counted</td>`));
	assert.match(page, new RegExp(`<td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${kept}</span></td>.*?<td class="line-state">paid</td>`));
	const mine = (await creator.client.get('/studio/creator/dashboard')).body;
	assert.match(mine, new RegExp(`<td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${refunded}</span></td>.*?<td class="commission">\\$0\\.00</td><td class="line-kind">direct</td><td class="line-state">refunded: not counted</td>`));
	// earnings by day: one order, $50.00 sales, $5.00 commission, in a chart per currency
	assert.match(mine, /<tr><td>\d{4}-\d\d-\d\d<\/td><td>1<\/td><td>\$50\.00<\/td><td>\$5\.00<\/td><\/tr>/);
	assert.match(mine, /<figure class="chart-figure earnings-chart" data-currency="USD"><svg/);
	// an order not paid yet is listed as such and not counted
	sql(`UPDATE orders SET status = 'awaiting_payment' WHERE number = ${lit(kept)}`);
	page = (await b.client.get('/studio/brand/dashboard')).body;
	assert.match(page, /<dd class="total-orders">0<\/dd>/);
	assert.match(page, new RegExp(`<td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${kept}</span></td>.*?<td class="line-state">not paid yet: not counted</td>`));
});
});
