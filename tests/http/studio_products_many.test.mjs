// studio_products_many.test.mjs: the product editor holds Shopify-sized products without
// JavaScript: 60 and 100 variants and 20 images save and show again; a 101st variant or a 21st
// image is refused with a clear message; "add more rows" saves and brings extra blank rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main, newBrand, postProduct, productForm, sql } from './lib/catalog.mjs';

const sizes = (n, price = '10.00') => Array.from({ length: n }, (_, i) => ({
	option1: `S${i + 1}`, option2: i % 2 ? 'Blue' : 'Red', sku: `MANY-${i + 1}`, price, stock: String(i) }));
const imgs = (n) => Array.from({ length: n }, (_, i) => ({ url: `https://img.example/many-${i + 1}.jpg`, alt: `Picture ${i + 1}` }));
const fields = (variants, images = imgs(2)) => ({ title: 'Many Variant Tee', options: ['Size', 'Color'], variants, images });
const rows = (html) => [...html.matchAll(/name="v_price"/g)].length;
const imageRows = (html) => [...html.matchAll(/name="i_url"/g)].length;
const count = (table, id) => +sql(`SELECT COUNT(*) FROM ${table} WHERE product_id = ${id}`).trim();

test('a 60-variant product with 20 images saves through the form and edits again', async () => {
	const { client } = await newBrand();
	let res = await postProduct(client, '/studio/products', productForm(fields(sizes(60), imgs(20))));
	assert.equal(res.status, 303, main(res.body).slice(0, 500));
	const id = /^\/studio\/products\/(\d+)\?saved=1$/.exec(res.headers.location)[1];
	assert.equal(count('variants', id), 60);
	assert.equal(count('product_images', id), 20);
	const page = await client.get(res.headers.location);
	assert.equal(page.status, 200);
	assert.equal(rows(page.body), 63, '60 variants and 3 blank rows');
	assert.equal(imageRows(page.body), 20, 'images are full: no blank image row');
	assert.match(page.body, /name="v_sku" maxlength="120" value="MANY-60"/);
	// Saving the page back, with the variant ids, changes the prices in place.
	const ids = sql(`SELECT id FROM variants WHERE product_id = ${id} ORDER BY position, id`).trim().split('\n');
	const again = sizes(60, '12.00').map((v, i) => ({ ...v, id: ids[i] }));
	res = await postProduct(client, `/studio/products/${id}`, productForm(fields(again, imgs(20))), `/studio/products/${id}`);
	assert.equal(res.status, 303, main(res.body).slice(0, 500));
	assert.deepEqual(sql(`SELECT COUNT(*), MIN(price), MAX(price) FROM variants WHERE product_id = ${id}`).trim().split('\t'),
		['60', '1200', '1200']);
	assert.deepEqual(sql(`SELECT id FROM variants WHERE product_id = ${id} ORDER BY position, id`).trim().split('\n'), ids,
		'variant ids survive');
});

test('100 variants is the most: the 101st is refused with a clear message and nothing is written', async () => {
	const { client, slug } = await newBrand();
	const products = () => +sql(`SELECT COUNT(*) FROM products p JOIN brands b ON b.id = p.brand_id WHERE b.slug = '${slug}'`).trim();
	let res = await postProduct(client, '/studio/products', productForm(fields(sizes(101))));
	assert.equal(res.status, 422);
	assert.match(main(res.body), /At most 100 variants\./);
	assert.match(main(res.body), /name="v_sku" maxlength="120" value="MANY-101"/, 'the typed rows are kept');
	res = await postProduct(client, '/studio/products', productForm(fields(sizes(2), imgs(21))));
	assert.equal(res.status, 422);
	assert.match(main(res.body), /At most 20 images\./);
	assert.equal(products(), 0);
	res = await postProduct(client, '/studio/products', productForm(fields(sizes(100))));
	assert.equal(res.status, 303, main(res.body).slice(0, 500));
	const id = /(\d+)\?saved=1$/.exec(res.headers.location)[1];
	assert.equal(count('variants', id), 100);
	const page = await client.get(`/studio/products/${id}?more=1`);
	assert.equal(rows(page.body), 100, 'no blank row past 100');
	assert.match(page.body, /has 100 variants, the most it can have/);
	// A request with far more rows than the form ever shows is not from the form.
	res = await postProduct(client, '/studio/products', productForm(fields(sizes(200))));
	assert.equal(res.status, 400);
});

test('"add more rows" saves, then shows extra blank variant and image rows', async () => {
	const { client } = await newBrand();
	const form = productForm(fields(sizes(2)));
	form.append('after', 'more');
	const res = await postProduct(client, '/studio/products', form);
	assert.equal(res.status, 303, main(res.body).slice(0, 500));
	assert.match(res.headers.location, /^\/studio\/products\/\d+\?saved=1&more=1$/);
	const page = await client.get(res.headers.location);
	assert.equal(rows(page.body), 22, '2 variants and 20 blank rows');
	assert.equal(imageRows(page.body), 7, '2 images and 5 blank rows');
	assert.match(page.body, /<button class="button secondary" type="submit" name="after" value="more"[^>]*>Add more rows<\/button>/);
});
