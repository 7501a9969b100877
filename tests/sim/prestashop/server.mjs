// server.mjs: a PrestaShop Webservice simulator for the connector's tests (node, no dependencies).
// What crowdcart calls, in the shapes PrestaShop publishes (devdocs.prestashop-project.org, Webservice):
//   GET /api/products?display=[id]                          every product id (the count)
//   GET /api/products?display=full&limit=OFFSET,COUNT&sort=[id_ASC]
//   GET /api/combinations?display=full&filter[id_product]=[1|2|3]
//   GET /api/stock_availables?display=full&filter[id_product]=[1|2|3]
//   GET /api/product_option_values?display=full&filter[id]=[1|2]     GET /api/product_options?display=full
//   GET /api/specific_prices, configurations, currencies, countries, states, carriers, order_states, tax_rule_groups,
//       tax_rules, taxes, customers, addresses, carts, orders, order_carriers, each filtered by any
//       field (filter[email]=[a@b.c], filter[id_cart]=[7], [1|2] for several), display=[id,name]
//       or full, and GET /api/{resource}/{id} for one
//   POST /api/customers, addresses, carts, orders: the new resource in XML (<prestashop><customer>
//       ...), checked as PrestaShop's ObjectModel checks it (required fields, names without digits,
//       the e-mail), 400 with "Validation error: ..." otherwise; answered 201 with the resource.
//       An order is made from its cart as validateOrder does: its lines are the cart's, its totals
//       the cart's (prices with the tax of the shop's country), its reference 9 capital letters,
//       an order_carrier row beside it, and a cart already ordered is refused.
//   XML in <prestashop xmlns:xlink=...>, texts in CDATA, multilingual fields as <language id="1">;
//   the Webservice key as the basic-auth user with an empty password (or ws_key=), a wrong one
//   answered 401 with <errors><error><code>..</code><message>..</message></error></errors>.
// The control API under /_sim/ makes shops (products with a tax rules group when asked: { taxRate:
// 20 }), edits and removes products, adds specific prices, ships an order (a carrier and tracking number on its
// order_carrier, the Shipped state) and sets misbehaviour (a delay per products page, a 500 after
// N products pages, an order created whose answer is then dropped).
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

function makeProducts(n, { combinations = 2, images = 2, seed = 1, taxGroup = 0 } = {}) {
	const out = [];
	let cid = seed * 1000000, iid = seed * 500000;
	for (let i = 1; i <= n; i++) {
		const id = seed * 100000 + i;
		const imgs = Array.from({ length: images }, () => ++iid);
		out.push({
			id, name: `Product ${i}`, link_rewrite: `presta-product-${id}`, description: `<p>About <strong>product ${i}</strong></p>`,
			reference: `PS-${id}`, ean13: '', price: 1000 + i, active: i % 50 === 0 ? 0 : 1, images: imgs, quantity: i % 7,
			out_of_stock: 2, id_tax_rules_group: taxGroup,
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
<price>${cdata(price(p.price))}</price><id_tax_rules_group>${cdata(p.id_tax_rules_group ?? 0)}</id_tax_rules_group><active>${cdata(p.active)}</active><state>${cdata(1)}</state>
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

// The Webservice's filter on any field: [a|b] matches either value exactly.
function filterRows(rows, q) {
	let out = rows;
	for (const [k, v] of q) {
		const m = /^filter\[([a-z_]+)\]$/.exec(k);
		if (!m)
			continue;
		const want = /^\[(.*)\]$/.exec(v);
		const values = new Set(want ? want[1].split('|') : [v]);
		out = out.filter((r) => values.has(String(typeof r[m[1]] === 'object' && r[m[1]] !== null ? r[m[1]].lang : r[m[1]])));
	}
	return out;
}

// A row as the Webservice writes it: display=full every field, display=[a,b] those, no display the
// id and its address only. A field { lang: 'x' } is multilingual; associations are written as given.
function rowXml(singular, resource, r, display, base) {
	if (!display)
		return `<${singular} id="${r.id}" xlink:href="${base}/api/${resource}/${r.id}"/>`;
	const fields = display === 'full' ? Object.keys(r) : ['id', ...display.replace(/^\[|\]$/g, '').split(',').filter((f) => f !== 'id')];
	const inner = fields.filter((f) => f in r && f !== 'associations').map((f) =>
		`<${f}>${typeof r[f] === 'object' && r[f] !== null ? lang(r[f].lang) : cdata(r[f])}</${f}>`).join('');
	return `<${singular}>${inner}${display === 'full' && r.associations ? `<associations>${r.associations}</associations>` : ''}</${singular}>`;
}

// Just enough XML for what a client POSTs: elements, text, CDATA, the five entities.
export function parseXml(text) {
	const stack = [{ name: '#root', children: [], text: '' }];
	const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
	const unent = (t) => t.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]
		?? String.fromCodePoint(Number(e.slice(1))));
	let m;
	while ((m = re.exec(text))) {
		const top = stack[stack.length - 1];
		if (m[1] !== undefined)
			top.text += m[1];
		else if (m[6] !== undefined)
			top.text += unent(m[6]);
		else if (m[3] && m[2] === '/') {
			if (stack.length < 2 || top.name !== m[3])
				throw new Error(`XML: </${m[3]}> closes <${top.name}>`);
			stack.pop();
		} else if (m[3]) {
			const el = { name: m[3], children: [], text: '' };
			top.children.push(el);
			if (!m[5])
				stack.push(el);
		}
	}
	if (stack.length !== 1)
		throw new Error('XML: unclosed element');
	return stack[0].children[0];
}
const child = (el, name) => el?.children.find((c) => c.name === name);
const fieldsOf = (el) => Object.fromEntries(el.children.filter((c) => !c.children.length).map((c) => [c.name, c.text.trim()]));

const SINGULAR = { customers: 'customer', addresses: 'address', carts: 'cart', orders: 'order', order_carriers: 'order_carrier',
	carriers: 'carrier', order_states: 'order_state', configurations: 'configuration', currencies: 'currency',
	countries: 'country', states: 'state', specific_prices: 'specific_price', tax_rule_groups: 'tax_rule_group', tax_rules: 'tax_rule', taxes: 'tax' };

// PrestaShop's ObjectModel checks on what a client may create (classes/*.php $definition).
const REQUIRED = {
	customers: ['passwd', 'lastname', 'firstname', 'email'],
	addresses: ['id_country', 'alias', 'lastname', 'firstname', 'address1', 'city'],
	carts: ['id_currency', 'id_lang'],
	orders: ['id_address_delivery', 'id_address_invoice', 'id_cart', 'id_currency', 'id_lang', 'id_customer', 'id_carrier',
		'module', 'payment', 'total_paid', 'total_paid_real', 'total_products', 'total_products_wt', 'conversion_rate'],
};
const CLASS = { customers: 'Customer', addresses: 'Address', carts: 'Cart', orders: 'Order' };
const NAME_FORBIDDEN = /[0-9!<>,;?=+()/\\@#"°*`{}_^$%:¤[\]|]/;
const PAYMENT_MODULES = new Set(['ps_wirepayment', 'ps_checkpayment', 'ps_cashondelivery']);

function validate(resource, f) {
	const bad = (field, why) => `Validation error: "Property ${CLASS[resource]}->${field} ${why}."`;
	for (const k of REQUIRED[resource])
		if (!f[k])
			return bad(k, 'is empty');
	for (const k of ['lastname', 'firstname'])
		if (k in f && NAME_FORBIDDEN.test(f[k]))
			return bad(k, 'is not valid');
	if (resource === 'customers' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.email))
		return bad('email', 'is not valid');
	if (resource === 'addresses' && /[<>={}]/.test(f.alias + f.address1 + (f.address2 ?? '') + f.city))
		return bad('alias', 'is not valid');
	return null;
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

// A fresh shop's settings and lists, with PrestaShop's own default ids: France (8) the default
// country, 2 "Payment accepted", 4 "Shipped", 8 "Payment error"; the tax rules group 1 taxes France
// at taxRate % (and Germany, 1, at 19 %, to show the country matters).
function baseData(json) {
	const rate = json.taxRate ?? 20;
	return {
		configurations: [['PS_LANG_DEFAULT', '1'], ['PS_COUNTRY_DEFAULT', '8'], ['PS_CURRENCY_DEFAULT', '1'], ['PS_CARRIER_DEFAULT', '2'],
			['PS_OS_PAYMENT', '2'], ['PS_OS_SHIPPING', '4'], ['PS_OS_ERROR', '8'], ['PS_TAX', json.taxEnabled === false ? '0' : '1']]
			.map(([name, value], i) => ({ id: i + 1, value, name, id_shop_group: '', id_shop: '' })),
		currencies: [{ id: 1, iso_code: 'EUR', name: 'Euro', conversion_rate: '1.000000', deleted: 0, active: 1 },
			{ id: 2, iso_code: 'USD', name: 'US Dollar', conversion_rate: '1.080000', deleted: 0, active: 1 },
			{ id: 3, iso_code: 'GBP', name: 'British Pound', conversion_rate: '0.860000', deleted: 0, active: 1 }],
		countries: [[1, 'DE', 'Germany'], [8, 'FR', 'France'], [17, 'GB', 'United Kingdom'], [21, 'US', 'United States']]
			.map(([id, iso, name]) => ({ id, id_zone: 1, iso_code: iso, active: 1, contains_states: iso === 'US' ? 1 : 0, name: { lang: name } })),
		states: [[5, 'CA', 'California'], [32, 'NY', 'New York'], [43, 'TX', 'Texas']]
			.map(([id, iso, name]) => ({ id, id_zone: 2, id_country: 21, iso_code: iso, name, active: 1 })),
		carriers: [{ id: 1, deleted: 0, is_free: 1, name: '0', active: 1 }, { id: 2, deleted: 0, is_free: 1, name: 'My carrier', active: 1 }],
		order_states: [[1, 'Awaiting check payment', 0], [2, 'Payment accepted', 0], [3, 'Processing in progress', 0], [4, 'Shipped', 1],
			[5, 'Delivered', 1], [6, 'Canceled', 0], [7, 'Refunded', 0], [8, 'Payment error', 0]]
			.map(([id, name, shipped]) => ({ id, paid: id >= 2 && id <= 5 ? 1 : 0, shipped, delivery: shipped, name: { lang: name } })),
		tax_rule_groups: [{ id: 1, name: `FR Taux standard (${rate}%)`, active: 1, deleted: 0 }],
		tax_rules: [{ id: 1, id_tax_rules_group: 1, id_state: 0, id_country: 8, zipcode_from: '0', zipcode_to: '0', id_tax: 1, behavior: 0, description: '' },
			{ id: 2, id_tax_rules_group: 1, id_state: 0, id_country: 1, zipcode_from: '0', zipcode_to: '0', id_tax: 2, behavior: 0, description: '' }],
		taxes: [{ id: 1, rate: rate.toFixed(3), active: 1, deleted: 0, name: { lang: `TVA FR ${rate}%` } },
			{ id: 2, rate: '19.000', active: 1, deleted: 0, name: { lang: 'USt. DE 19%' } }],
		customers: [], addresses: [], carts: [], orders: [], order_carriers: [], specific_prices: [],
	};
}

// What validateOrder charges for a cart: each line's price (the product's plus its combination's
// impact, or its specific price, less the specific price's reduction) with the tax of the delivery
// address's country, rounded to the cent; shipping is free. (Dates and quantities of specific
// prices are not looked at here.)
function cartTotal(shop, cart) {
	const address = shop.addresses.find((a) => a.id === cart.id_address_delivery);
	const taxOn = shop.configurations.find((c) => c.name === 'PS_TAX').value === '1';
	let total = 0;
	for (const row of cart.rows) {
		const p = shop.products.find((x) => x.id === row.id_product);
		const c = p?.combinations.find((x) => x.id === row.id_product_attribute);
		const sp = shop.specific_prices.filter((x) => x.id_product === p?.id && [0, c?.id ?? 0].includes(x.id_product_attribute))
			.sort((a, b) => b.id_product_attribute - a.id_product_attribute)[0];
		const fixed = sp ? Math.round(Number(sp.price) * 100) : -1;
		const cents = fixed < 0 ? (p?.price ?? 0) + (c?.impact ?? 0) : sp.id_product_attribute ? fixed : fixed + (c?.impact ?? 0);
		const rule = shop.tax_rules.find((r) => r.id_tax_rules_group === p?.id_tax_rules_group && r.id_country === address?.id_country);
		const rate = taxOn && rule ? Number(shop.taxes.find((t) => t.id === rule.id_tax).rate) : 0;
		let unit = cents * (1 + rate / 100);
		if (sp && sp.reduction_type === 'percentage')
			unit *= 1 - Number(sp.reduction);
		else if (sp)
			unit -= Number(sp.reduction) * 100 * (Number(sp.reduction_tax) ? 1 : 1 + rate / 100);
		total += Math.max(0, Math.round(unit)) * row.quantity;
	}
	return total;
}

const REFERENCE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

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
		if (resource in SINGULAR) {
			const display = q.get('display');
			const rows = filterRows(shop[resource].map((r) => (resource === 'carts' ? cartRow(r) : r)), q);
			return doc(`<${resource}>\n${rows.map((r) => rowXml(SINGULAR[resource], resource, r, display, base)).join('\n')}\n</${resource}>`);
		}
		if (resource === 'product_options')
			return doc(`<product_options>\n<product_option><id>${cdata(1)}</id><is_color_group>${cdata(0)}</is_color_group><group_type>${cdata('select')}</group_type><position>${cdata(0)}</position><name>${lang('Size')}</name><public_name>${lang('Size')}</public_name></product_option>\n</product_options>`);
		return { status: 400, body: xmlError(20, `Resource of type "${resource}" does not exists. Did you mean: "products"?`) };
	}

	function cartRow(c) {
		const { rows, ...fields } = c;
		return { ...fields, associations: `<cart_rows nodeType="cart_row" virtualEntity="true">${rows.map((r) =>
			`<cart_row><id_product>${cdata(r.id_product)}</id_product><id_product_attribute>${cdata(r.id_product_attribute)}</id_product_attribute><id_address_delivery>${cdata(r.id_address_delivery)}</id_address_delivery><quantity>${cdata(r.quantity)}</quantity></cart_row>`).join('')}</cart_rows>` };
	}

	function one(shop, resource, id) {
		const r = shop[resource]?.find((x) => x.id === id);
		if (!r)
			return { status: 404, body: xmlError(87, `Id(s) not exists: ${id}`) };
		return doc(rowXml(SINGULAR[resource], resource, resource === 'carts' ? cartRow(r) : r, 'full', shop.url));
	}

	const ints = (f, keys) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, keys.test(k) || k === 'id' ? Number(v) : v]));

	function create(shop, resource, body) {
		if (!(resource in REQUIRED))
			return { status: 405, body: xmlError(0, 'Method not allowed') };
		let el;
		try {
			el = child(parseXml(body), SINGULAR[resource]);
		} catch (e) {
			return { status: 400, body: xmlError(127, `XML error : ${e.message}`) };
		}
		if (!el)
			return { status: 400, body: xmlError(41, `You must specify a <${SINGULAR[resource]}> node`) };
		const f = fieldsOf(el);
		delete f.id;
		const why = validate(resource, f);
		if (why)
			return { status: 400, body: xmlError(84, why) };
		const list = shop[resource];
		const id = list.reduce((m, r) => Math.max(m, r.id), 0) + 1;
		const now = new Date().toISOString().replace('T', ' ').slice(0, 19);
		let row;
		if (resource === 'customers') {
			row = { id, ...f, passwd: undefined, secure_key: crypto.randomBytes(16).toString('hex'), date_add: now };
			delete row.passwd;
		} else if (resource === 'addresses') {
			row = { id, id_state: 0, address2: '', postcode: '', ...ints(f, /^id_/), deleted: 0, date_add: now };
		} else if (resource === 'carts') {
			const rows = (child(child(el, 'associations'), 'cart_rows')?.children ?? []).map((r) => ints(fieldsOf(r), /./));
			row = { id, ...ints(f, /^id_/), rows, date_add: now };
		} else {
			const o = ints(f, /^id_|^current_state$/);
			const cart = shop.carts.find((c) => c.id === o.id_cart);
			if (!PAYMENT_MODULES.has(o.module))
				return { status: 500, body: xmlError(5, `[PHP Error] Call to a member function validateOrder() on bool (module "${o.module}" is not installed)`) };
			if (!cart || shop.orders.some((x) => x.id_cart === cart.id))
				return { status: 500, body: xmlError(0, 'Cart cannot be loaded or an order has already been placed using this cart') };
			const total = cartTotal(shop, cart);
			const paid = Math.round(Number(o.total_paid) * 100);
			row = { id, id_address_delivery: o.id_address_delivery, id_address_invoice: o.id_address_invoice, id_cart: cart.id,
				id_currency: o.id_currency, id_lang: o.id_lang, id_customer: o.id_customer, id_carrier: o.id_carrier,
				// validateOrder: an amount paid other than the cart's total is a payment error
				current_state: paid === total ? o.current_state : 8, module: o.module, payment: o.payment,
				reference: Array.from(crypto.randomBytes(9), (b) => REFERENCE_LETTERS[b % 26]).join(''),
				total_paid: (total / 100).toFixed(6), total_paid_real: (paid / 100).toFixed(6), total_products: (total / 100).toFixed(6),
				conversion_rate: o.conversion_rate, date_add: now,
				associations: `<order_rows nodeType="order_row" virtualEntity="true">${cart.rows.map((r) =>
					`<order_row><product_id>${cdata(r.id_product)}</product_id><product_attribute_id>${cdata(r.id_product_attribute)}</product_attribute_id><product_quantity>${cdata(r.quantity)}</product_quantity></order_row>`).join('')}</order_rows>` };
			shop.order_carriers.push({ id: shop.order_carriers.length + 1, id_order: id, id_carrier: o.id_carrier, id_order_invoice: 0,
				weight: '0.000000', shipping_cost_tax_excl: '0.000000', shipping_cost_tax_incl: '0.000000', tracking_number: '', date_add: now });
			shop.posted.push({ resource, fields: f, rows: cart.rows });
			list.push(row);
			if (shop.dropOrderAnswers > 0) {
				shop.dropOrderAnswers--;
				return { drop: true };
			}
			return { status: 201, body: doc(rowXml('order', 'orders', row, 'full', shop.url)) };
		}
		shop.posted.push({ resource, fields: f, rows: row.rows });
		list.push(row);
		return { status: 201, body: doc(rowXml(SINGULAR[resource], resource, resource === 'carts' ? cartRow(row) : row, 'full', shop.url)) };
	}

	function control(req, res, path, json) {
		if (req.method === 'POST' && path === '/_sim/shops') {
			const n = ++seq;
			const key = crypto.randomBytes(16).toString('hex').toUpperCase();
			const url = `https://shop-${n}.presta.test`;
			const taxGroup = json.taxRate ? 1 : 0;
			const shop = { key, url, products: makeProducts(json.products ?? 10, { combinations: json.combinations, images: json.images, seed: n, taxGroup }),
				calls: [], posted: [], pages: 0, delayMs: json.delayMs ?? 0, failAfterPages: json.failAfterPages ?? 0, dropOrderAnswers: 0,
				...baseData(json) };
			shops.set(key, shop);
			return sendJson(res, 201, { url, key });
		}
		const m = /^\/_sim\/shops\/([^/]+)(\/.*)?$/.exec(path);
		const shop = m && shops.get(m[1]);
		if (!shop)
			return sendJson(res, 404, { error: 'no such shop' });
		const sub = m[2] ?? '';
		if (req.method === 'GET' && sub === '')
			return sendJson(res, 200, { pages: shop.pages, calls: shop.calls, products: shop.products.length, posted: shop.posted,
				customers: shop.customers, addresses: shop.addresses, carts: shop.carts, orders: shop.orders });
		// A specific price (a sale, a fixed price), as the back office's Prices tab makes one: for
		// everyone unless the fields say otherwise.
		if (req.method === 'POST' && sub === '/specific_prices') {
			const sp = { id: shop.specific_prices.length + 1, id_shop_group: 0, id_shop: 0, id_cart: 0, id_product: 0,
				id_product_attribute: 0, id_currency: 0, id_country: 0, id_group: 0, id_customer: 0, id_specific_price_rule: 0,
				price: '-1.000000', from_quantity: 1, reduction: '0.000000', reduction_tax: 1, reduction_type: 'amount',
				from: '0000-00-00 00:00:00', to: '0000-00-00 00:00:00', ...json };
			shop.specific_prices.push(sp);
			return sendJson(res, 201, sp);
		}
		// The brand ships an order in its back office: the carrier and tracking number on the
		// order's order_carrier, the order in state 4 (Shipped). Without a number, the state only.
		const sm = /^\/orders\/(\d+)\/ship$/.exec(sub);
		if (req.method === 'POST' && sm) {
			const o = shop.orders.find((x) => x.id === Number(sm[1]));
			if (!o)
				return sendJson(res, 404, { error: 'no such order' });
			const oc = shop.order_carriers.find((x) => x.id_order === o.id);
			if (json.carrier) {
				let c = shop.carriers.find((x) => x.name === json.carrier);
				if (!c)
					shop.carriers.push(c = { id: shop.carriers.length + 1, deleted: 0, is_free: 0, name: json.carrier, active: 1 });
				oc.id_carrier = o.id_carrier = c.id;
			}
			if (json.number)
				oc.tracking_number = json.number;
			if (json.state !== false)
				o.current_state = 4;
			return sendJson(res, 200, { ok: true });
		}
		if (req.method === 'POST' && sub === '/behaviour') {
			for (const k of ['delayMs', 'failAfterPages', 'pages', 'dropOrderAnswers'])
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
			const m = /^\/api\/([a-z_]+)(?:\/(\d+))?$/.exec(url.pathname);
			if (!m)
				return sendXml(res, 404, xmlError(0, 'Not found'));
			const auth = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
			const key = auth ? Buffer.from(auth[1], 'base64').toString('utf8').split(':')[0] : url.searchParams.get('ws_key') ?? '';
			const shop = shops.get(key);
			if (!shop) {
				res.setHeader('WWW-Authenticate', 'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."');
				return sendXml(res, 401, xmlError(17, 'Authentication key is empty'.replace('is empty', key ? 'does not exist' : 'is empty')));
			}
			if (req.method !== 'GET' && !(req.method === 'POST' && !m[2]))
				return sendXml(res, 405, xmlError(0, 'Method not allowed'));
			shop.calls.push({ method: req.method, resource: m[1], id: m[2] ? Number(m[2]) : undefined,
				query: Object.fromEntries(url.searchParams), at: Date.now() });
			const out = req.method === 'POST' ? create(shop, m[1], body.toString('utf8'))
				: m[2] ? (m[1] in SINGULAR ? one(shop, m[1], Number(m[2])) : { status: 400, body: xmlError(20, 'Resource not readable by id here') })
				: api(shop, m[1], url.searchParams);
			const finish = () => (out.drop ? res.destroy() : typeof out === 'string' ? sendXml(res, 200, out) : sendXml(res, out.status, out.body));
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
