// brand_shipping.test.mjs: a brand sets its flat shipping rate and tax rate in the studio; bad
// amounts are refused with the typed values kept, and only brands reach the page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client, newAccount } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { newBrand, sql } from './lib/catalog.mjs';

usesDatabase();

describe('brand shipping and tax rates', () => {
	it('a brand saves a shipping rate and a tax rate and sees them again', async () => {
		const { client, slug } = await newBrand();
		const res = await client.submit('/studio/brand/shipping', { shipping: '4.5', tax_percent: '8.25' });
		assert.equal(res.status, 303);
		assert.equal(res.headers.location, '/studio/brand/shipping?saved=1');
		const page = await client.get('/studio/brand/shipping?saved=1');
		assert.match(page.body, /value="4\.50"/);
		assert.match(page.body, /value="8\.25"/);
		assert.match(sql(`SELECT shipping_flat_rate, tax_rate_bps FROM brands WHERE slug = '${slug}'`), /450\s+825/);
	});

	for (const [shipping, tax, why] of [
		['1,234.50', '5', 'a thousands separator'], ['-1', '5', 'a negative rate'], ['abc', '5', 'text'],
		['5', '100.01', 'a tax over 100 %'], ['5', '8.255', 'three decimals of tax'], ['5', '', 'no tax'],
	]) {
		it(`a shipping rate or tax with ${why} is refused with 422 and the values kept`, async () => {
			const { client, slug } = await newBrand();
			const res = await client.submit('/studio/brand/shipping', { shipping, tax_percent: tax });
			assert.equal(res.status, 422);
			assert.ok(res.body.includes(`value="${shipping}"`), 'the typed shipping rate is kept');
			assert.match(sql(`SELECT shipping_flat_rate, tax_rate_bps FROM brands WHERE slug = '${slug}'`), /0\s+0/);
		});
	}

	it('a creator cannot open the page (403)', async () => {
		const client = new Client();
		await newAccount(client, 'creator');
		const res = await client.get('/studio/brand/shipping');
		assert.equal(res.status, 403);
	});
});
