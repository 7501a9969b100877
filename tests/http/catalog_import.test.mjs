// catalog_import.test.mjs: catalog imports through the studio upload and crowdcartctl (one code
// path): the real Shopify exports import exactly, WooCommerce and feed files, re-imports change
// nothing, edits update in place, hostile files are refused by line with nothing written, the
// sanitiser guards the product page, and the feed out round-trips through the feed importer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, newAccount } from './lib/http.mjs';
import { newBrand } from './lib/catalog.mjs';
import { eventually } from './lib/eventually.mjs';
import {
	FIXTURES, count, ctl, fixture, images, lit, products, reportCounts, reportErrors, shopifyFixture, shopifyTest, sql, upload,
	variants,
} from './lib/catalog_import.mjs';

const SHOPIFY_IMG = 'https://burst.shopifycdn.com/photos/';

shopifyTest('the Shopify apparel export imports every product, variant, price, stock figure and image', async () => {
	const { client, slug } = await newBrand();
	const res = await upload(client, 'shopify', 'apparel.csv', shopifyFixture('apparel.csv'));
	assert.equal(res.status, 200, res.body.slice(0, 500));
	assert.deepEqual(reportCounts(res.body), { created: 20, updated: 0, unchanged: 0, skipped: 0 });
	assert.equal(count(slug, 'products'), 20);
	assert.equal(count(slug, 'variants'), 22);
	assert.equal(count(slug, 'product_images'), 20);
	const all = products(slug);
	const top = all.find((p) => p.handle === 'classic-varsity-top');
	assert.equal(top.title, 'Classic Varsity Top');
	assert.equal(top.vendor, 'partners-demo');
	assert.equal(top.tags, 'women');
	assert.equal(top.status, 'active');
	assert.equal(top.price_min, 6000);
	assert.equal(top.currency, 'USD');
	assert.equal(top.stock_total, 3);
	assert.deepEqual(variants(slug, 'classic-varsity-top').map((v) => [v.options, v.price, v.stock, v.policy]),
		[[['Small'], 6000, 1, 'deny'], [['Medium'], 6000, 1, 'deny'], [['Large'], 6000, 1, 'deny']]);
	assert.deepEqual(sql(`SELECT o.name FROM product_options o JOIN products p ON p.id = o.product_id
		WHERE p.id = ${top.id}`), [['Size']]);
	// "Title / Default Title" is Shopify's way of saying "no options".
	const shirt = all.find((p) => p.handle === 'ocean-blue-shirt');
	assert.equal(shirt.price_min, 5000);
	assert.deepEqual(variants(slug, 'ocean-blue-shirt').map((v) => v.options), [[]]);
	assert.deepEqual(images(slug, 'ocean-blue-shirt'), [{ url: `${SHOPIFY_IMG}young-man-in-bright-fashion_925x.jpg`, alt: '' }]);
	assert.equal(all.find((p) => p.handle === 'led-high-tops').price_min, 8000);
	assert.equal(all.find((p) => p.handle === 'black-leather-bag').price_min, 3000);
	assert.ok(all.every((p) => p.description.startsWith('<p>')), 'descriptions are stored sanitised');
});

shopifyTest('the Shopify jewelery export imports compare-at prices, zero stock, image-only rows and variant images', async () => {
	const { client, slug } = await newBrand();
	const res = await upload(client, 'shopify', 'jewelery.csv', shopifyFixture('jewelery.csv'));
	assert.equal(res.status, 200, res.body.slice(0, 500));
	assert.deepEqual(reportCounts(res.body), { created: 20, updated: 0, unchanged: 0, skipped: 0 });
	assert.equal(count(slug, 'products'), 20);
	assert.equal(count(slug, 'variants'), 23);
	assert.equal(count(slug, 'product_images'), 41);
	const anchor = products(slug).find((p) => p.handle === 'leather-anchor');
	assert.equal(anchor.price_min, 5500);
	assert.equal(anchor.stock_total, 1);
	assert.deepEqual(variants(slug, 'leather-anchor').map((v) => [v.options, v.price, v.compare_at, v.stock, v.image]), [
		[['Gold'], 6999, 8500, 1, `${SHOPIFY_IMG}anchor-bracelet-mens_925x.jpg`],
		[['Silver'], 5500, 8500, 0, `${SHOPIFY_IMG}anchor-bracelet-for-men_925x.jpg`],
	]);
	assert.deepEqual(images(slug, 'leather-anchor').map((i) => i.url), [
		`${SHOPIFY_IMG}anchor-bracelet-mens_925x.jpg`, `${SHOPIFY_IMG}anchor-bracelet-for-men_925x.jpg`,
		`${SHOPIFY_IMG}leather-anchor-bracelet-for-men_925x.jpg`]);
	const bracelet = variants(slug, 'chain-bracelet');
	assert.deepEqual(bracelet.map((v) => [v.options, v.price, v.compare_at, v.stock, v.image]), [
		[['Blue'], 4299, 4499, 1, `${SHOPIFY_IMG}navy-blue-chakra-bracelet_925x.jpg`],
		[['Black'], 4299, 4499, 0, `${SHOPIFY_IMG}7-chakra-bracelet_925x.jpg`],
	]);
	// The export's Image Position values (1..4) are the stored order.
	assert.deepEqual(images(slug, 'gemstone').map((i) => i.url), ['blue-gemstone-pendant', 'gemstone-necklace',
		'womens-necklace', 'purple-gemstone-necklace'].map((n) => `${SHOPIFY_IMG}${n}_925x.jpg`));
	assert.equal(images(slug, 'origami-crane-necklace').length, 4);
	const gold = products(slug).find((p) => p.handle === 'gold-bird-necklace');
	assert.equal(gold.price_min, 7999);
	assert.deepEqual(variants(slug, 'gold-bird-necklace').map((v) => v.compare_at), [null]);
	assert.equal(products(slug).find((p) => p.handle === 'pretty-gold-necklace').price_min, 4495);
});

shopifyTest('images are stored in Image Position order even when the rows list them out of order', async () => {
	const { client, slug } = await newBrand();
	const lines = shopifyFixture('jewelery.csv').toString('utf8').split('\n');
	// gemstone's image-only rows (positions 3 and 4) swapped: the positions, not the rows, decide.
	const rows = lines.map((l, i) => [l, i]).filter(([l]) => l.startsWith('gemstone,,')).map(([, i]) => i);
	assert.equal(rows.length, 3);
	[lines[rows[1]], lines[rows[2]]] = [lines[rows[2]], lines[rows[1]]];
	const res = await upload(client, 'shopify', 'jewelery-shuffled.csv', lines.join('\n'));
	assert.equal(res.status, 200, res.body.slice(0, 500));
	assert.deepEqual(images(slug, 'gemstone').map((i) => i.url), ['blue-gemstone-pendant', 'gemstone-necklace',
		'womens-necklace', 'purple-gemstone-necklace'].map((n) => `${SHOPIFY_IMG}${n}_925x.jpg`));
	// The variant images still point at the right pictures.
	assert.deepEqual(variants(slug, 'leather-anchor').map((v) => v.image), [
		`${SHOPIFY_IMG}anchor-bracelet-mens_925x.jpg`, `${SHOPIFY_IMG}anchor-bracelet-for-men_925x.jpg`]);
	// A garbage position is a row error with its line.
	const bad = shopifyFixture('jewelery.csv').toString('utf8').split('\n');
	const j = bad.findIndex((l) => l.startsWith('gemstone,,'));
	bad[j] = bad[j].replace(/_925x\.jpg,\d+,/, '_925x.jpg,third,');
	const refused = await upload(client, 'shopify', 'jewelery-bad-position.csv', bad.join('\n'));
	assert.equal(refused.status, 422);
	assert.ok(reportErrors(refused.body).some((e) => e.line === j + 1 && /Image Position "third"/.test(e.message)),
		JSON.stringify(reportErrors(refused.body)));
});

shopifyTest('re-importing the same file changes nothing and the report says so', async () => {
	const { client, slug } = await newBrand();
	const data = shopifyFixture('jewelery.csv');
	assert.equal((await upload(client, 'shopify', 'jewelery.csv', data)).status, 200);
	const before = sql(`SELECT v.id, v.price, v.stock, p.updated_at FROM variants v JOIN products p ON p.id = v.product_id
		JOIN brands b ON b.id = p.brand_id WHERE b.slug = ${lit(slug)} ORDER BY v.id`);
	const res = await upload(client, 'shopify', 'jewelery.csv', data);
	assert.equal(res.status, 200);
	assert.deepEqual(reportCounts(res.body), { created: 0, updated: 0, unchanged: 20, skipped: 0 });
	assert.match(res.body, /Nothing changed/);
	assert.deepEqual(sql(`SELECT v.id, v.price, v.stock, p.updated_at FROM variants v JOIN products p ON p.id = v.product_id
		JOIN brands b ON b.id = p.brand_id WHERE b.slug = ${lit(slug)} ORDER BY v.id`), before);
	const page = await client.get('/studio/import');
	assert.match(page.body, /jewelery\.csv/, 'recent imports are listed');
});

shopifyTest('an edited file updates products in place, keeping variant ids', async () => {
	const { client, slug } = await newBrand();
	const text = shopifyFixture('jewelery.csv').toString('utf8');
	await upload(client, 'shopify', 'jewelery.csv', text);
	const [blue, black] = variants(slug, 'chain-bracelet');
	const id = products(slug).find((p) => p.handle === 'chain-bracelet').id;
	// Blue goes to 39.99 with 7 in stock; Black's row is removed.
	const lines = text.split('\n');
	const i = lines.findIndex((l) => l.startsWith('chain-bracelet,7 Shakra'));
	lines[i] = lines[i].replace(',1,deny,manual,42.99,', ',7,deny,manual,39.99,');
	lines.splice(i + 1, 1);
	const res = await upload(client, 'shopify', 'jewelery-edited.csv', lines.join('\n'));
	assert.equal(res.status, 200, res.body.slice(0, 500));
	assert.deepEqual(reportCounts(res.body), { created: 0, updated: 1, unchanged: 19, skipped: 0 });
	const after = variants(slug, 'chain-bracelet');
	assert.equal(after.length, 1);
	assert.equal(after[0].id, blue.id);
	assert.equal(after[0].price, 3999);
	assert.equal(after[0].stock, 7);
	assert.ok(!after.some((v) => v.id === black.id));
	const p = products(slug).find((x) => x.handle === 'chain-bracelet');
	assert.equal(p.id, id);
	assert.equal(p.price_min, 3999);
	assert.equal(p.stock_total, 7);
});

test('a WooCommerce export imports simple and variable products; grouped and external are skipped', async () => {
	const { client, slug } = await newBrand();
	const res = await upload(client, 'woocommerce', 'woocommerce.csv', fixture('woocommerce.csv'));
	assert.equal(res.status, 200, res.body.slice(0, 500));
	assert.deepEqual(reportCounts(res.body), { created: 2, updated: 0, unchanged: 0, skipped: 2 });
	const [beanie, hoodie] = ['wool-beanie', 'trail-hoodie'].map((h) => products(slug).find((p) => p.handle === h));
	assert.equal(beanie.price_min, 1800);
	assert.equal(beanie.stock_total, 25);
	assert.equal(beanie.type, 'Accessories');
	assert.equal(beanie.tags, 'winter, wool');
	assert.equal(beanie.description, '<p>Warm <strong>merino</strong> beanie.</p>');
	assert.deepEqual(variants(slug, 'wool-beanie').map((v) => [v.sku, v.price, v.compare_at, v.stock, v.ext]),
		[['WOO-BEANIE', 1800, 2000, 25, '10']]);
	assert.equal(images(slug, 'wool-beanie').length, 2);
	assert.equal(hoodie.price_min, 4000);
	assert.equal(hoodie.stock_total, 8);
	assert.equal(hoodie.description, '<p>Cozy hoodie with a hood.</p>');
	assert.deepEqual(variants(slug, 'trail-hoodie').map((v) => [v.sku, v.options, v.price, v.compare_at, v.stock]), [
		['WOO-HOODIE-BLUE-M', ['Blue', 'M'], 4500, null, 5],
		['WOO-HOODIE-GREEN-L', ['Green', 'L'], 4000, 4500, 0],
		['WOO-HOODIE-BLUE-L', ['Blue', 'L'], 4750, null, 3],
	]);
});

test('catalog feeds import from CSV and TSV, grouped by item_group_id', async () => {
	const { client, slug } = await newBrand();
	let res = await upload(client, 'feed', 'feed.csv', fixture('feed.csv'));
	assert.equal(res.status, 200, res.body.slice(0, 500));
	assert.deepEqual(reportCounts(res.body), { created: 2, updated: 0, unchanged: 0, skipped: 0 });
	const tee = products(slug).find((p) => p.handle === 'tee');
	assert.equal(tee.title, 'Organic Tee');
	assert.equal(tee.vendor, 'Acme');
	assert.equal(tee.price_min, 2000);
	assert.equal(tee.description, '<p>Soft organic cotton.</p>');
	assert.deepEqual(variants(slug, 'tee').map((v) => [v.ext, v.options, v.price, v.compare_at, v.policy, v.barcode, v.sku]), [
		['TEE-RED-S', ['Red', 'S'], 2500, null, 'continue', '0012345678905', 'ACME-TEE-RS'],
		['TEE-RED-M', ['Red', 'M'], 2000, 2500, 'deny', '0012345678912', 'ACME-TEE-RM'],
		['TEE-BLUE-S', ['Blue', 'S'], 2600, null, 'continue', '', 'ACME-TEE-BS'],
	]);
	assert.deepEqual(variants(slug, 'mug-1').map((v) => [v.options, v.price]), [[[], 1200]]);
	res = await upload(client, 'feed', 'feed.tsv', fixture('feed.tsv'));
	assert.deepEqual(reportCounts(res.body), { created: 1, updated: 0, unchanged: 0, skipped: 0 });
	const cap = products(slug).find((p) => p.handle === 'cap');
	assert.equal(cap.currency, 'EUR');
	assert.equal(cap.price_min, 1990);
	assert.equal(cap.stock_total, 7);
	assert.equal(images(slug, 'cap').length, 3);
});

const hostile = [
	['bad_quoting.csv', 3, /bad quoting/],
	['missing_column.csv', 1, /required column "Variant Price" is missing/],
	['not_utf8.csv', 4, /not UTF-8/],
	['formula.csv', 2, /formulas are not accepted/],
	['formula_title.csv', 3, /Variant SKU starts with "="/],
	['thousands.csv', 2, /without thousands separators/],
	['negative.csv', 3, /"-5" is negative/],
	['unclosed_quote.csv', 3, /never closed/],
	['utf16.csv', 1, /UTF-16/],
];

test('hostile files are refused with the line and the reason, and nothing is written', async () => {
	const { client, slug } = await newBrand();
	for (const [name, line, reason] of hostile) {
		const res = await upload(client, 'shopify', name, fixture(`hostile/${name}`));
		assert.equal(res.status, 422, `${name}: ${res.status}`);
		assert.match(res.body, /Nothing was imported/, name);
		const errors = reportErrors(res.body);
		assert.ok(errors.some((e) => e.line === line && reason.test(e.message)),
			`${name}: expected line ${line} ${reason}, got ${JSON.stringify(errors)}`);
	}
	assert.equal(count(slug, 'products'), 0, 'no rejected file wrote anything');
	assert.equal(+sql(`SELECT COUNT(*) FROM import_runs r JOIN brands b ON b.id = r.brand_id
		WHERE b.slug = ${lit(slug)} AND r.status = 'rejected'`)[0][0], hostile.length);
});

test('a byte order mark and CRLF line ends are read as Excel writes them', async () => {
	const { client, slug } = await newBrand();
	const res = await upload(client, 'shopify', 'bom_crlf.csv', fixture('hostile/bom_crlf.csv'));
	assert.equal(res.status, 200, res.body.slice(0, 500));
	assert.deepEqual(variants(slug, 'felt-coaster').map((v) => [v.options, v.sku, v.price, v.stock]),
		[[['Small'], 'FC-S', 950, 10], [['Large'], 'FC-L', 1200, 4]]);
	assert.deepEqual(images(slug, 'felt-coaster'), [{ url: 'https://example.com/img/coaster.jpg', alt: 'Coaster' }]);
});

test('an enormous line is refused by its line number without reading it all', async () => {
	const { client, slug } = await newBrand();
	const head = fixture('hostile/bom_crlf.csv').toString('utf8').replace(/^\uFEFF/, '').split('\r\n').slice(0, 2).join('\n');
	const big = `${head}\nhuge,Huge,"${'x'.repeat(2 * 1024 * 1024)}",,,,true,Size,One,H1,1,deny,1.00,,,,\n`;
	const res = await upload(client, 'shopify', 'huge.csv', big);
	assert.equal(res.status, 422);
	assert.ok(reportErrors(res.body).some((e) => e.line === 3 && /longer than 1 MiB/.test(e.message)), res.body.slice(-800));
	assert.equal(count(slug, 'products'), 0);
});

shopifyTest('one bad row among good ones: the whole file is refused, nothing half-written', async () => {
	const { client, slug } = await newBrand();
	const lines = shopifyFixture('apparel.csv').toString('utf8').split('\n');
	const i = lines.findIndex((l) => l.startsWith('white-cotton-shirt,'));
	lines[i] = lines[i].replace(',deny,manual,30,', ',deny,manual,abc,');
	const res = await upload(client, 'shopify', 'apparel-bad.csv', lines.join('\n'));
	assert.equal(res.status, 422);
	assert.ok(reportErrors(res.body).some((e) => e.line === i + 1 && /"abc" is not a price/.test(e.message)));
	assert.equal(count(slug, 'products'), 0);
});

test('imported descriptions reach the product page sanitised', async () => {
	const { client, slug } = await newBrand();
	const csv = 'Handle,Title,Body (HTML),Published,Variant Price,Variant Inventory Qty\n' +
		'xss-lamp,XSS Lamp,"<p onmouseover=""alert(1)"">Bright <strong>lamp</strong> <a href=""javascript:alert(2)"">js</a> ' +
		'<a href=""https://example.com/lamp"">specs</a></p><script>alert(3)</script><img src=x onerror=alert(4)>",true,10.00,3\n';
	assert.equal((await upload(client, 'shopify', 'xss.csv', csv)).status, 200);
	const page = await new Client().get(`/p/${slug}/xss-lamp`);
	assert.equal(page.status, 200);
	const desc = page.body.slice(page.body.indexOf('class="description"'), page.body.indexOf('class="muted"', page.body.indexOf('class="description"')));
	assert.match(desc, /<p>Bright <strong>lamp<\/strong> js <a href="https:\/\/example.com\/lamp" rel="nofollow ugc">specs<\/a><\/p>/);
	for (const bad of ['<script', 'onmouseover', 'onerror', 'javascript:', '<img'])
		assert.ok(!desc.includes(bad), `${bad} reached the page`);
});

test('crowdcartctl import is the same code path: same report, same catalog', async () => {
	const { client, slug } = await newBrand();
	const out = ctl('import', '--brand', slug, '--format', 'woocommerce', `${FIXTURES}/woocommerce.csv`);
	assert.match(out, /created 2, updated 0, unchanged 0, skipped 2/);
	const res = await upload(client, 'woocommerce', 'woocommerce.csv', fixture('woocommerce.csv'));
	assert.deepEqual(reportCounts(res.body), { created: 0, updated: 0, unchanged: 2, skipped: 2 });
	assert.throws(() => ctl('import', '--brand', slug, '--format', 'shopify', `${FIXTURES}/hostile/negative.csv`),
		(e) => e.status === 1 && /line 3: Variant Price "-5" is negative/.test(e.stdout));
});

shopifyTest('the feed out round-trips through the feed importer', async () => {
	const a = await newBrand();
	await upload(a.client, 'feed', 'feed.csv', fixture('feed.csv'));
	await upload(a.client, 'shopify', 'jewelery.csv', shopifyFixture('jewelery.csv'));
	// public reads are cached for a second: the feed has both imports within it
	const feedA = await eventually(async () => {
		const feed = await new Client().get(`/b/${a.slug}/feed.tsv`);
		assert.equal(feed.status, 200);
		assert.match(feed.headers['content-type'], /^text\/tab-separated-values/);
		const rows = feed.body.trim().split('\n');
		assert.equal(rows[0].split('\t').slice(0, 7).join(','), 'id,item_group_id,title,description,availability,quantity_to_sell_on_facebook,price');
		assert.equal(rows.length, 1 + 4 + 23);
		return feed;
	});
	// Into another brand: its feed is the same, but for the links.
	const b = await newBrand();
	const res = await upload(b.client, 'feed', 'feed.tsv', feedA.body);
	assert.equal(res.status, 200, res.body.slice(0, 800));
	assert.deepEqual(reportCounts(res.body), { created: 22, updated: 0, unchanged: 0, skipped: 0 });
	const feedB = await new Client().get(`/b/${b.slug}/feed.tsv`);
	assert.equal(feedB.body.replaceAll(`/p/${b.slug}/`, `/p/${a.slug}/`), feedA.body);
	// Into the feed's own brand: products that came from a feed are unchanged.
	const again = await upload(a.client, 'feed', 'own.tsv', feedA.body);
	assert.equal(again.status, 200);
	const c = reportCounts(again.body);
	assert.equal(c.created, 0);
	assert.ok(c.unchanged >= 2, JSON.stringify(c));
	assert.equal(ctl('export', '--brand', b.slug).split('\n').length, feedB.body.split('\n').length);
});

shopifyTest('only brands may import, and the upload needs its CSRF token', async () => {
	const shopper = new Client();
	await newAccount(shopper, 'shopper');
	assert.equal((await shopper.get('/studio/import')).status, 403);
	const { client, slug } = await newBrand();
	const res = await upload(client, 'shopify', 'apparel.csv', shopifyFixture('apparel.csv'), { csrf: 'forged' });
	assert.equal(res.status, 403);
	assert.equal(count(slug, 'products'), 0);
	const anon = await new Client().get('/studio/import');
	assert.equal(anon.status, 303);
	const broken = await client.request('POST', '/studio/import', {
		headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, body: 'not multipart at all' });
	assert.equal(broken.status, 400);
	assert.equal((await new Client().get('/b/no-such-brand-here/feed.tsv')).status, 404);
});
