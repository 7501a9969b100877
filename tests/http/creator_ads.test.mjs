// creator_ads.test.mjs: creators' own collection ads (issue 6): a creator builds an ad from their
// approved picks of one brand's products at /studio/creator/ads, with the brand form's rules and
// refusals; the brand sees it "by @handle", cannot edit it, and can take it down for good (404 in
// public, the creator cannot republish); a revoked pick or an archived product leaves the live ad;
// an order through the ad credits the creator, and both dashboards list it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfOf, unique } from './lib/http.mjs';
import { address, makeProduct } from './lib/commerce.mjs';
import { demoClient } from './lib/fulfilment.mjs';
import { creatorWithPicks, publish } from './lib/video.mjs';
import { brandWithDomain, goLink, lit, saveAd, saveCreatorAd, sql } from './lib/ads.mjs';
import { orderLines, placeOrder } from './lib/media.mjs';
import { until } from './lib/eventually.mjs';

const NORTHWIND = 'brand-owner@northwind.demo.crowdcart.test';

// Public ad pages are read through a 1 s per-worker cache: asks again until `ok` holds.
const askUntil = (fetch, ok) => until(fetch, ok, { timeout: 4000, interval: 200 });

// The card links of an ad page, in order.
const cardLinks = (html) => [...html.matchAll(/<li class="ad-card">[\s\S]*?<a class="card-link" href="([^"]+)"/g)].map((m) => m[1]);

// The message shown beside `field` (inside the form's div or fieldset that holds it), unescaped, or undefined.
function errorBeside(html, field) {
	const block = new RegExp(`<(div|fieldset) class="field">(?:(?!<(?:div|fieldset) class="field">)[\\s\\S])*?name="${field}"[\\s\\S]*?</\\1>`).exec(html)?.[0];
	const text = block && /<p class="field-error"[^>]*>([^<]*)<\/p>/.exec(block)?.[1];
	const entities = { '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
	return text?.replace(/&(quot|#39|lt|gt|amp);/g, (e) => entities[e]);
}

const adRow = (html, slug) => new RegExp(`<tr class="ad-row[^"]*" data-ad="${slug}">[\\s\\S]*?</tr>`).exec(html)?.[0];
const adState = (id) => sql(`SELECT state FROM ads WHERE id = ${Number(id)}`)[0]?.[0];
const creatorIdOf = (handle) => Number(sql(`SELECT id FROM creators WHERE handle = ${lit(handle)}`)[0][0]);

describe('creator-made ads', { concurrency: 4 }, () => {
	test('a creator makes an ad of their approved picks, edits and publishes it; it renders at /ad/{slug} crediting them', async () => {
		const creator = await creatorWithPicks(2);
		const [a, b] = creator.products;
		const home = await creator.client.get('/studio');
		assert.match(home.body, /<a href="\/studio\/creator\/ads">Ads/, 'the creator studio links to Ads');
		const form = await creator.client.get('/studio/creator/ads/new');
		assert.equal(form.status, 200);
		assert.match(form.body, new RegExp(`<code>northwind/${a.handle}</code>`), 'the form lists the approved picks');
		assert.doesNotMatch(form.body, /name="creator"|name="showcase"/, 'no credited creator or showcase for a creator');
		const made = await saveCreatorAd(creator.client, { products: `${a.handle}\n${b.handle}`, state: 'draft',
			click_url: 'https://shop.northwind.example/lena' });
		assert.equal(made.res.status, 303, made.res.body.slice(0, 400));
		const [[createdBy, owner, brand]] = sql(`SELECT a.created_by, c.handle, b.slug FROM ads a JOIN creators c ON c.id = a.creator_id
			JOIN brands b ON b.id = a.brand_id WHERE a.id = ${made.id}`);
		assert.deepEqual([createdBy, owner, brand], ['creator', creator.account.handle, 'northwind']);
		assert.equal((await new Client().get(`/ad/${made.slug}`)).status, 404, 'a draft is not public');
		const edit = await creator.client.get(`/studio/creator/ads/${made.id}`);
		assert.match(edit.body, new RegExp(`northwind/${a.handle}\\nnorthwind/${b.handle}`), 'the products in order, as brand/handle');
		// the hero becomes one of the creator's own videos; the order changes; it goes live
		const video = await publish(creator.client, { caption: 'My desk', tags: [[b.productId, 0, 5]] });
		assert.ok(video.id, 'the creator published a video');
		const saved = await saveCreatorAd(creator.client, { slug: made.slug, products: `northwind/${b.handle}, ${a.handle}`,
			video: String(video.id), image_url: '', click_url: 'https://shop.northwind.example/lena' }, made.id);
		assert.equal(saved.res.status, 303, saved.res.body.slice(0, 400));
		assert.equal(saved.res.headers.location, `/studio/creator/ads/${made.id}?saved=1`);
		const page = await askUntil(() => new Client().get(`/ad/${made.slug}`), (r) => r.status === 200);
		assert.equal(page.status, 200);
		assert.match(page.body, /<video class="ad-video"[^>]* src="https:\/\/cdn\.example\.test\/clip\.mp4"/);
		assert.deepEqual(cardLinks(page.body), [`/ad/${made.slug}/p/${b.productId}`, `/ad/${made.slug}/p/${a.productId}`]);
		assert.match(page.body, new RegExp(`with <a href="/@${creator.account.handle}">`), 'credited to its creator');
		assert.match(page.body, /earns a commission/);
		assert.ok(goLink(page.body), 'the click-out on the brand\'s verified domain is offered');
		const list = await creator.client.get('/studio/creator/ads');
		assert.match(adRow(list.body, made.slug), /Northwind Goods.*<td class="state">live<\/td>/s);
	});

	test('the creator\'s form refuses, with a 422 and the message beside the field, keeping what was typed and writing nothing', async () => {
		const creator = await creatorWithPicks(1);
		const [p] = creator.products;
		const cid = creatorIdOf(creator.account.handle);
		const pick = (product, status) => sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
			VALUES (${cid}, ${product.productId}, 1000, ${lit(status)}, 9, UTC_TIMESTAMP())`);
		const unpicked = makeProduct();
		const requested = makeProduct();
		pick(requested, 'requested');
		const rejected = makeProduct();
		pick(rejected, 'rejected');
		const fern = makeProduct({ brand: 'fernhill' });
		pick(fern, 'approved');
		const other = await creatorWithPicks(1);
		const theirs = await publish(other.client, { caption: 'Not yours', tags: [[other.products[0].productId, 0, 5]] });
		assert.ok(theirs.id);
		const elsewhere = await brandWithDomain();	// a verified domain, but of another brand
		for (const [fields, field, message] of [
			[{ products: unpicked.handle }, 'products', `"${unpicked.handle}" is not one of your picks.`],
			[{ products: requested.handle }, 'products', `Your pick of "${requested.handle}" is waiting for the brand's approval.`],
			[{ products: `${p.handle}\nnorthwind/${rejected.handle}` }, 'products', `The brand did not approve your pick of "northwind/${rejected.handle}".`],
			[{ products: `${p.handle}\n${fern.handle}` }, 'products', `An ad shows one brand's products: "${fern.handle}" is Fernhill`],
			[{ products: `${p.handle}\n${p.handle}` }, 'products', 'is listed twice'],
			[{ products: '' }, 'products', 'List at least one product'],
			[{ products: p.handle, video: String(theirs.id), image_url: '' }, 'video', 'Choose one of the videos listed.'],
			[{ products: p.handle, click_url: 'https://evil.test/' }, 'click_url', 'verified domains'],
			[{ products: p.handle, click_url: `https://www.${elsewhere.domain}/` }, 'click_url', "one of Northwind Goods's verified domains"],
			[{ products: p.handle, click_url: 'https://northwind.example@evil.test/' }, 'click_url', 'verified domains'],
			[{ products: p.handle, slug: 'Bad Slug' }, 'slug', 'lower-case letters'],
			[{ products: p.handle, image_url: '', video: '' }, 'image_url', 'Choose a hero video or give an image address.'],
			[{ products: p.handle, state: 'blocked' }, 'state', 'Choose draft or live.'],
		]) {
			const slug = `cr-bad-${unique()}`;
			const { res } = await saveCreatorAd(creator.client, { slug, headline: 'Kept <headline>', ...fields });
			assert.equal(res.status, 422, JSON.stringify(fields));
			const beside = errorBeside(res.body, field);
			assert.ok(beside?.includes(message), `${JSON.stringify(fields)}: beside ${field}: ${beside}`);
			assert.match(res.body, /value="Kept &lt;headline&gt;"/, 'values kept, escaped');
			assert.equal(sql(`SELECT COUNT(*) FROM ads WHERE slug = ${lit(slug)}`)[0][0], '0', 'nothing written');
		}
		// the slug is unique across all ads, a brand's too
		const brandAd = await saveAd(await demoClient(NORTHWIND), { products: p.handle, state: 'draft' });
		assert.equal(brandAd.res.status, 303);
		const dup = await saveCreatorAd(creator.client, { products: p.handle, slug: brandAd.slug });
		assert.equal(dup.res.status, 422);
		assert.match(errorBeside(dup.res.body, 'slug'), /taken/);
		// an ad keeps its brand: an edit cannot switch it to another brand's products
		const ok = await saveCreatorAd(creator.client, { products: p.handle, state: 'draft' });
		assert.equal(ok.res.status, 303);
		const moved = await saveCreatorAd(creator.client, { slug: ok.slug, products: fern.handle }, ok.id);
		assert.equal(moved.res.status, 422);
		assert.match(errorBeside(moved.res.body, 'products'), /is Fernhill.*this ad is Northwind Goods/);
		// two picked brands sharing a handle: a new ad needs brand/handle; an edit knows its brand
		const [[twin]] = sql(`INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
			SELECT id, ${lit(p.handle)}, 'Twin', '', 'active', 1000, currency, 5 FROM brands WHERE slug = 'fernhill'; SELECT LAST_INSERT_ID();`);
		pick({ productId: twin }, 'approved');
		const twice = await saveCreatorAd(creator.client, { products: p.handle });
		assert.equal(twice.res.status, 422);
		assert.match(errorBeside(twice.res.body, 'products'), /write it as brand\/handle/);
		assert.equal((await saveCreatorAd(creator.client, { products: `fernhill/${p.handle}`, state: 'draft' })).res.status, 303);
		assert.equal((await saveCreatorAd(creator.client, { slug: ok.slug, products: p.handle, state: 'draft' }, ok.id)).res.status, 303);
	});

	test('another creator\'s ad, a brand\'s ad crediting the creator, and unknown ids are 404 in the creator\'s form; the brand\'s form is 404 for a creator\'s ad', async () => {
		const owner = await creatorWithPicks(1);
		const mine = await saveCreatorAd(owner.client, { products: owner.products[0].handle });
		assert.equal(mine.res.status, 303);
		const intruder = await creatorWithPicks(1);
		assert.equal((await intruder.client.get(`/studio/creator/ads/${mine.id}`)).status, 404);
		const page = await intruder.client.get('/studio/creator/ads/new');
		const post = await intruder.client.post(`/studio/creator/ads/${mine.id}`, { csrf: csrfOf(page.body), slug: mine.slug,
			title: 'Hijacked', image_url: 'https://images.example.test/x.jpg', products: intruder.products[0].handle, state: 'live' });
		assert.equal(post.status, 404);
		assert.equal(sql(`SELECT title FROM ads WHERE id = ${mine.id}`)[0][0], `Ad ${mine.slug}`, 'unchanged');
		assert.equal((await owner.client.get('/studio/creator/ads/999999999')).status, 404);
		assert.equal((await owner.client.get('/studio/creator/ads/abc')).status, 404);
		// a brand's ad that credits the creator is the brand's: listed, read-only
		const brand = await demoClient(NORTHWIND);
		const credited = await saveAd(brand, { products: owner.products[0].handle, creator: owner.account.handle });
		assert.equal(credited.res.status, 303);
		assert.equal((await owner.client.get(`/studio/creator/ads/${credited.id}`)).status, 404);
		const list = await owner.client.get('/studio/creator/ads');
		assert.match(adRow(list.body, credited.slug), /made by Northwind Goods, crediting you/);
		assert.doesNotMatch(adRow(list.body, credited.slug), /href="\/studio\/creator\/ads\//);
		// the brand cannot open or save the creator's ad in its own form
		assert.equal((await brand.get(`/studio/ads/${mine.id}`)).status, 404);
		const bpage = await brand.get('/studio/ads/new');
		const bpost = await brand.post(`/studio/ads/${mine.id}`, { csrf: csrfOf(bpage.body), slug: mine.slug, title: 'Brand edit',
			image_url: 'https://images.example.test/x.jpg', products: owner.products[0].handle, state: 'live' });
		assert.equal(bpost.status, 404);
		assert.equal(sql(`SELECT title, created_by FROM ads WHERE id = ${mine.id}`)[0].join(' '), `Ad ${mine.slug} creator`);
		// shoppers and brands are not creators
		assert.equal((await brand.get('/studio/creator/ads')).status, 403);
	});

	test('without a valid CSRF token the creator\'s and the take-down POSTs are 403 and change nothing', async () => {
		const creator = await creatorWithPicks(1);
		const fields = { slug: `cr-csrf-${unique()}`, title: 'No token', image_url: 'https://images.example.test/x.jpg',
			products: creator.products[0].handle, state: 'live' };
		assert.equal((await creator.client.post('/studio/creator/ads', fields)).status, 403);
		assert.equal((await creator.client.post('/studio/creator/ads', { ...fields, csrf: 'A'.repeat(43) })).status, 403);
		assert.equal(sql(`SELECT COUNT(*) FROM ads WHERE slug = ${lit(fields.slug)}`)[0][0], '0');
		const made = await saveCreatorAd(creator.client, { products: creator.products[0].handle });
		assert.equal((await creator.client.post(`/studio/creator/ads/${made.id}`, { ...fields, slug: made.slug, state: 'draft' })).status, 403);
		const brand = await demoClient(NORTHWIND);
		assert.equal((await brand.post(`/studio/ads/${made.id}/state`, { state: 'blocked' })).status, 403);
		assert.equal(adState(made.id), 'live');
	});

	test('the brand lists the creator\'s ad "by @handle" and takes it down: 404 in public and for /go/, "taken down" for the creator, who cannot republish; "allow again" returns it as a draft', async () => {
		const creator = await creatorWithPicks(1);
		const [p] = creator.products;
		const made = await saveCreatorAd(creator.client, { products: p.handle, click_url: 'https://northwind.example/x' });
		assert.equal(made.res.status, 303);
		const live = await askUntil(() => new Client().get(`/ad/${made.slug}`), (r) => r.status === 200);
		const go = goLink(live.body);
		assert.ok(go);
		const brand = await demoClient(NORTHWIND);
		let list = await brand.get('/studio/ads');
		const row = adRow(list.body, made.slug);
		assert.ok(row, 'the brand sees the creator\'s ad of its products');
		assert.match(row, new RegExp(`by @${creator.account.handle}`));
		assert.doesNotMatch(row, new RegExp(`href="/studio/ads/${made.id}"`), 'read-only for the brand');
		assert.match(row, new RegExp(`action="/studio/ads/${made.id}/state"[\\s\\S]*value="blocked">Take down`));
		// another brand cannot take it down
		const stranger = await brandWithDomain();
		const spage = await stranger.client.get('/studio/ads');
		assert.equal((await stranger.client.post(`/studio/ads/${made.id}/state`, { csrf: csrfOf(spage.body), state: 'blocked' })).status, 404);
		assert.equal(adState(made.id), 'live');
		const down = await brand.post(`/studio/ads/${made.id}/state`, { csrf: csrfOf(list.body), state: 'blocked' });
		assert.equal(down.status, 303);
		assert.equal(adState(made.id), 'blocked');
		assert.equal((await brand.post(`/studio/ads/${made.id}/state`, { csrf: csrfOf(list.body), state: 'blocked' })).status, 303, 'a second click is harmless');
		const gone = await askUntil(() => new Client().get(`/ad/${made.slug}`), (r) => r.status === 404);
		assert.equal(gone.status, 404, 'a taken-down ad is not public');
		assert.equal((await new Client().get(go)).status, 404, 'nor are its click-outs');
		list = await brand.get('/studio/ads');
		assert.match(adRow(list.body, made.slug), /<td class="state">taken down<\/td>[\s\S]*value="draft">Allow again/);
		// the creator sees it taken down, and can neither edit nor republish it
		const clist = await creator.client.get('/studio/creator/ads');
		assert.match(adRow(clist.body, made.slug), /taken down by the brand on \d{4}-\d\d-\d\d/);
		const cform = await creator.client.get(`/studio/creator/ads/${made.id}`);
		assert.equal(cform.status, 200);
		assert.match(cform.body, /Taken down by the brand \(Northwind Goods\)/);
		assert.doesNotMatch(cform.body, /<form class="form ad-form"/);
		const republish = await creator.client.post(`/studio/creator/ads/${made.id}`, { csrf: csrfOf(clist.body), slug: made.slug,
			title: 'Back up', image_url: 'https://images.example.test/x.jpg', products: p.handle, state: 'live' });
		assert.equal(republish.status, 409);
		assert.match(republish.body, /took this ad down/);
		assert.equal(adState(made.id), 'blocked');
		assert.equal((await brand.get(`/studio/ads/${made.id}`)).status, 404, 'nor does the brand edit it');
		// the brand lets it back: a draft, for the creator to republish
		assert.equal((await brand.post(`/studio/ads/${made.id}/state`, { csrf: csrfOf(list.body), state: 'draft' })).status, 303);
		assert.equal(adState(made.id), 'draft');
		const again = await saveCreatorAd(creator.client, { slug: made.slug, products: p.handle }, made.id);
		assert.equal(again.res.status, 303);
		assert.equal(adState(made.id), 'live');
		assert.equal((await brand.post(`/studio/ads/${made.id}/state`, { csrf: csrfOf(list.body), state: 'live' })).status, 400,
			'the brand cannot publish it either');
	});

	test('a product whose pick was revoked, or that was archived, vanishes from the creator\'s live ad; a brand\'s own ad keeps its products', async () => {
		const creator = await creatorWithPicks(3);
		const [a, b, c] = creator.products;
		const made = await saveCreatorAd(creator.client, { products: `${a.handle}\n${b.handle}\n${c.handle}` });
		assert.equal(made.res.status, 303);
		const all = [a, b, c].map((x) => `/ad/${made.slug}/p/${x.productId}`);
		let page = await askUntil(() => new Client().get(`/ad/${made.slug}`), (r) => cardLinks(r.body).length === 3);
		assert.deepEqual(cardLinks(page.body), all);
		// the creator removes their pick of a (the studio's own route)
		const [[pickId]] = sql(`SELECT id FROM picks WHERE creator_id = ${creatorIdOf(creator.account.handle)} AND product_id = ${a.productId}`);
		const picks = await creator.client.get('/studio/creator/picks');
		assert.equal((await creator.client.post(`/studio/creator/picks/${pickId}/remove`, { csrf: csrfOf(picks.body) })).status, 303);
		// the brand rejects b's pick after the fact, and archives c
		sql(`UPDATE picks SET status = 'rejected' WHERE product_id = ${b.productId}`);
		page = await askUntil(() => new Client().get(`/ad/${made.slug}`), (r) => cardLinks(r.body).length === 2);
		assert.deepEqual(cardLinks(page.body), all.slice(2));
		sql(`UPDATE products SET status = 'archived' WHERE id = ${c.productId}`);
		page = await askUntil(() => new Client().get(`/ad/${made.slug}`), (r) => cardLinks(r.body).length === 0);
		assert.equal(page.status, 200);
		assert.deepEqual(cardLinks(page.body), []);
		assert.match(page.body, /No products are available right now/);
		assert.doesNotMatch(page.body, /class="ad-buy"/, 'no Buy button without a product');
		// a brand's own ad is not bound to picks: crediting a creator without a pick of b keeps b
		const brand = await demoClient(NORTHWIND);
		const other = await creatorWithPicks(1);
		const own = await saveAd(brand, { products: `${other.products[0].handle}\n${b.handle}`, creator: other.account.handle });
		assert.equal(own.res.status, 303, own.res.body.slice(0, 300));
		page = await askUntil(() => new Client().get(`/ad/${own.slug}`), (r) => cardLinks(r.body).length === 2);
		assert.equal(cardLinks(page.body).length, 2);
	});

	test('an order through the creator\'s ad credits the creator (surface ad); the creator\'s and the brand\'s dashboards list the ad', async () => {
		const creator = await creatorWithPicks(1, { price: 1800 });
		const [p] = creator.products;
		const made = await saveCreatorAd(creator.client, { products: p.handle });
		assert.equal(made.res.status, 303);
		const shopper = new Client();
		const page = await askUntil(() => shopper.get(`/ad/${made.slug}`), (r) => r.status === 200);
		assert.equal(page.status, 200);
		const add = await shopper.post(`/ad/${made.slug}/cart`, { csrf: csrfOf(page.body), variant: p.variantId, quantity: 1 });
		assert.equal(add.status, 303);
		const [line] = orderLines(await placeOrder(shopper, 'cr-ad-buyer'));
		assert.deepEqual([line.creator, line.surface, line.total], [creator.account.handle, 'ad', 1800]);
		const dashRow = (html) => adRow(html, made.slug);
		const mine = dashRow((await creator.client.get('/studio/creator/dashboard')).body);
		assert.ok(mine, 'the creator dashboard has the creator\'s own ad');
		assert.match(mine, /<td class="orders">1<\/td><td class="revenue">\$18\.00<\/td>/);
		const brands = dashRow((await (await demoClient(NORTHWIND)).get('/studio/brand/dashboard')).body);
		assert.ok(brands, 'the brand dashboard has the creator\'s ad of its products');
		assert.match(brands, /<td class="orders">1<\/td><td class="revenue">\$18\.00<\/td>/);
	});
});
