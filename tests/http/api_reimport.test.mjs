// api_reimport.test.mjs: a hand change (API variant PATCH, the studio editor, a status change)
// marks the product as no longer the file's, so re-importing the original file restores it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, brandWithKey, postProduct, productForm } from './lib/catalog.mjs';
import { products, reportCounts, upload, variants } from './lib/catalog_import.mjs';

const CSV = 'Handle,Title,Body (HTML),Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Image Src\n' +
	'reimport-mug,Reimport Mug,<p>A mug.</p>,true,Size,Small,RM-S,12.50,4,https://example.com/img/mug.jpg\n' +
	'reimport-mug,,,,,Large,RM-L,14.00,2,\n';

async function imported() {
	const b = await brandWithKey();
	const res = await upload(b.client, 'shopify', 'mug.csv', CSV);
	assert.deepEqual(reportCounts(res.body), { created: 1, updated: 0, unchanged: 0, skipped: 0 });
	return b;
}

async function reimport(b) {
	const res = await upload(b.client, 'shopify', 'mug.csv', CSV);
	assert.equal(res.status, 200, res.body.slice(0, 400));
	return reportCounts(res.body);
}

test('an API variant PATCH makes the next import of the same file restore the file\'s price and stock', async () => {
	const b = await imported();
	const [small] = variants(b.slug, 'reimport-mug');
	const patched = await api('PATCH', `/api/v1/variants/${small.id}`, { key: b.key, body: { price: '9.99', stock: 40 } });
	assert.equal(patched.status, 200, patched.text);
	assert.equal(variants(b.slug, 'reimport-mug')[0].price, 999);
	assert.deepEqual(await reimport(b), { created: 0, updated: 1, unchanged: 0, skipped: 0 });
	const after = variants(b.slug, 'reimport-mug');
	assert.deepEqual(after.map((v) => [v.id, v.price, v.stock]), [[small.id, 1250, 4], [after[1].id, 1400, 2]]);
	assert.equal(products(b.slug)[0].price_min, 1250);
	assert.deepEqual(await reimport(b), { created: 0, updated: 0, unchanged: 1, skipped: 0 }, 'then it is the file\'s again');
});

test('a variant added through the API is removed again by a re-import of the file', async () => {
	const b = await imported();
	const id = products(b.slug)[0].id;
	const added = await api('POST', `/api/v1/products/${id}/variants`, { key: b.key,
		body: { option1: 'Huge', sku: 'RM-H', price: '20.00', stock: 1, inventory_policy: 'deny' } });
	assert.equal(added.status, 201, added.text);
	assert.deepEqual(await reimport(b), { created: 0, updated: 1, unchanged: 0, skipped: 0 });
	assert.deepEqual(variants(b.slug, 'reimport-mug').map((v) => v.sku), ['RM-S', 'RM-L']);
});

test('a studio editor save makes the next import restore the file', async () => {
	const b = await imported();
	const p = products(b.slug)[0];
	const [s, l] = variants(b.slug, 'reimport-mug');
	const form = productForm({ title: 'Renamed by hand', description: 'A mug.', options: ['Size'],
		variants: [{ id: s.id, option1: 'Small', sku: 'RM-S', price: '11.00', stock: '4' },
			{ id: l.id, option1: 'Large', sku: 'RM-L', price: '14.00', stock: '2' }],
		images: [{ url: 'https://example.com/img/mug.jpg' }] });
	const saved = await postProduct(b.client, `/studio/products/${p.id}`, form, `/studio/products/${p.id}`);
	assert.equal(saved.status, 303, saved.body.slice(0, 400));
	assert.equal(products(b.slug)[0].title, 'Renamed by hand');
	assert.equal(variants(b.slug, 'reimport-mug')[0].price, 1100);
	assert.deepEqual(await reimport(b), { created: 0, updated: 1, unchanged: 0, skipped: 0 });
	assert.equal(products(b.slug)[0].title, 'Reimport Mug');
	assert.deepEqual(variants(b.slug, 'reimport-mug').map((v) => [v.id, v.price]), [[s.id, 1250], [l.id, 1400]]);
});

test('archiving a product by hand: the next import of the file makes it active again', async () => {
	const b = await imported();
	const p = products(b.slug)[0];
	const res = await b.client.submit(`/studio/products/${p.id}/status`, { action: 'archive' }, { formPath: `/studio/products/${p.id}` });
	assert.equal(res.status, 303, res.body.slice(0, 300));
	assert.equal(products(b.slug)[0].status, 'archived');
	assert.deepEqual(await reimport(b), { created: 0, updated: 1, unchanged: 0, skipped: 0 });
	assert.equal(products(b.slug)[0].status, 'active');
});
