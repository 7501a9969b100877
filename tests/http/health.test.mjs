// health.test.mjs: /_health of every program says 200 "ok" while the database answers and the migrations are
// current, and 503 with the reason when they are not: a migration recorded that this build does not ship, and
// MariaDB stopped (then 200 again by itself once it is back).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Client, ROOT, VAR } from './lib/http.mjs';
import { holdExclusive } from './lib/dblock.mjs';
import { until } from './lib/eventually.mjs';

const run = promisify(execFile);
const PATHS = ['/_health', '/studio/_health', '/api/_health'];

async function db(command, ...args) {
	return run('scripts/db.sh', [command, ...args], { cwd: ROOT, env: { ...process.env, VAR }, timeout: 90_000 });
}

function waitFor(path, status, ms) {
	return until(() => new Client().get(path).catch((e) => ({ status: 0, error: e, headers: {}, body: '' })),
		(res) => res.status === status, { timeout: ms, interval: 200 });
}

describe('/_health', () => {
	test('answers 200 "ok" as plain text, never cached, in every program', async () => {
		for (const path of PATHS) {
			const res = await new Client().get(path);
			assert.equal(res.status, 200, `${path}: ${res.body}`);
			assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
			assert.match(res.headers['cache-control'], /no-store/);
			assert.match(res.body, /^ok\ndatabase: ok\nmigrations: ok \(\d+ applied, last \d{4}_[a-z0-9_]+\.sql\)\n/);
			assert.match(res.body, /^outbox: ok /m);
			assert.match(res.body, /^webhooks: ok /m);
		}
	});

	test('a HEAD is answered alike, without a body', async () => {
		const res = await new Client().request('HEAD', '/_health');
		assert.equal(res.status, 200);
		assert.equal(res.body, '');
	});
});

describe('/_health when something is wrong', () => {
	let release;

	before(async () => {
		// Stopping MariaDB must not hit other test files (lib/dblock.mjs).
		release = await holdExclusive();
		const healthy = await waitFor('/_health', 200, 10_000);
		if (healthy.status !== 200)
			throw new Error(`not healthy before the test: ${healthy.status} ${healthy.body}`);
	});

	after(async () => {
		try {
			await db('start');
			await db('client', '-e', "DELETE FROM schema_migrations WHERE name = '9999_from_a_newer_build.sql'");
			await waitFor('/_health', 200, 20_000);
		} finally {
			release?.();
		}
	});

	test('a migration this build does not ship: 503, saying which', async () => {
		await db('client', '-e',
			"INSERT IGNORE INTO schema_migrations (name, applied_at) VALUES ('9999_from_a_newer_build.sql', UTC_TIMESTAMP())");
		for (const path of PATHS) {
			const res = await new Client().get(path);
			assert.equal(res.status, 503, path);
			assert.match(res.body, /^fail\ndatabase: ok\nmigrations: not current \(.*last 9999_from_a_newer_build\.sql; the programs expect \d{4}_/m);
		}
		await db('client', '-e', "DELETE FROM schema_migrations WHERE name = '9999_from_a_newer_build.sql'");
		assert.equal((await new Client().get('/_health')).status, 200);
	});

	test('MariaDB stopped: 503 "database: unreachable" with Retry-After; 200 once it is back', async () => {
		await db('stop');
		for (const path of PATHS) {
			const res = await waitFor(path, 503, 5_000);
			assert.equal(res.status, 503, path);
			assert.equal(res.body, 'fail\ndatabase: unreachable\n');
			assert.match(res.headers['retry-after'] ?? '', /^\d+$/);
			assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
		}
		assert.equal((await new Client().get('/_ping')).status, 200, '/_ping still says the process is alive');
		await db('start');
		for (const path of PATHS)
			assert.equal((await waitFor(path, 200, 15_000)).status, 200, `${path} recovers by itself`);
	});
});
