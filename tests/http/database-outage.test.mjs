// database-outage.test.mjs: with MariaDB stopped, database pages say 503 with Retry-After, the health check
// still answers, and pages come back by themselves once MariaDB is started again.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Client, ROOT, VAR } from './lib/http.mjs';
import { holdExclusive } from './lib/dblock.mjs';
import { everyWorkerBack } from './lib/outage.mjs';
import { until } from './lib/eventually.mjs';

const run = promisify(execFile);

async function db(command) {
	await run('scripts/db.sh', [command], { cwd: ROOT, env: { ...process.env, VAR }, timeout: 90_000 });
}

// Polls GET path until it answers `status` or `ms` pass; returns the last response.
function waitFor(path, status, ms) {
	return until(() => new Client().get(path).catch((e) => ({ status: 0, error: e, headers: {}, body: '' })), (res) => res.status === status,
		{ timeout: ms, interval: 200 });
}

describe('while MariaDB is stopped', () => {
	let release;

	before(async () => {
		// Other test files must not see the outage, and it must not start under their feet.
		release = await holdExclusive();
		const healthy = await waitFor('/@lena', 200, 10_000);
		if (healthy.status !== 200)
			throw new Error(`the stack is not healthy before the outage: GET /@lena answered ${healthy.status}`);
		await db('stop');
	});

	after(async () => {
		try {
			await db('start');
			await waitFor('/@lena', 200, 20_000);
			await everyWorkerBack();
		} finally {
			release?.();
		}
	});

	test('a storefront answers 503 with Retry-After and an HTML page', async () => {
		// Each worker may serve a cached read for up to a second after the database goes.
		const res = await waitFor('/@lena', 503, 5_000);
		assert.equal(res.status, 503);
		assert.match(res.headers['retry-after'] ?? '', /^\d+$/);
		assert.match(res.headers['content-type'], /^text\/html; charset=utf-8$/);
		assert.match(res.body, /^<!doctype html>/);
		assert.match(res.body, /<span class="status">503<\/span> Service Unavailable/);
		assert.match(res.body, /The shop is catching its breath\. Please try again in a moment\./);
		assert.equal(res.headers['x-content-type-options'], 'nosniff', 'the page comes from the program, with its headers');
	});

	test('a page never seen before (nothing cached) answers 503 at once', async () => {
		const res = await new Client().get('/@nobody_cached_here');
		assert.equal(res.status, 503);
		assert.match(res.headers['retry-after'] ?? '', /^\d+$/);
	});

	test('the studio log-in page answers 503 with Retry-After', async () => {
		const res = await new Client().get('/login');
		assert.equal(res.status, 503);
		assert.match(res.headers['retry-after'] ?? '', /^\d+$/);
		assert.match(res.body, /<span class="status">503<\/span>/);
	});

	test('/_ping still answers 200 "ok"', async () => {
		const res = await new Client().get('/_ping');
		assert.equal(res.status, 200);
		assert.equal(res.body.trim(), 'ok');
	});

	test('static files are still served', async () => {
		assert.equal((await new Client().get('/static/style.css')).status, 200);
	});

	test('once MariaDB is started again, /@lena answers 200 within 10 s', async () => {
		await db('start');
		const started = Date.now();
		const res = await waitFor('/@lena', 200, 10_000);
		assert.equal(res.status, 200, `still ${res.status} ${Date.now() - started} ms after MariaDB was up`);
		assert.match(res.body, /<h1>Lena Park<\/h1>/);
		assert.equal((await waitFor('/login', 200, 10_000)).status, 200, 'the studio reconnects too');
	});
});
