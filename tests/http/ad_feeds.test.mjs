// ad_feeds.test.mjs: /b/{brand}/tiktok.csv and /b/{brand}/meta.csv, the catalog feeds TikTok and
// Meta fetch: their required columns, one row per variant, absolute links from base_url, plain-text
// descriptions, availability as imported, sale prices, and formula cells neutralised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, confValue, unique } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { main, newBrand, postProduct, productForm } from './lib/catalog.mjs';
import { shopifyFixture, shopifyTest, upload } from './lib/catalog_import.mjs';
import { parseCsv } from './lib/shopify_today.mjs';

const REQUIRED = {
	tiktok: ['sku_id', 'title', 'description', 'availability', 'condition', 'price', 'link', 'image_link', 'brand'],
	meta: ['id', 'title', 'description', 'availability', 'condition', 'price', 'link', 'image_link', 'brand'],
};

// The feed's rows as objects keyed by its header, once it holds `rows` data rows (public reads
// are cached for a second).
async function feed(platform, slug, rows) {
	return eventually(async () => {
		const res = await new Client().get(`/b/${slug}/${platform}.csv`);
		assert.equal(res.status, 200, res.body.slice(0, 300));
		assert.match(res.headers['content-type'], /^text\/csv/);
		const [header, ...data] = parseCsv(res.body);
		assert.equal(data.length, rows);
		return { header, rows: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
	});
}

shopifyTest('TikTok and Meta feeds carry every variant with the required columns, absolute links and plain text', async () => {
	const { client, slug } = await newBrand();
	assert.equal((await upload(client, 'shopify', 'jewelery.csv', shopifyFixture('jewelery.csv'))).status, 200);
	const base = confValue('base_url').replace(/\/+$/, '');
	for (const platform of ['tiktok', 'meta']) {
		const { header, rows } = await feed(platform, slug, 23);
		for (const col of REQUIRED[platform])
			assert.ok(header.includes(col), `${platform}: ${col} in ${header}`);
		const id = REQUIRED[platform][0];
		for (const r of rows) {
			for (const col of REQUIRED[platform])
				assert.notEqual(r[col], '', `${platform}: ${col} is empty in ${JSON.stringify(r)}`);
			assert.equal(r.link, `${base}/p/${slug}/${r.item_group_id}`);
			assert.match(r.image_link, /^https:\/\//);
			assert.doesNotMatch(r.description, /[<>]|&amp;|\n/, 'descriptions are plain text on one line');
			assert.equal(r.condition, 'new');
			assert.match(r.price, /^\d+\.\d\d USD$/);
			for (const extra of r.additional_image_link ? r.additional_image_link.split(',') : [])
				assert.match(extra, /^https:\/\//);
		}
		assert.equal(new Set(rows.map((r) => r[id])).size, 23, 'ids are unique');
		const anchor = rows.filter((r) => r.item_group_id === 'leather-anchor');
		assert.deepEqual(anchor.map((r) => [r.availability, r.price, r.sale_price]), [
			['in stock', '85.00 USD', '69.99 USD'], ['out of stock', '85.00 USD', '55.00 USD']]);
		assert.equal(anchor[0].brand, 'Company 123');
		assert.equal(anchor[0].description, 'Black leather bracelet with gold or silver anchor for men.');
	}
});

test('an item imported "in stock" without a quantity is in stock in both feeds', async () => {
	const { client, slug } = await newBrand();
	const res = await upload(client, 'feed', 'feed.csv',
		'id,title,description,availability,price,link,image_link\n' +
		'mug-1,Mug,<p>A <b>big</b> mug</p>,in stock,8.00 USD,https://e.test/mug,https://e.test/mug.jpg\n' +
		'cup-1,Cup,Small cup,out of stock,4.00 USD,https://e.test/cup,https://e.test/cup.jpg\n');
	assert.equal(res.status, 200, res.body.slice(0, 500));
	for (const platform of ['tiktok', 'meta']) {
		const { rows } = await feed(platform, slug, 2);
		const by = Object.fromEntries(rows.map((r) => [r.title, r]));
		assert.equal(by.Mug.availability, 'in stock');
		assert.equal(by.Cup.availability, 'out of stock');
		assert.equal(by.Mug.description, 'A big mug');
	}
});

test('a formula typed into a product comes out of the ad feeds neutralised', async () => {
	const b = await newBrand();
	const formula = '=HYPERLINK("http://evil.example","x")';
	const made = await postProduct(b.client, '/studio/products', productForm({
		title: formula, vendor: '@SUM(1+9)', variants: [{ sku: `+cmd-${unique()}`, price: '12.50', stock: '3' }],
	}));
	assert.equal(made.status, 303, main(made.body));
	const id = /^\/studio\/products\/(\d+)\?saved=1$/.exec(made.headers.location)?.[1];
	const published = await b.client.submit(`/studio/products/${id}/status`, { action: 'publish' }, { formPath: `/studio/products/${id}` });
	assert.equal(published.status, 303);
	for (const platform of ['tiktok', 'meta']) {
		const { rows: [row] } = await feed(platform, b.slug, 1);
		assert.equal(row.title, `'${formula}`);
		assert.equal(row.brand, "'@SUM(1+9)");
		assert.match(row[platform === 'tiktok' ? 'sku_id' : 'id'], /^'\+cmd-/);
		assert.equal(row.price, '12.50 USD');
		for (const cell of Object.values(row))
			assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `no cell leads with a formula: ${cell}`);
	}
});

test('an unknown brand has no ad feeds', async () => {
	for (const platform of ['tiktok', 'meta'])
		assert.equal((await new Client().get(`/b/no-such-brand-${unique()}/${platform}.csv`)).status, 404);
});
