// xss_live.test.mjs: the XSS corpus through live shopping's viewer fields (question text and the
// display name bound to the viewer's session): each round is a live session with five viewers
// asking, then the viewer page (server-rendered, then updated by live.js from the events JSON) and
// the creator's control panel are opened in Chromium with the hooks of lib/xss.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ask, goLive, liveSession, viewer } from '../http/lib/live.mjs';
import { PAYLOADS, useXssChromium, xssThrough } from './lib/xss.mjs';

useXssChromium();

const ASKERS = 5;

test(`${PAYLOADS.length} XSS payloads as live questions and viewer names never run on the live page or the control panel`, async () => {
	const boxes = {};
	for (let i = 0; i < ASKERS; i++) {
		boxes[`q${i}`] = [280, ' '];
		boxes[`n${i}`] = [60];
	}
	const { creator } = await liveSession();
	const ran = await xssThrough({
		client: creator,
		boxes,
		save: async (r) => {
			const { id } = await liveSession();
			assert.equal((await goLive(creator, id)).status, 303, 'the session goes live');
			for (let i = 0; i < ASKERS; i++) {
				if (!r.fields[`q${i}`] && !r.fields[`n${i}`])
					continue;
				const v = await viewer(id);
				const res = await ask(v, id, r.fields[`q${i}`] ?? 'A question', r.fields[`n${i}`]);
				assert.equal(res.status, 303, `asking answered ${res.status}: ${res.body.slice(0, 300)}`);
			}
			return id;
		},
		pages: (r, id) => [`/live/${id}`, `/studio/live/${id}`],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});
