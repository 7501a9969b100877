// catalog_import_today.test.mjs: Shopify's product CSV as its admin exports it today ("URL handle",
// "Price", "Product image URL"...) imports to exactly the catalog the classic export of the same
// products gives, through the studio upload and crowdcartctl; a header mixing both namings is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newBrand } from './lib/catalog.mjs';
import {
	count, ctl, images, products, reportCounts, reportErrors, shopifyFixture, shopifyTest, upload, variants,
} from './lib/catalog_import.mjs';
import { toToday } from './lib/shopify_today.mjs';

// A brand's whole catalog without its ids, for comparing two brands.
function catalogOf(slug) {
	return products(slug).map(({ id, ...p }) => ({
		...p,
		variants: variants(slug, p.handle).map(({ id: _v, ...v }) => v),
		images: images(slug, p.handle),
	}));
}

for (const name of ['apparel.csv', 'jewelery.csv']) {
	shopifyTest(`today's export of ${name} gives the same products, variants, prices and images as the classic one`, async () => {
		const classic = await newBrand();
		const today = await newBrand();
		const before = await upload(classic.client, 'shopify', name, shopifyFixture(name));
		assert.equal(before.status, 200, before.body.slice(0, 500));
		const text = toToday(shopifyFixture(name).toString('utf8'));
		assert.match(text.split('\n')[0], /^Title,URL handle,Description,/);
		const res = await upload(today.client, 'shopify', `today-${name}`, text);
		assert.equal(res.status, 200, JSON.stringify(reportErrors(res.body)));
		assert.deepEqual(reportCounts(res.body), reportCounts(before.body));
		assert.equal(count(today.slug, 'products'), 20);
		assert.deepEqual(catalogOf(today.slug), catalogOf(classic.slug));
		// The same file again changes nothing: the digest covers what the classic import writes.
		const again = await upload(today.client, 'shopify', `today-${name}`, text);
		assert.deepEqual(reportCounts(again.body), { created: 0, updated: 0, unchanged: 20, skipped: 0 });
	});
}

shopifyTest("crowdcartctl imports today's export the same way", async () => {
	const classic = await newBrand();
	const today = await newBrand();
	await upload(classic.client, 'shopify', 'jewelery.csv', shopifyFixture('jewelery.csv'));
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-today-')), 'jewelery-today.csv');
	writeFileSync(file, toToday(shopifyFixture('jewelery.csv').toString('utf8')));
	assert.match(ctl('import', '--brand', today.slug, '--format', 'shopify', file), /created 20, updated 0, unchanged 0/);
	assert.deepEqual(catalogOf(today.slug), catalogOf(classic.slug));
});

test("a header mixing the classic and today's column names is refused with the reason", async () => {
	const { client, slug } = await newBrand();
	const res = await upload(client, 'shopify', 'mixed.csv',
		'URL handle,Title,Variant Price,Product image URL\nmug,Mug,8.00,https://e.test/mug.jpg\n');
	assert.equal(res.status, 422);
	assert.match(res.body, /Nothing was imported/);
	const errors = reportErrors(res.body);
	assert.ok(errors.some((e) => e.line === 1 && /mixes Shopify's classic column names \("Variant Price"\) with today's \("URL handle"\)/.test(e.message)),
		JSON.stringify(errors));
	assert.equal(count(slug, 'products'), 0);
});

test("today's header names its own columns in errors", async () => {
	const { client } = await newBrand();
	const res = await upload(client, 'shopify', 'today-bad.csv',
		'Title,URL handle,Price,Continue selling when out of stock\nMug,mug,-5,DENY\nCup,cup,4,MAYBE\n');
	assert.equal(res.status, 422);
	const errors = reportErrors(res.body);
	assert.ok(errors.some((e) => e.line === 2 && /^Price "-5" is negative/.test(e.message)), JSON.stringify(errors));
	assert.ok(errors.some((e) => e.line === 3 && /Continue selling when out of stock "MAYBE" is not deny or continue/.test(e.message)),
		JSON.stringify(errors));
});
