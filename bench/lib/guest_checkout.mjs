// guest_checkout.mjs: a guest ready to place an order, for the checkout benches: a session (a page
// read starts none; the first form sent does: the order lookup's, empty, a 422), one unit of
// `variant` in the cart, the checkout reviewed. req(method, path, cookie, body) makes the requests.
// Answers the session cookie and the "Place order" form's hidden fields.

// The hidden fields of the form posting to `action`, entity-decoded.
function hiddenFields(html, action) {
	const s = html.indexOf(`action="${action}"`);
	const form = html.slice(s, html.indexOf('</form>', s));
	return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
		.map((m) => [m[1], m[2].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')]));
}

export async function guestCheckout(req, variant, email) {
	const first = await req('GET', '/orders/lookup');
	const started = await req('POST', '/orders/lookup', '',
		new URLSearchParams({ csrf: /name="csrf" value="([^"]+)"/.exec(first.body)[1] }).toString());
	const cookie = started.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
	const page = await req('GET', '/orders/lookup', cookie);
	const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)[1];
	const add = await req('POST', '/cart/add', cookie, new URLSearchParams({ csrf, variant, quantity: '1' }).toString());
	if (add.status !== 303)
		throw new Error(`add to cart: ${add.status}`);
	const review = await req('POST', '/checkout/review', cookie, new URLSearchParams({
		csrf, email, name: 'Bench Buyer', line1: '1 Load Street', line2: '',
		city: 'Portland', region: 'OR', postal: '97201', country: 'US', provider: 'test' }).toString());
	if (review.status !== 200)
		throw new Error(`review: ${review.status}`);
	return { cookie, fields: hiddenFields(review.body, '/checkout/place') };
}
