// media.mjs: fixtures for the per-ad and per-video sales suites: a guest checkout of whatever is in
// the cart, the medium (video, ad) an anonymous cart's item and an order's lines carry, and a
// medium's row in a dashboard or studio table.
import { address, orderNumbers, reviewed } from './commerce.mjs';
import { uniqueEmail } from './http.mjs';
import { lit, sql } from './fulfilment.mjs';
import { payOffline } from './paid.mjs';

// Checks out the shopper's cart as a guest and pays (offline, confirmed: a test-provider order is
// no revenue); the order number (one brand in the cart).
export async function placeOrder(shopper, tag = 'media-buyer') {
	const { fields } = await reviewed(shopper, [], address(uniqueEmail(tag), 'offline'));
	const placed = await shopper.post('/checkout/place', fields);
	if (placed.status !== 303)
		throw new Error(`placing the order answered ${placed.status}`);
	const [number] = orderNumbers((await shopper.get(placed.headers.location)).body);
	await payOffline(number);
	return number;
}

// The order's lines: { product, video, ad, creator, surface, quantity, total }, ids as numbers or null.
export function orderLines(number) {
	const id = (v) => (v === 'NULL' ? null : Number(v));
	return sql(`SELECT l.product_id, l.video_id, l.ad_id, COALESCE(cr.handle, ''), l.surface, l.quantity, l.line_total
		FROM order_lines l JOIN orders o ON o.id = l.order_id LEFT JOIN creators cr ON cr.id = l.creator_id
		WHERE o.number = ${lit(number)} ORDER BY l.id`).map(([product, video, ad, creator, surface, quantity, total]) =>
		({ product: id(product), video: id(video), ad: id(ad), creator, surface, quantity: Number(quantity), total: Number(total) }));
}

// The medium an anonymous shopper's cart item of `variantId` carries: { video, ad } (null: none).
export function cartMedium(shopper, variantId) {
	const cart = Number(/^(\d+)\./.exec(shopper.cookie('cc_cart_key') ?? '')?.[1]);
	if (!cart)
		throw new Error('the shopper has no anonymous cart');
	const rows = sql(`SELECT COALESCE(video_id, 0), COALESCE(ad_id, 0) FROM cart_items
		WHERE cart_id = ${cart} AND variant_id = ${Number(variantId)}`);
	if (rows.length !== 1)
		throw new Error(`the cart has no item of variant ${variantId}`);
	return { video: Number(rows[0][0]) || null, ad: Number(rows[0][1]) || null };
}

// An ad's row (by slug) or a video's row (by id) in a dashboard or /studio/videos page.
export const adRow = (html, slug) => new RegExp(`<tr class="ad-row" data-ad="${slug}">.*?</tr>`).exec(html)?.[0];
export const videoRow = (html, id) => new RegExp(`<tr class="video-row" data-video="${id}">.*?</tr>`).exec(html)?.[0];

// The orders and revenue cells of such a row, as text: ['1', '$24.00'].
export function sales(row) {
	const m = /<td class="orders">([^<]*)<\/td><td class="revenue">([^<]*)<\/td>/.exec(row ?? '');
	return m ? [m[1], m[2]] : null;
}
