// xss_live_session.test.mjs: the XSS corpus through the live session's new text: chat messages
// and chatters' names (viewers), and poll questions and options (the creator). Each round is a
// live session with five chatters and a poll; the viewer page (server-rendered, then updated by
// live.js from the events' JSON and "now") and the creator's control panel are opened in Chromium
// with the hooks of lib/xss.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goLive, liveSession, panel, viewer } from '../http/lib/live.mjs';
import { PAYLOADS, useXssChromium, xssThrough } from './lib/xss.mjs';

useXssChromium();

const CHATTERS = 5;

test(`${PAYLOADS.length} XSS payloads as chat messages, chatter names and poll options never run on the live page or the control panel`, async () => {
	const boxes = { question: [140], option1: [60], option2: [60], option3: [60], option4: [60] };
	for (let i = 0; i < CHATTERS; i++) {
		boxes[`c${i}`] = [200, ' '];
		boxes[`n${i}`] = [60];
	}
	const { creator } = await liveSession();
	const ran = await xssThrough({
		client: creator,
		boxes,
		save: async (r) => {
			const { id } = await liveSession();
			assert.equal((await goLive(creator, id)).status, 303, 'the session goes live');
			const f = r.fields;
			const poll = await panel(creator, id, 'polls', { question: f.question ?? 'Which one?', option1: f.option1 ?? 'One',
				option2: f.option2 ?? 'Two', option3: f.option3 ?? '', option4: f.option4 ?? '' });
			assert.equal(poll.status, 303, `the poll answered ${poll.status}`);
			for (let i = 0; i < CHATTERS; i++) {
				if (!f[`c${i}`] && !f[`n${i}`])
					continue;
				const v = await viewer(id);
				const res = await v.post(`/live/${id}/chat`, { csrf: v.csrfToken, text: f[`c${i}`] ?? 'Hello', name: f[`n${i}`] ?? 'Viewer' });
				assert.equal(res.status, 303, `chatting answered ${res.status}: ${res.body.slice(0, 300)}`);
			}
			return id;
		},
		pages: (r, id) => [`/live/${id}`, `/studio/live/${id}`],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});
