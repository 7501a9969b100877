// xss_video.test.mjs: the XSS corpus through a shoppable video's hotspot labels (five tags, each
// with a hotspot, 60 characters a label) and its caption: each round is a video published through
// the studio, then its page (the labels on the player's dots and the cards) and the owner's editor
// (the labels as field values) are opened in Chromium with the hooks of lib/xss.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creatorWithPicks, publish } from '../http/lib/video.mjs';
import { lit, sql } from '../http/lib/commerce.mjs';
import { unique } from '../http/lib/http.mjs';
import { PAYLOADS, useXssChromium, xssThrough } from './lib/xss.mjs';

useXssChromium();

const TAGS = 5;
const bytes = (s) => Buffer.byteLength(s);
// A caption is at most 300 characters: the few longer payloads go through other suites' fields.
const payloads = PAYLOADS.filter((p) => bytes(p) <= 300);

test(`${payloads.length} XSS payloads as hotspot labels and captions never run on the video page or its editor`, async () => {
	const { client, products } = await creatorWithPicks(TAGS);
	const boxes = { caption: [300, ' '] };
	for (let i = 0; i < TAGS; i++)
		boxes[`l${i}`] = [60];
	const ran = await xssThrough({
		client,
		payloads,
		boxes,
		save: async (r) => {
			const tags = products.map((p, i) => [p.productId, i * 2, i * 2 + 2,
				{ x: 10 + i * 15, y: 50, label: r.fields[`l${i}`] ?? '' }]);
			const { res, id } = await publish(client, { caption: r.fields.caption ?? 'Hotspot round', tags });
			assert.equal(res.status, 303, `publishing answered ${res.status}: ${res.body.slice(0, 300)}`);
			return id;
		},
		pages: (r, id) => [`/v/${id}`, `/studio/videos/${id}/edit`],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});

test(`${PAYLOADS.length} XSS payloads as option names and values never run on a video card's picker`, async () => {
	const { client, account } = await creatorWithPicks(0);
	// two options (60 characters a name), two variants (120 a value): a group per option on the card
	const boxes = { n1: [60], n2: [60], a1: [120], a2: [120], b1: [120], b2: [120] };
	const ran = await xssThrough({
		client,
		boxes,
		save: async (r) => {
			const f = (k) => r.fields[k] ?? `plain ${k}`;
			const handle = `t-xo-${unique()}`;
			const [[productId]] = sql(`
				INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
				  SELECT id, ${lit(handle)}, 'Option payloads', '', 'active', 1000, currency, 20 FROM brands WHERE slug = 'northwind';
				SET @p = LAST_INSERT_ID();
				INSERT INTO product_options (product_id, position, name) VALUES (@p, 1, ${lit(f('n1'))}), (@p, 2, ${lit(f('n2'))});
				INSERT INTO variants (product_id, position, sku, option1, option2, price, currency, stock, inventory_policy) VALUES
				  (@p, 1, ${lit(`${handle}-a`)}, ${lit(f('a1'))}, ${lit(f('a2'))}, 1000, 'USD', 10, 'deny'),
				  (@p, 2, ${lit(`${handle}-b`)}, ${lit(f('b1'))}, ${lit(f('b2'))}, 1200, 'USD', 10, 'deny');
				INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
				  SELECT id, @p, 1000, 'approved', 1, UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(account.handle)};
				SELECT @p;`);
			const { res, id } = await publish(client, { caption: 'Option round', tags: [[Number(productId), 0, 2]] });
			assert.equal(res.status, 303, `publishing answered ${res.status}: ${res.body.slice(0, 300)}`);
			return id;
		},
		pages: (r, id) => [`/v/${id}`],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});
