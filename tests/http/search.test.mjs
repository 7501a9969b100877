// search.test.mjs: /search through the real server: title matches rank above description matches,
// a misspelt word still finds its product, filters, sort and bounded paging hold, hidden things
// stay hidden, and hostile or empty queries are answered plainly.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { eventually } from './lib/eventually.mjs';
import { Client, ROOT, VAR } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { api, brandWithKey, newBrand, sql } from './lib/catalog.mjs';
import { newCreator } from './lib/creators.mjs';
import { cards, get, main, strangeWord, studioProduct, titles } from './lib/discovery.mjs';

usesDatabase();

const search = async (query, status = 200) => (await get(`/search?${query}`, status)).body;

describe('search', { concurrency: 4 }, () => {
	it('a word in the title ranks above the same word in a description', async () => {
		const list = titles(await search('q=walnut'));
		assert.equal(list[0], 'Walnut Monitor Stand');
		assert.ok(list.includes('Pour-Over Coffee Set'), 'its description mentions a walnut scoop');
		assert.ok(list.indexOf('Pour-Over Coffee Set') > 0);
	});

	it('a misspelt word finds what it meant, and says so', async () => {
		const html = await search('q=wallnut');
		assert.equal(titles(html)[0], 'Walnut Monitor Stand');
		assert.match(main(html), /Also showing results for <strong>walnut<\/strong>/);
		assert.equal(titles(await search('q=Walnut+stnd'))[0], 'Walnut Monitor Stand', 'two words, one misspelt');
	});

	it('every word must match, and the last one may be half typed', async () => {
		assert.deepEqual(titles(await search('q=walnut+stand')), ['Walnut Monitor Stand']);
		assert.ok(titles(await search('q=monit')).includes('Walnut Monitor Stand'));
	});

	it('filters: brand, category, price range and stock', async () => {
		const both = titles(await search('q=mug'));
		assert.ok(both.includes('Stoneware Mug 12oz') && both.includes('Camp Enamel Mug'), both.join());
		assert.deepEqual(titles(await search('q=mug&brand=fernhill')), ['Camp Enamel Mug']);
		assert.ok(!titles(await search('q=mug&brand=northwind')).includes('Camp Enamel Mug'));
		const drinkware = cards(main(await search('q=mug&category=drinkware')));
		assert.ok(drinkware.length > 0 && drinkware.every((c) => c.url.startsWith('/p/fernhill/')));
		for (const c of cards(main(await search('q=mug&min=10&max=20'))))
			assert.ok(c.price >= 10 && c.price <= 20, `${c.title} at ${c.price}`);
		const b = await newBrand();
		const word = strangeWord();
		const out = await studioProduct(b.client, { title: `Sold out ${word}` });
		await out.act('publish');
		sql(`UPDATE variants v JOIN products p ON p.id = v.product_id SET v.stock = 0 WHERE p.id = ${out.id};
		     UPDATE products SET stock_total = 0 WHERE id = ${out.id};`);
		await eventually(async () => assert.equal(titles(await search(`q=${word}`)).length, 1));
		assert.deepEqual(titles(await search(`q=${word}&stock=1`)), [], 'in stock only');
	});

	it('sorts by price both ways and by newest', async () => {
		const asc = cards(main(await search('q=desk&sort=price_asc'))).map((c) => c.price);
		assert.ok(asc.length > 2);
		assert.deepEqual(asc, [...asc].sort((x, y) => x - y));
		const desc = cards(main(await search('q=desk&sort=price_desc'))).map((c) => c.price);
		assert.deepEqual(desc, [...desc].sort((x, y) => y - x));
		assert.match(main(await search('q=desk&sort=newest')), /<option value="newest" selected>/);
		await search('q=desk&sort=cheapest', 400);
	});

	it('pages hold 24 cards, say when another follows, and stop at page 20', async () => {
		const { slug } = await newBrand();
		sql(`INSERT INTO products (brand_id, handle, title, description_html, price_min, currency, stock_total)
		     SELECT b.id, CONCAT('paged-', s.seq), CONCAT('Paged thing ', s.seq), '', s.seq * 100, 'USD', 1
		     FROM brands b JOIN seq_1_to_30 s WHERE b.slug = '${slug}';`);
		const one = await search(`brand=${slug}&sort=price_asc`);
		assert.equal(cards(main(one)).length, 24);
		assert.match(one, /name="page" value="2">Next page/);
		assert.doesNotMatch(one, /Previous page/);
		const two = await search(`brand=${slug}&sort=price_asc&page=2`);
		assert.deepEqual(titles(two), ['Paged thing 25', 'Paged thing 26', 'Paged thing 27', 'Paged thing 28',
			'Paged thing 29', 'Paged thing 30']);
		assert.match(two, /name="page" value="1">Previous page/);
		assert.doesNotMatch(two, /Next page/);
		await search(`brand=${slug}&page=21`, 400);
		await search(`brand=${slug}&page=0`, 400);
	});

	it('a draft, an unpublished product and an unapproved brand are not found', async () => {
		const b = await newBrand();
		const word = strangeWord();
		const p = await studioProduct(b.client, { title: `Lantern ${word}`, description: 'Hand made.' });
		assert.deepEqual(titles(await search(`q=${word}`)), [], 'a draft');
		await p.act('publish');
		await eventually(async () => assert.deepEqual(titles(await search(`q=${word}`)), [`Lantern ${word}`]));
		await p.act('unpublish');
		await eventually(async () => assert.deepEqual(titles(await search(`q=${word}`)), []));
		await p.act('publish');
		await eventually(async () => assert.deepEqual(titles(await search(`q=${word}`)), [`Lantern ${word}`]));
		sql(`UPDATE brands SET approved = 0 WHERE slug = '${b.slug}'`);
		await eventually(async () => assert.deepEqual(titles(await search(`q=${word}`)), []));
		sql(`UPDATE brands SET approved = 1 WHERE slug = '${b.slug}'`);
	});

	it('a product saved in the studio is found by its new words at once', async () => {
		const b = await newBrand();
		const word = strangeWord();
		const p = await studioProduct(b.client, { title: `Basket ${word}`, description: `Woven from ${word}rush.` });
		await p.act('publish');
		await eventually(async () => assert.deepEqual(titles(await search(`q=${word}`)), [`Basket ${word}`]));
		// misspelt: one letter dropped from a word the vocabulary learnt from this title
		await eventually(async () => assert.deepEqual(titles(await search(`q=${word.slice(0, 3)}${word.slice(4)}`)),
			[`Basket ${word}`]));
	});

	it('a product made and renamed through the API is found by its words', async () => {
		const { key } = await brandWithKey();
		const word = strangeWord(), renamed = strangeWord();
		const body = { title: `Teapot ${word}`, description: 'Glazed.', product_type: 'Kitchen', status: 'active',
			variants: [{ price: '30.00', stock: 3 }] };
		const made = await api('POST', '/api/v1/products', { key, body });
		assert.equal(made.status, 201, made.text);
		await eventually(async () => assert.deepEqual(titles(await search(`q=${word}`)), [`Teapot ${word}`]));
		const res = await api('PATCH', `/api/v1/products/${made.json.id}`, { key, body: { title: `Teapot ${renamed}` } });
		assert.equal(res.status, 200, res.text);
		await eventually(async () => {
			assert.deepEqual(titles(await search(`q=${renamed}`)), [`Teapot ${renamed}`]);
			assert.deepEqual(titles(await search(`q=${word}`)), []);
		});
	});

	it('products written with SQL are found once crowdcartctl search-index (or the worker) indexes them', async () => {
		const { slug } = await newBrand();
		const word = strangeWord();
		sql(`INSERT INTO products (brand_id, handle, title, description_html, product_type, price_min, currency, stock_total)
		     SELECT b.id, 'by-sql', 'Kettle ${word}', '<p>Whistles.</p>', 'Kitchen > Kettles', 4000, 'USD', 2
		     FROM brands b WHERE b.slug = '${slug}';`);
		assert.deepEqual(titles(await search(`q=${word}`)), [], 'not indexed yet');
		const out = execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'search-index'],
			{ encoding: 'utf8' });
		assert.match(out, /indexed \d+ product\(s\)/);
		assert.deepEqual(titles(await search(`q=${word}`)), [`Kettle ${word}`]);
		assert.deepEqual(titles(await search(`q=${word}&category=kettles`)), [`Kettle ${word}`], 'its category was set');
	});

	it('creators, brands and collections are found by name; taken-down ones are not', async () => {
		const html = main(await search('q=lena'));
		assert.match(html, /<a href="\/@lena">Lena Park<\/a>/);
		assert.match(main(await search('q=northwind')), /<a href="\/b\/northwind">Northwind Goods<\/a>/);
		const { account } = await newCreator();
		const name = account.handle;
		await eventually(async () => assert.match(main(await search(`q=${name}`)), new RegExp(`href="/@${name}"`)));
		sql(`UPDATE creators SET taken_down_at = NOW(), taken_down_reason = 'test' WHERE handle = '${name}'`);
		await eventually(async () => assert.doesNotMatch(main(await search(`q=${name}`)), new RegExp(`href="/@${name}"`)));
	});

	it('a hostile query is inert text, and one longer than 200 characters is refused', async () => {
		const q = encodeURIComponent('"><script>alert(1)</script> +walnut -stand* @@ ((~<>');
		const html = await search(`q=${q}`);
		assert.doesNotMatch(html, /<script>alert/);
		assert.match(html, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
		await search(`q=${'a'.repeat(201)}`, 400);
		await search(`q=${encodeURIComponent("' OR 1=1 -- ; DROP TABLE products")}`);
		await search(`q=${encodeURIComponent('а'.repeat(60) + ' 日本語の検索 émile')}`);
		await search('brand=%3Cscript%3E', 400);
	});

	it('an empty query asks what to look for, and lists nothing', async () => {
		for (const q of ['', 'q=', 'q=++', 'q=a+of+the']) {
			const html = main(await search(q));
			assert.match(html, /id="search-prompt"/, q);
			assert.equal(cards(html).length, 0);
		}
	});

	it('an anonymous search writes nothing: no session cookie', async () => {
		const res = await new Client().get('/search?q=walnut');
		assert.equal(res.status, 200);
		assert.equal(res.headers['set-cookie'], undefined);
	});

	it('suggestions come as a small cacheable JSON list', async () => {
		const res = await get('/search/suggest.json?q=waln');
		assert.match(res.headers['content-type'], /^application\/json/);
		assert.match(res.headers['cache-control'], /public, max-age=\d+/);
		const { products } = JSON.parse(res.body);
		assert.ok(products.length <= 6);
		assert.deepEqual(products[0], { title: 'Walnut Monitor Stand', url: '/p/northwind/walnut-monitor-stand' });
		assert.deepEqual(JSON.parse((await get('/search/suggest.json?q=%3C')).body), { products: [] });
	});

	it('inside a storefront: only the creator\'s picks, with the creator credited', async () => {
		const list = cards(main(await search('creator=lena&q=walnut')));
		assert.ok(list.length > 0);
		for (const c of list)
			assert.match(c.url, /\?via=lena$/);
		assert.match(main(await search('creator=lena')), /Search Lena Park’s picks/);
		await search('creator=nobody-here-at-all', 404);
	});
});
