// edge_cache.test.mjs: Apache's mod_cache in front of the shop (apache/cache.conf.in, served by
// the Apache stacks on APACHE_PORT + 2): a cookieless storefront is answered from the edge's
// copy, a visitor with a session never gets that copy, and a creator's edit shows within the
// page's s-maxage (60 s).
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { BASE_URL, SERVER } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { newCreator } from './lib/creators.mjs';

const skip = SERVER !== 'apache' && 'the edge cache is an Apache configuration (mod_cache); lighttpd has none (docs/OPERATING.md)';
const EDGE_PORT = Number(process.env.EDGE_PORT ?? Number(new URL(BASE_URL).port) + 2);

// One request to the edge, on a fresh connection.
function edge(path, headers = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: EDGE_PORT, path, headers, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.setTimeout(15000, () => req.destroy(new Error(`GET ${path}: no answer in 15 s`)));
		req.on('error', reject);
		req.end();
	});
}

test('a cookieless storefront is served from the edge, and a creator\'s edit shows within its s-maxage', { skip, timeout: 120_000 }, async () => {
	const { client, account } = await newCreator();
	const path = `/@${account.handle}`;
	const first = await edge(path);
	assert.equal(first.status, 200, first.body.slice(0, 300));
	assert.equal(first.headers['cache-control'], 'public, max-age=0, s-maxage=60');
	const kept = await eventually(async () => {
		const res = await edge(path);
		assert.equal(res.headers['x-cache']?.split(' ')[0], 'HIT', `X-Cache: ${res.headers['x-cache']}`);
		return res;
	}, { timeout: 5000, message: 'the second read comes from the edge' });
	assert.ok(Number(kept.headers.age) >= 0, 'a kept copy says its Age');
	assert.equal(kept.body, first.body);

	// With a session the visitor is the shop's, never the edge copy's.
	const session = await edge(path, { cookie: `cc_session=${'A'.repeat(43)}` });
	assert.notEqual(session.headers['x-cache']?.split(' ')[0], 'HIT', 'a request with a cookie is not answered from the cookieless copy');

	const bio = `Edited at ${Date.now()}`;
	const saved = await client.submit('/studio/creator/profile', { display_name: account.display_name, bio, avatar_url: '' });
	assert.equal(saved.status, 303, saved.body.slice(0, 300));
	const start = Date.now();
	const fresh = await eventually(async () => {
		const res = await edge(path);
		assert.ok(res.body.includes(bio), 'the edge shows the edit');
		return res;
	}, { timeout: 75_000, interval: 1000, message: 'the edit shows at the edge within s-maxage' });
	assert.ok(Date.now() - start <= 65_000, `shown after ${Date.now() - start} ms`);
	assert.equal(fresh.status, 200);
});
