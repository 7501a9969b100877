// brand_page.test.mjs: /b/{brand}: the brand's story (editable in the studio), the creators who
// pick its products, its products sorted and paged; hidden brands 404 and the feed stays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually } from './lib/eventually.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { newBrand, sql } from './lib/catalog.mjs';
import { cards, get, main, strangeWord, studioProduct } from './lib/discovery.mjs';

usesDatabase();

describe('brand pages', { concurrency: 4 }, () => {
	it('a brand page shows its story, its creators and its products', async () => {
		const html = main((await get('/b/northwind')).body);
		assert.match(html, /<h1 class="page-title">Northwind Goods<\/h1>/);
		assert.match(html, /<p class="lead brand-story">Calm, useful things for the desk and the home\./);
		assert.match(html, /<ul class="chip-list" id="brand-creators">[\s\S]*<a href="\/@lena">[\s\S]*Lena Park<\/a>/);
		const list = cards(html);
		assert.ok(list.length > 0 && list.length <= 24);
		assert.ok(list.every((c) => c.url.startsWith('/p/northwind/')));
		assert.match(html, /<a href="\/search\?brand=northwind">/);
	});

	it('sorts its products by price', async () => {
		const asc = cards(main((await get('/b/northwind?sort=price_asc')).body)).map((c) => c.price);
		assert.deepEqual(asc, [...asc].sort((x, y) => x - y));
		const desc = cards(main((await get('/b/northwind?sort=price_desc')).body)).map((c) => c.price);
		assert.deepEqual(desc, [...desc].sort((x, y) => y - x));
	});

	it('the catalog feed under /b/{brand}/feed.tsv is still there', async () => {
		const res = await get('/b/northwind/feed.tsv');
		assert.match(res.headers['content-type'], /tab-separated-values|text\/plain/);
	});

	it('the brand writes its story in the studio; the page escapes it', async () => {
		const b = await newBrand();
		const story = `We make ${strangeWord()} things. <script>alert(1)</script>\nSince 2020.`;
		const res = await b.client.submit('/studio/brand/about', { about: story }, { formPath: '/studio/brand/about' });
		assert.equal(res.status, 303);
		assert.equal(res.headers.location, '/studio/brand/about?saved=1');
		const p = await studioProduct(b.client, { title: `Story product ${strangeWord()}` });
		await p.act('publish');
		await eventually(async () => {
			const html = main((await get(`/b/${b.slug}`)).body);
			assert.ok(html.includes(story.split('<')[0].trim()), html);
			assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
			assert.doesNotMatch(html, /<script>alert/);
			assert.equal(cards(html).length, 1);
		});
		const long = await b.client.submit('/studio/brand/about', { about: 'x'.repeat(2001) }, { formPath: '/studio/brand/about' });
		assert.equal(long.status, 400);
		const control = await b.client.submit('/studio/brand/about', { about: 'bell \u0007' }, { formPath: '/studio/brand/about' });
		assert.equal(control.status, 422);
	});

	it('an unknown brand, or one not approved, is a 404', async () => {
		await get('/b/no-such-brand-anywhere', 404);
		const b = await newBrand();
		await get(`/b/${b.slug}`);
		sql(`UPDATE brands SET approved = 0 WHERE slug = '${b.slug}'`);
		await eventually(async () => get(`/b/${b.slug}`, 404));
	});

	it('an anonymous brand page writes nothing: no session cookie', async () => {
		const res = await get('/b/northwind');
		assert.equal(res.headers['set-cookie'], undefined);
	});
});
