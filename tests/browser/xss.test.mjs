// xss.test.mjs: 500+ XSS payloads written through a creator's profile form (bio, display name, link
// labels), then the storefront that shows them opened in Chromium with dialog, console and page-error
// hooks: not one payload may run; the same for a collection's title and description. The other
// fields are in xss_fields.test.mjs; the corpus and the machinery in lib/xss.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, csrfOf, newAccount } from '../http/lib/http.mjs';
import { PAYLOADS, useXssChromium, xssThrough } from './lib/xss.mjs';

useXssChromium();

test(`${PAYLOADS.length} XSS payloads in a creator's bio, name and link labels never run on the storefront`, async () => {
	assert.ok(PAYLOADS.length >= 500);
	const c = new Client();
	const creator = await newAccount(c, 'creator');
	const boxes = { display_name: [70], link_label_1: [40], link_label_2: [40], link_label_3: [40], link_label_4: [40],
		link_label_5: [40], bio: [1990, '\n'] };
	const ran = await xssThrough({
		boxes,
		save: async (r) => {
			const form = await c.get('/studio/creator/profile');
			assert.equal(form.status, 200);
			const fields = { csrf: csrfOf(form.body), display_name: 'x', bio: '', avatar_url: '', ...r.fields };
			for (let i = 1; i <= 5; i++)
				if (fields[`link_label_${i}`])
					fields[`link_url_${i}`] = `https://example.com/${i}`;
			const saved = await c.post('/studio/creator/profile', fields);
			assert.equal(saved.status, 303, `profile save answered ${saved.status}: ${saved.body.slice(0, 300)}`);
		},
		pages: () => [`/@${creator.handle}`],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});

test(`${PAYLOADS.length} XSS payloads in a collection's title and description never run on its public page`, async () => {
	const c = new Client();
	const creator = await newAccount(c, 'creator');
	const created = await c.submit('/studio/creator/collections', { title: 'XSS shelf', description: '' });
	assert.equal(created.status, 303);
	const edit = created.headers.location;
	const ran = await xssThrough({
		boxes: { title: [110], description: [1990, '\n'] },
		save: async (r) => {
			const saved = await c.submit(edit, { title: 'XSS shelf', description: '', ...r.fields, published: '1' });
			assert.equal(saved.status, 303, `collection save answered ${saved.status}: ${saved.body.slice(0, 300)}`);
		},
		pages: () => [`/@${creator.handle}/xss-shelf`],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});
