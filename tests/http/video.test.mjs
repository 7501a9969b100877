// video.test.mjs: shoppable videos end to end: a creator publishes a video with tagged products;
// /v/{id} renders the player and the cards (escaped, working without JavaScript); bad input is
// refused with a clear 4xx; a product click and an add-to-cart go through the video's own routes;
// a purchase after watching is attributed to the video's creator with the "video" surface and
// shows in the creator's per-video metrics and lifts the video in the storefront feed; an order
// counts for the video it was bought from (its cards, or the product page a card leads to); a brand
// publishes too, and its videos count their orders; an uploaded MP4 is stored under the media
// folder, anything else is refused.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Client, csrfOf, newAccount, VAR } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { lit, makeProduct, sql } from './lib/commerce.mjs';
import { eventually } from './lib/eventually.mjs';
import { demoClient } from './lib/fulfilment.mjs';
import { multipart } from './lib/catalog_import.mjs';
import { creatorWithPicks, publish, videoCount } from './lib/video.mjs';
import { orderLines, placeOrder, sales, videoRow } from './lib/media.mjs';

usesDatabase();

describe('shoppable videos', { concurrency: true }, () => {

test('a creator publishes a video; /v/{id} shows the player, the tagged cards and escapes the caption', async () => {
	const { client, account, products: [a, b] } = await creatorWithPicks(2);
	sql(`UPDATE products SET title = ${lit(`Lamp <b>"bold"</b> & co ${a.handle}`)} WHERE id = ${a.productId}`);
	const { res, id } = await publish(client, {
		caption: 'Desk tour <script>alert(1)</script>', poster_url: '/media/poster.jpg',
		tags: [[a.productId, '0:02', '0:05'], [b.productId, 6, 9]],
	});
	assert.equal(res.status, 303, res.body.slice(0, 300));
	assert.ok(id > 0);
	const studio = await client.get(`/studio/videos?published=${id}`);
	assert.match(studio.body, new RegExp(`href="/v/${id}"`));

	const page = await new Client().get(`/v/${id}`);
	assert.equal(page.status, 200);
	assert.match(page.body, /<video id="video-player" class="video-player" controls[^>]* src="https:\/\/cdn\.example\.test\/clip\.mp4" poster="\/media\/poster\.jpg">/);
	assert.match(page.body, /Desk tour &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
	assert.doesNotMatch(page.body, /<script>alert/);
	assert.match(page.body, /Lamp &lt;b&gt;&quot;bold&quot;&lt;\/b&gt; &amp; co/);
	assert.match(page.body, /<li class="video-card" id="tag-1" data-start="2" data-end="5">/);
	assert.match(page.body, /<li class="video-card" id="tag-2" data-start="6" data-end="9">/);
	// Each card adds to the cart with a plain form (no JavaScript needed) and links to the product.
	assert.match(page.body, new RegExp(`<form class="video-buy" method="post" action="/v/${id}/cart" data-price-shown="tag-1-price">\\s*<input type="hidden" name="csrf" value="[^"]+">\\s*<input type="hidden" name="back" value="video">\\s*<input type="hidden" name="variant" value="${a.variantId}">`));
	assert.match(page.body, new RegExp(`href="/v/${id}/p/${b.productId}"`));
	assert.match(page.body, new RegExp(`by <a href="/@${account.handle}">`));
	assert.match(page.body, /earns a commission/);
	assert.match(page.body, /<script src="\/static\/js\/video\.[0-9a-f]{16}\.js" defer><\/script>/);
	// The poster does not exist: take it away again, so no other suite's page (the home feed) shows a broken image.
	sql(`UPDATE videos SET poster_url = '' WHERE id = ${id}`);
});

test('publishing refuses bad addresses, times and products with 422 and keeps what was typed', async () => {
	const { client, products: [a] } = await creatorWithPicks(1);
	const other = makeProduct();	// not one of this creator's picks
	const cases = [
		[{ src_url: 'javascript:alert(1)', tags: [[a.productId, 1, 2]] }, /https:\/\/ link to an MP4 or HLS file/],
		[{ src_url: 'http://cdn.example.test/a.mp4', tags: [[a.productId, 1, 2]] }, /https:\/\/ link/],
		[{ src_url: 'https://cdn.example.test/a".mp4', tags: [[a.productId, 1, 2]] }, /https:\/\/ link/],
		[{ poster_url: 'data:image/png;base64,AAAA', tags: [[a.productId, 1, 2]] }, /poster image/],
		[{ caption: '   ', tags: [[a.productId, 1, 2]] }, /Enter a caption/],
		[{ tags: [[a.productId, 5, 5]] }, /Tag 1 needs a start and a later end/],
		[{ tags: [[a.productId, '1:75', '2:00']] }, /Tag 1 needs a start and a later end/],
		[{ tags: [[other.productId, 1, 2]] }, /you can tag only your approved picks/],
		[{ tags: [] }, /Tag at least one product/],
	];
	for (const [fields, message] of cases) {
		const { res } = await publish(client, { caption: 'Kept caption', ...fields });
		assert.equal(res.status, 422, JSON.stringify(fields));
		assert.match(res.body, message);
		assert.match(res.body, /<p class="error" role="alert">/);
		if (fields.caption === undefined)
			assert.match(res.body, /value="Kept caption"/);
	}
	const [[n]] = sql(`SELECT COUNT(*) FROM videos v JOIN creators c ON c.id = v.creator_id
		JOIN picks pk ON pk.creator_id = c.id WHERE pk.product_id = ${a.productId}`);
	assert.equal(n, '0', 'nothing half-written');
	// A shopper has no videos to publish.
	const shopper = new Client();
	await newAccount(shopper, 'shopper');
	const denied = await shopper.get('/studio/videos');
	assert.equal(denied.status, 403);
	assert.match(denied.body, /Videos are published by creators and brands/);
	// An overlong field is a 400 before the handler runs.
	const csrf = csrfOf((await client.get('/studio/videos')).body);
	assert.equal((await client.post('/studio/videos', { csrf, caption: 'x'.repeat(301) })).status, 400);
});

test('unknown or malformed video ids and products not in the video are 404', async () => {
	const c = new Client();
	assert.equal((await c.get('/v/999999999999')).status, 404);
	assert.equal((await c.get('/v/12abc')).status, 404);
	const { client, products: [a] } = await creatorWithPicks(1);
	const { id } = await publish(client, { tags: [[a.productId, 0, 3]] });
	const other = makeProduct();
	assert.equal((await c.get(`/v/${id}/p/${other.productId}`)).status, 404);
});

test('a purchase after watching is credited to the video\'s creator; the studio shows views, clicks, adds, orders and revenue', async () => {
	const { client, account, products: [a, b] } = await creatorWithPicks(2, { price: 2400 });
	const { id } = await publish(client, { caption: 'Buy me', tags: [[a.productId, 0, 4]] });
	const { id: id2 } = await publish(client, { caption: 'Watch me', tags: [[b.productId, 0, 4]] });
	// The storefront feed ranks by score: 50 recent views put the second video first...
	sql(`INSERT INTO video_stats (video_id, day, views) VALUES (${id2}, UTC_DATE(), 50)`);
	// The storefront's public reads are cached for a second: the feed shows a new order within it.
	const feedOrderIs = (want, why) => eventually(async () => {
		const html = (await new Client().get(`/@${account.handle}`)).body;
		assert.deepEqual([...html.matchAll(/<li class="video-tile"><a href="\/v\/(\d+)">/g)].map((m) => Number(m[1])), want, why);
	});
	await feedOrderIs([id2, id], 'before the sale: 50 views rank the second video first');
	const shopper = new Client();
	const page = await shopper.get(`/v/${id}`);
	assert.equal(page.status, 200);
	const click = await shopper.get(`/v/${id}/p/${a.productId}`);
	assert.equal(click.status, 303);
	assert.equal(click.headers.location, `/p/${a.brand}/${a.handle}?via=${account.handle}&from=video.${id}`);
	const add = await shopper.post(`/v/${id}/cart`, { csrf: csrfOf(page.body), variant: a.variantId, quantity: 1 });
	assert.equal(add.status, 303);
	assert.equal(add.headers.location, '/cart');
	const number = await placeOrder(shopper, 'video-buyer');
	const [[handle, surface, total]] = sql(`SELECT cr.handle, l.surface, l.line_total FROM order_lines l
		JOIN orders o ON o.id = l.order_id LEFT JOIN creators cr ON cr.id = l.creator_id WHERE o.number = ${lit(number)}`);
	assert.deepEqual([handle, surface, total], [account.handle, 'video', '2400']);
	// ...and one attributed sale (worth a hundred views) puts the first back on top.
	await feedOrderIs([id, id2], 'after the sale: the first video ranks first');
	// the home page is cached like the storefront: the feed there follows within the second too
	await eventually(async () =>
		assert.match((await new Client().get('/')).body, new RegExp(`<li class="video-tile"><a href="/v/${id}">`)));

	assert.ok(await videoCount(id, 'views', 1) >= 1, 'view counted');
	assert.equal(await videoCount(id, 'clicks', 1), 1, 'one product click');
	assert.equal(await videoCount(id, 'adds', 1), 1, 'one add-to-cart');
	const studio = await client.get('/studio/videos');
	const row = new RegExp(`<tr class="video-row" data-video="${id}">.*?</tr>`).exec(studio.body)?.[0];
	assert.ok(row, 'the video has a metrics row');
	assert.match(row, /<td class="clicks">1<\/td><td class="adds">1<\/td><td class="orders">1<\/td><td class="revenue">\$24\.00<\/td>/);
});

test('a video\'s order counts when bought through the product page reached from its card, and for no other video', async () => {
	const { client, account, products: [a, b] } = await creatorWithPicks(2, { price: 1500 });
	const { id } = await publish(client, { caption: 'Card path', tags: [[a.productId, 0, 4]] });
	const { id: same } = await publish(client, { caption: 'Same product, other video', tags: [[a.productId, 0, 4]] });
	const { id: unrelated } = await publish(client, { caption: 'Another product', tags: [[b.productId, 0, 4]] });
	const shopper = new Client();
	await shopper.get(`/v/${same}`);
	await shopper.get(`/v/${id}`);
	const click = await shopper.get(`/v/${id}/p/${a.productId}`);
	assert.equal(click.status, 303);
	assert.equal(click.headers.location, `/p/${a.brand}/${a.handle}?via=${account.handle}&from=video.${id}`);
	const product = await shopper.get(click.headers.location);
	assert.equal(product.status, 200);
	assert.match(product.body, new RegExp(`<form class="form buy" method="post" action="/v/${id}/cart">`));
	const add = await shopper.post(`/v/${id}/cart`, { csrf: csrfOf(product.body), variant: a.variantId, quantity: 1 });
	assert.equal(add.status, 303);
	const number = await placeOrder(shopper, 'video-card-buyer');
	assert.deepEqual(orderLines(number).map((l) => [l.video, l.ad, l.creator, l.surface, l.total]),
		[[id, null, account.handle, 'video', 1500]]);
	const studio = (await client.get('/studio/videos')).body;
	assert.deepEqual(sales(videoRow(studio, id)), ['1', '$15.00']);
	assert.deepEqual(sales(videoRow(studio, same)), ['0', '–'], 'the other video of the same product gets nothing');
	const dash = (await client.get('/studio/creator/dashboard')).body;
	assert.deepEqual(sales(videoRow(dash, id)), ['1', '$15.00']);
	assert.deepEqual(sales(videoRow(dash, same)), ['0', '0']);
	// A from= naming no video, a video without the product, or nothing readable is ignored: the plain add.
	for (const from of ['video.999999999999', `video.${unrelated}`, 'video.0', 'ad.no-such-ad-here', 'ad.UPPER', 'nonsense', '']) {
		const page = await new Client().get(`/p/${a.brand}/${a.handle}?from=${encodeURIComponent(from)}`);
		assert.equal(page.status, 200, from);
		assert.match(page.body, /<form class="form buy" method="post" action="\/cart\/add">/, from);
	}
	assert.equal((await new Client().get(`/p/${a.brand}/${a.handle}?from=${'x'.repeat(71)}`)).status, 400, 'overlong: refused by the route');
});

test('a brand publishes a video of its own products; no creator, no commission note; it sees creators\' videos of its products', async () => {
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	const creator = await creatorWithPicks(1);	// a northwind product
	const { id: creatorVideo } = await publish(creator.client, { caption: 'Creator on northwind', tags: [[creator.products[0].productId, 0, 2]] });
	const p = makeProduct();
	const { res, id } = await publish(brand, { caption: 'Northwind in use', tags: [[p.productId, 1, 3]] });
	assert.equal(res.status, 303, res.body.slice(0, 300));
	const page = await new Client().get(`/v/${id}`);
	assert.equal(page.status, 200);
	assert.match(page.body, /by Northwind/i);
	assert.doesNotMatch(page.body, /earns a commission/);
	const row = new RegExp(`<tr class="video-row" data-video="${id}">.*?</tr>`).exec((await brand.get('/studio/videos')).body)?.[0];
	assert.match(row, /<td class="orders">0<\/td>/);
	const theirs = new RegExp(`<tr class="video-row" data-video="${creatorVideo}">.*?</tr>`).exec((await brand.get('/studio/videos')).body)?.[0];
	assert.ok(theirs, 'the creator\'s video of a northwind product is listed for the brand');
	assert.match(theirs, new RegExp(`<td class="by">${creator.account.display_name}</td>`));
	assert.match(theirs, /<td class="orders">0<\/td>/);
	// Brand videos have no creator to attribute to, but an order bought from one counts for it.
	const shopper = new Client();
	const csrf = csrfOf((await shopper.get(`/v/${id}`)).body);
	assert.equal((await shopper.post(`/v/${id}/cart`, { csrf, variant: p.variantId, quantity: 1 })).status, 303);
	const number = await placeOrder(shopper, 'brand-video-buyer');
	assert.deepEqual(orderLines(number).map((l) => [l.video, l.creator]), [[id, '']]);
	assert.deepEqual(sales(videoRow((await brand.get('/studio/videos')).body, id)), ['1', '$10.00']);
	assert.deepEqual(sales(videoRow((await brand.get('/studio/brand/dashboard')).body, id)), ['1', '$10.00']);
});

// The first bytes of an MP4 (an ftyp box), then filler up to `size` bytes.
function mp4Bytes(size) {
	const head = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomavc1')]);
	return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x2e)]);
}

async function uploadVideo(client, data, { name = 'clip.mp4', type = 'video/mp4' } = {}) {
	const csrf = csrfOf((await client.get('/studio/videos')).body);
	const { body, type: ct } = multipart({ csrf }, { name, data, type });
	return client.request('POST', '/studio/videos/upload', { headers: { 'content-type': ct }, body });
}

test('an uploaded MP4 is stored under the media folder and offered as the new video\'s address', async () => {
	const { client, products: [a] } = await creatorWithPicks(1);
	const data = mp4Bytes(4096);
	const res = await uploadVideo(client, data);
	assert.equal(res.status, 303, res.body.slice(0, 300));
	const name = /\?uploaded=([0-9a-f]{32}\.mp4)$/.exec(res.headers.location)?.[1];
	assert.ok(name, res.headers.location);
	assert.deepEqual(fs.readFileSync(path.join(VAR, 'media', name)), data);
	const page = await client.get(res.headers.location);
	assert.match(page.body, new RegExp(`<code class="uploaded-path">/media/${name}</code>`));
	assert.match(page.body, new RegExp(`name="src_url"[^>]*value="/media/${name}"`));
	const { id } = await publish(client, { src_url: `/media/${name}`, tags: [[a.productId, 0, 2]] });
	assert.match((await new Client().get(`/v/${id}`)).body, new RegExp(`src="/media/${name}"`));
});

test('an upload that is not an MP4, empty or too large is refused with a clear message', async () => {
	const { client } = await creatorWithPicks(0);
	const before = fs.existsSync(path.join(VAR, 'media')) ? fs.readdirSync(path.join(VAR, 'media')).length : 0;
	let res = await uploadVideo(client, Buffer.from('\x89PNG\r\n\x1a\n not a video at all'), { name: 'fake.mp4' });
	assert.equal(res.status, 415);
	assert.match(res.body, /That file is not an MP4 video/);
	res = await uploadVideo(client, Buffer.from('<html><script>alert(1)</script></html>'), { name: 'x.mp4', type: 'video/mp4' });
	assert.equal(res.status, 415);
	res = await uploadVideo(client, Buffer.alloc(0));
	assert.equal(res.status, 422);
	assert.match(res.body, /Choose a video file to upload/);
	res = await uploadVideo(client, mp4Bytes((16 << 20) + 1));
	assert.equal(res.status, 413);
	assert.match(res.body, /larger than 16 MiB/);
	res = await uploadVideo(client, mp4Bytes((16 << 20) + 200000));	// over the route's body cap
	assert.equal(res.status, 413);
	const after = fs.existsSync(path.join(VAR, 'media')) ? fs.readdirSync(path.join(VAR, 'media')).length : 0;
	assert.ok(after <= before + 1, 'nothing stored');	// (+1: another test's upload may land meanwhile)
	// A shopper may not upload.
	const shopper = new Client();
	await newAccount(shopper, 'shopper');
	const csrf = csrfOf((await shopper.get('/orders/lookup')).body);
	const { body, type } = multipart({ csrf }, { name: 'a.mp4', data: mp4Bytes(100), type: 'video/mp4' });
	res = await shopper.request('POST', '/studio/videos/upload', { headers: { 'content-type': type }, body });
	assert.equal(res.status, 403);
	assert.match(res.body, /Videos are published by creators and brands/);
});

});
