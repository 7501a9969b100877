// video_shop.test.mjs: shoppable video depth (issue 22): hotspots (a point in the frame and a label,
// checked and escaped), a card's variant picker with a non-default variant added without leaving
// the video (back to it with a notice and the cart drawer listing the line, a checkout link), the
// product page's own picker on a card of a product with two options (a group per option, the
// chosen values added as that variant, a combination not made or sold out refused on the video
// page with its 4xx beside the card), the
// owner's edit (times, hotspots, poster, caption) and delete (its page 410, off the feeds, the
// order lines still naming it, the studio still counting them), and the /videos feed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfOf, newAccount } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { lit, makeProduct, sql } from './lib/commerce.mjs';
import { eventually } from './lib/eventually.mjs';
import { demoClient } from './lib/fulfilment.mjs';
import { creatorWithPicks, publish, videoForm } from './lib/video.mjs';
import { cartMedium, orderLines, placeOrder, sales, videoRow } from './lib/media.mjs';
import { sizedVideo } from './lib/video_shop.mjs';

usesDatabase();

// The card of product `productId` on a video page (its <li>).
const cardOf = (html, title) => [...html.matchAll(/<li class="video-card"[\s\S]*?<\/li>/g)].map((m) => m[0])
	.find((c) => c.includes(title));

describe('shoppable video depth', { concurrency: true }, () => {

test('a tag\'s hotspot is stored in percent and shown on the player with its label escaped', async () => {
	const { id, sized } = await sizedVideo({ label: 'Size <b>"me"</b> & <script>x()</script>' });
	assert.deepEqual(sql(`SELECT spot_x, spot_y FROM video_tags WHERE video_id = ${id}`), [['30', '40']]);
	const page = await new Client().get(`/v/${id}`);
	assert.equal(page.status, 200);
	const spot = /<a class="video-spot"[^>]*>[\s\S]*?<\/a>/.exec(page.body)?.[0];
	assert.ok(spot, 'the player carries a hotspot');
	assert.match(spot, /href="#tag-1" data-card="tag-1" data-x="30" data-y="40" data-start="0" data-end="4" hidden/);
	assert.match(spot, /<span class="video-spot-label">Size &lt;b&gt;&quot;me&quot;&lt;\/b&gt; &amp; &lt;script&gt;x\(\)&lt;\/script&gt;<\/span>/);
	assert.doesNotMatch(page.body, /<script>x\(\)/);
	assert.ok(cardOf(page.body, sized.title), 'the hotspot\'s card is on the page');
});

test('hotspot coordinates out of range, half given or a label without a place are refused with 422', async () => {
	const { client, products: [a] } = await creatorWithPicks(1);
	const cases = [
		[{ x: 101, y: 5 }, /hotspot x and y from 0 to 100/],
		[{ x: 'ten', y: 5 }, /hotspot x and y from 0 to 100/],
		[{ x: -1, y: 5 }, /hotspot x and y from 0 to 100/],
		[{ x: 10, y: '' }, /both x and y/],
		[{ x: '', y: '', label: 'floating' }, /label but no position/],
	];
	for (const [spot, message] of cases) {
		const res = await client.submit('/studio/videos', videoForm({ caption: 'Spots', tags: [[a.productId, 0, 3, spot]] }));
		assert.equal(res.status, 422, JSON.stringify(spot));
		assert.match(res.body, message, JSON.stringify(spot));
	}
	const long = await client.submit('/studio/videos', videoForm({ tags: [[a.productId, 0, 3, { x: 1, y: 1, label: 'x'.repeat(61) }]] }));
	assert.equal(long.status, 400, 'a label over 60 characters is refused by the route');
});

test('a video card offers the product\'s variants; a non-default one is added and the shopper comes back to the video with the drawer', async () => {
	const { id, sized } = await sizedVideo();
	const shopper = new Client();
	const page = await shopper.get(`/v/${id}`);
	const card = cardOf(page.body, sized.title);
	assert.match(card, /<fieldset class="field variant-picker" id="tag-1-variant"><legend>Size<\/legend>/);
	for (const [name, vid] of Object.entries(sized.variants))
		assert.match(card, new RegExp(`<input type="radio" name="variant" value="${vid}"[^>]*>\\s*<span class="choice-name">${name}</span>`));
	assert.match(card, new RegExp(`value="${sized.variants.Small}"[^>]* checked`), 'opens on the cheapest');
	const add = await shopper.post(`/v/${id}/cart`, { csrf: csrfOf(page.body), back: 'video', variant: sized.variants.Large, quantity: 1 });
	assert.equal(add.status, 303);
	assert.equal(add.headers.location, `/v/${id}?added=${sized.variants.Large}#cart-drawer`);
	assert.deepEqual(cartMedium(shopper, sized.variants.Large), { video: id, ad: null });
	const back = await shopper.get(add.headers.location);
	assert.equal(back.status, 200);
	assert.match(back.body, new RegExp(`<p class="video-status" id="video-status" role="status" aria-live="polite">${sized.title} — Large is in your cart.</p>`));
	const drawer = /<details class="cart-drawer" id="cart-drawer" open>[\s\S]*?<\/details>/.exec(back.body)?.[0];
	assert.ok(drawer, 'the cart drawer is open');
	assert.match(drawer, new RegExp(`${sized.title}</a> <span class="cart-drawer-variant">Large</span> <span class="muted">× 1</span> <span class="cart-drawer-total">\\$15\\.00</span>`));
	assert.match(drawer, /<a class="button cart-drawer-checkout" href="\/checkout">Check out<\/a>/);
	const number = await placeOrder(shopper, 'video-variant-buyer');
	assert.deepEqual(orderLines(number).map((l) => [l.product, l.video, l.total]), [[sized.productId, id, 1500]]);
	assert.equal(sql(`SELECT l.variant_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = ${lit(number)}`)[0][0],
		String(sized.variants.Large));
	// Without back=video (the product page's form reached from a card) the add goes on to the cart.
	const plain = await shopper.post(`/v/${id}/cart`, { csrf: csrfOf(page.body), variant: sized.variants.Medium, quantity: 1 });
	assert.equal(plain.headers.location, '/cart');
	// A visitor with an empty cart gets no drawer, and the page stays the public one.
	const fresh = await new Client().get(`/v/${id}`);
	assert.doesNotMatch(fresh.body, /cart-drawer/);
	assert.equal((await new Client().get(`/v/${id}?added=abc`)).status, 200, 'a bad ?added= is ignored');
});

test('a card of a product with two options has the product page\'s picker: a group per option, the values add that variant', async () => {
	const { id, sized } = await sizedVideo({ colours: true, others: 1 });
	const shopper = new Client();
	const page = await shopper.get(`/v/${id}`);
	assert.equal(page.status, 200);
	const card = cardOf(page.body, sized.title);
	assert.match(card, new RegExp(`<input type="hidden" name="product" value="${sized.productId}">`));
	assert.doesNotMatch(card, /name="variant"/, 'the values name the variant, not a list of every combination');
	assert.match(card, /<fieldset class="field variant-picker" id="tag-1-option1"><legend>Size<\/legend>/);
	assert.match(card, /<fieldset class="field variant-picker" id="tag-1-option2"><legend>Colour<\/legend>/);
	assert.equal(card.match(/<legend>/g).length, 2, 'one legend per option');
	// each value once, in the order the variants bring them, the cheapest buyable chosen
	assert.deepEqual([...card.matchAll(/name="option1" value="([^"]+)"/g)].map((m) => m[1]), ['Small', 'Large', 'Medium']);
	assert.match(card, /<input type="radio" name="option1" value="Small" required checked>/);
	assert.match(card, /<label class="variant-choice swatch"><input type="radio" name="option2" value="Moss" required>\n<span class="swatch-chip swatch-moss" aria-hidden="true"><\/span>/);
	assert.match(card, /<p class="picker-status" id="tag-1-picker-status" aria-live="polite" hidden><\/p>/);
	assert.match(card, /<script type="application\/json" id="tag-1-variant-data">\[\{"id":\d+,"options":\["Small","Charcoal",""\],"price":"\$20\.00"/);
	assert.match(card, /<form class="video-buy" method="post" action="\/v\/\d+\/cart" data-price-shown="tag-1-price">/);
	assert.match(card, /<p class="price" id="tag-1-price">/);
	// the other card's ids are its own
	assert.match(page.body, /id="tag-2-price"/);
	assert.equal(page.body.match(/id="tag-1-option1"/g).length, 1);

	const add = await shopper.post(`/v/${id}/cart`, { csrf: csrfOf(page.body), back: 'video', product: sized.productId,
		option1: 'Large', option2: 'Moss', quantity: 1 });
	assert.equal(add.status, 303, add.body?.slice(0, 300));
	assert.equal(add.headers.location, `/v/${id}?added=${sized.variants['Large / Moss']}#cart-drawer`);
	assert.deepEqual(cartMedium(shopper, sized.variants['Large / Moss']), { video: id, ad: null });
	const back = await shopper.get(add.headers.location);
	assert.match(back.body, new RegExp(`<p class="video-status" id="video-status" role="status" aria-live="polite">${sized.title} — Large / Moss is in your cart.</p>`));
	const drawer = /<details class="cart-drawer" id="cart-drawer" open>[\s\S]*?<\/details>/.exec(back.body)?.[0];
	assert.match(drawer, new RegExp(`${sized.title}</a> <span class="cart-drawer-variant">Large / Moss</span> <span class="muted">× 1</span> <span class="cart-drawer-total">\\$28\\.00</span>`));
});

test('from a card, a combination not made is a 422 and a sold-out one a 409, said beside that card on the video page', async () => {
	const { id, sized } = await sizedVideo({ colours: true, others: 1 });
	const shopper = new Client();
	const page = await shopper.get(`/v/${id}`);
	const form = { csrf: csrfOf(page.body), back: 'video', product: sized.productId, quantity: 1 };
	const none = await shopper.post(`/v/${id}/cart`, { ...form, option1: 'Medium', option2: 'Moss' });
	assert.equal(none.status, 422);
	assert.match(none.body, /<article class="video-page"/, 'the video page, not the product page or a bare error');
	let card = cardOf(none.body, sized.title);
	assert.match(card, /<p class="field-error" id="tag-1-picker-error" role="alert">Medium \/ Moss is not made: choose another combination\.<\/p>/);
	assert.match(card, /<fieldset class="field variant-picker" id="tag-1-option1" aria-describedby="tag-1-picker-error"><legend>Size<\/legend>/);
	assert.match(card, /<input type="radio" name="option1" value="Medium" required checked>/, 'what was asked stays chosen');
	assert.doesNotMatch(cardOf(none.body, 'Test '), /field-error/, 'the other card says nothing');
	assert.equal(shopper.cookie('cc_cart'), undefined, 'nothing was added');

	const out = await shopper.post(`/v/${id}/cart`, { ...form, option1: 'Small', option2: 'Moss' });
	assert.equal(out.status, 409);
	card = cardOf(out.body, sized.title);
	assert.match(card, /<p class="field-error" id="tag-1-picker-error" role="alert">Small \/ Moss is sold out: choose another option\.<\/p>/);
	assert.match(card, /<input type="radio" name="option2" value="Moss" required checked>/);
	assert.equal(shopper.cookie('cc_cart'), undefined, 'nothing was added');
	// Without back=video (the product page's form reached from a card) the product page answers, as from /cart/add.
	const plain = await shopper.post(`/v/${id}/cart`, { csrf: form.csrf, product: sized.productId, option1: 'Medium', option2: 'Moss', quantity: 1 });
	assert.equal(plain.status, 422);
	assert.match(plain.body, /<p class="field-error" id="picker-error" role="alert">Medium \/ Moss is not made/);
	const made = await shopper.post(`/v/${id}/cart`, { csrf: form.csrf, product: sized.productId, option1: 'Medium', option2: 'Charcoal', quantity: 1 });
	assert.equal(made.status, 303);
	assert.equal(made.headers.location, '/cart');
	assert.deepEqual(cartMedium(shopper, sized.variants['Medium / Charcoal']), { video: id, ad: null });
	// A full cart is said beside the card too (filled to its 50 lines directly, as 49 adds would).
	const cartId = sql(`SELECT cart_id FROM cart_items WHERE variant_id = ${sized.variants['Medium / Charcoal']}`)[0][0];
	const fill = Array.from({ length: 49 }, () => makeProduct({ price: 100 }).variantId);
	sql(`INSERT INTO cart_items (cart_id, variant_id, quantity, price_seen, added_at) VALUES
		${fill.map((v) => `(${cartId}, ${v}, 1, 100, UTC_TIMESTAMP())`).join(',')}`);
	const full = await shopper.post(`/v/${id}/cart`, { ...form, option1: 'Large', option2: 'Moss' });
	assert.equal(full.status, 409);
	assert.match(cardOf(full.body, sized.title), /<p class="field-error" id="tag-1-picker-error" role="alert">Your cart is full \(50 different items\)/);
});

test('the owner edits a video\'s caption, poster, times and hotspots; nobody else can', async () => {
	const { client, id, sized, products: [other] } = await sizedVideo({ others: 1 });
	const form = await client.get(`/studio/videos/${id}/edit`);
	assert.equal(form.status, 200);
	assert.match(form.body, /<input id="tag1_x" class="qty" name="tag1_x" type="number" min="0" max="100" step="1" inputmode="numeric" value="30">/);
	assert.match(form.body, /<input id="tag1_start" class="qty" name="tag1_start" maxlength="8" value="0:00">/);
	const list = await client.get('/studio/videos');
	assert.match(videoRow(list.body, id), new RegExp(`<a class="video-edit" href="/studio/videos/${id}/edit">`));
	const saved = await client.submit(`/studio/videos/${id}/edit`, videoForm({
		caption: 'Renamed <i>tour</i>', poster_url: '/media/new-poster.jpg',
		tags: [[other.productId, 1, 3], [sized.productId, 5, 8, { x: 70, y: 20, label: 'Now here' }]],
	}));
	assert.equal(saved.status, 303, saved.body.slice(0, 300));
	assert.equal(saved.headers.location, `/studio/videos/${id}/edit?saved=1`);
	assert.deepEqual(sql(`SELECT product_id, position, start_s, end_s, COALESCE(spot_x, 'none'), COALESCE(spot_y, 'none'), spot_label
		FROM video_tags WHERE video_id = ${id} ORDER BY position`),
	[[String(other.productId), '1', '1', '3', 'none', 'none', ''], [String(sized.productId), '2', '5', '8', '70', '20', 'Now here']]);
	assert.deepEqual(sql(`SELECT caption, poster_url FROM videos WHERE id = ${id}`), [['Renamed <i>tour</i>', '/media/new-poster.jpg']]);
	await eventually(async () => {
		const page = (await new Client().get(`/v/${id}`)).body;
		assert.match(page, /Renamed &lt;i&gt;tour&lt;\/i&gt;/);
		assert.match(page, /data-card="tag-2" data-x="70" data-y="20" data-start="5" data-end="8" hidden/);
	});
	const bad = await client.submit(`/studio/videos/${id}/edit`, videoForm({ caption: 'Kept', tags: [[sized.productId, 5, 2]] }));
	assert.equal(bad.status, 422);
	assert.match(bad.body, /value="Kept"/, 'what was typed is shown again');
	// Another creator, and the brand of the product (which sees the video in its list), get a 404.
	const stranger = new Client();
	await newAccount(stranger, 'creator');
	assert.equal((await stranger.get(`/studio/videos/${id}/edit`)).status, 404);
	assert.equal((await stranger.submit(`/studio/videos/${id}/edit`, videoForm({ caption: 'Mine now', tags: [[sized.productId, 0, 1]] }),
		{ formPath: '/studio/videos' })).status, 404);
	assert.equal((await stranger.submit(`/studio/videos/${id}/delete`, {}, { formPath: '/studio/videos' })).status, 404);
	const brand = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	assert.equal((await brand.get(`/studio/videos/${id}/edit`)).status, 404);
	assert.doesNotMatch(videoRow((await brand.get('/studio/videos')).body, id), /video-edit/);
	assert.equal(sql(`SELECT caption FROM videos WHERE id = ${id}`)[0][0], 'Renamed <i>tour</i>');
});

test('a deleted video is gone from its page and the feeds, and its orders still name it', async () => {
	const { client, account, id, sized } = await sizedVideo({ caption: 'Soon deleted' });
	const shopper = new Client();
	const page = await shopper.get(`/v/${id}`);
	assert.equal((await shopper.post(`/v/${id}/cart`, { csrf: csrfOf(page.body), back: 'video', variant: sized.variants.Medium })).status, 303);
	const number = await placeOrder(shopper, 'deleted-video-buyer');
	await eventually(async () => assert.match((await new Client().get('/videos')).body, new RegExp(`id="swipe-${id}"`)));
	await eventually(async () => assert.match((await new Client().get(`/@${account.handle}`)).body, new RegExp(`href="/v/${id}"`)));

	const del = await client.submit(`/studio/videos/${id}/delete`, {}, { formPath: `/studio/videos/${id}/edit` });
	assert.equal(del.status, 303);
	assert.equal(del.headers.location, `/studio/videos?deleted=${id}`);
	assert.deepEqual(sql(`SELECT deleted_at IS NOT NULL, (SELECT COUNT(*) FROM video_tags WHERE video_id = ${id}) FROM videos WHERE id = ${id}`), [['1', '0']]);
	await eventually(async () => {
		const gone = await new Client().get(`/v/${id}`);
		assert.equal(gone.status, 410);
		assert.match(gone.body, /deleted by its owner/);
	});
	assert.equal((await new Client().get(`/v/${id}/p/${sized.productId}`)).status, 404, 'its tags are gone');
	await eventually(async () => assert.doesNotMatch((await new Client().get('/videos')).body, new RegExp(`id="swipe-${id}"`)));
	await eventually(async () => assert.doesNotMatch((await new Client().get(`/@${account.handle}`)).body, new RegExp(`href="/v/${id}"`)));
	// The sale stays the video's: on the order line, and in the owner's list.
	assert.deepEqual(orderLines(number).map((l) => [l.video, l.surface]), [[id, 'video']]);
	const list = (await client.get(`/studio/videos?deleted=${id}`)).body;
	assert.match(list, new RegExp(`Video ${id} is deleted`));
	const row = videoRow(list, id);
	assert.match(row, /<span class="badge video-deleted">deleted<\/span>/);
	assert.doesNotMatch(row, /video-edit|href="\/v\//);
	assert.deepEqual(sales(row), ['1', '$12.00']);
	assert.equal((await client.get(`/studio/videos/${id}/edit`)).status, 404, 'a deleted video is not edited');
	assert.equal((await client.submit(`/studio/videos/${id}/delete`, {}, { formPath: '/studio/videos' })).status, 404, 'nor deleted twice');
});

test('/videos lists the videos newest first, each with its page\'s link, muted players started by the script', async () => {
	const { client, products: [a] } = await creatorWithPicks(1);
	const { id: first } = await publish(client, { caption: 'Swipe one', tags: [[a.productId, 0, 2]] });
	const { id: second } = await publish(client, { caption: 'Swipe <two>', tags: [[a.productId, 0, 2]] });
	await eventually(async () => {
		const res = await new Client().get('/videos');
		assert.equal(res.status, 200);
		const ids = [...res.body.matchAll(/<article class="swipe-item" id="swipe-(\d+)"/g)].map((m) => Number(m[1]));
		assert.ok(ids.indexOf(second) >= 0 && ids.indexOf(second) < ids.indexOf(first), `${second} before ${first} in ${ids}`);
		assert.match(res.body, /aria-label="Swipe &lt;two&gt;"/);
		assert.match(res.body, new RegExp(`<a class="button swipe-shop" href="/v/${second}">Shop the product</a>`));
		assert.match(res.body, /<script src="\/static\/js\/video_swipe\.[0-9a-f]{16}\.js" defer><\/script>/);
	});
});

});
