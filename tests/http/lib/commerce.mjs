// commerce.mjs: fixtures for the cart and checkout suites, on top of http.mjs: a throwaway product
// per test (written as root through the private server's socket), the hidden fields of a form,
// and the steps of a guest checkout.
import path from 'node:path';
import { confValue, unique, VAR } from './http.mjs';
import { lit, sql } from './fulfilment.mjs';

export { sql, lit };

// The hidden fields of the form that posts to `action` (null if the page has no such form).
export function formFields(html, action) {
	const start = html.indexOf(`action="${action}"`);
	if (start < 0)
		return null;
	const form = html.slice(start, html.indexOf('</form>', start));
	const out = {};
	const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
		out[m[1]] = unescape(m[2]);
	return out;
}

// A product of its own (one variant, brand northwind unless told), so no test depends on another.
export function makeProduct({ price = 1000, stock = 100, brand = 'northwind', policy = 'deny' } = {}) {
	const handle = `t-${unique()}`;
	const [[productId, variantId]] = sql(`
		INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  SELECT id, ${lit(handle)}, ${lit(`Test ${handle}`)}, '', 'active', ${price}, currency, ${stock}
		  FROM brands WHERE slug = ${lit(brand)};
		SET @p = LAST_INSERT_ID();
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock, inventory_policy)
		  SELECT @p, 1, ${lit(`SKU-${handle}`)}, 'One', ${price}, currency, ${stock}, ${lit(policy)}
		  FROM brands WHERE slug = ${lit(brand)};
		SELECT @p, LAST_INSERT_ID();`);
	return { handle, brand, productId: Number(productId), variantId: Number(variantId), title: `Test ${handle}`, price };
}

// The reference an order shows people (CC-7KQ4-M2XP), or its number when it has none (an old one).
export function orderRef(number) {
	const [[ref]] = sql(`SELECT COALESCE(reference, '') FROM orders WHERE number = ${lit(number)}`);
	return ref ? `CC-${ref.slice(0, 4)}-${ref.slice(4)}` : number;
}

export function stockOf(variantId) {
	return Number(sql(`SELECT stock FROM variants WHERE id = ${Number(variantId)}`)[0][0]);
}

export const address = (email, provider = 'test') => ({
	email, name: 'Ada Tester', line1: '1 Test Street', line2: '', city: 'Portland', region: 'OR',
	postal: '97201', country: 'US', provider,
});

// The session's csrf token, from the order lookup page (it always has a form), once the visitor
// has a session: a page read starts none (Client.startSession).
export async function csrf(client) {
	if (!client.csrfToken)
		await client.startSession();
	client.csrfToken ??= await client.csrf('/orders/lookup');
	return client.csrfToken;
}

export async function addToCart(client, variant, quantity = 1) {
	return client.post('/cart/add', { csrf: await csrf(client), variant, quantity });
}

// Fills the cart, then reviews the checkout: the review page and its place-order fields.
export async function reviewed(client, items, addr) {
	for (const [variant, quantity] of items) {
		const r = await addToCart(client, variant, quantity);
		if (r.status !== 303)
			throw new Error(`add to cart answered ${r.status}`);
	}
	const r = await client.post('/checkout/review', { csrf: await csrf(client), ...addr });
	if (r.status !== 200)
		throw new Error(`review answered ${r.status}`);
	return { page: r.body, fields: formFields(r.body, '/checkout/place') };
}

// The order numbers shown on a confirmation page, in page order.
export function orderNumbers(html) {
	return [...html.matchAll(/<span class="order-number">([0-9A-Z]{20})<\/span>/g)].map((m) => m[1]);
}

// payment_webhook_secret of the stack under test (hex); throws when the config lacks it.
export function webhookSecret() {
	const secret = confValue('payment_webhook_secret');
	if (!/^[0-9a-fA-F]+$/.test(secret))
		throw new Error(`payment_webhook_secret in ${path.join(VAR, 'crowdcart.conf')} is not hex`);
	return secret;
}
