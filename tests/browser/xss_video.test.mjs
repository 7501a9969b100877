// xss_video.test.mjs: the XSS corpus through a shoppable video's hotspot labels (five tags, each
// with a hotspot, 60 characters a label) and its caption: each round is a video published through
// the studio, then its page (the labels on the player's dots and the cards) and the owner's editor
// (the labels as field values) are opened in Chromium with the hooks of lib/xss.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creatorWithPicks, publish } from '../http/lib/video.mjs';
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
