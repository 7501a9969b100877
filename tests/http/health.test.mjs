// health.test.mjs: /_health of every program says 200 "ok" while the database answers, the migrations are
// current and no queue is stuck, and 503 with the reason when not: a migration recorded that this build does
// not ship, a lead webhook due for longer than health_queue_minutes, MariaDB stopped (then 200 again by itself
// once it is back).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Client, ROOT, VAR, confValue, uniqueEmail } from './lib/http.mjs';
import { holdExclusive } from './lib/dblock.mjs';
import { everyWorkerBack } from './lib/outage.mjs';
import { until } from './lib/eventually.mjs';
import { answers, brandWithForm, lit, sql, submitLead } from './lib/leads.mjs';

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
	let release, lead;

	before(async () => {
		const form = await brandWithForm();
		const email = uniqueEmail('health');
		if ((await submitLead(form.slug, answers(email))).status !== 200)
			throw new Error('the lead for the stuck webhook could not be made');
		lead = sql(`SELECT id, brand_id FROM leads WHERE email = ${lit(email)}`)[0];
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
			await everyWorkerBack();
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

	test('a lead webhook due for longer than health_queue_minutes: 503 "webhooks: stuck"', async () => {
		const minutes = Number(confValue('health_queue_minutes'));
		const [[id]] = sql(`INSERT INTO webhook_deliveries (brand_id, lead_id, event, payload, status, next_attempt_at, created_at)
			VALUES (${lead[1]}, ${lead[0]}, 'lead.created', '{}', 'pending', UTC_TIMESTAMP() - INTERVAL ${minutes + 5} MINUTE,
			UTC_TIMESTAMP() - INTERVAL ${minutes + 5} MINUTE); SELECT LAST_INSERT_ID()`);
		try {
			for (const path of PATHS) {
				const res = await new Client().get(path);
				assert.equal(res.status, 503, path);
				assert.match(res.body, new RegExp(`^webhooks: stuck \\(\\d+ pending, the oldest due ${minutes + 5} min ago, over ${minutes}: is crowdcartctl worker running\\?\\)$`, 'm'));
				assert.match(res.body, /^fail\ndatabase: ok\nmigrations: ok/);
			}
		} finally {
			sql(`DELETE FROM webhook_deliveries WHERE id = ${id}`);
		}
		assert.equal((await new Client().get('/_health')).status, 200, 'ok again once the queue moves');
	});

	test('a program not granted what it reads: 503, the database ok but the migrations unread', async () => {
		sql("REVOKE SELECT (name) ON crowdcart.schema_migrations FROM 'cc_shop'@'127.0.0.1'");
		try {
			const res = await new Client().get('/_health');
			assert.equal(res.status, 503);
			assert.match(res.body, /^fail\ndatabase: ok\nmigrations: could not be read\n/);
		} finally {
			sql("GRANT SELECT (name) ON crowdcart.schema_migrations TO 'cc_shop'@'127.0.0.1'");
		}
		assert.equal((await new Client().get('/_health')).status, 200, 'ok again with the grant');
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
