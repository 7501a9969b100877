// server.mjs: a Shopify Admin API simulator for the connector's tests (node, no dependencies).
// What crowdcart calls, in the shapes Shopify publishes:
//   POST /admin/api/{version}/graphql.json  (X-Shopify-Access-Token)
//     query products(first, after): edges { cursor node { id handle title descriptionHtml vendor
//       productType tags status options { name position } media(first) { nodes { ... on MediaImage
//       { image { url altText } } } } variants(first) { nodes { id sku barcode price compareAtPrice
//       inventoryQuantity inventoryPolicy selectedOptions { name value } image { url }
//       inventoryItem { id } } } } } pageInfo { hasNextPage endCursor }, and productsCount { count }
//     mutation orderCreate(order: ...) { order { id name } userErrors { field message } }
//     query order(id) { id name displayFulfillmentStatus fulfillments { trackingInfo { company number url } } }
//     query orders(first, query: "tag:'...'") { nodes { id name } }
//     mutation webhookSubscriptionCreate(topic, webhookSubscription: { callbackUrl, format }) {
//       webhookSubscription { id } userErrors { field message } }
//   every answer carries extensions.cost (requestedQueryCost, actualQueryCost, throttleStatus
//   { maximumAvailable, currentlyAvailable, restoreRate }) from a leaky bucket that a query is admitted
//   to by its requested cost and charged its actual cost (the difference refunded); a query costing more
//   than what is available is answered { errors: [{ message: "Throttled", extensions: { code:
//   "THROTTLED" } }] } with HTTP 200, as Shopify does; a wrong token gets 401.
// Webhooks go out signed as Shopify signs them: X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 of the
// raw body under the app's client secret, with X-Shopify-Topic and X-Shopify-Shop-Domain.
// The control API under /_sim/ makes shops, edits them, sends webhooks and sets misbehaviour
// (a delay per page, a failure after N pages, a small bucket, other apps draining it, an order
// created whose answer is then dropped); tests only.
//
// usage: node tests/sim/shopify/server.mjs --port 8295
import crypto from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const API = /^\/admin\/api\/(\d{4}-\d{2})\/graphql\.json$/;
const gid = (type, id) => `gid://shopify/${type}/${id}`;
const money = (cents) => (cents / 100).toFixed(2);

export function sign(secret, body) {
	return crypto.createHmac('sha256', secret).update(body).digest('base64');
}

function makeProducts(n, { variants = 2, images = 2, seed = 1 } = {}) {
	const out = [];
	let vid = seed * 1000000, iid = seed * 5000000;
	for (let i = 1; i <= n; i++) {
		const id = seed * 100000 + i;
		const imgs = Array.from({ length: images }, (_, k) => ({ url: `https://cdn.shopify.test/p${id}-${k + 1}.jpg`, alt: k ? '' : `Product ${i}` }));
		out.push({
			id, handle: `sim-product-${id}`, title: `Product ${i}`, descriptionHtml: `<p>About <strong>product ${i}</strong></p>`,
			vendor: 'Sim Vendor', productType: 'Things', tags: ['sim', `batch-${Math.ceil(i / 100)}`], status: 'ACTIVE',
			options: variants > 1 ? [{ name: 'Size', position: 1 }] : [{ name: 'Title', position: 1 }],
			images: imgs,
			variants: Array.from({ length: variants }, (_, k) => ({
				id: ++vid, inventoryItemId: ++iid, sku: `SIM-${id}-${k + 1}`, barcode: '', price: 1000 + i + k * 100,
				compareAtPrice: k === 0 ? 2000 + i : null, inventoryQuantity: (i + k) % 7, inventoryPolicy: k === 1 && i % 10 === 0 ? 'CONTINUE' : 'DENY',
				selectedOptions: variants > 1 ? [{ name: 'Size', value: ['S', 'M', 'L', 'XL'][k % 4] + (k >= 4 ? k : '') }] : [{ name: 'Title', value: 'Default Title' }],
				image: k < imgs.length ? imgs[k].url : null,
			})),
		});
	}
	return out;
}

function productNode(p) {
	return {
		id: gid('Product', p.id), handle: p.handle, title: p.title, descriptionHtml: p.descriptionHtml, vendor: p.vendor,
		productType: p.productType, tags: p.tags, status: p.status,
		options: p.options.map((o) => ({ name: o.name, position: o.position })),
		media: { nodes: p.images.map((im) => ({ image: { url: im.url, altText: im.alt || null } })) },
		variants: {
			nodes: p.variants.map((v) => ({
				id: gid('ProductVariant', v.id), sku: v.sku, barcode: v.barcode || null, price: money(v.price),
				compareAtPrice: v.compareAtPrice == null ? null : money(v.compareAtPrice), inventoryQuantity: v.inventoryQuantity,
				inventoryPolicy: v.inventoryPolicy, selectedOptions: v.selectedOptions, image: v.image ? { url: v.image } : null,
				inventoryItem: { id: gid('InventoryItem', v.inventoryItemId) },
			})),
		},
	};
}

// The REST-shaped payload of a products/create|update webhook.
export function productWebhook(p) {
	return {
		id: p.id, admin_graphql_api_id: gid('Product', p.id), title: p.title, handle: p.handle, body_html: p.descriptionHtml,
		vendor: p.vendor, product_type: p.productType, tags: p.tags.join(', '), status: p.status.toLowerCase(),
		options: p.options.map((o) => ({ name: o.name, position: o.position })),
		images: p.images.map((im, k) => ({ id: p.id * 10 + k, src: im.url, alt: im.alt || null, position: k + 1 })),
		variants: p.variants.map((v) => ({
			id: v.id, product_id: p.id, sku: v.sku, barcode: v.barcode || null, price: money(v.price),
			compare_at_price: v.compareAtPrice == null ? null : money(v.compareAtPrice), inventory_quantity: v.inventoryQuantity,
			inventory_policy: v.inventoryPolicy.toLowerCase(), inventory_item_id: v.inventoryItemId,
			option1: v.selectedOptions[0]?.value ?? null, option2: v.selectedOptions[1]?.value ?? null,
			option3: v.selectedOptions[2]?.value ?? null,
			image_id: v.image ? p.id * 10 + p.images.findIndex((im) => im.url === v.image) : null,
		})),
	};
}

class Bucket {
	constructor(max = 2000, rate = 100) { this.max = max; this.rate = rate; this.level = max; this.at = Date.now(); }
	available() {
		const now = Date.now();
		this.level = Math.min(this.max, this.level + ((now - this.at) / 1000) * this.rate);
		this.at = now;
		return Math.floor(this.level);
	}
	status() { return { maximumAvailable: this.max, currentlyAvailable: this.available(), restoreRate: this.rate }; }
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
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
	res.end(body);
}

// The integer after "first:" in the query text or the variable it names.
function firstArg(query, variables, field) {
	const m = new RegExp(`${field}\\s*\\(([^)]*)\\)`).exec(query);
	const a = m ? /first\s*:\s*(\$?\w+)/.exec(m[1]) : null;
	if (!a)
		return 10;
	return a[1].startsWith('$') ? Number(variables[a[1].slice(1)]) : Number(a[1]);
}

export async function startShopifySim({ port = 0, host = '127.0.0.1' } = {}) {
	const shops = new Map();	// domain -> shop
	const byToken = new Map();
	let seq = 0;

	function graphql(shop, body, res) {
		let q;
		try {
			q = JSON.parse(body.toString('utf8'));
		} catch {
			return send(res, 400, { errors: [{ message: 'Parse error: the body is not JSON' }] });
		}
		const query = String(q.query ?? ''), vars = q.variables ?? {};
		shop.calls.push({ query: query.replace(/\s+/g, ' ').slice(0, 200), variables: vars, at: Date.now() });
		let cost = 1, run;
		if (/\bproducts\s*\(/.test(query)) {
			const first = firstArg(query, vars, 'products');
			const vfirst = firstArg(query, vars, 'variants'), mfirst = firstArg(query, vars, 'media');
			if (!(first >= 1 && first <= 250))
				return send(res, 200, { errors: [{ message: 'first must be between 1 and 250', extensions: { code: 'BAD_REQUEST' } }] });
			// Shopify's calculated cost: each connection costs 2 + what its first asks for.
			cost = 2 + first * (1 + Math.ceil(vfirst / 10) + Math.ceil(mfirst / 10));
			run = () => {
				shop.pages++;
				if (shop.failAfterPages && shop.pages > shop.failAfterPages)
					return { http: 502, body: { errors: 'Bad Gateway (simulated)' } };
				const after = vars.after ?? null;
				const live = shop.products;
				let start = 0;
				if (after) {
					const id = Number(Buffer.from(after, 'base64').toString('utf8').replace(/^cursor:/, ''));
					start = live.findIndex((p) => p.id > id);
					if (start < 0)
						start = live.length;
				}
				const page = live.slice(start, start + first);
				const cursor = (p) => Buffer.from(`cursor:${p.id}`).toString('base64');
				// What the query really cost, from what it returned: the difference is refunded.
				const actual = 2 + page.reduce((sum, p) => sum + 1 + Math.ceil(Math.min(p.variants.length, vfirst) / 10)
					+ Math.ceil(Math.min(p.images.length, mfirst) / 10), 0);
				return {
					actual,
					data: {
						products: {
							edges: page.map((p) => ({ cursor: cursor(p), node: productNode(p) })),
							pageInfo: { hasNextPage: start + first < live.length, endCursor: page.length ? cursor(page.at(-1)) : null },
						},
						...(/productsCount/.test(query) ? { productsCount: { count: live.length, precision: 'EXACT' } } : {}),
					},
				};
			};
		} else if (/\bproductsCount\b/.test(query)) {
			run = () => ({ data: { productsCount: { count: shop.products.length, precision: 'EXACT' } } });
		} else if (/\borderCreate\s*\(/.test(query)) {
			cost = 10;
			run = () => {
				const order = vars.order ?? {};
				const lines = order.lineItems ?? [];
				const errors = [];
				if (!lines.length)
					errors.push({ field: ['order', 'lineItems'], message: 'Line items must have at least one item' });
				for (const [i, l] of lines.entries())
					if (l.variantId && !shop.products.some((p) => p.variants.some((v) => gid('ProductVariant', v.id) === l.variantId)))
						errors.push({ field: ['order', 'lineItems', String(i), 'variantId'], message: 'Variant does not exist' });
				if (errors.length)
					return { data: { orderCreate: { order: null, userErrors: errors } } };
				const id = 820000 + shop.orders.length + 1;
				const o = { id, name: `#${1000 + shop.orders.length + 1}`, input: order, fulfillments: [] };
				shop.orders.push(o);
				// created, but the answer never reaches the caller (a timeout, a dropped connection)
				if (shop.dropOrderAnswers > 0) {
					shop.dropOrderAnswers--;
					return { drop: true };
				}
				return { data: { orderCreate: { order: { id: gid('Order', id), name: o.name }, userErrors: [] } } };
			};
		} else if (/\borders\s*\(/.test(query)) {
			// the search syntax's tag:'value' (or tag:value), the only filter crowdcart uses
			run = () => {
				const q = String(vars.q ?? /query\s*:\s*"([^"]*)"/.exec(query)?.[1] ?? '');
				const tag = /tag:'([^']*)'|tag:(\S+)/.exec(q);
				const found = tag ? shop.orders.filter((o) => (o.input.tags ?? []).includes(tag[1] ?? tag[2])) : shop.orders;
				return { data: { orders: { nodes: found.slice(0, firstArg(query, vars, 'orders')).map((o) => ({ id: gid('Order', o.id), name: o.name })) } } };
			};
		} else if (/\bwebhookSubscriptionCreate\s*\(/.test(query)) {
			run = () => {
				const sub = vars.webhookSubscription ?? {};
				if (!/^https?:\/\//.test(sub.callbackUrl ?? ''))
					return { data: { webhookSubscriptionCreate: { webhookSubscription: null, userErrors: [{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address is invalid' }] } } };
				if (shop.webhooks.some((w) => w.topic === vars.topic && w.callbackUrl === sub.callbackUrl))
					return { data: { webhookSubscriptionCreate: { webhookSubscription: null, userErrors: [{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address for this topic has already been taken' }] } } };
				const w = { id: gid('WebhookSubscription', 7000 + shop.webhooks.length + 1), topic: vars.topic, callbackUrl: sub.callbackUrl, format: sub.format ?? 'JSON' };
				shop.webhooks.push(w);
				return { data: { webhookSubscriptionCreate: { webhookSubscription: { id: w.id, topic: w.topic }, userErrors: [] } } };
			};
		} else if (/\border\s*\(\s*id\s*:/.test(query)) {
			run = () => {
				const o = shop.orders.find((x) => gid('Order', x.id) === vars.id);
				return { data: { order: o ? {
					id: gid('Order', o.id), name: o.name,
					displayFulfillmentStatus: o.fulfillments.length ? 'FULFILLED' : 'UNFULFILLED',
					fulfillments: o.fulfillments.map((f) => ({ status: 'SUCCESS', trackingInfo: [f] })),
				} : null } };
			};
		} else {
			return send(res, 200, { errors: [{ message: 'the simulator does not answer this query', extensions: { code: 'BAD_REQUEST' } }] });
		}
		if (shop.drainNext) {
			shop.bucket.available();
			shop.bucket.level = 0;
			shop.drainNext = false;
		}
		const throttleStatus = shop.bucket.status();
		if (cost > shop.bucket.max)
			return send(res, 200, { errors: [{ message: `Query cost is ${cost}, which exceeds the single query max cost limit (${shop.bucket.max}).`,
				extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: shop.bucket.max } }] });
		if (cost > throttleStatus.currentlyAvailable) {
			shop.throttled++;
			return send(res, 200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
				extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus } } });
		}
		shop.bucket.level -= cost;
		const finish = () => {
			const { actual = cost, ...out } = run();
			if (out.drop)
				return res.destroy();
			if (out.http)
				return send(res, out.http, out.body);
			shop.bucket.level += cost - actual;
			out.extensions = { cost: { requestedQueryCost: cost, actualQueryCost: actual, throttleStatus: shop.bucket.status() } };
			send(res, 200, out);
			// Other apps of the shop share its bucket: they may empty it before our next query.
			shop.drainNext = shop.otherAppsDrain;
		};
		if (shop.delayMs)
			setTimeout(finish, shop.delayMs);
		else
			finish();
	}

	async function webhook(shop, { url, topic, payload, forge }) {
		const body = JSON.stringify(payload);
		const hmac = sign(forge ? 'not-the-secret' : shop.secret, body);
		const r = await fetch(url, { method: 'POST', body, headers: {
			'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-hmac-sha256': hmac,
			'x-shopify-shop-domain': shop.domain, 'x-shopify-api-version': '2025-01',
			'x-shopify-webhook-id': crypto.randomUUID(), 'x-shopify-triggered-at': new Date().toISOString(),
		} });
		return { status: r.status, body: await r.text() };
	}

	async function control(req, res, path, body) {
		const json = body.length ? JSON.parse(body.toString('utf8')) : {};
		if (req.method === 'POST' && path === '/_sim/shops') {
			const n = ++seq;
			const domain = json.domain ?? `sim-${n}-${crypto.randomBytes(3).toString('hex')}.myshopify.com`;
			const shop = {
				domain, token: `shpat_${crypto.randomBytes(16).toString('hex')}`, secret: crypto.randomBytes(16).toString('hex'),
				products: makeProducts(json.products ?? 10, { variants: json.variants, images: json.images, seed: n }),
				orders: [], webhooks: [], dropOrderAnswers: 0, calls: [], pages: 0, throttled: 0, delayMs: json.delayMs ?? 0, failAfterPages: json.failAfterPages ?? 0,
				otherAppsDrain: json.otherAppsDrain ?? false,
				bucket: new Bucket(json.bucketMax ?? 2000, json.restoreRate ?? 100),
			};
			shops.set(domain, shop);
			byToken.set(shop.token, shop);
			return send(res, 201, { domain, token: shop.token, secret: shop.secret });
		}
		const m = /^\/_sim\/shops\/([^/]+)(\/.*)?$/.exec(path);
		const shop = m && shops.get(m[1]);
		if (!shop)
			return send(res, 404, { error: 'no such shop' });
		const sub = m[2] ?? '';
		if (req.method === 'GET' && sub === '')
			return send(res, 200, { domain: shop.domain, pages: shop.pages, throttled: shop.throttled, calls: shop.calls,
				orders: shop.orders, webhooks: shop.webhooks, products: shop.products.length });
		if (req.method === 'POST' && sub === '/behaviour') {
			for (const k of ['delayMs', 'failAfterPages', 'otherAppsDrain', 'dropOrderAnswers'])
				if (k in json)
					shop[k] = json[k];
			if ('pages' in json)
				shop.pages = json.pages;
			return send(res, 200, { ok: true });
		}
		// Edits a product (price of a variant, title, removal) and returns its webhook payload.
		const pm = /^\/products\/(\d+)$/.exec(sub);
		if (pm) {
			const i = shop.products.findIndex((p) => p.id === Number(pm[1]));
			if (i < 0)
				return send(res, 404, { error: 'no such product' });
			if (req.method === 'DELETE') {
				const [gone] = shop.products.splice(i, 1);
				return send(res, 200, { id: gone.id });
			}
			const p = shop.products[i];
			if (json.title)
				p.title = json.title;
			for (const [k, v] of Object.entries(json.variants ?? {}))
				Object.assign(p.variants[Number(k)], v);
			return send(res, 200, productWebhook(p));
		}
		if (req.method === 'POST' && sub === '/webhook')
			return send(res, 200, await webhook(shop, json));
		// Fulfils an order with tracking, as the brand does in Shopify's admin.
		const om = /^\/orders\/(\d+)\/fulfil$/.exec(sub);
		if (req.method === 'POST' && om) {
			const o = shop.orders.find((x) => x.id === Number(om[1]));
			if (!o)
				return send(res, 404, { error: 'no such order' });
			o.fulfillments.push({ company: json.company ?? 'UPS', number: json.number ?? '1Z999', url: json.url ?? null });
			return send(res, 200, { ok: true });
		}
		return send(res, 404, { error: 'no such control route' });
	}

	const server = http.createServer(async (req, res) => {
		const path = req.url.split('?')[0];
		try {
			const body = await readBody(req);
			if (path.startsWith('/_sim/'))
				return await control(req, res, path, body);
			if (req.method !== 'POST' || !API.test(path))
				return send(res, 404, { errors: 'Not Found' });
			const shop = byToken.get(req.headers['x-shopify-access-token'] ?? '');
			if (!shop)
				return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
			return graphql(shop, body, res);
		} catch (e) {
			if (!res.headersSent)
				send(res, 500, { errors: String(e.message) });
		}
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	const base = `http://${host}:${server.address().port}`;
	return { base, port: server.address().port, shops, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const i = process.argv.indexOf('--port');
	const sim = await startShopifySim({ port: i > 0 ? Number(process.argv[i + 1]) : 0 });
	console.log(`shopify simulator on ${sim.base}`);
}
