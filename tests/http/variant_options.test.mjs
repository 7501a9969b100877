// variant_options.test.mjs: the product page's picker with a radio group per option and colour
// swatches, the cart finding the variant from the chosen values (a 422 on the product page when
// the combination is not made), and a full cart answered on the product page, not a bare 409.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, unique } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { addToCart, csrf, lit, makeProduct, sql } from './lib/commerce.mjs';

usesDatabase();

// A Size x Colour product without Large/Moss, Medium/Moss sold out, Large/Charcoal the dearer.
function optionProduct() {
	const handle = `t-opt-${unique()}`;
	const rows = sql(`
		INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  SELECT id, ${lit(handle)}, 'Option test tote', '', 'active', 3400, currency, 40 FROM brands WHERE slug = 'northwind';
		SET @p = LAST_INSERT_ID();
		INSERT INTO product_options (product_id, position, name) VALUES (@p, 1, 'Size'), (@p, 2, 'Colour');
		INSERT INTO variants (product_id, position, sku, option1, option2, price, currency, stock, inventory_policy) VALUES
		  (@p, 1, ${lit(`${handle}-1`)}, 'Medium', 'Charcoal', 3400, 'USD', 20, 'deny'),
		  (@p, 2, ${lit(`${handle}-2`)}, 'Medium', 'Moss', 3400, 'USD', 0, 'deny'),
		  (@p, 3, ${lit(`${handle}-3`)}, 'Large', 'Charcoal', 4200, 'USD', 20, 'deny'),
		  (@p, 4, ${lit(`${handle}-4`)}, 'Small', 'Cherry Blossom', 3400, 'USD', 0, 'deny');
		SELECT @p, id, option1, option2 FROM variants WHERE product_id = @p ORDER BY position;`);
	return { handle, productId: Number(rows[0][0]), ids: rows.map((r) => Number(r[1])) };
}

const path = (p) => `/p/northwind/${p.handle}`;

test('a product with two options has a radio group per option, colours drawn as swatches', async () => {
	const p = optionProduct();
	const html = (await new Client().get(path(p))).body;
	assert.match(html, /<fieldset class="field variant-picker" id="option1"><legend>Size<\/legend>/);
	assert.match(html, /<fieldset class="field variant-picker" id="option2"><legend>Colour<\/legend>/);
	assert.match(html, /<input type="radio" name="option1" value="Medium" required checked>/);
	assert.match(html, /<input type="radio" name="option1" value="Large" required>/);
	// each value once, in the order the variants bring them
	assert.equal(html.match(/name="option1" value="Medium"/g).length, 1);
	assert.match(html, /<label class="variant-choice swatch"><input type="radio" name="option2" value="Charcoal" required checked>\n<span class="swatch-chip swatch-charcoal" aria-hidden="true"><\/span><span class="choice-name">Charcoal<\/span>/);
	// Moss exists only sold out, Small likewise: shown, disabled
	assert.match(html, /<input type="radio" name="option2" value="Moss" required disabled>/);
	assert.match(html, /<input type="radio" name="option1" value="Small" required disabled>/);
	// a colour the table does not know is still a choice, shown as its words
	assert.match(html, /<label class="variant-choice"><input type="radio" name="option2" value="Cherry Blossom" required disabled>\n<span class="choice-name">Cherry Blossom<\/span>/);
	assert.match(html, new RegExp(`<input type="hidden" name="product" value="${p.productId}">`));
	assert.match(html, /<p class="product-price" id="product-price" aria-live="polite">from \$34\.00<\/p>/);
	assert.match(html, /<script type="application\/json" id="variant-data">\[\{"id":\d+,"options":\["Medium","Charcoal",""\],"price":"\$34\.00"/);
});

test('a single Colour option keeps one choice per variant, with swatch, price and stock', async () => {
	// the demo's linen pillow: Color Oat or Rust
	const html = (await new Client().get('/p/northwind/linen-throw-pillow')).body;
	assert.match(html, /<label class="variant-choice swatch"><input type="radio" name="variant" value="\d+" data-price="\$38\.00" required[^>]*>\n<span class="swatch-chip swatch-beige" aria-hidden="true"><\/span><span class="choice-name">Oat<\/span> <span class="choice-price">\$38\.00<\/span>/);
	assert.match(html, /<span class="swatch-chip swatch-rust" aria-hidden="true"><\/span><span class="choice-name">Rust<\/span>/);
	assert.doesNotMatch(html, /id="variant-data"/);
});

test('the cart finds the variant from the chosen values', async () => {
	const p = optionProduct();
	const c = new Client();
	const r = await c.post('/cart/add', { csrf: await csrf(c), product: p.productId, option1: 'Large', option2: 'Charcoal', quantity: 2 });
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, '/cart');
	const cart = (await c.get('/cart')).body;
	assert.ok(cart.includes('$84.00'), 'two of Large / Charcoal at $42.00');
});

test('a combination that is not made gives the product page back with a 422 beside the picker', async () => {
	const p = optionProduct();
	const c = new Client();
	const r = await c.post('/cart/add', { csrf: await csrf(c), product: p.productId, option1: 'Large', option2: 'Moss', quantity: 1 });
	assert.equal(r.status, 422);
	assert.match(r.body, /<p class="field-error" id="picker-error" role="alert">Large \/ Moss is not made: choose another combination\.<\/p>/);
	assert.match(r.body, /<fieldset class="field variant-picker" id="option1" aria-describedby="picker-error"><legend>Size<\/legend>/);
	// the values asked for stay chosen
	assert.match(r.body, /<input type="radio" name="option1" value="Large" required checked>/);
	assert.equal(c.cookie('cc_cart'), undefined, 'nothing was added');
	// a sold-out combination that is made goes back to the page saying so (the stock path)
	const out = await c.post('/cart/add', { csrf: await csrf(c), product: p.productId, option1: 'Medium', option2: 'Moss', quantity: 1 });
	assert.equal(out.status, 303);
	assert.match(out.headers.location, new RegExp(`^/p/northwind/${p.handle}\\?short=${p.ids[1]}#buy$`));
	const back = (await c.get(out.headers.location.replace('#buy', ''))).body;
	assert.match(back, /Medium \/ Moss has just sold out: choose another option\./);
});

test('a values-only add for a product that left the shop is a 404', async () => {
	const c = new Client();
	const r = await c.post('/cart/add', { csrf: await csrf(c), product: 999999999, option1: 'Large', quantity: 1 });
	assert.equal(r.status, 404);
});

test('a full cart gives the product page back with the message beside the button, status 409', async () => {
	const c = new Client();
	const token = await csrf(c);
	const first = makeProduct({ price: 100 });
	assert.equal((await addToCart(c, first.variantId, 1)).status, 303);
	// fill the cart to its 50 lines directly, as 50 adds would
	const cartId = sql(`SELECT cart_id FROM cart_items WHERE variant_id = ${first.variantId} ORDER BY added_at DESC LIMIT 1`)[0][0];
	const fill = [];
	for (let i = 0; i < 49; i++)
		fill.push(makeProduct({ price: 100 }).variantId);
	sql(`INSERT INTO cart_items (cart_id, variant_id, quantity, price_seen, added_at) VALUES
		${fill.map((v) => `(${cartId}, ${v}, 1, 100, UTC_TIMESTAMP())`).join(',')}`);
	const extra = makeProduct({ price: 2500 });
	const r = await c.post('/cart/add', { csrf: token, variant: extra.variantId, quantity: 1 });
	assert.equal(r.status, 409);
	assert.match(r.body, /<h1 class="page-title">Test t-/);
	assert.match(r.body, /<input id="quantity" class="qty" name="quantity" type="number" min="1" max="99" value="1" inputmode="numeric" required aria-invalid="true" aria-describedby="quantity-error">/);
	assert.match(r.body, /<p class="field-error" id="quantity-error" role="alert">Your cart is full \(50 different items\): check out or remove something first, then add this again\.<\/p>/);
	assert.match(r.body, new RegExp(`name="variant" value="${extra.variantId}" data-price="\\$25\\.00" required checked>`));
	// adding more of a line already in the cart still works
	assert.equal((await addToCart(c, first.variantId, 1)).status, 303);
});
