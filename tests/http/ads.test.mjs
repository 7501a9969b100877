// ads.test.mjs: collection ads (issue 6): verified brand domains, ad CRUD in the brand studio, the
// public /ad/{slug} page and its buy/cart/click routes, the signed /go/ click-out (unsigned,
// tampered, expired and off-domain tokens refused, clicks logged), attribution of an order to the
// ad's creator, and the per-ad metrics in the brand and creator dashboards: orders and revenue are
// the lines bought from the ad itself (its cart route, or the product page reached from its card).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfOf, unique } from './lib/http.mjs';
import { addToCart, makeProduct } from './lib/commerce.mjs';
import { eventually, until } from './lib/eventually.mjs';
import { demoClient } from './lib/fulfilment.mjs';
import { creatorWithPicks } from './lib/video.mjs';
import { adCount, brandWithDomain, ctl, goLink, lit, saveAd, sql } from './lib/ads.mjs';
import { carousel, product, saveShowcase } from './lib/showcases.mjs';
import { adRow, cartMedium, orderLines, placeOrder, sales } from './lib/media.mjs';
import { publish } from './lib/video.mjs';

const NORTHWIND = 'brand-owner@northwind.demo.crowdcart.test';

// A northwind ad crediting a new creator who has approved picks of two new products.
let sharedAd;
function northwindAd() {
	sharedAd ??= (async () => {
		const brand = await demoClient(NORTHWIND);
		const creator = await creatorWithPicks(2, { price: 2400 });
		const [a, b] = creator.products;
		const { res, id, slug } = await saveAd(brand, {
			products: `${a.handle}\n${b.handle}`, creator: creator.account.handle,
			click_url: 'https://shop.northwind.example/spring?utm_source=ad',
		});
		assert.equal(res.status, 303, res.body.slice(0, 400));
		return { brand, creator, products: [a, b], id, slug };
	})();
	return sharedAd;
}

// Independent of each other (each makes its own accounts and ads), so they run side by side.
describe('collection ads', { concurrency: 4 }, () => {
	test('a brand adds a domain, sees the TXT record to publish; only the operator verifies it; it can remove it', async () => {
		const { client, brandSlug } = await brandWithDomain();
		const domain = `shop-${unique()}.example`;
		let page = await client.get('/studio/domains');
		const added = await client.post('/studio/domains', { csrf: csrfOf(page.body), domain: domain.toUpperCase() });
		assert.equal(added.status, 303);
		page = await client.get(added.headers.location);
		const token = /crowdcart-verification=([0-9a-f]{32})/.exec(page.body)?.[1];
		assert.ok(token, 'the TXT record is shown');
		const row = () => new RegExp(`<tr class="domain-row" data-domain="${domain}">.*?</tr>`, 's').exec(page.body)?.[0] ?? '';
		assert.match(row(), /waiting for verification/);
		const listed = await ctl('domains', 'list', '--brand', brandSlug);
		assert.match(listed, new RegExp(`${domain}\tunverified\tcrowdcart-verification=${token}`));
		assert.match(await ctl('domains', 'verify', '--brand', brandSlug, domain), /verified/);
		page = await client.get('/studio/domains');
		assert.match(row(), /verified \d{4}-\d\d-\d\d/);
		// bad names are refused beside the field, with what was typed
		for (const bad of ['https://x.example/', 'localhost', 'a..b', 'x_y.example']) {
			const res = await client.post('/studio/domains', { csrf: csrfOf(page.body), domain: bad });
			assert.equal(res.status, 422, bad);
			assert.match(res.body, /class="field-error"/);
		}
		const dup = await client.post('/studio/domains', { csrf: csrfOf(page.body), domain });
		assert.equal(dup.status, 422);
		const id = new RegExp(`data-domain="${domain}">.*?action="/studio/domains/(\\d+)/remove"`, 's').exec(page.body)[1];
		const removed = await client.post(`/studio/domains/${id}/remove`, { csrf: csrfOf(page.body) });
		assert.equal(removed.status, 303);
		assert.doesNotMatch((await client.get('/studio/domains')).body, new RegExp(`data-domain="${domain}"`));
		// another brand cannot remove a domain it does not own
		const [[other]] = sql(`SELECT id FROM brand_domains WHERE domain = 'northwind.example'`);
		await client.post(`/studio/domains/${other}/remove`, { csrf: csrfOf(page.body) });
		assert.equal(sql(`SELECT COUNT(*) FROM brand_domains WHERE id = ${other}`)[0][0], '1');
	});

	test('studio: the ad form refuses a click-out off the verified domains, bad slugs and foreign products, keeping what was typed', async () => {
		const brand = await demoClient(NORTHWIND);
		const { products: [p] } = await creatorWithPicks(1);
		for (const [fields, field] of [
			[{ click_url: 'https://evilnorthwind.example/' }, 'click_url'],
			[{ click_url: 'https://northwind.example.evil.test/' }, 'click_url'],
			[{ click_url: 'https://northwind.example@evil.test/' }, 'click_url'],
			[{ click_url: 'javascript:alert(1)' }, 'click_url'],
			[{ slug: 'Bad Slug' }, 'slug'],
			[{ products: 'no-such-product-handle' }, 'products'],
			[{ products: '' }, 'products'],
			[{ creator: 'nobody_at_all_here' }, 'creator'],
			[{ image_url: '', video: '' }, 'image_url'],
		]) {
			const { res } = await saveAd(brand, { products: p.handle, headline: 'Kept <headline>', ...fields });
			assert.equal(res.status, 422, JSON.stringify(fields));
			assert.match(res.body, /<p class="field-error" id="[a-z_]+-error">/);
			assert.match(res.body, /value="Kept &lt;headline&gt;"/, 'values kept, escaped');
			assert.match(res.body, new RegExp(`name="${field === 'products' ? 'products' : field}"`));
		}
		// a product of another brand is refused too
		const fern = sql(`SELECT p.handle FROM products p JOIN brands b ON b.id = p.brand_id WHERE b.slug = 'fernhill' AND p.status = 'active' LIMIT 1`)[0][0];
		assert.equal((await saveAd(brand, { products: fern })).res.status, 422);
		// a subdomain of the verified domain is accepted
		const ok = await saveAd(brand, { products: p.handle, click_url: 'https://shop.northwind.example/x', state: 'draft' });
		assert.equal(ok.res.status, 303);
		// the slug is unique
		const dup = await saveAd(brand, { products: p.handle, slug: ok.slug });
		assert.equal(dup.res.status, 422);
		assert.match(dup.res.body, /taken/);
	});

	test('/ad/{slug}: draft and missing ads are 404; a live ad shows its hero, Buy button, card row and a signed link out', async () => {
		const brand = await demoClient(NORTHWIND);
		const { products: [a, b] } = await creatorWithPicks(2);
		const { id, slug } = await saveAd(brand, { products: `${a.handle}\n${b.handle}`, state: 'draft',
			click_url: 'https://northwind.example/about' });
		assert.equal((await new Client().get(`/ad/${slug}`)).status, 404, 'draft');
		assert.equal((await new Client().get(`/ad/no-such-ad-${unique()}`)).status, 404, 'missing');
		assert.equal((await brand.get('/studio/ads/abc')).status, 404);
		assert.equal((await brand.get('/studio/ads/999999999')).status, 404);
		const listed = await brand.get('/studio/ads');
		assert.match(listed.body, new RegExp(`<tr class="ad-row" data-ad="${slug}">.*?draft`, 's'));
		const edit = await brand.get(`/studio/ads/${id}`);
		assert.match(edit.body, new RegExp(`${a.handle}\\n${b.handle}`), 'the edit form holds the products in order');
		assert.equal((await saveAd(brand, { slug, products: `${b.handle}\n${a.handle}`, click_url: 'https://northwind.example/about' }, id)).res.status, 303);
		const page = await new Client().get(`/ad/${slug}`);
		assert.equal(page.status, 200);
		// the hero's typed address is the worker's to fetch (this one does not resolve): the placeholder
		assert.match(page.body, /<img class="ad-image" src="\/static\/img\/placeholder\.svg"/);
		assert.ok(!page.body.includes('images.example.test'), 'never hotlinked');
		assert.match(page.body, new RegExp(`<form class="ad-buy" method="post" action="/ad/${slug}/cart">`));
		assert.match(page.body, new RegExp(`name="variant" value="${b.variantId}">[\\s\\S]*?Buy ${b.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'Buy is the first product');
		const cards = [...page.body.matchAll(/<li class="ad-card">[\s\S]*?<a class="card-link" href="([^"]+)"/g)].map((m) => m[1]);
		assert.deepEqual(cards, [`/ad/${slug}/p/${b.productId}`, `/ad/${slug}/p/${a.productId}`]);
		assert.equal([...page.body.matchAll(/<form class="ad-card-buy"/g)].length, 2, 'each card has its own add to cart');
		assert.match(page.body, /Visit Northwind Goods&#39;s site|Visit Northwind Goods's site/);
		assert.ok(goLink(page.body), 'a signed /go/ link');
		// a video hero (its poster is local: the video also shows in the home page's feed, where the
		// browser suites fail on any resource that does not load)
		const [[video]] = sql(`INSERT INTO videos (brand_id, src_url, poster_url, caption, created_at)
			VALUES (1, 'https://cdn.example.test/ad.mp4', '/static/favicon.svg', 'Ad video', UTC_TIMESTAMP()); SELECT LAST_INSERT_ID();`);
		const v = await saveAd(brand, { products: a.handle, video: String(video), image_url: '' });
		assert.equal(v.res.status, 303, v.res.body.slice(0, 300));
		const vp = await new Client().get(`/ad/${v.slug}`);
		assert.match(vp.body, /<video class="ad-video" controls muted playsinline preload="metadata" src="https:\/\/cdn\.example\.test\/ad\.mp4" poster="\/static\/favicon\.svg">/);
		assert.doesNotMatch(vp.body, /ad-visit/, 'no click-out URL: no link');
	});

	test('the Buy button and a card add to the cart (303 to /cart) and count against the ad; a card link counts a click', async () => {
		const { slug, id, products: [a, b], creator } = await northwindAd();
		const shopper = new Client();
		const page = await shopper.get(`/ad/${slug}`);
		const buy = await shopper.post(`/ad/${slug}/cart`, { csrf: csrfOf(page.body), variant: a.variantId, quantity: 1 });
		assert.equal(buy.status, 303);
		assert.equal(buy.headers.location, '/cart');
		const card = await shopper.post(`/ad/${slug}/cart`, { csrf: csrfOf(page.body), variant: b.variantId, quantity: 1 });
		assert.equal(card.status, 303);
		const cart = await shopper.get('/cart');
		assert.ok(cart.body.includes(a.title) && cart.body.includes(b.title));
		const click = await shopper.get(`/ad/${slug}/p/${a.productId}`);
		assert.equal(click.status, 303);
		assert.equal(click.headers.location, `/p/${a.brand}/${a.handle}?via=${creator.account.handle}&from=ad.${slug}`);
		assert.equal((await shopper.get(`/ad/${slug}/p/999999999`)).status, 404);
		const again = await shopper.get(`/ad/${slug}`);	// the Buy began a session: its pages carry its token
		assert.equal((await shopper.post(`/ad/no-such-${unique()}/cart`, { csrf: csrfOf(again.body), variant: a.variantId, quantity: 1 })).status, 404);
		assert.ok(await adCount(id, 'views', 1) >= 1);
		assert.ok(await adCount(id, 'adds', 2) >= 2);
		assert.ok(await adCount(id, 'clicks', 1) >= 1);
	});

	function flip(token, at) {
		const c = token[at] === 'A' ? 'B' : 'A';
		return token.slice(0, at) + c + token.slice(at + 1);
	}

	test('/go/: a genuine link redirects once logged; unsigned, tampered (payload or tag) and expired links never redirect', async () => {
		const { slug, id, creator } = await northwindAd();
		const go = goLink((await new Client().get(`/ad/${slug}`)).body);
		const [[creatorId]] = sql(`SELECT id FROM creators WHERE handle = ${lit(creator.account.handle)}`);
		const clicks = () => Number(sql(`SELECT COALESCE(SUM(count), 0) FROM ad_clicks WHERE ad_id = ${id} AND creator_id = ${creatorId}`)[0][0]);
		const before = clicks();
		const head = await new Client().head(go);
		assert.equal(head.status, 302);
		assert.equal(clicks(), before, 'a HEAD is not a click');
		const res = await new Client().get(go);
		assert.equal(res.status, 302);
		assert.equal(res.headers.location, 'https://shop.northwind.example/spring?utm_source=ad');
		assert.match(String(res.headers['cache-control']), /no-store/);
		assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
		assert.equal(clicks(), before + 1, 'the click is logged with the ad and its creator, today');
		const token = go.slice(4);
		const bad = [
			['unsigned (random)', `/go/${Buffer.from(crypto.getRandomValues(new Uint8Array(90))).toString('base64url')}`],
			['garbage', '/go/not-a-token'],
			['payload byte flipped', `/go/${flip(token, 12)}`],
			['tag byte flipped', `/go/${flip(token, token.length - 6)}`],
			['truncated', `/go/${token.slice(0, -4)}`],
		];
		for (const [what, path] of bad) {
			const r = await new Client().get(path);
			assert.equal(r.status, 400, what);
			assert.equal(r.headers.location, undefined, what);
		}
		const expired = (await ctl('ads', 'token', '--ad', slug, '--target', 'https://shop.northwind.example/spring', '--expires-in', '-60')).trim();
		const r = await new Client().get(expired);
		assert.equal(r.status, 410);
		assert.equal(r.headers.location, undefined);
		assert.match(r.body, /expired/);
		assert.equal(clicks(), before + 1, 'refusals are not logged');
	});

	test('/go/: a signed target off the brand\'s verified domains is refused, and so is one whose domain was removed after the link was made', async () => {
		const { slug } = await northwindAd();
		for (const target of ['https://evil.test/', 'https://evilnorthwind.example/', 'https://northwind.example.evil.test/',
			'https://northwind.example@evil.test/', 'http://northwind.example\\@evil.test/']) {
			const go = (await ctl('ads', 'token', '--ad', slug, '--target', target)).trim();
			const r = await new Client().get(go);
			assert.equal(r.status, 400, target);
			assert.equal(r.headers.location, undefined, target);
		}
		const b = await brandWithDomain();
		const { res, slug: s2 } = await saveAd(b.client, { products: b.handle, click_url: `https://www.${b.domain}/sale` });
		assert.equal(res.status, 303, res.body.slice(0, 300));
		const go = goLink((await new Client().get(`/ad/${s2}`)).body);
		assert.equal((await new Client().get(go)).status, 302);
		const page = await b.client.get('/studio/domains');
		const id = /action="\/studio\/domains\/(\d+)\/remove"/.exec(page.body)[1];
		assert.equal((await b.client.post(`/studio/domains/${id}/remove`, { csrf: csrfOf(page.body) })).status, 303);
		const after = await new Client().get(go);
		assert.equal(after.status, 400);
		assert.equal(after.headers.location, undefined);
		// the page's domain check is cached for a second
		await eventually(async () =>
			assert.equal(goLink((await new Client().get(`/ad/${s2}`)).body), undefined, 'the page no longer offers the link'));
	});

	test('an order after the ad is credited to its creator through the ad; both dashboards show the ad\'s metrics', async () => {
		const brand = await demoClient(NORTHWIND);
		const creator = await creatorWithPicks(1, { price: 2400 });
		const [p] = creator.products;
		const { id, slug } = await saveAd(brand, { products: p.handle, creator: creator.account.handle,
			click_url: 'https://northwind.example/' });
		const shopper = new Client();
		const page = await shopper.get(`/ad/${slug}`);
		assert.match(page.body, /earns a commission/);
		assert.equal((await shopper.post(`/ad/${slug}/cart`, { csrf: csrfOf(page.body), variant: p.variantId, quantity: 1 })).status, 303);
		const [line] = orderLines(await placeOrder(shopper, 'ad-buyer'));
		assert.deepEqual([line.creator, line.surface, line.total], [creator.account.handle, 'ad', 2400]);
		assert.ok(await adCount(id, 'views', 1) >= 1);
		assert.equal(await adCount(id, 'adds', 1), 1);
		const row = (html) => new RegExp(`<tr class="ad-row" data-ad="${slug}">.*?</tr>`).exec(html)?.[0];
		const b = row((await brand.get('/studio/brand/dashboard')).body);
		assert.ok(b, 'the brand dashboard has the ad');
		assert.match(b, /<td class="adds">1<\/td><td class="outs">0<\/td><td class="orders">1<\/td><td class="revenue">\$24\.00<\/td>/);
		const c = row((await creator.client.get('/studio/creator/dashboard')).body);
		assert.ok(c, 'the creator dashboard has the ad');
		assert.match(c, /<td class="orders">1<\/td><td class="revenue">\$24\.00<\/td>/);
		// a period before the ad shows nothing for it
		const old = row((await brand.get('/studio/brand/dashboard?from=2020-01-01&to=2020-01-31')).body);
		assert.match(old, /<td class="views">0<\/td>.*<td class="orders">0<\/td>/);
		// the per-video table is there too
		assert.match((await brand.get('/studio/brand/dashboard')).body, /<table class="data video-period-metrics"/);
	});

	test('an ad without a credited creator gets its order and revenue counted in the brand dashboard', async () => {
		const b = await brandWithDomain();
		const { res, id, slug } = await saveAd(b.client, { products: b.handle });
		assert.equal(res.status, 303, res.body.slice(0, 300));
		const shopper = new Client();
		const page = await shopper.get(`/ad/${slug}`);
		assert.doesNotMatch(page.body, /earns a commission/);
		assert.equal((await shopper.post(`/ad/${slug}/cart`, { csrf: csrfOf(page.body), variant: b.variantId, quantity: 2 })).status, 303);
		const number = await placeOrder(shopper, 'brand-ad-buyer');
		assert.deepEqual(orderLines(number).map((l) => [l.ad, l.video, l.creator, l.total]), [[id, null, '', 6000]],
			'the line carries the ad and no creator');
		assert.deepEqual(sales(adRow((await b.client.get('/studio/brand/dashboard')).body, slug)), ['1', '$60.00']);
	});

	test('of two ads of the same creator listing the same product, only the ad it was bought from counts', async () => {
		const b = await brandWithDomain();
		const creator = await creatorWithPicks(1, { brand: b.brandSlug, price: 2400 });
		const [p] = creator.products;
		const one = await saveAd(b.client, { products: p.handle, creator: creator.account.handle });
		const two = await saveAd(b.client, { products: p.handle, creator: creator.account.handle });
		assert.equal(one.res.status, 303, one.res.body.slice(0, 300));
		assert.equal(two.res.status, 303, two.res.body.slice(0, 300));
		// Seen both ads; bought from the first, through its card and the product page.
		const shopper = new Client();
		await shopper.get(`/ad/${one.slug}`);
		await shopper.get(`/ad/${two.slug}`);
		const click = await shopper.get(`/ad/${one.slug}/p/${p.productId}`);
		assert.equal(click.status, 303);
		assert.equal(click.headers.location, `/p/${p.brand}/${p.handle}?via=${creator.account.handle}&from=ad.${one.slug}`);
		const productPage = await shopper.get(click.headers.location);
		assert.match(productPage.body, new RegExp(`<form class="form buy" method="post" action="/ad/${one.slug}/cart">`));
		assert.equal((await shopper.post(`/ad/${one.slug}/cart`, { csrf: csrfOf(productPage.body), variant: p.variantId, quantity: 1 })).status, 303);
		const number = await placeOrder(shopper, 'two-ads-buyer');
		assert.deepEqual(orderLines(number).map((l) => [l.ad, l.creator, l.surface]), [[one.id, creator.account.handle, 'ad']],
			'the creator still gets the sale; the line names the ad');
		const brandDash = (await b.client.get('/studio/brand/dashboard')).body;
		assert.deepEqual(sales(adRow(brandDash, one.slug)), ['1', '$24.00']);
		assert.deepEqual(sales(adRow(brandDash, two.slug)), ['0', '0']);
		const creatorDash = (await creator.client.get('/studio/creator/dashboard')).body;
		assert.deepEqual(sales(adRow(creatorDash, one.slug)), ['1', '$24.00']);
		assert.deepEqual(sales(adRow(creatorDash, two.slug)), ['0', '0']);
	});

	test('a variant whose product is not in the ad is still added through the ad\'s route, with no ad credit', async () => {
		const b = await brandWithDomain();
		const { slug } = await saveAd(b.client, { products: b.handle });
		const other = makeProduct({ brand: b.brandSlug, price: 1500 });
		const shopper = new Client();
		const page = await shopper.get(`/ad/${slug}`);
		const add = await shopper.post(`/ad/${slug}/cart`, { csrf: csrfOf(page.body), variant: other.variantId, quantity: 1 });
		assert.equal(add.status, 303);
		assert.equal(add.headers.location, '/cart');
		assert.deepEqual(cartMedium(shopper, other.variantId), { video: null, ad: null });
		const number = await placeOrder(shopper, 'not-in-ad-buyer');
		assert.deepEqual(orderLines(number).map((l) => [l.product, l.ad]), [[other.productId, null]]);
		assert.deepEqual(sales(adRow((await b.client.get('/studio/brand/dashboard')).body, slug)), ['0', '0']);
	});

	test('a plain /cart/add after an ad add keeps the ad; the latest add from another ad or a video replaces it', async () => {
		const b = await brandWithDomain();
		const adA = await saveAd(b.client, { products: b.handle });
		const adB = await saveAd(b.client, { products: b.handle });
		const shopper = new Client();
		const page = await shopper.get(`/ad/${adA.slug}`);
		assert.equal((await shopper.post(`/ad/${adA.slug}/cart`, { csrf: csrfOf(page.body), variant: b.variantId, quantity: 1 })).status, 303);
		assert.equal((await addToCart(shopper, b.variantId, 1)).status, 303);
		assert.deepEqual(cartMedium(shopper, b.variantId), { video: null, ad: adA.id });
		const number = await placeOrder(shopper, 'plain-after-ad-buyer');
		assert.deepEqual(orderLines(number).map((l) => [l.ad, l.quantity, l.total]), [[adA.id, 2, 6000]]);
		const dash = (await b.client.get('/studio/brand/dashboard')).body;
		assert.deepEqual(sales(adRow(dash, adA.slug)), ['1', '$60.00']);
		assert.deepEqual(sales(adRow(dash, adB.slug)), ['0', '0']);

		const { id: video } = await publish(b.client, { caption: 'Lamp in use', tags: [[b.productId, 0, 3]] });
		const other = new Client();
		await other.post(`/ad/${adA.slug}/cart`, { csrf: csrfOf((await other.get(`/ad/${adA.slug}`)).body), variant: b.variantId, quantity: 1 });
		const csrf = csrfOf((await other.get(`/ad/${adA.slug}`)).body);	// now the session's, good for every form
		await other.post(`/ad/${adB.slug}/cart`, { csrf, variant: b.variantId, quantity: 1 });
		assert.deepEqual(cartMedium(other, b.variantId), { video: null, ad: adB.id }, 'the latest ad wins');
		await other.post(`/v/${video}/cart`, { csrf, variant: b.variantId, quantity: 1 });
		assert.deepEqual(cartMedium(other, b.variantId), { video, ad: null }, 'an item has one medium');
		await addToCart(other, b.variantId, 1);
		assert.deepEqual(cartMedium(other, b.variantId), { video, ad: null });
	});
});

test("an ad shows the brand's chosen showcase under its cards; another brand's showcase is refused", async () => {
	const b = await brandWithDomain();
	const tag = `adsc${unique()}`;
	const picked = product({ id: b.brandId, slug: b.brandSlug }, { tags: tag, title: `Showcased ${unique()}` });
	const sc = await saveShowcase(b.client, { tags: tag });
	assert.equal(sc.res.status, 303, sc.res.body.slice(0, 400));
	const { res, slug, id } = await saveAd(b.client, { products: b.handle, showcase: String(sc.id) });
	assert.equal(res.status, 303, res.body.slice(0, 400));
	const form = await b.client.get(`/studio/ads/${id}`);
	assert.match(form.body, new RegExp(`<option value="${sc.id}" selected>`), 'the form keeps the choice');
	// Public catalog reads are cached per worker for a second.
	const shown = await until(async () => carousel((await new Client().get(`/ad/${slug}`)).body, sc.title), (s) => s?.titles.length);
	assert.deepEqual(shown?.titles, [picked.title], 'the carousel shows what the rules pick');

	const other = await brandWithDomain();
	const foreign = await saveShowcase(other.client, {});
	assert.equal(foreign.res.status, 303);
	const refused = await saveAd(b.client, { products: b.handle, showcase: String(foreign.id) });
	assert.equal(refused.res.status, 422);
	assert.match(refused.res.body, /Choose one of your showcases listed/);
});
