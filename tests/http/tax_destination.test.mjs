// tax_destination.test.mjs: tax and shipping by destination. A brand whose prices include VAT
// (DE 19 %) and one whose prices exclude tax (US-CA 7.25 %), both set up through the studio's
// table editor; the same cart shipped to DE, US-CA and FR gives each brand's rate, shipping and
// style, per line rounding in minor units, the stored order keeps total = subtotal + shipping +
// tax, and a country that is not in the list is refused.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Client, newAccount, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { api, createKey, newBrand } from './lib/catalog.mjs';
import { csrf, formFields, lit, makeProduct, orderNumbers, reviewed, sql } from './lib/commerce.mjs';
import { formState } from './lib/fulfilment.mjs';

usesDatabase();

const to = (country, region = '', extra = {}) => ({
	email: uniqueEmail('tax'), name: 'Erika Mustermann', line1: 'Heidestraße 17', line2: '', city: 'Köln',
	region, postal: '51147', country, provider: 'test', ...extra,
});

async function put(client, path, fields) {
	const r = await client.submit(path, fields, { formPath: '/studio/brand/shipping' });
	assert.equal(r.status, 303, `${path} ${JSON.stringify(fields)}: ${r.status}`);
	return r;
}

// EU brand: EUR, prices include VAT, DE 19 %, default 10 %; shipping DE 4.95, EU zone 9.00, default 15.00.
// US brand: USD, prices exclude tax, US-CA 7.25 %, default 5 %; shipping US 5.00, default 20.00.
let eu, us, euItems, usItems;
before(async () => {
	eu = await newBrand();
	sql(`UPDATE brands SET currency = 'EUR' WHERE slug = ${lit(eu.slug)}`);
	await put(eu.client, '/studio/brand/shipping', { shipping: '15.00', tax_percent: '10', prices: 'include' });
	await put(eu.client, '/studio/brand/shipping/tax-rates', { country: 'DE', region: '', tax_percent: '19' });
	await put(eu.client, '/studio/brand/shipping/rates', { dest: 'DE', shipping: '4.95' });
	await put(eu.client, '/studio/brand/shipping/rates', { dest: 'EU', shipping: '9' });
	us = await newBrand();
	await put(us.client, '/studio/brand/shipping', { shipping: '20', tax_percent: '5', prices: 'exclude' });
	await put(us.client, '/studio/brand/shipping/tax-rates', { country: 'us', region: 'ca', tax_percent: '7.25' });
	await put(us.client, '/studio/brand/shipping/rates', { dest: 'US', shipping: '5' });
	euItems = [[makeProduct({ price: 5950, brand: eu.slug }).variantId, 2], [makeProduct({ price: 1999, brand: eu.slug }).variantId, 1]];
	usItems = [[makeProduct({ price: 1999, brand: us.slug }).variantId, 1], [makeProduct({ price: 450, brand: us.slug }).variantId, 2]];
});

const orderOf = (number) => {
	const [[slug, sub, ship, tax, total, bps, incl, shipTax, region]] = sql(`SELECT b.slug, o.subtotal, o.shipping, o.tax,
		o.total, o.tax_rate_bps, o.prices_include_tax, o.shipping_tax, o.tax_region FROM orders o
		JOIN brands b ON b.id = o.brand_id WHERE o.number = ${lit(number)}`);
	return { slug, sub: +sub, ship: +ship, tax: +tax, total: +total, bps: +bps, incl: +incl, shipTax: +shipTax, region };
};

async function placeTo(addr) {
	const c = new Client();
	const { page, fields } = await reviewed(c, [...euItems, ...usItems], addr);
	const r = await c.post('/checkout/place', fields);
	assert.equal(r.status, 303);
	const done = await c.get(r.headers.location);
	const orders = Object.fromEntries(orderNumbers(done.body).map((n) => { const o = orderOf(n); return [o.slug, o]; }));
	for (const o of Object.values(orders))
		assert.equal(o.sub + o.ship + o.tax, o.total);
	return { page, done: done.body, eu: orders[eu.slug], us: orders[us.slug] };
}

describe('tax and shipping by destination', () => {
	it('to DE: VAT included at 19 % per line, DE shipping; the US brand charges its default on top', async () => {
		const addr = to('DE');
		const { page, done, eu: e, us: u } = await placeTo(addr);
		// 119.00 holds 19.00, 19.99 holds 3.19, shipping 4.95 holds 0.79: 22.98 VAT in a total of 143.94.
		assert.deepEqual(e, { slug: eu.slug, sub: 13899 - 2219, ship: 495 - 79, tax: 2298, total: 14394, bps: 1900, incl: 1, shipTax: 79, region: '' });
		// default 5 %: 0.9995 -> 1.00, 0.45, shipping 20.00 -> 1.00.
		assert.deepEqual(u, { slug: us.slug, sub: 2899, ship: 2000, tax: 245, total: 5144, bps: 500, incl: 0, shipTax: 100, region: '' });
		for (const html of [page, done]) {
			assert.ok(html.includes('Includes €22.98 VAT (DE 19 %)'));
			assert.ok(html.includes('€138.99'), 'the goods as priced, VAT included');
			assert.ok(html.includes('€4.95'));
			assert.ok(html.includes('€143.94'));
			assert.match(html, /<dt>Tax \(DE 5 %\)<\/dt><dd>\$2\.45<\/dd>/);
			assert.ok(html.includes('$51.44'));
		}
		assert.match(done, /Shipping to<br>Erika Mustermann<br>Heidestraße 17<br>51147 Köln<br>Germany</);
		const [[mail]] = sql(`SELECT REPLACE(body_text, '\n', '|') FROM outbox WHERE to_addr = ${lit(addr.email)}`);
		assert.ok(mail.includes('Subtotal €138.99, shipping €4.95, total €143.94 (includes €22.98 VAT, DE 19 %)'), mail);
		assert.ok(mail.includes('Subtotal $28.99, shipping $20.00, tax $2.45 (DE 5 %), total $51.44'), mail);
		assert.ok(mail.includes('Shipping to:|  Erika Mustermann|  Heidestraße 17|  51147 Köln|  Germany||'), mail);
		// the brand sees the same in the studio
		const number = orderNumbers(done).find((n) => orderOf(n).slug === eu.slug);
		const studio = (await eu.client.get(`/studio/orders/${number}`)).body;
		assert.match(studio, /<address class="order-address">Erika Mustermann<br>Heidestraße 17<br>51147 Köln<br>Germany<\/address>/);
		assert.ok(studio.includes('Includes €22.98 VAT (DE 19 %)'));
		assert.ok(studio.includes('€138.99'));
		const csv = (await eu.client.get('/studio/orders.csv')).body.split('\r\n');
		assert.match(csv[0], /,subtotal,shipping,tax,total,.*,tax_rate_percent,prices_include_tax,test_order$/);
		assert.match(csv.find((row) => row.startsWith(number)), /,116\.80,4\.16,22\.98,143\.94,.*,19\.00,yes,yes$/);
		const { key } = await createKey(eu.client);
		const [[id]] = sql(`SELECT id FROM orders WHERE number = ${lit(number)}`);
		const { json } = await api('GET', `/api/v1/orders/${id}`, { key });
		assert.deepEqual([json.subtotal, json.shipping, json.tax, json.total, json.tax_rate_bps, json.prices_include_tax],
			['116.80', '4.16', '22.98', '143.94', 1900, true]);
	});

	it('to US-CA: 7.25 % added per line and on US shipping; the EU brand includes its default rate', async () => {
		const { page, eu: e, us: u } = await placeTo(to('US', ' ca ', { city: 'Los Angeles', postal: '90012', line1: '200 N Spring St' }));
		assert.deepEqual(u, { slug: us.slug, sub: 2899, ship: 500, tax: 145 + 65 + 36, total: 3645, bps: 725, incl: 0, shipTax: 36, region: 'CA' });
		// default 10 % included: 119.00 -> 10.82, 19.99 -> 1.82, shipping 15.00 -> 1.36.
		assert.deepEqual(e, { slug: eu.slug, sub: 13899 - 1082 - 182, ship: 1500 - 136, tax: 1400, total: 15399, bps: 1000, incl: 1, shipTax: 136, region: '' });
		assert.match(page, /<dt>Tax \(US-CA 7\.25 %\)<\/dt><dd>\$2\.46<\/dd>/);
		assert.ok(page.includes('Includes €14.00 VAT (US 10 %)'));
		assert.match(page, /200 N Spring St<br>Los Angeles, ca 90012<br>United States/);
	});

	it('a partial refund adds tax only where prices excluded it; a full refund gives back the total', async () => {
		const c = new Client();
		const { fields } = await reviewed(c, [...euItems, ...usItems], to('US', 'CA'));
		const done = (await c.get((await c.post('/checkout/place', fields)).headers.location)).body;
		const refund = async (brand, number, pairs) => {
			const st = await formState(brand.client, number);
			const body = new URLSearchParams({ csrf: st.csrf, version: st.version });
			for (const [k, v] of pairs)
				body.append(k, String(v));
			const r = await brand.client.post(`/studio/orders/${number}/refund`, body.toString());
			assert.equal(r.status, 303);
			return +sql(`SELECT refunded_total FROM orders WHERE number = ${lit(number)}`)[0][0];
		};
		const lineOf = (number, price) => sql(`SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id
			WHERE o.number = ${lit(number)} AND l.unit_price = ${price}`)[0][0];
		const [euNo, usNo] = [eu.slug, us.slug].map((slug) => orderNumbers(done).find((n) => orderOf(n).slug === slug));
		// one of two €59.50 units: VAT is inside the price, nothing is added
		assert.equal(await refund(eu, euNo, [['mode', 'lines'], ['line', lineOf(euNo, 5950)], ['qty', 1]]), 5950);
		assert.equal(await refund(eu, euNo, [['mode', 'full']]), 15399);
		// one of two $4.50 units at 7.25 %: 4.50 + 0.33
		assert.equal(await refund(us, usNo, [['mode', 'lines'], ['line', lineOf(usNo, 450)], ['qty', 1]]), 483);
	});

	it('a US state typed by its name takes the state\'s rate', async () => {
		const c = new Client();
		const { page } = await reviewed(c, usItems, to('US', 'California', { city: 'Los Angeles', postal: '90012' }));
		assert.match(page, /<dt>Tax \(US-CA 7\.25 %\)<\/dt><dd>\$2\.46<\/dd>/);
	});

	it('to FR: the EU zone ships, both brands take their default rate', async () => {
		const { eu: e, us: u } = await placeTo(to('FR', '', { city: 'Paris', postal: '75002' }));
		assert.deepEqual(e, { slug: eu.slug, sub: 13899 - 1082 - 182, ship: 900 - 82, tax: 1346, total: 14799, bps: 1000, incl: 1, shipTax: 82, region: '' });
		assert.equal(u.total, 5144);
		assert.equal(u.ship, 2000);
	});

	it('the cart, before an address, shows the default rates as an estimate', async () => {
		const c = new Client();
		await reviewed(c, euItems, to('DE')).catch(() => {});
		const cart = (await c.get('/cart')).body;
		assert.ok(cart.includes('VAT (10 %, estimated)'));
	});

	it('a rate changed after the review makes placing ask for a fresh review', async () => {
		const b = await newBrand();
		await put(b.client, '/studio/brand/shipping/tax-rates', { country: 'NL', region: '', tax_percent: '21' });
		const p = makeProduct({ price: 1000, brand: b.slug });
		const c = new Client();
		const { fields } = await reviewed(c, [[p.variantId, 1]], to('NL'));
		await put(b.client, '/studio/brand/shipping/tax-rates', { country: 'NL', region: '', tax_percent: '9' });
		const r = await c.post('/checkout/place', fields);
		assert.equal(r.status, 409);
		assert.match(r.body, /Your order changed since you reviewed it/);
		assert.match(r.body, /Tax \(NL 9 %\)/);
		const again = await c.post('/checkout/place', formFields(r.body, '/checkout/place'));
		assert.equal(again.status, 303);
		assert.equal(sql(`SELECT o.tax FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.variant_id = ${p.variantId}`)[0][0], '90');
	});

	it('a country that is not in the list is refused with 422 at review and at place', async () => {
		const c = new Client();
		const { fields } = await reviewed(c, [usItems[0]], to('US', 'CA'));
		for (const country of ['XX', 'UK', 'EU', 'zz', '']) {
			const r = await c.post('/checkout/review', { csrf: await csrf(c), ...to(country) });
			assert.equal(r.status, 422, country);
			assert.match(r.body, /Choose the country from the list/);
			assert.match(r.body, /<option value="DE">Germany<\/option>/);
		}
		const r = await c.post('/checkout/place', { ...fields, country: 'XX' });
		assert.equal(r.status, 422);
		assert.equal(sql(`SELECT COUNT(*) FROM order_lines WHERE variant_id = ${usItems[0][0]} AND order_id IN
			(SELECT id FROM orders WHERE ship_country = 'XX')`)[0][0], '0');
	});
});

describe('the studio tax and shipping tables', () => {
	it('lists, changes and removes rates', async () => {
		const b = await newBrand();
		await put(b.client, '/studio/brand/shipping/tax-rates', { country: 'US', region: 'NY', tax_percent: '4' });
		await put(b.client, '/studio/brand/shipping/tax-rates', { country: 'US', region: 'NY', tax_percent: '8.88' });
		await put(b.client, '/studio/brand/shipping/rates', { dest: 'CA', shipping: '12.5' });
		let page = (await b.client.get('/studio/brand/shipping')).body;
		assert.match(page, /United States \(US\)<\/td><td>NY<\/td><td>8\.88 %/);
		assert.match(page, /Canada \(CA\)<\/td><td>\$12\.50/);
		assert.deepEqual(sql(`SELECT COUNT(*), MAX(rate_bps) FROM brand_tax_rates t JOIN brands b ON b.id = t.brand_id WHERE b.slug = ${lit(b.slug)}`), [['1', '888']]);
		await put(b.client, '/studio/brand/shipping/tax-rates/remove', { country: 'US', region: 'NY' });
		await put(b.client, '/studio/brand/shipping/rates/remove', { dest: 'CA' });
		page = (await b.client.get('/studio/brand/shipping')).body;
		assert.match(page, /No rates yet: every destination pays the default rate/);
		assert.match(page, /No rates yet: every destination pays the default shipping rate/);
	});

	for (const [path, fields, why] of [
		['/studio/brand/shipping/tax-rates', { country: 'XX', region: '', tax_percent: '5' }, /Choose the country/],
		['/studio/brand/shipping/tax-rates', { country: 'US', region: 'C-', tax_percent: '5' }, /region as its code/],
		['/studio/brand/shipping/tax-rates', { country: 'US', region: 'CA', tax_percent: '100.5' }, /percentage from 0 to 100/],
		['/studio/brand/shipping/tax-rates', { country: 'US', region: 'CA', tax_percent: '' }, /percentage from 0 to 100/],
		['/studio/brand/shipping/rates', { dest: 'ZZ', shipping: '5' }, /Choose the country or zone/],
		['/studio/brand/shipping/rates', { dest: 'DE', shipping: '-5' }, /shipping rate as an amount/],
		['/studio/brand/shipping/rates/remove', { dest: 'ZZ' }, /not in the table/],
	]) {
		it(`${path} refuses ${JSON.stringify(fields)} with 422 and writes nothing`, async () => {
			const b = await newBrand();
			const r = await b.client.submit(path, fields, { formPath: '/studio/brand/shipping' });
			assert.equal(r.status, 422);
			assert.match(r.body, why);
			assert.deepEqual(sql(`SELECT (SELECT COUNT(*) FROM brand_tax_rates WHERE brand_id = b.id) + (SELECT COUNT(*)
				FROM brand_shipping_rates WHERE brand_id = b.id) FROM brands b WHERE b.slug = ${lit(b.slug)}`), [['0']]);
		});
	}

	it('a full table refuses another rate with 409', async () => {
		const b = await newBrand();
		sql(`INSERT INTO brand_tax_rates (brand_id, country, region, rate_bps)
			SELECT b.id, 'US', LPAD(seq, 3, '0'), 100 FROM brands b JOIN seq_0_to_499 WHERE b.slug = ${lit(b.slug)}`);
		const r = await b.client.submit('/studio/brand/shipping/tax-rates', { country: 'DE', region: '', tax_percent: '19' },
			{ formPath: '/studio/brand/shipping' });
		assert.equal(r.status, 409);
		assert.match(r.body, /The tax table is full/);
	});

	it('a bad price style is refused, and a save without it keeps the style', async () => {
		const b = await newBrand();
		await put(b.client, '/studio/brand/shipping', { shipping: '1', tax_percent: '1', prices: 'include' });
		const bad = await b.client.submit('/studio/brand/shipping', { shipping: '1', tax_percent: '1', prices: 'both' });
		assert.ok(bad.status >= 400 && bad.status < 500);
		await put(b.client, '/studio/brand/shipping', { shipping: '2', tax_percent: '1' });
		assert.deepEqual(sql(`SELECT prices_include_tax, shipping_flat_rate FROM brands WHERE slug = ${lit(b.slug)}`), [['1', '200']]);
	});

	it('needs a brand: a creator gets 403, and a post without the CSRF token is refused', async () => {
		const client = new Client();
		await newAccount(client, 'creator');
		assert.equal((await client.get('/studio/brand/shipping')).status, 403);
		const b = await newBrand();
		const r = await b.client.post('/studio/brand/shipping/rates', { dest: 'DE', shipping: '5' });
		assert.equal(r.status, 403);
	});
});
