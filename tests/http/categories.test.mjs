// categories.test.mjs: products get a category from their product type (a Google product category
// path names its last part), /c/{category} lists them sorted and paged, and a product page leads
// back to its category through breadcrumbs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually } from './lib/eventually.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { newBrand, sql } from './lib/catalog.mjs';
import { upload } from './lib/catalog_import.mjs';
import { cards, get, main, strangeWord, studioProduct, titles } from './lib/discovery.mjs';

usesDatabase();

describe('categories', { concurrency: 4 }, () => {
	it('the demo product types are categories with their own page', async () => {
		const html = main((await get('/c/drinkware')).body);
		assert.match(html, /<h1 class="page-title">Drinkware<\/h1>/);
		const list = cards(html);
		assert.ok(list.length >= 2);
		assert.ok(list.every((c) => c.url.startsWith('/p/fernhill/')), JSON.stringify(list));
		assert.match(html, /<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="\/">Home<\/a><\/li><li><a href="\/c\/drinkware" aria-current="page">Drinkware<\/a><\/li><\/ol><\/nav>/);
	});

	it('a product page shows Home › Category › Product', async () => {
		const html = main((await get('/p/northwind/walnut-monitor-stand')).body);
		assert.match(html, /<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="\/">Home<\/a><\/li><li><a href="\/c\/desk">Desk<\/a><\/li><li aria-current="page">Walnut Monitor Stand<\/li><\/ol><\/nav>/);
	});

	it('sorts by price and pages at 24', async () => {
		const asc = cards(main((await get('/c/desk?sort=price_asc')).body)).map((c) => c.price);
		assert.ok(asc.length > 3);
		assert.deepEqual(asc, [...asc].sort((x, y) => x - y));
		const desc = cards(main((await get('/c/desk?sort=price_desc')).body)).map((c) => c.price);
		assert.deepEqual(desc, [...desc].sort((x, y) => y - x));
		const { slug } = await newBrand();
		const cat = strangeWord();
		// the type names the category, as a save would make it: indexing (which an import elsewhere may
		// run meanwhile) derives the category from the type again
		sql(`INSERT IGNORE INTO categories (slug, name) VALUES ('${cat}', '${cat}');
		     INSERT INTO products (brand_id, handle, title, description_html, product_type, price_min, currency, stock_total, category)
		     SELECT b.id, CONCAT('c-', s.seq), CONCAT('Listed ', s.seq), '', '${cat}', s.seq * 100, 'USD', 1, '${cat}'
		     FROM brands b JOIN seq_1_to_26 s WHERE b.slug = '${slug}';`);
		const one = (await get(`/c/${cat}?sort=price_asc`)).body;
		assert.equal(cards(main(one)).length, 24);
		assert.match(one, /name="page" value="2">Next page/);
		assert.deepEqual(titles((await get(`/c/${cat}?sort=price_asc&page=2`)).body), ['Listed 25', 'Listed 26']);
		await get(`/c/${cat}?page=21`, 400);
	});

	it('an imported feed\'s Google product category names the category, and search finds its products', async () => {
		const b = await newBrand();
		const word = strangeWord();
		const feed = ['id\ttitle\tdescription\tavailability\tprice\tgoogle_product_category',
			`V-1\tVase ${word}\t<p>Thrown by hand.</p>\tin stock\t30.00 USD\tHome & Garden > Decor > Vessels ${word}`,
			`V-2\tBowl ${word}\t<p>Thrown too.</p>\tin stock\t20.00 USD\t2271`].join('\n');
		const res = await upload(b.client, 'feed', 'feed.tsv', feed);
		assert.equal(res.status, 200, res.body.slice(0, 500));
		sql(`UPDATE products p JOIN brands br ON br.id = p.brand_id SET p.status = 'active' WHERE br.slug = '${b.slug}'`);
		await eventually(async () => {
			assert.deepEqual(titles((await get(`/c/vessels-${word}`)).body), [`Vase ${word}`]);
			assert.deepEqual(titles((await get(`/search?q=${word}&sort=price_asc`)).body), [`Bowl ${word}`, `Vase ${word}`]);
		});
	});

	it('an unknown or malformed category is a 404', async () => {
		await get('/c/no-such-category-here', 404);
		await get('/c/Not_A_Slug', 404);
		await get('/c/%3Cscript%3E', 404);
	});

	it('the studio sets the category from the product type, Google category paths included', async () => {
		const b = await newBrand();
		const word = strangeWord();
		const p = await studioProduct(b.client, { title: `Vase ${word}`, product_type: `Home & Garden > Decor > Vases ${word}` });
		await p.act('publish');
		const slug = `vases-${word}`;
		await eventually(async () => {
			const html = main((await get(`/c/${slug}`)).body);
			assert.match(html, new RegExp(`<h1 class="page-title">Vases ${word}</h1>`));
			assert.deepEqual(cards(html).map((c) => c.title), [`Vase ${word}`]);
		});
		const edit = (await b.client.get(`/studio/products/${p.id}`)).body;
		assert.match(edit, /<label for="product_type">Category<\/label>/);
		const productPath = /<a class="public-link" href="([^"]+)"/.exec(edit)[1];
		assert.match(main((await get(productPath)).body), new RegExp(`<li><a href="/c/${slug}">Vases ${word}</a></li>`));
		// a draft or archived product leaves the category page
		await p.act('archive');
		await eventually(async () => assert.deepEqual(titles((await get(`/c/${slug}`)).body), []));
	});

	it('an anonymous category page writes nothing: no session cookie', async () => {
		const res = await get('/c/desk');
		assert.equal(res.headers['set-cookie'], undefined);
	});
});
