// creators_attribution.test.mjs: attribution end to end through checkout: a shopper follows lena's
// short link and buys, and both lena's and the brand's dashboards show the sale with the right
// commission; a second creator's link takes over; a direct visit and a log-in do not erase it;
// the brand marks payable commission paid; the dashboards' CSV exports.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, newAccount, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, lit, makeProduct, orderNumbers, reviewed, sql } from './lib/commerce.mjs';
import { demoClient, newBrand } from './lib/fulfilment.mjs';
import { payOffline } from './lib/paid.mjs';

usesDatabase();

// Every test makes its own accounts, products and orders, so they run side by side.
describe('creators: attribution through checkout', { concurrency: true }, () => {

const LENA = 'lena@demo.crowdcart.test';
const NORTHWIND = 'brand-owner@northwind.demo.crowdcart.test';

// Demo accounts signed in once per file (a log-in costs an Argon2id verification).
const signedIn = new Map();
function demo(email) {
	if (!signedIn.has(email))
		signedIn.set(email, demoClient(email));
	return signedIn.get(email);
}

function pick(handle, productId, bps) {
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		SELECT id, ${Number(productId)}, ${Number(bps)}, 'approved', 999, UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(handle)}`);
}

// Buys and pays (offline, confirmed: a test-provider order would count for nothing); the number.
async function buy(client, variantId, quantity) {
	const { fields } = await reviewed(client, [[variantId, quantity]], address(uniqueEmail('buyer'), 'offline'));
	const r = await client.post('/checkout/place', fields);
	assert.equal(r.status, 303, 'order placed');
	const [number] = orderNumbers((await client.get(r.headers.location)).body);
	assert.ok(number);
	await payOffline(number);
	return number;
}

function lineOf(number) {
	const [[handle, surface, bps, amount, total]] = sql(`SELECT COALESCE(cr.handle, ''), l.surface, l.commission_bps,
		l.commission_amount, l.line_total FROM order_lines l JOIN orders o ON o.id = l.order_id
		LEFT JOIN creators cr ON cr.id = l.creator_id WHERE o.number = ${lit(number)}`);
	return { handle, surface, bps: Number(bps), amount: Number(amount), total: Number(total) };
}

// The dashboard table row of one sale (tr class="sale" holding the order number).
function saleRow(html, number) {
	return new RegExp(`<tr class="sale"><td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${number}</span></td>.*?</tr>`).exec(html)?.[0];
}

test('a shopper follows lena\'s short link and buys: both dashboards show the sale and its commission', async () => {
	const p = makeProduct({ price: 7900, brand: 'northwind' });
	pick('lena', p.productId, 1250);
	const lena = await demo(LENA);
	assert.equal((await lena.submit('/studio/creator/links', { target: `p${p.productId}`, label: 'test' })).status, 303);
	const links = (await lena.get('/studio/creator/links')).body;
	const code = new RegExp(`href="(/s/[a-z2-7]{16})">[^<]*</a></td><td>Product: ${p.title}<`).exec(links)[1];

	const shopper = new Client();
	let r = await shopper.get(`${code}?utm_source=test&utm_medium=social&utm_campaign=e2e`);
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, `/p/northwind/${p.handle}?via=lena`);
	r = await shopper.get(r.headers.location);
	assert.equal(r.status, 200);
	assert.match(r.body, /class="disclosure" role="note">Lena Park earns a commission/);
	const number = await buy(shopper, p.variantId, 2);
	// floor(15800 * 1250 / 10000) = 1975
	assert.deepEqual(lineOf(number), { handle: 'lena', surface: 'link', bps: 1250, amount: 1975, total: 15800 });

	const mine = saleRow((await lena.get('/studio/creator/dashboard')).body, number);
	assert.ok(mine, 'the sale is on lena\'s dashboard');
	assert.match(mine, /Northwind Goods/);
	assert.match(mine, /<td>link<\/td><td>\$158\.00<\/td><td>12\.50%<\/td><td class="commission">\$19\.75<\/td>/);
	const brand = await demo(NORTHWIND);
	const theirs = saleRow((await brand.get('/studio/brand/dashboard')).body, number);
	assert.ok(theirs, 'the sale is on the brand\'s dashboard');
	assert.match(theirs, /@lena/);
	assert.match(theirs, /<td class="commission">\$19\.75<\/td>/);
});

test('a second creator\'s link takes over; a direct visit afterwards does not erase it', async () => {
	const p = makeProduct({ price: 2000, brand: 'northwind' });
	pick('lena', p.productId, 1000);
	pick('marco', p.productId, 1500);
	const shopper = new Client();
	assert.equal((await shopper.get('/@lena')).status, 200);
	assert.equal((await shopper.get(`/p/northwind/${p.handle}?via=marco`)).status, 200);
	assert.equal((await shopper.get('/')).status, 200);
	assert.equal((await shopper.get(`/p/northwind/${p.handle}`)).status, 200);
	const number = await buy(shopper, p.variantId, 1);
	assert.deepEqual(lineOf(number), { handle: 'marco', surface: 'product', bps: 1500, amount: 300, total: 2000 });
});

test('the attribution survives signing up (a new session) through the cookie', async () => {
	const p = makeProduct({ price: 1000, brand: 'northwind' });
	pick('lena', p.productId, 1000);
	const shopper = new Client();
	assert.equal((await shopper.get(`/p/northwind/${p.handle}?via=lena`)).status, 200);
	const before = shopper.cookie();
	await newAccount(shopper, 'shopper');
	assert.notEqual(shopper.cookie(), before, 'the session token rotated');
	const number = await buy(shopper, p.variantId, 1);
	assert.equal(lineOf(number).handle, 'lena');
});

test('a creator who did not pick the product is still credited, at 0 %; no creator, no credit', async () => {
	const p = makeProduct({ price: 1000, brand: 'northwind' });
	const a = new Client();
	await a.get('/@priya');
	assert.deepEqual(lineOf(await buy(a, p.variantId, 1)), { handle: 'priya', surface: 'storefront', bps: 0, amount: 0, total: 1000 });
	const b = new Client();
	await b.get('/');
	assert.equal(lineOf(await buy(b, p.variantId, 1)).handle, '');
});

test('the brand marks payable commission paid; pending, payable and paid add up; CSV exports', async () => {
	const b = await newBrand({ price: 5000, stock: 20 });
	sql(`UPDATE brands SET return_window_days = 0 WHERE id = ${b.id}`);
	const handle = sql(`SELECT slug FROM brands WHERE id = ${b.id}`)[0][0];
	const productHandle = sql(`SELECT handle FROM products WHERE id = ${b.productId}`)[0][0];
	pick('lena', b.productId, 2000);
	const shopper = new Client();
	await shopper.get(`/p/${handle}/${productHandle}?via=lena`);
	const number = await buy(shopper, b.variantId, 1);
	assert.equal(lineOf(number).amount, 1000);
	let page = (await b.client.get('/studio/brand/dashboard')).body;
	const row = () => /<tr class="owed-row" data-handle="lena">(.*?)<\/tr>/s.exec(page)[1];
	assert.match(row(), /class="payable">\$10\.00</);
	// a partial refund reverses its part of the commission (as fulfilment writes it): $4.00 back
	sql(`INSERT INTO commission_entries (order_line_id, creator_id, brand_id, amount, currency, kind, created_at)
		SELECT l.id, l.creator_id, o.brand_id, -400, 'USD', 'reversal', UTC_TIMESTAMP() FROM order_lines l
		JOIN orders o ON o.id = l.order_id WHERE o.number = ${lit(number)}`);
	page = (await b.client.get('/studio/brand/dashboard')).body;
	assert.match(row(), /class="payable">\$6\.00</);
	// the sales figures are net of what was reversed: $10.00 - $4.00
	assert.match(page, /<tr class="creator-sales-row" data-handle="lena">.*?<td>1<\/td><td>[^<]*<\/td><td>\$50\.00<\/td><td>\$6\.00<\/td>/s);
	const creatorId = /name="creator_id" value="(\d+)"/.exec(row())[1];
	const r = await b.client.submit('/studio/brand/payouts', { creator_id: creatorId }, { formPath: '/studio/brand/dashboard' });
	assert.equal(r.status, 303);
	page = (await b.client.get('/studio/brand/dashboard')).body;
	assert.match(row(), /class="pending">\$0\.00<.*class="payable">\$0\.00<.*class="paid">\$6\.00</s);
	const [[sum]] = sql(`SELECT SUM(amount) FROM commission_entries WHERE brand_id = ${b.id} AND kind = 'payout'`);
	assert.equal(Number(sum), -600);
	// nothing left to pay: a second click changes nothing
	const again = await b.client.submit('/studio/brand/payouts', { creator_id: creatorId }, { formPath: '/studio/brand/dashboard' });
	assert.equal(again.status, 409);
	const csv = await b.client.get('/studio/brand/dashboard.csv');
	assert.equal(csv.status, 200);
	assert.match(csv.headers['content-type'], /^text\/csv/);
	assert.equal(csv.raw.subarray(0, 3).toString('hex'), 'efbbbf');
	assert.match(csv.body, /\r\ncreator,,lena,USD,\d+,1,50\.00,6\.00\r\n/);
	const mine = await (await demo(LENA)).get('/studio/creator/dashboard.csv');
	assert.equal(mine.status, 200);
	assert.match(mine.body, /^\ufeffsection,day,brand,currency,visits,orders,sales,commission\r\n/);
	// bad periods are a 400, not a crash
	assert.equal((await b.client.get('/studio/brand/dashboard?from=2026-02-31x')).status, 400);
	assert.equal((await b.client.get('/studio/brand/dashboard?from=2026-05-01&to=2026-04-01')).status, 400);
	assert.equal((await b.client.get('/studio/brand/dashboard?from=2020-01-01&to=2026-01-01')).status, 400);
});
});
