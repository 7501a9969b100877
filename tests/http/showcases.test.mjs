// showcases.test.mjs: dynamic showcases end to end: each rule (tags, type, price range, in stock,
// recently viewed) selects the right products in the studio preview (best sellers, which share
// the stack's one recount lease: best_sellers.test.mjs); showcases placed on a creator's
// storefront and on a brand's product pages; the built-in "Recently viewed"
// row follows one visitor and not another; a creator only ever shows products they may sell;
// hostile cookies and bad rules get a clear answer, never a 500.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, newAccount } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { eventually } from './lib/eventually.mjs';
import { creatorWithPicks } from './lib/video.mjs';
import { carousel, lit, preview, product, saveShowcase, showcaseBrand, sql, unique } from './lib/showcases.mjs';

usesDatabase();

let shared;
// One brand for the tests that only read through rules (each uses its own tags).
function brand() {
	shared ??= showcaseBrand();
	return shared;
}

describe('dynamic showcases', { concurrency: true }, () => {

test('tags match any of the listed tags, whole and case-insensitively', async () => {
	const b = await brand();
	const t1 = `red${unique()}`, t2 = `blue${unique()}`;
	const a = product(b, { tags: `${t1}, desk` });
	const c = product(b, { tags: `lamp,${t2.toUpperCase()}` });
	product(b, { tags: `${t1}x, other` });	// a longer tag is not the tag
	product(b, { tags: 'desk' });
	const { res, titles } = await preview(b.client, { tags: `${t1}, ${t2}` });
	assert.equal(res.status, 200);
	assert.deepEqual(new Set(titles), new Set([a.title, c.title]));
});

test('product type and price range (with its currency) narrow the set', async () => {
	const b = await brand();
	const tag = `pr${unique()}`;
	product(b, { tags: tag, type: 'Lamp', price: 1000 });
	const mid = product(b, { tags: tag, type: 'Lamp', price: 2500 });
	product(b, { tags: tag, type: 'Lamp', price: 5000 });
	product(b, { tags: tag, type: 'Desk', price: 2500 });
	let { titles } = await preview(b.client, { tags: tag, type: 'lamp', price_min: '20', price_max: '40.00', currency: 'USD' });
	assert.deepEqual(titles, [mid.title]);
	({ titles } = await preview(b.client, { tags: tag, price_min: '20', price_max: '40', currency: 'EUR' }));
	assert.deepEqual(titles, []);
	({ titles } = await preview(b.client, { tags: tag, price_max: '25', currency: 'USD', sort: 'price_desc' }));
	assert.equal(titles.length, 3);
	assert.equal(titles[titles.length - 1].startsWith('Showcase test'), true);
});

test('in stock only leaves sold-out products out; the limit caps the row', async () => {
	const b = await brand();
	const tag = `st${unique()}`;
	const inStock = product(b, { tags: tag, stock: 3 });
	const soldOut = product(b, { tags: tag, stock: 0 });
	let { titles } = await preview(b.client, { tags: tag, in_stock_only: 'yes' });
	assert.deepEqual(titles, [inStock.title]);
	({ titles } = await preview(b.client, { tags: tag }));
	assert.deepEqual(new Set(titles), new Set([inStock.title, soldOut.title]));
	({ titles } = await preview(b.client, { tags: tag, limit: '1' }));
	assert.equal(titles.length, 1);
});

test('recently viewed follows the visitor who viewed, newest first, and no one else', async () => {
	const b = await brand();
	const tag = `rv${unique()}`;
	const [p1, p2, p3] = [product(b, { tags: tag }), product(b, { tags: tag }), product(b, { tags: tag })];
	const viewer = b.client;	// the brand's own browser: the cookie is the same on shop and studio
	for (const p of [p1, p3])
		assert.equal((await viewer.get(p.url)).status, 200);
	const cookie = viewer.cookie('cc_recent');
	assert.match(cookie, new RegExp(`^${p3.productId}\\.${p1.productId}(\\.|$)`));
	const { titles } = await preview(viewer, { tags: tag, recently_viewed: 'yes' });
	assert.deepEqual(titles, [p3.title, p1.title]);

	// The built-in row on a product page: the other products this visitor viewed, newest first.
	const page = await viewer.get(p2.url);
	const row = carousel(page.body, 'Recently viewed');
	assert.ok(row, 'a Recently viewed row');
	assert.deepEqual(row.titles.slice(0, 2), [p3.title, p1.title]);
	assert.ok(!row.titles.includes(p2.title), 'not the product on the page');

	const other = new Client();
	const fresh = await other.get(p2.url);
	assert.equal(carousel(fresh.body, 'Recently viewed'), null);
	const o = await newAccount(other, 'brand');
	assert.ok(o);
	assert.deepEqual((await preview(other, { tags: tag, recently_viewed: 'yes' })).titles, []);
});

test('a hostile or oversized cc_recent cookie is ignored and replaced', async () => {
	const b = await brand();
	const p = product(b, { tags: `hc${unique()}` });
	for (const bad of ['1.2.<script>', '0.1', '1..2', `${p.productId}.${p.productId}`, '9'.repeat(40),
		Array.from({ length: 13 }, (_, i) => i + 1).join('.'), '1%2E2', '-5']) {
		const c = new Client();
		c.cookies.set('cc_recent', bad);
		const res = await c.get(p.url);
		assert.equal(res.status, 200, bad);
		assert.equal(carousel(res.body, 'Recently viewed'), null, bad);
		assert.equal(c.cookie('cc_recent'), String(p.productId), bad);
		const line = res.setCookies.find((l) => l.startsWith('cc_recent='));
		assert.match(line, /HttpOnly/i);
		assert.match(line, /SameSite=Lax/i);
	}
});

test('a brand places one showcase on its product pages, without the product shown', async () => {
	const b = await showcaseBrand();
	const tag = `pp${unique()}`;
	const [p1, p2, p3] = [product(b, { tags: tag }), product(b, { tags: tag }), product(b, { tags: tag })];
	const first = await saveShowcase(b.client, { tags: tag, slot: '1', title: `Favourites ${unique()}` });
	assert.equal(first.res.status, 303);
	assert.equal(first.res.headers.location, '/studio/showcases?done=saved');
	let page = await new Client().get(p1.url);
	let row = carousel(page.body, first.title);
	assert.ok(row, 'the showcase on the product page');
	assert.deepEqual(new Set(row.titles), new Set([p2.title, p3.title]));
	assert.ok(row.hrefs.every((h) => h.startsWith(`/p/${b.slug}/`) && !h.includes('via=')));

	// Choosing another one takes the place; the first stays, unplaced.
	const second = await saveShowcase(b.client, { tags: tag, slot: '1', title: `Second ${unique()}`, limit: '1' });
	assert.equal(second.res.status, 303);
	assert.deepEqual(sql(`SELECT id, COALESCE(slot, 0) FROM showcases WHERE brand_id = ${b.id} ORDER BY id`),
		[[String(first.id), '0'], [String(second.id), '1']]);
	// the product page reads through the 1 s cache
	await eventually(async () => {
		page = await new Client().get(p1.url);
		assert.equal(carousel(page.body, first.title), null);
		row = carousel(page.body, second.title);
		assert.deepEqual(row?.titles, [p3.title], 'one product: the newest');
	});

	// Another brand's product pages do not show it.
	const other = await brand();
	const op = product(other, {});
	assert.equal(carousel((await new Client().get(op.url)).body, second.title), null);
	const list = await b.client.get('/studio/showcases');
	assert.match(list.body, /On your product pages/);
});

test('a creator places two showcases on the storefront; cards carry the creator for attribution', async () => {
	const { client, account, products } = await creatorWithPicks(3, { price: 1500 });
	const tag = `cs${unique()}`;
	sql(`UPDATE products SET tags = ${lit(tag)} WHERE id IN (${products.map((p) => p.productId).join(',')})`);
	const a = await saveShowcase(client, { tags: tag, slot: '1', title: `Mine A ${unique()}` });
	const b = await saveShowcase(client, { tags: tag, slot: '2', title: `Mine B ${unique()}`, sort: 'newest', limit: '2' });
	assert.equal(a.res.status, 303);
	assert.equal(b.res.status, 303);
	const page = await new Client().get(`/@${account.handle}`);
	assert.equal(page.status, 200);
	const ra = carousel(page.body, a.title), rb = carousel(page.body, b.title);
	assert.ok(ra && rb, 'both showcases on the storefront');
	assert.equal(ra.titles.length, 3);
	assert.equal(rb.titles.length, 2);
	assert.ok(page.body.indexOf(a.title) < page.body.indexOf(b.title), 'in slot order');
	assert.ok(ra.hrefs.every((h) => h.endsWith(`?via=${account.handle}`)));
	assert.match(page.body, /<ul class="showcase-row" id="showcase-\d+" tabindex="0" aria-label="[^"]+">/);
	assert.match(page.body, /<script src="\/static\/js\/showcase\.[0-9a-f]{16}\.js" defer><\/script>/);
	// The edit page previews what the stored rules select now.
	const edit = await client.get(`/studio/showcases/${a.id}`);
	assert.equal(edit.status, 200);
	assert.equal(carousel(edit.body, a.title).titles.length, 3);
	assert.match(edit.body, new RegExp(`value="${tag}"`));
});

test('a creator never shows products they may not sell, even when the rules match them', async () => {
	const { client, products: [picked] } = await creatorWithPicks(1);
	const tag = `ms${unique()}`;
	const b = await brand();
	const notPicked = product(b, { tags: tag });
	const [[northwind]] = sql("SELECT id FROM brands WHERE slug = 'northwind'");
	const notPickedNw = product({ id: Number(northwind), slug: 'northwind' }, { tags: tag });
	sql(`UPDATE products SET tags = ${lit(tag)} WHERE id = ${picked.productId}`);
	// A requested (not approved) pick does not count either.
	sql(`INSERT INTO picks (creator_id, product_id, status, created_at) SELECT creator_id, ${notPickedNw.productId},
		'requested', UTC_TIMESTAMP() FROM picks WHERE product_id = ${picked.productId}`);
	const { titles } = await preview(client, { tags: tag });
	assert.deepEqual(titles, [`Test ${picked.handle}`]);
	assert.ok(!titles.includes(notPicked.title));
	// Narrowing to a brand they have no picks of is refused.
	const res = (await preview(client, { tags: tag, brand_id: String(b.id) })).res;
	assert.equal(res.status, 422);
	assert.match(res.body, /id="brand_id-error">Choose one of the brands you have picks from\./);
	const ok = await preview(client, { tags: tag, brand_id: String(northwind) });
	assert.deepEqual(ok.titles, [`Test ${picked.handle}`]);
});

test('bad rules are refused with the reason beside the field and the values kept', async () => {
	const b = await brand();
	const cases = [
		[{ price_min: '50', price_max: '10', currency: 'USD' }, 'price_max', /below the lowest price/],
		[{ price_min: '10' }, 'currency', /currency/],
		[{ price_min: '1,000', currency: 'USD' }, 'price_min', /plain amount/],
		[{ limit: '25' }, 'limit', /1 to 24/],
		[{ best_sellers_days: '366' }, 'best_sellers_days', /1 to 365/],
		[{ tags: 'a,b,c,d,e,f' }, 'tags', /at most 5/],
		[{ title: '' }, 'title', /title/],
		[{ sort: 'random' }, 'sort', /order/],
		[{ slot: '2' }, 'slot', /where to show/],
	];
	for (const [fields, field, message] of cases) {
		const { res } = await saveShowcase(b.client, { title: `Kept <title> ${field}`, ...fields });
		assert.equal(res.status, 422, field);
		assert.match(res.body, message, field);
		if (field !== 'currency' && field !== 'slot')
			assert.match(res.body, new RegExp(`<p class="field-error" id="${field}-error">`), field);
		if (field !== 'title')
			assert.match(res.body, new RegExp(`value="Kept &lt;title&gt; ${field}"`), field);
	}
	const tooLong = await b.client.submit('/studio/showcases', { title: 'x'.repeat(81) }, { formPath: '/studio/showcases/new' });
	assert.equal(tooLong.status, 400);
});

test('showcases are the owner\'s own: others get 404, shoppers 403; delete removes one', async () => {
	const b = await brand();
	const mine = await saveShowcase(b.client, { title: `Del ${unique()}` });
	assert.equal(mine.res.status, 303);
	const other = await showcaseBrand();
	assert.equal((await other.client.get(`/studio/showcases/${mine.id}`)).status, 404);
	const foreign = await other.client.submit(`/studio/showcases/${mine.id}`, { title: 'Stolen', action: 'save' },
		{ formPath: '/studio/showcases/new' });
	assert.equal(foreign.status, 404);
	assert.deepEqual(sql(`SELECT title FROM showcases WHERE id = ${mine.id}`), [[mine.title]]);
	const del = await other.client.submit(`/studio/showcases/${mine.id}/delete`, {}, { formPath: '/studio/showcases' });
	assert.equal(del.status, 404);
	const shopper = new Client();
	await newAccount(shopper, 'shopper');
	assert.equal((await shopper.get('/studio/showcases')).status, 403);
	const res = await b.client.submit(`/studio/showcases/${mine.id}/delete`, {}, { formPath: '/studio/showcases' });
	assert.equal(res.status, 303);
	assert.deepEqual(sql(`SELECT COUNT(*) FROM showcases WHERE id = ${mine.id}`), [['0']]);
	assert.equal((await b.client.get('/studio/showcases/abc')).status, 404);
});

});
