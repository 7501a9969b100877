// samples_surfaces.test.mjs: "Gifted by {brand}" on the other surfaces that show a creator's picks
// (their videos, live sessions, own collection ads and storefront showcases), for the product they
// received as a delivered sample and for no other. The sample's own flow is samples.test.mjs's;
// here the delivered request is written straight into MariaDB, as the studio would have left it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, unique } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { creatorWithPicks, publish } from './lib/video.mjs';
import { eventsUntil, goLive, pin, schedule } from './lib/live.mjs';
import { saveCreatorAd } from './lib/ads.mjs';
import { carousel, saveShowcase } from './lib/showcases.mjs';
import { eventually } from './lib/eventually.mjs';
import { lit, sql } from './lib/fulfilment.mjs';

usesDatabase();

// A delivered sample of product `productId` for creator `handle`, and one still on its way.
function sample(handle, productId, status) {
	sql(`INSERT INTO sample_requests (creator_id, brand_id, product_id, ship_name, ship_line1, ship_city, ship_postal,
		ship_country, status, carrier, tracking_number, created_at, updated_at, delivered_at)
		SELECT cr.id, p.brand_id, p.id, 'T', '1 Street', 'City', '123', 'US', ${lit(status)}, 'ups', '1Z999AA10123456784',
		UTC_TIMESTAMP(), UTC_TIMESTAMP(), IF(${lit(status)} = 'delivered', UTC_TIMESTAMP(), NULL)
		FROM creators cr JOIN products p ON p.id = ${Number(productId)} WHERE cr.handle = ${lit(handle)}`);
}

// The card of `title` in html: from its title to the next card's (or the end).
function cardOf(html, title) {
	const at = html.indexOf(`>${title}</h3>`);
	assert.ok(at >= 0, `a card of ${title}`);
	const next = html.indexOf('card-title', at + title.length + 6);
	return html.slice(at, next < 0 ? undefined : next);
}

let fixture;
// One creator with three northwind picks: A delivered (gifted), B on its way (not yet), C delivered.
function gifted() {
	fixture ??= (async () => {
		const c = await creatorWithPicks(3);
		const [a, b, cc] = c.products;
		sample(c.account.handle, a.productId, 'delivered');
		sample(c.account.handle, b.productId, 'shipped');
		sample(c.account.handle, cc.productId, 'delivered');
		const [[brandName]] = sql("SELECT name FROM brands WHERE slug = 'northwind'");
		return { ...c, a, b, c: cc, label: `Gifted by ${brandName}` };
	})();
	return fixture;
}

describe('samples on every surface', { concurrency: true }, () => {

test('a video: the tagged card and "More products" say it for gifted products only', async () => {
	const f = await gifted();
	const { res, id } = await publish(f.client, { caption: `Gift video ${unique()}`, tags: [[f.a.productId, 0, 5], [f.b.productId, 5, 9]] });
	assert.equal(res.status, 303);
	await eventually(async () => {
		const page = (await new Client().get(`/v/${id}`)).body;
		assert.ok(cardOf(page, f.a.title).includes(f.label), 'tagged, delivered');
		assert.ok(!cardOf(page, f.b.title).includes('Gifted by'), 'tagged, only shipped');
		assert.ok(cardOf(page, f.c.title).includes(f.label), 'more products, delivered');
	});
});

test('a live session: the lineup, the pin and the pin event say it for gifted products only', async () => {
	const f = await gifted();
	const { res, id } = await schedule(f.client, { products: [f.a.productId, f.b.productId] });
	assert.equal(res.status, 303);
	let page = (await new Client().get(`/live/${id}`)).body;
	assert.ok(cardOf(page, f.a.title).includes(f.label));
	assert.ok(!cardOf(page, f.b.title).includes('Gifted by'));
	assert.equal((await goLive(f.client, id)).status, 303);
	assert.equal((await pin(f.client, id, f.a.productId)).status, 303);
	assert.equal((await pin(f.client, id, f.b.productId)).status, 303);
	// live.js draws a pin from its event: the event says whether it was a gift
	const viewer = new Client();
	const data = await eventsUntil(viewer, id, (d) => d.events.filter((e) => e.kind === 'pin').length === 2);
	const pins = data.events.filter((e) => e.kind === 'pin').map((e) => [e.product.title, e.product.gifted]);
	assert.deepEqual(pins, [[f.a.title, true], [f.b.title, false]]);
	// both stay pinned (up to three at once): each pinned card says it for itself. A cookieless
	// page comes through the workers' cache, and this session's was read before the pins: within
	// a second of them.
	await eventually(async () => {
		page = (await viewer.get(`/live/${id}`)).body;
		const pinned = page.slice(page.indexOf('class="live-pinned"'), page.indexOf('</section>', page.indexOf('class="live-pinned"')));
		assert.ok(!cardOf(pinned, f.b.title).includes('Gifted by'));
		assert.ok(cardOf(pinned, f.a.title).includes(f.label));
	});
});

test('a creator\'s own collection ad says it for gifted products only', async () => {
	const f = await gifted();
	const { res, slug } = await saveCreatorAd(f.client, { products: `${f.a.handle}\n${f.b.handle}`, state: 'live' });
	assert.equal(res.status, 303, res.body.slice(0, 300));
	await eventually(async () => {
		const page = (await new Client().get(`/ad/${slug}`)).body;
		assert.ok(cardOf(page, f.a.title).includes(f.label));
		assert.ok(!cardOf(page, f.b.title).includes('Gifted by'));
	});
});

test('a showcase on the storefront says it for gifted products only', async () => {
	const f = await gifted();
	const tag = `gift${unique()}`;
	sql(`UPDATE products SET tags = ${lit(tag)} WHERE id IN (${[f.a, f.b].map((p) => p.productId).join(',')})`);
	const sc = await saveShowcase(f.client, { tags: tag, slot: '1', title: `Gifts ${unique()}` });
	assert.equal(sc.res.status, 303);
	await eventually(async () => {
		const page = (await new Client().get(`/@${f.account.handle}`)).body;
		const at = page.indexOf(`-h">${sc.title}</h2>`);
		assert.ok(carousel(page, sc.title), 'the showcase is on the storefront');
		const section = page.slice(at, page.indexOf('</section>', at));
		assert.ok(cardOf(section, f.a.title).includes(f.label));
		assert.ok(!cardOf(section, f.b.title).includes('Gifted by'));
	});
});

});
