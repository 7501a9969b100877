// server.mjs: a PrestaShop Webservice simulator for the connector's tests (node, no dependencies).
// What crowdcart calls, in the shapes PrestaShop publishes (devdocs.prestashop-project.org, Webservice):
//   GET /api/products?display=[id]                          every product id (the count)
//   GET /api/products?display=full&limit=OFFSET,COUNT&sort=[id_ASC]
//   GET /api/combinations?display=full&filter[id_product]=[1|2|3]
//   GET /api/stock_availables?display=full&filter[id_product]=[1|2|3]
//   GET /api/product_option_values?display=full&filter[id]=[1|2]     GET /api/product_options?display=full
//   XML in <prestashop xmlns:xlink=...>, texts in CDATA, multilingual fields as <language id="1">;
//   the Webservice key as the basic-auth user with an empty password (or ws_key=), a wrong one
//   answered 401 with <errors><error><code>..</code><message>..</message></error></errors>.
// The control API under /_sim/ makes shops, edits and removes products and sets misbehaviour (a
// delay per products page, a 500 after N products pages).
//
// usage: node tests/sim/prestashop/server.mjs --port 8297
import crypto from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const XLINK = 'http://www.w3.org/1999/xlink';
const cdata = (s) => `<![CDATA[${String(s).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const lang = (s) => `<language id="1" xlink:href="https://shop.presta.test/api/languages/1">${cdata(s)}</language>`;
const price = (cents) => (cents / 100).toFixed(6);
const doc = (inner) => `<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="${XLINK}">\n${inner}\n</prestashop>\n`;

// PrestaShop keeps a product's picture at /img/p/ followed by the id's digits as folders.
export const imageUrl = (base, id) => `${base}/img/p/${String(id).split('').join('/')}/${id}.jpg`;

function makeProducts(n, { combinations = 2, images = 2, seed = 1 } = {}) {
	const out = [];
	let cid = seed * 1000000, iid = seed * 500000;
	for (let i = 1; i <= n; i++) {
		const id = seed * 100000 + i;
		const imgs = Array.from({ length: images }, () => ++iid);
		out.push({
			id, name: `Product ${i}`, link_rewrite: `presta-product-${id}`, description: `<p>About <strong>product ${i}</strong></p>`,
			reference: `PS-${id}`, ean13: '', price: 1000 + i, active: i % 50 === 0 ? 0 : 1, images: imgs, quantity: i % 7,
			out_of_stock: 2,
			combinations: Array.from({ length: combinations }, (_, k) => ({
				id: ++cid, reference: `PS-${id}-${k + 1}`, impact: k * 100, value: k % 4 + 1, image: imgs[k] ?? null,
				quantity: (i + k) % 7, out_of_stock: k === 1 && i % 10 === 0 ? 1 : 0,
			})),
		});
	}
	return out;
}

const OPTION_VALUES = [{ id: 1, name: 'S' }, { id: 2, name: 'M' }, { id: 3, name: 'L' }, { id: 4, name: 'XL' }];

function productXml(p, base) {
	const combos = p.combinations.map((c) => `<combination xlink:href="${base}/api/combinations/${c.id}"><id>${cdata(c.id)}</id></combination>`).join('');
	const images = p.images.map((im) => `<image xlink:href="${base}/api/images/products/${p.id}/${im}"><id>${cdata(im)}</id></image>`).join('');
	const stock = [{ id: p.id * 10, attr: 0 }, ...p.combinations.map((c, k) => ({ id: p.id * 10 + k + 1, attr: c.id }))]
		.map((s) => `<stock_available xlink:href="${base}/api/stock_availables/${s.id}"><id>${cdata(s.id)}</id><id_product_attribute>${cdata(s.attr)}</id_product_attribute></stock_available>`).join('');
	return `<product>
<id>${cdata(p.id)}</id>
<id_default_image xlink:href="${base}/api/images/products/${p.id}/${p.images[0] ?? ''}">${cdata(p.images[0] ?? '')}</id_default_image>
<reference>${cdata(p.reference)}</reference><ean13>${cdata(p.ean13)}</ean13>
<price>${cdata(price(p.price))}</price><active>${cdata(p.active)}</active><state>${cdata(1)}</state>
<name>${lang(p.name)}</name><link_rewrite>${lang(p.link_rewrite)}</link_rewrite><description>${lang(p.description)}</description>
<description_short>${lang('')}</description_short>
<associations><categories nodeType="category" api="categories"><category xlink:href="${base}/api/categories/2"><id>${cdata(2)}</id></category></categories>
<images nodeType="image" api="images">${images}</images>
<combinations nodeType="combination" api="combinations">${combos}</combinations>
<stock_availables nodeType="stock_available" api="stock_availables">${stock}</stock_availables></associations>
</product>`;
}

function parseFilter(v) {
	const m = /^\[([\d|]+)\]$/.exec(v ?? '');
	return m ? new Set(m[1].split('|').map(Number)) : null;
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const parts = [];
		req.on('data', (c) => parts.push(c));
		req.on('end', () => resolve(Buffer.concat(parts)));
		req.on('error', reject);
	});
}

function sendXml(res, status, body) {
	res.writeHead(status, { 'content-type': 'text/xml;charset=utf-8', 'content-length': Buffer.byteLength(body),
		'PSWS-Version': '8.1.0', 'Execution-Time': '0.01' });
	res.end(body);
}

const xmlError = (code, message) => doc(`<errors>\n<error>\n<code>${cdata(code)}</code>\n<message>${cdata(message)}</message>\n</error>\n</errors>`);

function sendJson(res, status, obj) {
	const body = JSON.stringify(obj);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
	res.end(body);
}

export async function startPrestaSim({ port = 0, host = '127.0.0.1' } = {}) {
	const shops = new Map();	// key -> shop
	let seq = 0;

	function api(shop, resource, q) {
		const base = shop.url;
		if (resource === 'products') {
			const sorted = [...shop.products].sort((a, b) => a.id - b.id);
			if (q.get('display') === '[id]')
				return doc(`<products>\n${sorted.map((p) => `<product><id>${cdata(p.id)}</id></product>`).join('\n')}\n</products>`);
			shop.pages++;
			if (shop.failAfterPages && shop.pages > shop.failAfterPages)
				return { status: 500, body: xmlError(0, 'Internal error (simulated)') };
			const m = /^(\d+),(\d+)$/.exec(q.get('limit') ?? '') ?? [null, '0', String(sorted.length)];
			const page = sorted.slice(Number(m[1]), Number(m[1]) + Number(m[2]));
			return doc(`<products>\n${page.map((p) => productXml(p, base)).join('\n')}\n</products>`);
		}
		if (resource === 'combinations') {
			const want = parseFilter(q.get('filter[id_product]'));
			const rows = shop.products.filter((p) => !want || want.has(p.id)).flatMap((p) => p.combinations.map((c) => `<combination>
<id>${cdata(c.id)}</id><id_product>${cdata(p.id)}</id_product><reference>${cdata(c.reference)}</reference><ean13>${cdata('')}</ean13>
<price>${cdata(price(c.impact))}</price><minimal_quantity>${cdata(1)}</minimal_quantity>
<associations><product_option_values nodeType="product_option_value" api="product_option_values"><product_option_value xlink:href="${base}/api/product_option_values/${c.value}"><id>${cdata(c.value)}</id></product_option_value></product_option_values>
<images nodeType="image" api="images">${c.image ? `<image xlink:href="${base}/api/images/products/${p.id}/${c.image}"><id>${cdata(c.image)}</id></image>` : ''}</images></associations>
</combination>`));
			return doc(`<combinations>\n${rows.join('\n')}\n</combinations>`);
		}
		if (resource === 'stock_availables') {
			const want = parseFilter(q.get('filter[id_product]'));
			const rows = shop.products.filter((p) => !want || want.has(p.id)).flatMap((p) => [
				{ id: p.id * 10, attr: 0, qty: p.combinations.reduce((s, c) => s + c.quantity, p.combinations.length ? 0 : p.quantity), oos: p.out_of_stock },
				...p.combinations.map((c, k) => ({ id: p.id * 10 + k + 1, attr: c.id, qty: c.quantity, oos: c.out_of_stock })),
			].map((s) => `<stock_available><id>${cdata(s.id)}</id><id_product>${cdata(p.id)}</id_product><id_product_attribute>${cdata(s.attr)}</id_product_attribute><id_shop>${cdata(1)}</id_shop><quantity>${cdata(s.qty)}</quantity><depends_on_stock>${cdata(0)}</depends_on_stock><out_of_stock>${cdata(s.oos)}</out_of_stock></stock_available>`));
			return doc(`<stock_availables>\n${rows.join('\n')}\n</stock_availables>`);
		}
		if (resource === 'product_option_values') {
			const want = parseFilter(q.get('filter[id]'));
			return doc(`<product_option_values>\n${OPTION_VALUES.filter((v) => !want || want.has(v.id)).map((v) =>
				`<product_option_value><id>${cdata(v.id)}</id><id_attribute_group>${cdata(1)}</id_attribute_group><color>${cdata('')}</color><position>${cdata(v.id - 1)}</position><name>${lang(v.name)}</name></product_option_value>`).join('\n')}\n</product_option_values>`);
		}
		if (resource === 'product_options')
			return doc(`<product_options>\n<product_option><id>${cdata(1)}</id><is_color_group>${cdata(0)}</is_color_group><group_type>${cdata('select')}</group_type><position>${cdata(0)}</position><name>${lang('Size')}</name><public_name>${lang('Size')}</public_name></product_option>\n</product_options>`);
		return { status: 400, body: xmlError(20, `Resource of type "${resource}" does not exists. Did you mean: "products"?`) };
	}

	function control(req, res, path, json) {
		if (req.method === 'POST' && path === '/_sim/shops') {
			const n = ++seq;
			const key = crypto.randomBytes(16).toString('hex').toUpperCase();
			const url = `https://shop-${n}.presta.test`;
			const shop = { key, url, products: makeProducts(json.products ?? 10, { combinations: json.combinations, images: json.images, seed: n }),
				calls: [], pages: 0, delayMs: json.delayMs ?? 0, failAfterPages: json.failAfterPages ?? 0 };
			shops.set(key, shop);
			return sendJson(res, 201, { url, key });
		}
		const m = /^\/_sim\/shops\/([^/]+)(\/.*)?$/.exec(path);
		const shop = m && shops.get(m[1]);
		if (!shop)
			return sendJson(res, 404, { error: 'no such shop' });
		const sub = m[2] ?? '';
		if (req.method === 'GET' && sub === '')
			return sendJson(res, 200, { pages: shop.pages, calls: shop.calls, products: shop.products.length });
		if (req.method === 'POST' && sub === '/behaviour') {
			for (const k of ['delayMs', 'failAfterPages', 'pages'])
				if (k in json)
					shop[k] = json[k];
			return sendJson(res, 200, { ok: true });
		}
		const pm = /^\/products\/(\d+)$/.exec(sub);
		if (pm) {
			const i = shop.products.findIndex((p) => p.id === Number(pm[1]));
			if (i < 0)
				return sendJson(res, 404, { error: 'no such product' });
			if (req.method === 'DELETE')
				return sendJson(res, 200, { id: shop.products.splice(i, 1)[0].id });
			Object.assign(shop.products[i], json);
			return sendJson(res, 200, { ok: true });
		}
		return sendJson(res, 404, { error: 'no such control route' });
	}

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://sim');
		try {
			const body = await readBody(req);
			if (url.pathname.startsWith('/_sim/'))
				return control(req, res, url.pathname, body.length ? JSON.parse(body.toString('utf8')) : {});
			const m = /^\/api\/([a-z_]+)$/.exec(url.pathname);
			if (!m)
				return sendXml(res, 404, xmlError(0, 'Not found'));
			const auth = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
			const key = auth ? Buffer.from(auth[1], 'base64').toString('utf8').split(':')[0] : url.searchParams.get('ws_key') ?? '';
			const shop = shops.get(key);
			if (!shop) {
				res.setHeader('WWW-Authenticate', 'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."');
				return sendXml(res, 401, xmlError(17, 'Authentication key is empty'.replace('is empty', key ? 'does not exist' : 'is empty')));
			}
			if (req.method !== 'GET')
				return sendXml(res, 405, xmlError(0, 'Method not allowed'));
			shop.calls.push({ resource: m[1], query: Object.fromEntries(url.searchParams), at: Date.now() });
			const out = api(shop, m[1], url.searchParams);
			const finish = () => (typeof out === 'string' ? sendXml(res, 200, out) : sendXml(res, out.status, out.body));
			if (shop.delayMs && m[1] === 'products')
				setTimeout(finish, shop.delayMs);
			else
				finish();
		} catch (e) {
			if (!res.headersSent)
				sendXml(res, 500, xmlError(0, String(e.message)));
		}
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	const base = `http://${host}:${server.address().port}`;
	return { base, port: server.address().port, shops, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const i = process.argv.indexOf('--port');
	const sim = await startPrestaSim({ port: i > 0 ? Number(process.argv[i + 1]) : 0 });
	console.log(`prestashop simulator on ${sim.base}`);
}
