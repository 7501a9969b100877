// discount_codes.test.mjs: creator discount codes end to end: a code typed at checkout alone
// credits its creator and the commission is on what the buyer paid; a creator's link carries a
// code onto the cart without writing to the database, where it is shown and removable; a
// creator's code beats another creator's link while a brand's own code never takes link credit;
// expired, unknown, below-minimum and per-customer-used codes get a clear 422; and 100 buyers
// racing for a code limited to 10 uses make exactly 10 orders with it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, csrf, addToCart, formFields, lit, makeProduct, orderNumbers, reviewed, sql } from './lib/commerce.mjs';
import { demoClient } from './lib/fulfilment.mjs';
import { payOffline } from './lib/paid.mjs';
import { api, createKey } from './lib/catalog.mjs';

usesDatabase();

// A code of its own per test, straight into the table (the studio form has its own test).
function makeCode({ brand = 'northwind', creator = null, kind = 'percent', value = 1500, min = 0, total = null,
	perCustomer = null, starts = null, ends = null, combinable = 0 } = {}) {
	const code = `T${unique()}`.toUpperCase();
	const when = (s) => (s === null ? 'NULL' : `UTC_TIMESTAMP() + INTERVAL ${Number(s)} DAY`);
	sql(`INSERT INTO discount_codes (brand_id, creator_id, code, kind, value, min_order, total_limit,
		per_customer_limit, starts_at, ends_at, combinable, created_at)
		SELECT b.id, ${creator ? `(SELECT id FROM creators WHERE handle = ${lit(creator)})` : 'NULL'}, ${lit(code)},
		${lit(kind)}, ${value}, ${min}, ${total ?? 'NULL'}, ${perCustomer ?? 'NULL'}, ${when(starts)}, ${when(ends)},
		${combinable}, UTC_TIMESTAMP() FROM brands b WHERE b.slug = ${lit(brand)}`);
	return code;
}

function pick(handle, productId, bps) {
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		SELECT id, ${Number(productId)}, ${Number(bps)}, 'approved', 999, UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(handle)}`);
}

async function place(client, fields) {
	const r = await client.post('/checkout/place', fields);
	assert.equal(r.status, 303, `order placed (got ${r.status}: ${/role="alert">([^<]*)/.exec(r.body)?.[1] ?? r.body.slice(0, 300)})`);
	const done = await client.get(r.headers.location);
	const [number] = orderNumbers(done.body);
	assert.ok(number);
	client.confirmation = done.body;
	return number;
}

function orderOf(number) {
	const [[subtotal, discount, shipping, tax, total, handle, surface, lineTotal, lineDiscount, bps, commission, taxBps,
		shippingTax]] = sql(`
		SELECT o.subtotal, o.discount, o.shipping, o.tax, o.total, COALESCE(cr.handle, ''), l.surface,
		l.line_total, l.discount, l.commission_bps, l.commission_amount, o.tax_rate_bps, o.shipping_tax FROM orders o
		JOIN order_lines l ON l.order_id = o.id LEFT JOIN creators cr ON cr.id = l.creator_id
		WHERE o.number = ${lit(number)}`);
	return { subtotal: +subtotal, discount: +discount, shipping: +shipping, tax: +tax, total: +total, handle, surface,
		lineTotal: +lineTotal, lineDiscount: +lineDiscount, bps: +bps, commission: +commission, taxBps: +taxBps,
		shippingTax: +shippingTax };
}

const usesOf = (code) => Number(sql(`SELECT uses FROM discount_codes WHERE code = ${lit(code)}`)[0][0]);

// Demo accounts signed in once per file (a log-in costs an Argon2id verification).
const signedIn = new Map();
function demo(email) {
	if (!signedIn.has(email))
		signedIn.set(email, demoClient(email));
	return signedIn.get(email);
}
const creatorId = (handle) => Number(sql(`SELECT id FROM creators WHERE handle = ${lit(handle)}`)[0][0]);

describe('discount codes', { concurrency: true }, () => {

test('a code typed at checkout alone credits its creator; commission is on what the buyer paid', async () => {
	const p = makeProduct({ price: 7900 });
	pick('lena', p.productId, 1250);
	const code = makeCode({ creator: 'lena', value: 1500 });
	const c = new Client();
	// paid for real: the test provider's orders accrue nothing
	const { page, fields } = await reviewed(c, [[p.variantId, 1]], { ...address(uniqueEmail('typed'), 'offline'), code: code.toLowerCase() });
	assert.match(page, new RegExp(`<strong class="code-text">${code}</strong>`), 'the review shows the code');
	assert.match(page, /-\$11\.85/, 'and the discount: 15 % of $79.00');
	const placed = await place(c, fields);
	await payOffline(placed);
	const o = orderOf(placed);
	assert.match(c.confirmation, /<dt>Discount<\/dt><dd class="discount">-\$11\.85<\/dd>/, 'the confirmation shows it too');
	assert.equal(o.discount, 1185);
	assert.equal(o.subtotal, 7900 - 1185, 'the subtotal is what the goods are charged after the discount');
	assert.equal(o.shipping, 500);
	const tax = (x) => Math.round(x * o.taxBps / 10000);	/* northwind excludes tax: per line, then shipping */
	assert.equal(o.tax, tax(7900 - 1185) + tax(500), 'tax is on the discounted line');
	assert.equal(o.total, 7900 - 1185 + 500 + o.tax);
	assert.equal(o.handle, 'lena');
	assert.equal(o.surface, 'code');
	assert.equal(o.lineDiscount, 1185);
	assert.equal(o.commission, Math.floor((7900 - 1185) * 0.125));	/* 839, not 987 */
	assert.equal(usesOf(code), 1);
	const [[redemptions, amount]] = sql(`SELECT COUNT(*), SUM(r.amount) FROM discount_redemptions r
		JOIN discount_codes d ON d.id = r.code_id WHERE d.code = ${lit(code)}`);
	assert.equal(Number(redemptions), 1);
	assert.equal(Number(amount), 1185);
	const [[accrual]] = sql(`SELECT e.amount FROM commission_entries e JOIN order_lines l ON l.id = e.order_line_id
		JOIN orders o ON o.id = l.order_id WHERE o.number = (SELECT number FROM orders WHERE id =
		(SELECT MAX(order_id) FROM discount_redemptions r JOIN discount_codes d ON d.id = r.code_id WHERE d.code = ${lit(code)}))`);
	assert.equal(Number(accrual), o.commission, 'the ledger accrues the commission on the paid amount');
	// lena's dashboard lists the sale at what the buyer paid, with the commission on it
	const number = sql(`SELECT number FROM orders WHERE id = (SELECT MAX(order_id) FROM discount_redemptions r
		JOIN discount_codes d ON d.id = r.code_id WHERE d.code = ${lit(code)})`)[0][0];
	const dash = (await (await demo('lena@demo.crowdcart.test')).get('/studio/creator/dashboard')).body;
	const row = new RegExp(`<tr class="sale"><td class="order-number"><span class="order-ref">(?:CC-[0-9A-Z]{4}-[0-9A-Z]{4}</span><br><span class="muted">)?${number}</span></td>.*?</tr>`).exec(dash)?.[0];
	assert.match(row ?? '', /<td>code<\/td><td>\$67\.15<\/td><td>12\.50%<\/td><td class="commission">\$8\.39<\/td>/);
	// the brand's API says it too
	const { key } = await createKey(await demo('brand-owner@northwind.demo.crowdcart.test'), `codes ${unique()}`);
	const [[orderId]] = sql(`SELECT MAX(order_id) FROM discount_redemptions r JOIN discount_codes d ON d.id = r.code_id
		WHERE d.code = ${lit(code)}`);
	const res = await api('GET', `/api/v1/orders/${orderId}`, { key });
	assert.equal(res.status, 200);
	assert.equal(res.json.discount_minor, 1185);
	assert.equal(res.json.subtotal_minor + res.json.shipping_minor + res.json.tax_minor, res.json.total_minor);
});

test('a creator link carries the code to the cart without a database write; shown, removable, then used', async () => {
	const p = makeProduct({ price: 4000 });
	pick('lena', p.productId, 1000);
	const code = makeCode({ creator: 'lena', kind: 'fixed', value: 500 });
	const c = new Client();
	// Counted for this code only: other test files write carts and attributions at the same time.
	const carried = () => sql(`SELECT COUNT(*) FROM cart_codes cc JOIN discount_codes d ON d.id = cc.code_id
		WHERE d.code = ${lit(code)}`)[0][0];
	const before = carried();
	const visit = await c.get(`/@lena?code=${code.toLowerCase()}`);
	assert.equal(visit.status, 200);
	assert.ok(c.cookie('cc_code')?.startsWith(`${code}.`), 'the code waits in a cookie');
	assert.equal(carried(), before, 'the anonymous GET wrote nothing');
	assert.equal(usesOf(code), 0);
	assert.equal((await addToCart(c, p.variantId, 1)).status, 303);
	let cart = (await c.get('/cart')).body;
	assert.match(cart, new RegExp(`<strong class="code-text">${code}</strong> <span class="muted">\\(from a creator's link\\)`));
	assert.match(cart, /<span class="code-amount">\$5\.00 off<\/span>/);
	assert.match(cart, /<dd class="discount">-\$5\.00<\/dd>/);
	// removed: the cookie goes, the cart is back to full price
	const removed = await c.post('/cart/code/remove', { csrf: await csrf(c), code });
	assert.equal(removed.status, 303);
	assert.equal(c.cookie('cc_code'), undefined);
	cart = (await c.get('/cart')).body;
	assert.doesNotMatch(cart, /code-text/);
	assert.doesNotMatch(cart, /class="discount"/);
	// the link again, and the order uses it: credited to lena through her storefront
	await c.get(`/@lena?code=${code}`);
	const r = await c.post('/checkout/review', { csrf: await csrf(c), ...address(uniqueEmail('link')) });
	assert.equal(r.status, 200);
	const o = orderOf(await place(c, formFields(r.body, '/checkout/place')));
	assert.equal(o.discount, 500);
	assert.equal(o.handle, 'lena');
	assert.equal(o.surface, 'storefront', 'her link and her code agree: the link\'s surface stays');
	assert.equal(o.commission, Math.floor((4000 - 500) * 0.10));
	assert.equal(c.cookie('cc_code'), undefined, 'the order used the code up for this browser');
});

test('a creator\'s code beats another creator\'s link; a brand\'s own code never takes link credit', async () => {
	const p = makeProduct({ price: 3000 });
	pick('lena', p.productId, 1000);
	pick('marco', p.productId, 2000);
	const lenaCode = makeCode({ creator: 'lena', value: 1000 });
	const brandCode = makeCode({ value: 1000 });
	// marco's storefront, then lena's code typed at checkout: lena
	const a = new Client();
	await a.get('/@marco');
	const ra = await reviewed(a, [[p.variantId, 1]], { ...address(uniqueEmail('beat')), code: lenaCode });
	const oa = orderOf(await place(a, ra.fields));
	assert.equal(oa.handle, 'lena');
	assert.equal(oa.surface, 'code');
	assert.equal(oa.commission, Math.floor((3000 - 300) * 0.10));
	// marco's storefront, then the brand's own code: marco keeps the sale
	const b = new Client();
	await b.get('/@marco');
	const rb = await reviewed(b, [[p.variantId, 1]], { ...address(uniqueEmail('keep')), code: brandCode });
	const ob = orderOf(await place(b, rb.fields));
	assert.equal(ob.discount, 300);
	assert.equal(ob.handle, 'marco');
	assert.equal(ob.surface, 'storefront');
	assert.equal(ob.commission, Math.floor((3000 - 300) * 0.20));
	// the brand's own code without any link: nobody
	const n = new Client();
	const rn = await reviewed(n, [[p.variantId, 1]], { ...address(uniqueEmail('none')), code: brandCode });
	const on = orderOf(await place(n, rn.fields));
	assert.equal(on.handle, '');
	assert.equal(on.commission, 0);
});

test('unknown, expired, not yet valid, below minimum and malformed codes get a clear 422 at the cart and at checkout', async () => {
	const p = makeProduct({ price: 2000 });
	const c = new Client();
	assert.equal((await addToCart(c, p.variantId, 1)).status, 303);
	const cases = [
		['NOSUCHCODE42', /There is no code NOSUCHCODE42/],
		[makeCode({ starts: -10, ends: -1 }), /has expired/],
		[makeCode({ starts: 2 }), /not valid yet/],
		[makeCode({ min: 5000 }), /below the code&#39;s minimum|below the code's minimum/],
		['no spaces allowed', /3 to 32 letters, digits or dashes/],
	];
	for (const [code, why] of cases) {
		const r = await c.post('/cart/code', { csrf: await csrf(c), code });
		assert.equal(r.status, 422, code);
		assert.match(r.body, why);
	}
	assert.equal(Number(sql(`SELECT COUNT(*) FROM cart_codes cc JOIN cart_items ci ON ci.cart_id = cc.cart_id
		WHERE ci.variant_id = ${p.variantId}`)[0][0]), 0, 'a refused code is not kept on the cart');
	const r = await c.post('/checkout/review', { csrf: await csrf(c), ...address(uniqueEmail('bad')), code: cases[1][0] });
	assert.equal(r.status, 422);
	assert.match(r.body, /id="code-error">[^<]*has expired/);
	// another brand's code on a cart without its products
	const other = makeCode({ brand: 'fernhill' });
	const o = await c.post('/cart/code', { csrf: await csrf(c), code: other });
	assert.equal(o.status, 422);
	assert.match(o.body, /Nothing in your cart is from the brand this code is for/);
});

test('a code limited to one use per customer refuses the same email (any case, any +tag) the second time', async () => {
	const p = makeProduct({ price: 2000 });
	const code = makeCode({ perCustomer: 1 });
	const email = uniqueEmail('once');
	const first = new Client();
	const r1 = await reviewed(first, [[p.variantId, 1]], { ...address(email), code });
	assert.equal(orderOf(await place(first, r1.fields)).discount, 300);
	const again = new Client();
	assert.equal((await addToCart(again, p.variantId, 1)).status, 303);
	const tagged = email.replace('@', '+again@').toUpperCase();
	const r2 = await again.post('/checkout/review', { csrf: await csrf(again), ...address(tagged), code });
	assert.equal(r2.status, 422);
	assert.match(r2.body, /already used this code/);
});

test('100 buyers race for a code limited to 10 uses: exactly 10 orders use it, 90 see "used up" (409)', async () => {
	const BUYERS = 100, USES = 10;
	const p = makeProduct({ price: 2500, stock: 1000 });
	const code = makeCode({ total: USES, value: 2000 });
	async function pool(items, width, fn) {
		const out = new Array(items.length);
		let next = 0;
		await Promise.all(Array.from({ length: width }, async () => {
			while (next < items.length) {
				const i = next++;
				out[i] = await fn(items[i], i);
			}
		}));
		return out;
	}
	// every buyer reviews with the code while all 10 uses are free ...
	const buyers = await pool(Array.from({ length: BUYERS }, (_, i) => i), 10, async () => {
		const c = new Client();
		const { page, fields } = await reviewed(c, [[p.variantId, 1]], { ...address(uniqueEmail('race')), code });
		assert.match(page, /-\$5\.00/);
		return { c, fields };
	});
	// ... and all press "Place order" at once
	const results = await Promise.all(buyers.map(({ c, fields }) => c.post('/checkout/place', fields)));
	const statuses = results.map((r) => r.status);
	assert.deepEqual(statuses.filter((s) => s >= 500), [], 'no 5xx');
	const placed = results.filter((r) => r.status === 303);
	const usedUp = results.filter((r) => r.status === 409 && /used up/.test(r.body) && /Nothing was charged/.test(r.body));
	assert.equal(placed.length, USES, `statuses: ${JSON.stringify(statuses)}`);
	assert.equal(usedUp.length, BUYERS - USES);
	assert.equal(usesOf(code), USES);
	const [[orders, discounted, redemptions]] = sql(`SELECT COUNT(DISTINCT o.id), SUM(o.discount = 500),
		(SELECT COUNT(*) FROM discount_redemptions r JOIN discount_codes d ON d.id = r.code_id WHERE d.code = ${lit(code)})
		FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.variant_id = ${p.variantId}`);
	assert.equal(Number(orders), USES);
	assert.equal(Number(discounted), USES);
	assert.equal(Number(redemptions), USES);
	// a refused buyer's 409 is the review page again, at full price, and places the order without it
	const i = statuses.indexOf(409);
	const again = formFields(results[i].body, '/checkout/place');
	assert.ok(again?.token, 'the 409 page is a review page with a new token');
	assert.doesNotMatch(results[i].body, /class="discount"/);
	assert.equal(orderOf(await place(buyers[i].c, again)).discount, 0);
	assert.equal(usesOf(code), USES);
});

test('a brand makes a generated code for lena, edits it, disables it; lena sees it with a link that carries it', async () => {
	const brand = await demo('brand-owner@northwind.demo.crowdcart.test');
	const p = makeProduct({ price: 8000 });
	pick('lena', p.productId, 1000);
	const made = await brand.submit('/studio/brand/codes', { creator_id: creatorId('lena'), code: '', kind: 'percent',
		value: '12.5', min_order: '', total_limit: '3', per_customer_limit: '', starts_on: '', ends_on: '' });
	assert.equal(made.status, 303);
	const code = /saved=(LENA-[0-9A-Z]{6})$/.exec(made.headers.location)?.[1];
	assert.ok(code, made.headers.location);
	const list = (await brand.get('/studio/brand/codes')).body;
	const row = new RegExp(`<tr class="code-row"><td class="code-text"><a href="/studio/brand/codes/(\\d+)">${code}</a></td><td>@lena</td><td>12.50 %</td>.*?<td class="code-uses">0 of 3</td>`).exec(list);
	assert.ok(row, list.split('\n').filter((l) => l.includes(code)).join('\n'));
	const id = row[1];
	// lena sees it, with the storefront link that applies it
	const lena = await demo('lena@demo.crowdcart.test');
	const mine = (await lena.get('/studio/creator/codes')).body;
	assert.match(mine, new RegExp(`class="code-link" readonly value="[^"]*/@lena\\?code=${code}"`));
	// a shopper uses it: 12.5 % of 80.00
	const c = new Client();
	const r = await reviewed(c, [[p.variantId, 1]], { ...address(uniqueEmail('studio')), code });
	assert.equal(orderOf(await place(c, r.fields)).discount, 1000);
	assert.match((await brand.get('/studio/brand/codes')).body, new RegExp(`${code}</a>.*?<td class="code-uses">1 of 3</td>`));
	// edited: a limit of 0 is refused, a fixed amount is taken
	const low = await brand.submit(`/studio/brand/codes/${id}`, { kind: 'percent', value: '10', total_limit: '0' }, { formPath: `/studio/brand/codes/${id}` });
	assert.equal(low.status, 422);
	assert.match(low.body, /how many orders may use the code in all/);
	const edited = await brand.submit(`/studio/brand/codes/${id}`, { kind: 'fixed', value: '5.00', total_limit: '5', min_order: '20' },
		{ formPath: `/studio/brand/codes/${id}` });
	assert.equal(edited.status, 303);
	assert.deepEqual(sql(`SELECT kind, value, min_order, total_limit FROM discount_codes WHERE id = ${Number(id)}`)[0].map(String),
		['fixed', '500', '2000', '5']);
	// disabled: it stops applying at once
	assert.equal((await brand.submit(`/studio/brand/codes/${id}/state`, { active: '0' }, { formPath: '/studio/brand/codes' })).status, 303);
	const d = new Client();
	assert.equal((await addToCart(d, p.variantId, 1)).status, 303);
	const refused = await d.post('/cart/code', { csrf: await csrf(d), code });
	assert.equal(refused.status, 422);
	assert.match(refused.body, /no longer valid/);
});

test('the studio refuses a taken code, a bad value and a creator outside the programme with a 422', async () => {
	const brand = await demo('brand-owner@northwind.demo.crowdcart.test');
	const taken = makeCode({});
	const base = { creator_id: '', kind: 'percent', value: '10', min_order: '', total_limit: '', per_customer_limit: '', starts_on: '', ends_on: '' };
	const dup = await brand.submit('/studio/brand/codes', { ...base, code: taken.toLowerCase() });
	assert.equal(dup.status, 422);
	assert.match(dup.body, /is taken: codes are unique across the whole shop/);
	const bad = await brand.submit('/studio/brand/codes', { ...base, value: '150' });
	assert.equal(bad.status, 422);
	assert.match(bad.body, /percentage off from 0.01 to 100/);
	const outsider = await brand.submit('/studio/brand/codes', { ...base, creator_id: '999999999' });
	assert.equal(outsider.status, 422);
	assert.match(outsider.body, /not in your programme/);
	const dates = await brand.submit('/studio/brand/codes', { ...base, starts_on: '2026-12-10', ends_on: '2026-12-01' });
	assert.equal(dates.status, 422);
	assert.match(dates.body, /last day comes before the first day/);
	const brandCode = await brand.submit('/studio/brand/codes', { ...base, code: `own-${unique()}` });
	assert.equal(brandCode.status, 303, 'a code of the brand itself, no creator');
});

test('with "last click", a link followed after the code was applied takes the sale (the brand\'s choice)', async () => {
	const fernhill = await demo('brand-owner@fernhill.demo.crowdcart.test');
	assert.equal((await fernhill.submit('/studio/brand/codes/precedence', { precedence: 'last_click' }, { formPath: '/studio/brand/codes' })).status, 303);
	try {
		const p = makeProduct({ price: 5000, brand: 'fernhill' });
		pick('lena', p.productId, 1000);
		pick('marco', p.productId, 1000);
		const code = makeCode({ brand: 'fernhill', creator: 'lena', value: 1000 });
		const c = new Client();
		assert.equal((await addToCart(c, p.variantId, 1)).status, 303);
		assert.equal((await c.post('/cart/code', { csrf: await csrf(c), code })).status, 303);
		sql(`UPDATE cart_codes SET applied_at = applied_at - INTERVAL 1 MINUTE WHERE code_id = (SELECT id FROM discount_codes WHERE code = ${lit(code)})`);
		await c.get('/@marco');
		const r = await c.post('/checkout/review', { csrf: await csrf(c), ...address(uniqueEmail('last')) });
		const o = orderOf(await place(c, formFields(r.body, '/checkout/place')));
		assert.equal(o.discount, 500, 'the shopper keeps the discount');
		assert.equal(o.handle, 'marco', 'the later click credits marco');
	} finally {
		await fernhill.submit('/studio/brand/codes/precedence', { precedence: 'code' }, { formPath: '/studio/brand/codes' });
	}
});

test('refunding a unit of a discounted line gives back what was paid for it and reverses its commission', async () => {
	const brand = await demo('brand-owner@northwind.demo.crowdcart.test');
	const p = makeProduct({ price: 5000 });
	pick('lena', p.productId, 1000);
	const code = makeCode({ creator: 'lena', value: 2000 });
	const c = new Client();
	const { fields } = await reviewed(c, [[p.variantId, 2]], { ...address(uniqueEmail('refund'), 'offline'), code });
	const number = await place(c, fields);
	await payOffline(number);	/* paid for real, so that there is commission to reverse */
	const o = orderOf(number);
	assert.equal(o.discount, 2000);
	assert.equal(o.commission, 800);	/* 10 % of 80.00 paid */
	const [[lineId]] = sql(`SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = ${lit(number)}`);
	const page = (await brand.get(`/studio/orders/${number}`)).body;
	const body = new URLSearchParams({ csrf: /name="csrf" value="([^"]*)"/.exec(page)[1],
		version: /name="version" value="([^"]*)"/.exec(page)?.[1] ?? '', mode: 'lines', line: lineId, qty: '1' });
	const r = await brand.post(`/studio/orders/${number}/refund`, body.toString());
	assert.ok(r.status === 303 || r.status === 200, `refund answered ${r.status}`);
	assert.deepEqual(sql(`SELECT refunded_quantity, refunded_amount FROM order_lines WHERE id = ${Number(lineId)}`)[0].map(Number), [1, 4000]);
	const [[reversed]] = sql(`SELECT -SUM(amount) FROM commission_entries WHERE order_line_id = ${Number(lineId)} AND kind = 'reversal'`);
	assert.equal(Number(reversed), 400);
	const [[refunded]] = sql(`SELECT refunded_total FROM orders WHERE number = ${lit(number)}`);
	assert.equal(Number(refunded), 4000 + Math.round(4000 * 0.0825), 'the paid share and its tax, not the list price');
});

test('with prices that include VAT the code comes off the gross price, and the VAT is the one inside what is left', async () => {
	const p = makeProduct({ price: 11900, brand: 'atelier-lumen' });
	const code = makeCode({ brand: 'atelier-lumen', value: 1500 });
	const c = new Client();
	const { page, fields } = await reviewed(c, [[p.variantId, 1]], { ...address(uniqueEmail('vat')), country: 'DE', region: '', code });
	assert.match(page, /<dt>Items<\/dt><dd>€119\.00<\/dd>/);
	assert.match(page, /<dd class="discount">-€17\.85<\/dd>/);
	const o = orderOf(await place(c, fields));
	assert.equal(o.discount, 1785);
	const gross = 11900 - 1785, vat = (x) => Math.round(x * o.taxBps / (10000 + o.taxBps));
	assert.equal(o.taxBps, 1900);
	assert.equal(o.total, gross + o.shipping + o.shippingTax, 'the total is what was shown, after the discount');
	assert.equal(o.tax, vat(gross) + o.shippingTax);
	assert.equal(o.subtotal, gross - vat(gross), 'stored net of the VAT it holds');
});

test('a creator\'s short link can carry a code too: it waits in the cookie as the link sends the shopper on', async () => {
	const code = makeCode({ creator: 'lena', value: 500 });
	const c = new Client();
	const r = await c.get(`/s/lenastorefront22?code=${code}`);
	assert.equal(r.status, 303);
	assert.ok(c.cookie('cc_code')?.startsWith(`${code}.`));
	// a malformed code on a link is ignored, and the page still opens
	const d = new Client();
	assert.equal((await d.get('/@lena?code=not%20a%20code!')).status, 200);
	assert.equal(d.cookie('cc_code'), undefined);
});

});
