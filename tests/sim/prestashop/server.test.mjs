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
