// server.mjs: a WooCommerce REST API v3 simulator for the connector's tests (node, no dependencies).
// What crowdcart calls, in the shapes WooCommerce publishes (woocommerce.github.io/woocommerce-rest-api-docs):
//   GET  /wp-json/wc/v3/products?page=&per_page=&offset=   (per_page 1..100, default 10) the products,
//        newest first, or oldest first with order=asc, with X-WP-Total, X-WP-TotalPages and a Link header
//   GET  /wp-json/wc/v3/products/{id}/variations?page=&per_page=
//   POST /wp-json/wc/v3/orders   (201, the order)      GET /wp-json/wc/v3/orders/{id}
//   GET  /wp-json/wc/v3/orders?after=&dates_are_gmt=true&page=&per_page=&order=   (newest first)
//   GET|POST /wp-json/wc/v3/webhooks  (topic, delivery_url, secret; the secret is never shown back)
//   authentication by the consumer key and secret as HTTP basic auth or as the consumer_key and
//   consumer_secret query parameters (WooCommerce takes either over HTTPS); errors as WooCommerce
//   answers them: { code, message, data: { status } }.
// Webhooks go out as WooCommerce sends them: X-WC-Webhook-Signature = base64 HMAC-SHA256 of the raw
// body under the webhook's secret, with X-WC-Webhook-Topic, -Resource, -Event, -Source, -ID and
// -Delivery-ID. A product.updated for a variation carries the variation (type "variation",
// parent_id), as WooCommerce's products endpoint shows it.
// The control API under /_sim/ makes shops, edits them, sends webhooks, completes orders with a
// tracking number (the Shipment Tracking extension's _wc_shipment_tracking_items meta) and sets
// misbehaviour (a delay per page, a 500 after N product pages, a 429 with Retry-After every N calls,
// an order created whose answer is then dropped).
//
// usage: node tests/sim/woocommerce/server.mjs --port 8296
import crypto from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const API = '/wp-json/wc/v3';
const TOPICS = /^(product|order|customer|coupon)\.(created|updated|deleted|restored)$/;
const money = (cents) => (cents / 100).toFixed(2);

export function sign(secret, body) {
	return crypto.createHmac('sha256', secret).update(body).digest('base64');
}

function wooError(status, code, message) {
	return { status, body: { code, message, data: { status } } };
}

function makeProducts(n, { variations = 2, images = 2, seed = 1 } = {}) {
	const out = [];
	let vid = seed * 1000000, iid = seed * 5000000;
	for (let i = 1; i <= n; i++) {
		const id = seed * 100000 + i;
		const imgs = Array.from({ length: images }, (_, k) => ({ id: ++iid, src: `https://cdn.woo.test/p${id}-${k + 1}.jpg`,
			name: `p${id}-${k + 1}`, alt: k ? '' : `Product ${i}` }));
		const sizes = ['S', 'M', 'L', 'XL'];
		out.push({
			id, slug: `woo-product-${id}`, name: `Product ${i}`, description: `<p>About <strong>product ${i}</strong></p>`,
			status: 'publish', categories: [{ id: 15, name: 'Things', slug: 'things' }],
			tags: [{ id: 30, name: 'woo', slug: 'woo' }, { id: 31 + Math.ceil(i / 100), name: `batch-${Math.ceil(i / 100)}`, slug: `batch-${Math.ceil(i / 100)}` }],
			images: imgs, sku: `WOO-${id}`, regular: 1000 + i, sale: null, manage_stock: true, stock: i % 7, backorders: 'no',
			variations: Array.from({ length: variations }, (_, k) => ({
				id: ++vid, sku: `WOO-${id}-${k + 1}`, regular: 1000 + i + k * 100, sale: k === 0 ? 900 + i : null,
				manage_stock: true, stock: (i + k) % 7, backorders: k === 1 && i % 10 === 0 ? 'notify' : 'no',
				size: sizes[k % 4] + (k >= 4 ? k : ''), image: k < imgs.length ? imgs[k] : null,
			})),
		});
	}
	return out;
}

function stockStatus(x) {
	return !x.manage_stock || x.stock > 0 ? 'instock' : x.backorders !== 'no' ? 'onbackorder' : 'outofstock';
}

function priceFields(x) {
	return { price: money(x.sale ?? x.regular), regular_price: money(x.regular), sale_price: x.sale == null ? '' : money(x.sale),
		on_sale: x.sale != null };
}

// A product as GET /products answers it.
export function productJson(p, base = 'https://shop.woo.test') {
	const variable = p.variations.length > 0;
	return {
		id: p.id, name: p.name, slug: p.slug, permalink: `${base}/product/${p.slug}/`, date_created: '2026-01-02T10:00:00',
		date_created_gmt: '2026-01-02T10:00:00', type: variable ? 'variable' : 'simple', status: p.status, featured: false,
		catalog_visibility: 'visible', description: p.description, short_description: '', sku: p.sku,
		...(variable ? { price: money(Math.min(...p.variations.map((v) => v.sale ?? v.regular))), regular_price: '', sale_price: '', on_sale: false }
			: priceFields(p)),
		purchasable: true, virtual: false, downloadable: false, tax_status: 'taxable',
		manage_stock: variable ? false : p.manage_stock, stock_quantity: variable || !p.manage_stock ? null : p.stock,
		stock_status: variable ? 'instock' : stockStatus(p), backorders: variable ? 'no' : p.backorders,
		categories: p.categories, tags: p.tags,
		images: p.images.map((im) => ({ id: im.id, date_created: '2026-01-02T10:00:00', src: im.src, name: im.name, alt: im.alt })),
		attributes: variable ? [{ id: 0, name: 'Size', position: 0, visible: true, variation: true, options: p.variations.map((v) => v.size) }] : [],
		default_attributes: [], variations: p.variations.map((v) => v.id), grouped_products: [], menu_order: 0, meta_data: [],
	};
}

export function variationJson(p, v, base = 'https://shop.woo.test') {
	return {
		id: v.id, permalink: `${base}/product/${p.slug}/?attribute_size=${v.size}`, sku: v.sku, ...priceFields(v),
		status: 'publish', purchasable: true, manage_stock: v.manage_stock, stock_quantity: v.manage_stock ? v.stock : null,
		stock_status: stockStatus(v), backorders: v.backorders,
		image: v.image ? { id: v.image.id, src: v.image.src, name: v.image.name, alt: v.image.alt } : null,
		attributes: [{ id: 0, name: 'Size', option: v.size }], menu_order: 0, meta_data: [],
	};
}

// A variation as the products endpoint (and so a product.updated webhook) shows it.
export function variationAsProduct(p, v) {
	return { ...variationJson(p, v), name: `${p.name} - ${v.size}`, slug: `${p.slug}-${v.size.toLowerCase()}`, type: 'variation',
		parent_id: p.id };
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const parts = [];
		req.on('data', (c) => parts.push(c));
		req.on('end', () => resolve(Buffer.concat(parts)));
		req.on('error', reject);
	});
}

function send(res, status, obj, headers = {}) {
	const body = JSON.stringify(obj);
	res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(body), ...headers });
	res.end(body);
}

// The page of a list, with WooCommerce's paging headers; a per_page out of 1..100 is refused.
function paged(list, url, query) {
	const perPage = query.has('per_page') ? Number(query.get('per_page')) : 10;
	const page = query.has('page') ? Number(query.get('page')) : 1;
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
		return wooError(400, 'rest_invalid_param', 'Invalid parameter(s): per_page');
	if (!Number.isInteger(page) || page < 1)
		return wooError(400, 'rest_invalid_param', 'Invalid parameter(s): page');
	// WordPress takes offset instead of page when both are given.
	const offset = query.has('offset') ? Number(query.get('offset')) : (page - 1) * perPage;
	if (!Number.isInteger(offset) || offset < 0)
		return wooError(400, 'rest_invalid_param', 'Invalid parameter(s): offset');
	const pages = Math.ceil(list.length / perPage);
	const headers = { 'X-WP-Total': String(list.length), 'X-WP-TotalPages': String(pages) };
	const link = (n, rel) => `<${url}?page=${n}&per_page=${perPage}>; rel="${rel}"`;
	const links = [];
	if (page > 1)
		links.push(link(page - 1, 'prev'));
	if (page < pages)
		links.push(link(page + 1, 'next'));
	if (links.length)
		headers.Link = links.join(', ');
	return { status: 200, body: list.slice(offset, offset + perPage), headers };
}

export async function startWooSim({ port = 0, host = '127.0.0.1' } = {}) {
	const shops = new Map();	// consumer key -> shop
	let seq = 0;

	function credentials(req, query) {
		const auth = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
		if (auth) {
			const plain = Buffer.from(auth[1], 'base64').toString('utf8');
			const i = plain.indexOf(':');
			return [plain.slice(0, i), plain.slice(i + 1)];
		}
		return [query.get('consumer_key') ?? '', query.get('consumer_secret') ?? ''];
	}

	function route(shop, method, path, query, json) {
		let m;
		if (method === 'GET' && path === '/products') {
			shop.pages++;
			if (shop.failAfterPages && shop.pages > shop.failAfterPages)
				return wooError(500, 'internal_server_error', 'There has been a critical error on this website.');
			// WooCommerce lists newest first unless asked otherwise (orderby=id&order=asc: oldest first)
			const asc = query.get('order') === 'asc';
			const list = [...shop.products].sort((a, b) => (asc ? a.id - b.id : b.id - a.id)).map((p) => productJson(p));
			return paged(list, `https://shop.woo.test${API}/products`, query);
		}
		if (method === 'GET' && (m = /^\/products\/(\d+)\/variations$/.exec(path))) {
			const p = shop.products.find((x) => x.id === Number(m[1]));
			if (!p)
				return wooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
			return paged(p.variations.map((v) => variationJson(p, v)), `https://shop.woo.test${API}/products/${p.id}/variations`, query);
		}
		if (method === 'GET' && (m = /^\/products\/(\d+)$/.exec(path))) {
			const p = shop.products.find((x) => x.id === Number(m[1]));
			return p ? { status: 200, body: productJson(p) } : wooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
		}
		if (method === 'POST' && path === '/orders') {
			const lines = json.line_items ?? [];
			if (!lines.length)
				return wooError(400, 'woocommerce_rest_required_product_reference', 'Product ID or SKU is required.');
			for (const l of lines) {
				const p = shop.products.find((x) => x.id === l.product_id);
				if (!p || (l.variation_id && !p.variations.some((v) => v.id === l.variation_id)))
					return wooError(400, 'woocommerce_rest_invalid_product_id', 'Product ID provided is invalid.');
			}
			const id = 5000 + shop.orders.length + 1;
			const o = { id, number: String(id), status: json.set_paid ? 'processing' : 'pending', input: json,
				meta_data: [...(json.meta_data ?? [])], created: new Date().toISOString().slice(0, 19) };
			shop.orders.push(o);
			// created, but the answer never reaches the caller (a timeout, a dropped connection)
			if (shop.dropOrderAnswers > 0) {
				shop.dropOrderAnswers--;
				return { drop: true };
			}
			return { status: 201, body: orderJson(o) };
		}
		if (method === 'GET' && path === '/orders') {
			// after= compares the creation date, in UTC with dates_are_gmt=true (the simulator keeps UTC only)
			const after = query.get('after');
			const list = shop.orders.filter((o) => !after || o.created > after.slice(0, 19));
			list.sort((a, b) => (query.get('order') === 'asc' ? a.id - b.id : b.id - a.id));
			return paged(list.map(orderJson), `https://shop.woo.test${API}/orders`, query);
		}
		if (method === 'GET' && (m = /^\/orders\/(\d+)$/.exec(path))) {
			const o = shop.orders.find((x) => x.id === Number(m[1]));
			return o ? { status: 200, body: orderJson(o) } : wooError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
		}
		if (method === 'GET' && path === '/webhooks')
			return paged(shop.webhooks.map(webhookJson), `https://shop.woo.test${API}/webhooks`, query);
		if (method === 'POST' && path === '/webhooks') {
			if (!TOPICS.test(json.topic ?? ''))
				return wooError(400, 'rest_invalid_param', 'Invalid parameter(s): topic');
			if (!/^https?:\/\/./.test(json.delivery_url ?? ''))
				return wooError(400, 'rest_invalid_param', 'Invalid parameter(s): delivery_url');
			const w = { id: shop.webhooks.length + 1, name: json.name ?? '', status: json.status ?? 'active', topic: json.topic,
				delivery_url: json.delivery_url, secret: json.secret ?? '' };
			shop.webhooks.push(w);
			return { status: 201, body: webhookJson(w) };
		}
		return wooError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
	}

	function webhookJson(w) {
		const [resource, event] = w.topic.split('.');
		return { id: w.id, name: w.name, status: w.status, topic: w.topic, resource, event, hooks: [], delivery_url: w.delivery_url,
			date_created: '2026-01-02T10:00:00', date_created_gmt: '2026-01-02T10:00:00' };
	}

	function orderJson(o) {
		return { id: o.id, number: o.number, status: o.status, currency: o.input.currency ?? 'EUR',
			date_created: o.created, date_created_gmt: o.created,
			billing: o.input.billing ?? {}, shipping: o.input.shipping ?? {},
			line_items: (o.input.line_items ?? []).map((l, i) => ({ id: i + 1, ...l })),
			meta_data: o.meta_data.map((x, i) => ({ id: i + 1, ...x })) };
	}

	async function webhook(shop, { url, topic, payload, forge }) {
		const body = JSON.stringify(payload);
		const [resource, event] = topic.split('.');
		const r = await fetch(url, { method: 'POST', body, headers: {
			'content-type': 'application/json', 'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
			'x-wc-webhook-source': 'https://shop.woo.test/', 'x-wc-webhook-topic': topic, 'x-wc-webhook-resource': resource,
			'x-wc-webhook-event': event, 'x-wc-webhook-signature': sign(forge ? 'not-the-secret' : shop.webhookSecret, body),
			'x-wc-webhook-id': '7', 'x-wc-webhook-delivery-id': String(++shop.deliveries),
		} });
		return { status: r.status, body: await r.text() };
	}

	function control(req, res, path, json) {
		if (req.method === 'POST' && path === '/_sim/shops') {
			const n = ++seq;
			const key = `ck_${crypto.randomBytes(20).toString('hex')}`;
			const shop = {
				key, secret: `cs_${crypto.randomBytes(20).toString('hex')}`, webhookSecret: crypto.randomBytes(16).toString('base64'),
				products: makeProducts(json.products ?? 10, { variations: json.variations, images: json.images, seed: n }),
				orders: [], webhooks: [], dropOrderAnswers: 0, calls: [], pages: 0, limited: 0, deliveries: 0, delayMs: json.delayMs ?? 0,
				failAfterPages: json.failAfterPages ?? 0, rateLimitEvery: json.rateLimitEvery ?? 0, retryAfter: json.retryAfter ?? 1,
			};
			shops.set(key, shop);
			return send(res, 201, { url: `https://shop-${n}.woo.test`, key, secret: shop.secret, webhookSecret: shop.webhookSecret });
		}
		const m = /^\/_sim\/shops\/([^/]+)(\/.*)?$/.exec(path);
		const shop = m && shops.get(m[1]);
		if (!shop)
			return send(res, 404, { error: 'no such shop' });
		const sub = m[2] ?? '';
		if (req.method === 'GET' && sub === '')
			return send(res, 200, { pages: shop.pages, limited: shop.limited, calls: shop.calls, orders: shop.orders, webhooks: shop.webhooks,
				products: shop.products.length });
		if (req.method === 'POST' && sub === '/behaviour') {
			for (const k of ['delayMs', 'failAfterPages', 'rateLimitEvery', 'retryAfter', 'pages', 'dropOrderAnswers'])
				if (k in json)
					shop[k] = json[k];
			return send(res, 200, { ok: true });
		}
		const pm = /^\/products\/(\d+)$/.exec(sub);
		if (pm) {
			const i = shop.products.findIndex((p) => p.id === Number(pm[1]));
			if (i < 0)
				return send(res, 404, { error: 'no such product' });
			if (req.method === 'DELETE') {
				const [gone] = shop.products.splice(i, 1);
				return send(res, 200, { id: gone.id });
			}
			// answers what a product.updated webhook would carry: the product, or the variation edited
			const p = shop.products[i];
			for (const k of ['name', 'regular', 'sale', 'stock'])
				if (k in json)
					p[k] = json[k];
			for (const [k, v] of Object.entries(json.variations ?? {})) {
				Object.assign(p.variations[Number(k)], v);
				return send(res, 200, variationAsProduct(p, p.variations[Number(k)]));
			}
			return send(res, 200, productJson(p));
		}
		if (req.method === 'POST' && sub === '/webhook')
			return webhook(shop, json).then((out) => send(res, 200, out));
		const om = /^\/orders\/(\d+)\/complete$/.exec(sub);
		if (req.method === 'POST' && om) {
			const o = shop.orders.find((x) => x.id === Number(om[1]));
			if (!o)
				return send(res, 404, { error: 'no such order' });
			o.status = 'completed';
			if (json.number)
				o.meta_data.push({ key: '_wc_shipment_tracking_items', value: [{ tracking_provider: json.provider ?? '',
					custom_tracking_provider: '', tracking_number: json.number, date_shipped: String(Math.floor(Date.now() / 1000)) }] });
			return send(res, 200, { ok: true });
		}
		return send(res, 404, { error: 'no such control route' });
	}

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://sim');
		const path = url.pathname;
		try {
			const body = await readBody(req);
			if (path.startsWith('/_sim/'))
				return await control(req, res, path, body.length ? JSON.parse(body.toString('utf8')) : {});
			if (!path.startsWith(`${API}/`))
				return send(res, 404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
			const [key, secret] = credentials(req, url.searchParams);
			const shop = shops.get(key);
			if (!shop || shop.secret !== secret) {
				const e = shop ? wooError(401, 'woocommerce_rest_authentication_error', 'Invalid signature - provided signature does not match.')
					: wooError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
				return send(res, e.status, e.body);
			}
			shop.calls.push({ method: req.method, path: path.slice(API.length), query: Object.fromEntries(url.searchParams), at: Date.now() });
			if (shop.rateLimitEvery && shop.calls.length % shop.rateLimitEvery === 0) {
				shop.limited++;
				const e = wooError(429, 'woocommerce_rest_too_many_requests', 'Too many requests. Please wait and try again.');
				return send(res, 429, e.body, { 'Retry-After': String(shop.retryAfter) });
			}
			let json = {};
			if (body.length) {
				try {
					json = JSON.parse(body.toString('utf8'));
				} catch {
					return send(res, 400, { code: 'rest_invalid_json', message: 'Invalid JSON body passed.', data: { status: 400 } });
				}
			}
			const out = route(shop, req.method, path.slice(API.length), url.searchParams, json);
			const finish = () => (out.drop ? res.destroy() : send(res, out.status, out.body, out.headers));
			if (shop.delayMs && path.endsWith('/products'))
				setTimeout(finish, shop.delayMs);
			else
				finish();
		} catch (e) {
			if (!res.headersSent)
				send(res, 500, { code: 'internal_server_error', message: String(e.message), data: { status: 500 } });
		}
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	const base = `http://${host}:${server.address().port}`;
	return { base, port: server.address().port, shops, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const i = process.argv.indexOf('--port');
	const sim = await startWooSim({ port: i > 0 ? Number(process.argv[i + 1]) : 0 });
	console.log(`woocommerce simulator on ${sim.base}`);
}
