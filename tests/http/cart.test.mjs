// cart.test.mjs: the cart bound to the session: add from the product page, change, remove, the
// header count, refusals (sold out, bad input, no CSRF), and one cart per session.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { Client, ROOT, VAR, newAccount } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { addToCart, csrf, makeProduct, sql } from './lib/commerce.mjs';

usesDatabase();

test('the product page has an add-to-cart form per variant with a csrf field', async () => {
	const p = makeProduct({ price: 2350 });
	const c = new Client();
	const page = await c.get(`/p/${p.brand}/${p.handle}`);
	assert.equal(page.status, 200);
	assert.match(page.body, /<div id="buy"><form class="form buy" method="post" action="\/cart\/add">/);
	assert.match(page.body, /<input type="hidden" name="csrf" value="[^"]+">/);
	assert.match(page.body, new RegExp(`<input type="radio" name="variant" value="${p.variantId}" data-price="\\$23\\.50" required checked>`));
});

test('adding a variant puts it in the cart at the current price and counts it in the header', async () => {
	const p = makeProduct({ price: 1999 });
	const c = new Client();
	const r = await addToCart(c, p.variantId, 2);
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, '/cart');
	assert.equal(c.cookie('cc_cart'), '2');
	const cart = await c.get('/cart');
	assert.equal(cart.status, 200);
	assert.ok(cart.body.includes(p.title));
	assert.ok(cart.body.includes('$39.98'), 'line total 2 x $19.99');
	assert.match(cart.body, /Cart <span class="cart-count">\(2/);
	assert.match(cart.body, /href="\/checkout"/);
	// adding the same variant again adds to its quantity
	await addToCart(c, p.variantId, 1);
	assert.equal(c.cookie('cc_cart'), '3');
});

test('changing the quantity and removing the item update the cart', async () => {
	const p = makeProduct({ price: 500 });
	const c = new Client();
	await addToCart(c, p.variantId, 1);
	const token = await csrf(c);
	let r = await c.post('/cart/update', { csrf: token, variant: p.variantId, quantity: 4 });
	assert.equal(r.status, 303);
	assert.equal(c.cookie('cc_cart'), '4');
	assert.ok((await c.get('/cart')).body.includes('$20.00'));
	r = await c.post('/cart/remove', { csrf: token, variant: p.variantId });
	assert.equal(r.status, 303);
	assert.equal(c.cookie('cc_cart'), undefined);
	assert.match((await c.get('/cart')).body, /Your cart is empty/);
});

test('each session has its own cart', async () => {
	const p = makeProduct();
	const a = new Client(), b = new Client();
	await addToCart(a, p.variantId, 1);
	const other = await b.get('/cart');
	assert.ok(!other.body.includes(p.title));
});

test('a sold-out variant or more than the stock goes back to the product page, which says what is left', async () => {
	const gone = makeProduct({ stock: 0 });
	const few = makeProduct({ stock: 2 });
	const c = new Client();
	let r = await addToCart(c, gone.variantId, 1);
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, `/p/${gone.brand}/${gone.handle}?short=${gone.variantId}#buy`);
	// a sold-out product has no buy form left: the page says "Sold out" where the button was
	assert.match((await c.get(r.headers.location.replace(/#.*/, ''))).body, /<p class="sold-out">Sold out<\/p>/);
	r = await addToCart(c, few.variantId, 3);
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, `/p/${few.brand}/${few.handle}?short=${few.variantId}#buy`);
	const back = await c.get(r.headers.location.replace(/#.*/, ''));
	assert.equal(back.status, 200);
	assert.match(back.body, new RegExp(`value="${few.variantId}" data-price="[^"]*" required checked>`), 'the option is chosen again');
	assert.match(back.body, /aria-invalid="true" aria-describedby="quantity-error">/);
	assert.match(back.body, /<p class="field-error" id="quantity-error" role="alert">Only 2 left of One: choose 2 or fewer\.<\/p>/);
	const rows = sql(`SELECT COUNT(*) FROM cart_items WHERE variant_id IN (${gone.variantId}, ${few.variantId})`);
	assert.equal(rows[0][0], '0');
});

test('bad cart input is a clear 4xx, never a 500', async () => {
	const p = makeProduct();
	const c = new Client();
	const token = await csrf(c);
	for (const fields of [{ variant: 'x', quantity: 1 }, { variant: p.variantId, quantity: 0 },
		{ variant: p.variantId, quantity: 100 }, { variant: p.variantId, quantity: '-1' },
		{ variant: '99999999999', quantity: 1 }]) {
		const r = await c.post('/cart/add', { csrf: token, ...fields });
		assert.ok(r.status >= 400 && r.status < 500, `${JSON.stringify(fields)} answered ${r.status}`);
	}
	const long = await c.post('/cart/add', { csrf: token, variant: '1'.repeat(30), quantity: 1 });
	assert.equal(long.status, 400);
});

test('a cart change without the csrf token is refused', async () => {
	const p = makeProduct();
	const c = new Client();
	await csrf(c);
	const r = await c.post('/cart/add', { variant: p.variantId, quantity: 1 });
	assert.equal(r.status, 403);
});

test('a signed-in shopper\'s cart follows them to a new session', async () => {
	const p = makeProduct();
	const first = new Client();
	const account = await newAccount(first, 'shopper');
	assert.equal((await addToCart(first, p.variantId, 2)).status, 303);
	const second = new Client();
	const r = await second.login(account.email, account.password);
	assert.equal(r.status, 303);
	const cart = await second.get('/cart');
	assert.ok(cart.body.includes(p.title), 'the cart is there after signing in elsewhere');
	assert.match(cart.body, /value="2"/);
});

test('crowdcartctl purge-carts drops carts no session or user can reach', async () => {
	const p = makeProduct();
	const c = new Client();
	await addToCart(c, p.variantId, 1);
	const [[live]] = sql(`SELECT cart_id FROM cart_items WHERE variant_id = ${p.variantId}`);
	const [[orphan]] = sql(`INSERT INTO carts (token_hash, user_id, created_at, updated_at)
		VALUES (NULL, NULL, UTC_TIMESTAMP(), UTC_TIMESTAMP());
		SET @c = LAST_INSERT_ID();
		INSERT INTO cart_items (cart_id, variant_id, quantity, price_seen, added_at) VALUES (@c, ${p.variantId}, 1, 1000, UTC_TIMESTAMP());
		SELECT @c;`);
	execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'purge-carts'],
		{ env: { ...process.env, CROWDCART_CONF: '' } });
	assert.equal(sql(`SELECT COUNT(*) FROM carts WHERE id = ${orphan}`)[0][0], '0');
	assert.equal(sql(`SELECT COUNT(*) FROM cart_items WHERE cart_id = ${orphan}`)[0][0], '0');
	assert.equal(sql(`SELECT COUNT(*) FROM carts WHERE id = ${live}`)[0][0], '1', 'a live session keeps its cart');
});

test('an anonymous cart is kept when its shopper signs in', async () => {
	const p = makeProduct();
	const c = new Client();
	assert.equal((await addToCart(c, p.variantId, 3)).status, 303);
	assert.ok(c.cookie('cc_cart_key'), 'the anonymous cart is named by a signed key cookie');
	await newAccount(c, 'shopper');	// signs in: a new session replaces the old one
	const cart = await c.get('/cart');
	assert.ok(cart.body.includes(p.title));
	assert.match(cart.body, /value="3"/);
	assert.equal(c.cookie('cc_cart_key'), undefined, 'the key is spent');
	// a forged key names nothing
	const other = new Client();
	await newAccount(other, 'shopper');
	const [[id]] = sql(`SELECT cart_id FROM cart_items WHERE variant_id = ${p.variantId}`);
	other.cookies.set('cc_cart_key', `${id}.${'0'.repeat(32)}`);
	assert.ok(!(await other.get('/cart')).body.includes(p.title));
});
