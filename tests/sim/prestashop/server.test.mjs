// The PrestaShop simulator against the Webservice's published behaviour: the key as the basic-auth
// user (or ws_key=), XML with CDATA texts and <language> fields, limit=offset,count paging sorted by
// id, filters of the form [1|2|3], errors as <errors><error><code/><message/></error></errors>.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startPrestaSim } from './server.mjs';

let sim, shop;
before(async () => {
	sim = await startPrestaSim();
	shop = await (await fetch(`${sim.base}/_sim/shops`, { method: 'POST', body: JSON.stringify({ products: 12, combinations: 2 }) })).json();
});
after(async () => { await sim.close(); });

async function ws(path, key = shop.key) {
	const r = await fetch(`${sim.base}/api/${path}`, { headers: key ? { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` } : {} });
	return { status: r.status, headers: r.headers, text: await r.text() };
}
const ids = (xml, tag) => [...xml.matchAll(new RegExp(`<${tag}>\\s*<id><!\\[CDATA\\[(\\d+)\\]\\]></id>`, 'g'))].map((m) => Number(m[1]));

test('a missing or wrong key is answered 401 with the Webservice\'s XML error; ws_key works too', async () => {
	const none = await ws('products', null);
	assert.equal(none.status, 401);
	assert.match(none.headers.get('www-authenticate'), /^Basic realm=/);
	assert.match(none.text, /<errors>\s*<error>\s*<code><!\[CDATA\[17\]\]><\/code>\s*<message><!\[CDATA\[Authentication key is empty\]\]>/);
	assert.match((await ws('products', 'WRONG')).text, /Authentication key does not exist/);
	const q = await fetch(`${sim.base}/api/products?display=%5Bid%5D&ws_key=${shop.key}`);
	assert.equal(q.status, 200);
});

test('products page by limit=offset,count sorted by id, with combinations, stock and option names by filter', async () => {
	const all = ids((await ws('products?display=%5Bid%5D')).text, 'product');
	assert.equal(all.length, 12);
	const page = await ws('products?display=full&limit=5,5&sort=%5Bid_ASC%5D');
	assert.equal(page.status, 200);
	assert.match(page.headers.get('content-type'), /xml/);
	assert.match(page.text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<prestashop xmlns:xlink="http:\/\/www.w3.org\/1999\/xlink">/);
	assert.deepEqual(ids(page.text, 'product'), all.slice(5, 10));
	assert.match(page.text, /<name><language id="1"[^>]*><!\[CDATA\[Product 6\]\]><\/language><\/name>/);
	const filter = encodeURIComponent(`[${all[0]}|${all[1]}]`);
	const combos = await ws(`combinations?display=full&filter%5Bid_product%5D=${filter}`);
	assert.equal(ids(combos.text, 'combination').length, 4);
	assert.match(combos.text, /<product_option_value xlink:href="[^"]+"><id><!\[CDATA\[1\]\]><\/id>/);
	const stock = await ws(`stock_availables?display=full&filter%5Bid_product%5D=${filter}`);
	assert.equal(ids(stock.text, 'stock_available').length, 6, 'one row for each product and one for each combination');
	const values = await ws('product_option_values?display=full&filter%5Bid%5D=%5B1%7C2%5D');
	assert.equal(ids(values.text, 'product_option_value').length, 2);
	assert.match((await ws('product_options?display=full')).text, /<public_name><language id="1"[^>]*><!\[CDATA\[Size\]\]>/);
	assert.equal((await ws('nothing')).status, 400);
});

test('misbehaviour: a 500 after N products pages', async () => {
	const s = await (await fetch(`${sim.base}/_sim/shops`, { method: 'POST', body: JSON.stringify({ products: 3, failAfterPages: 1 }) })).json();
	assert.equal((await ws('products?display=full&limit=0,1', s.key)).status, 200);
	assert.equal((await ws('products?display=full&limit=1,1', s.key)).status, 500);
});

async function post(resource, xml, key = shop.key) {
	const r = await fetch(`${sim.base}/api/${resource}`, { method: 'POST', body: xml,
		headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'content-type': 'application/xml' } });
	return { status: r.status, text: await r.text() };
}
const field = (xml, tag) => new RegExp(`<${tag}><!\\[CDATA\\[([^\\]]*)\\]\\]></${tag}>`).exec(xml)?.[1];

test('an order is made as the Webservice makes one: customer, address, cart, then the order from the cart', async () => {
	const bad = await post('customers', '<prestashop><customer><passwd>secret123</passwd><lastname>L0velace</lastname><firstname>Ada</firstname><email>ada@example.com</email></customer></prestashop>');
	assert.equal(bad.status, 400);
	assert.match(bad.text, /<code><!\[CDATA\[84\]\]><\/code>\s*<message><!\[CDATA\[Validation error: "Property Customer->lastname is not valid\."\]\]>/);
	const empty = await post('customers', '<prestashop><customer><lastname>Lovelace</lastname></customer></prestashop>');
	assert.match(empty.text, /Property Customer->passwd is empty/);
	const c = await post('customers', '<prestashop><customer><passwd>secret123</passwd><lastname>Lovelace</lastname><firstname>Ada</firstname><email>ada+1@example.com</email></customer></prestashop>');
	assert.equal(c.status, 201);
	const customer = Number(field(c.text, 'id'));
	assert.ok(!c.text.includes('secret123'), 'the password is never sent back');
	const found = await ws(`customers?display=%5Bid%5D&filter%5Bemail%5D=${encodeURIComponent('[ada+1@example.com]')}`);
	assert.deepEqual(ids(found.text, 'customer'), [customer]);
	const a = await post('addresses', `<prestashop><address><id_customer>${customer}</id_customer><id_country>17</id_country><alias>crowdcart N1</alias><lastname>Lovelace</lastname><firstname>Ada</firstname><address1>12 Analytical Row</address1><postcode>N1 7AA</postcode><city>London</city></address></prestashop>`);
	assert.equal(a.status, 201);
	const address = Number(field(a.text, 'id'));
	const product = sim.shops.get(shop.key).products[0];
	const combo = product.combinations[1];
	const cartXml = `<prestashop><cart><id_address_delivery>${address}</id_address_delivery><id_address_invoice>${address}</id_address_invoice><id_currency>1</id_currency><id_customer>${customer}</id_customer><id_lang>1</id_lang><id_carrier>2</id_carrier><associations><cart_rows><cart_row><id_product>${product.id}</id_product><id_product_attribute>${combo.id}</id_product_attribute><id_address_delivery>${address}</id_address_delivery><quantity>2</quantity></cart_row></cart_rows></associations></cart></prestashop>`;
	const k = await post('carts', cartXml);
	assert.equal(k.status, 201);
	const cart = Number(field(k.text, 'id'));
	const paid = ((product.price + combo.impact) * 2 / 100).toFixed(2);
	const orderXml = (total, module = 'ps_wirepayment') => `<prestashop><order><id_address_delivery>${address}</id_address_delivery><id_address_invoice>${address}</id_address_invoice><id_cart>${cart}</id_cart><id_currency>1</id_currency><id_lang>1</id_lang><id_customer>${customer}</id_customer><id_carrier>2</id_carrier><current_state>2</current_state><module>${module}</module><payment>crowdcart</payment><total_paid>${total}</total_paid><total_paid_real>${total}</total_paid_real><total_products>${total}</total_products><total_products_wt>${total}</total_products_wt><conversion_rate>1</conversion_rate></order></prestashop>`;
	assert.equal((await post('orders', orderXml(paid, 'nosuchmodule'))).status, 500);
	const o = await post('orders', orderXml(paid));
	assert.equal(o.status, 201, o.text);
	assert.match(field(o.text, 'reference'), /^[A-Z]{9}$/);
	assert.equal(field(o.text, 'current_state'), '2');
	const order = Number(field(o.text, 'id'));
	assert.match((await post('orders', orderXml(paid))).text, /an order has already been placed using this cart/);
	assert.deepEqual(ids((await ws(`orders?display=%5Bid%2Creference%5D&filter%5Bid_cart%5D=%5B${cart}%5D`)).text, 'order'), [order]);
	// Shipped in the back office: the order_carrier holds the tracking number, the state is 4.
	await fetch(`${sim.base}/_sim/shops/${shop.key}/orders/${order}/ship`, { method: 'POST', body: JSON.stringify({ carrier: 'DHL', number: 'JD0146' }) });
	const oc = (await ws(`order_carriers?display=full&filter%5Bid_order%5D=%5B${order}%5D`)).text;
	assert.equal(field(oc, 'tracking_number'), 'JD0146');
	const carrier = field(oc, 'id_carrier');
	assert.equal(field((await ws(`carriers/${carrier}`)).text, 'name'), 'DHL');
	assert.equal(field((await ws(`orders/${order}`)).text, 'current_state'), '4');
	assert.match((await ws('order_states/4')).text, /<shipped><!\[CDATA\[1\]\]><\/shipped>/);
	// validateOrder: an amount paid other than the cart's total is a payment error.
	const k2 = await post('carts', cartXml);
	const cart2 = Number(field(k2.text, 'id'));
	const o2 = await post('orders', orderXml('1.00').replace(`<id_cart>${cart}</id_cart>`, `<id_cart>${cart2}</id_cart>`));
	assert.equal(field(o2.text, 'current_state'), '8');
});

test('tax rules: a product\'s group, the rules for a country, the taxes, and the configuration that names the country', async () => {
	const s = await (await fetch(`${sim.base}/_sim/shops`, { method: 'POST', body: JSON.stringify({ products: 2, taxRate: 20 }) })).json();
	const p = await ws('products?display=full&limit=0,1', s.key);
	assert.equal(field(p.text, 'id_tax_rules_group'), '1');
	const conf = await ws('configurations?display=%5Bname%2Cvalue%5D&filter%5Bname%5D=%5BPS_COUNTRY_DEFAULT%7CPS_TAX%5D', s.key);
	assert.deepEqual([field(conf.text, 'name'), field(conf.text, 'value')], ['PS_COUNTRY_DEFAULT', '8']);
	const rules = await ws('tax_rules?display=full&filter%5Bid_tax_rules_group%5D=%5B1%5D&filter%5Bid_country%5D=%5B8%5D', s.key);
	assert.deepEqual(ids(rules.text, 'tax_rule'), [1]);
	assert.equal(field(rules.text, 'id_tax'), '1');
	const taxes = await ws('taxes?display=full&filter%5Bid%5D=%5B1%5D', s.key);
	assert.equal(field(taxes.text, 'rate'), '20.000');
});

test('specific prices: made by the control API, read filtered as the Webservice reads any list', async () => {
	const s = await (await fetch(`${sim.base}/_sim/shops`, { method: 'POST', body: JSON.stringify({ products: 2 }) })).json();
	const [p] = sim.shops.get(s.key).products;
	await fetch(`${sim.base}/_sim/shops/${s.key}/specific_prices`, { method: 'POST', body: JSON.stringify({ id_product: p.id, reduction: '0.100000', reduction_type: 'percentage' }) });
	await fetch(`${sim.base}/_sim/shops/${s.key}/specific_prices`, { method: 'POST', body: JSON.stringify({ id_product: p.id, id_group: 3, reduction: '1.000000' }) });
	const all = await ws(`specific_prices?display=full&filter%5Bid_product%5D=%5B${p.id}%5D`, s.key);
	assert.deepEqual(ids(all.text, 'specific_price'), [1, 2]);
	const everyone = await ws(`specific_prices?display=full&filter%5Bid_product%5D=%5B${p.id}%5D&filter%5Bid_group%5D=%5B0%5D`, s.key);
	assert.deepEqual(ids(everyone.text, 'specific_price'), [1]);
	assert.equal(field(everyone.text, 'reduction_type'), 'percentage');
	assert.equal(field(everyone.text, 'price'), '-1.000000');
});
