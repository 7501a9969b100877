// metrics.test.mjs: /_metrics of every program speaks the Prometheus text format, its counters move with
// the requests any worker serves, and it is refused to an address outside metrics_allow.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, confValue } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';

// The test stack lets only 127.0.0.1 read the metrics (scripts/db.sh); other clients come from
// elsewhere in 127/8.
const operator = () => new Client({ address: '127.0.0.1' });

// The value of one series, 0 when it is not there yet (a counter is shown once it moved).
function sample(text, name, labels) {
	const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
	for (const line of text.split('\n')) {
		if (!line.startsWith(`${name}{`))
			continue;
		const body = line.slice(name.length + 1, line.lastIndexOf('} '));
		const have = body.split(/,(?=[a-z_]+=")/);
		if (want.every((w) => have.includes(w)))
			return Number(line.slice(line.lastIndexOf(' ') + 1));
	}
	return 0;
}

async function metrics(path = '/_metrics') {
	const res = await operator().get(path);
	assert.equal(res.status, 200, res.body);
	return res;
}

describe('/_metrics', () => {
	test('the test stack allows 127.0.0.1 only', () => {
		assert.equal(confValue('metrics_allow'), '127.0.0.1, ::1');
	});

	test('is Prometheus text format 0.0.4, never cached', async () => {
		const res = await metrics();
		assert.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
		assert.match(res.headers['cache-control'], /no-store/);
		for (const family of ['crowdcart_http_requests_total counter', 'crowdcart_http_request_duration_seconds histogram',
			'crowdcart_db_errors_total counter', 'crowdcart_db_retries_total counter', 'crowdcart_cache_requests_total counter',
			'crowdcart_worker_restarts_total counter', 'crowdcart_queue_depth gauge', 'crowdcart_up gauge'])
			assert.match(res.body, new RegExp(`^# TYPE ${family}$`, 'm'));
		// Every sample line is "name{labels} number".
		for (const line of res.body.split('\n').filter((l) => l && !l.startsWith('#')))
			assert.match(line, /^[a-z_]+\{[a-z_]+="[^"\n]*"(,[a-z_]+="[^"\n]*")*\} [0-9.e+-]+$/, line);
		assert.equal(sample(res.body, 'crowdcart_up', { program: 'shop' }), 1);
		assert.equal(sample(res.body, 'crowdcart_queue_depth', { program: 'shop', queue: 'outbox' }) >= 0, true);
	});

	test('request counts and latency move with requests, summed over the workers', async () => {
		const labels = { program: 'shop', method: 'GET', route: '/@{handle}', status: '200' };
		const before = sample((await metrics()).body, 'crowdcart_http_requests_total', labels);
		const count0 = sample((await metrics()).body, 'crowdcart_http_request_duration_seconds_count',
			{ program: 'shop', route: '/@{handle}' });
		// Several at once, so more than one worker serves them.
		const answers = await Promise.all(Array.from({ length: 6 }, () => new Client().get('/@lena')));
		assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200, 200]);
		await eventually(async () => {
			const text = (await metrics()).body;
			assert.ok(sample(text, 'crowdcart_http_requests_total', labels) >= before + 6, 'six more storefront views');
			const count = sample(text, 'crowdcart_http_request_duration_seconds_count', { program: 'shop', route: '/@{handle}' });
			assert.ok(count >= count0 + 6);
			assert.equal(sample(text, 'crowdcart_http_request_duration_seconds_bucket',
				{ program: 'shop', route: '/@{handle}', le: '+Inf' }), count, 'the +Inf bucket holds every request');
		});
	});

	test('a 404 is counted under route "none"', async () => {
		const labels = { program: 'shop', route: 'none', status: '404' };
		const before = sample((await metrics()).body, 'crowdcart_http_requests_total', labels);
		assert.equal((await new Client().get('/no/such/page/here')).status, 404);
		await eventually(async () =>
			assert.ok(sample((await metrics()).body, 'crowdcart_http_requests_total', labels) >= before + 1));
	});

	test('the storefront cache is counted: hits once a page is kept', async () => {
		await new Client().get('/@lena');
		await Promise.all(Array.from({ length: 4 }, () => new Client().get('/@lena')));
		const text = (await metrics()).body;
		const hits = sample(text, 'crowdcart_cache_requests_total', { program: 'shop', cache: 'dbcache', result: 'hit' }) +
			sample(text, 'crowdcart_cache_requests_total', { program: 'shop', cache: 'page', result: 'hit' });
		assert.ok(hits > 0, 'some read or page came from a worker\'s cache');
	});

	test('the studio and the API answer their own', async () => {
		await new Client().get('/login');
		const studio = (await metrics('/studio/_metrics')).body;
		assert.ok(sample(studio, 'crowdcart_http_requests_total', { program: 'studio', route: '/login', status: '200' }) >= 1);
		const api = (await metrics('/api/_metrics')).body;
		assert.match(api, /^crowdcart_up\{program="api"\} 1$/m);
	});

	test('refused (403) from an address outside metrics_allow, in every program', async () => {
		for (const path of ['/_metrics', '/studio/_metrics', '/api/_metrics']) {
			const res = await new Client({ address: '127.0.0.2' }).get(path);
			assert.equal(res.status, 403, path);
			assert.doesNotMatch(res.body, /crowdcart_/);
		}
	});
});
