// asvs_sessions.test.mjs: a signed-in session asks for the password again after 30 minutes unused
// or 12 hours in all (ASVS 4.0.3 V3.3.2 at Level 2; config login_idle_seconds, login_max_seconds),
// while crowdcartctl purge deletes what the programs would refuse. Anonymous sessions (a cart, form
// tokens) keep their week-long limits: unit-tested in test_secure_headers.c.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { Client, ROOT, VAR, confValue, newAccount } from './lib/http.mjs';
import { lit, sql } from './lib/commerce.mjs';

const sessionsOf = (email) =>
	Number(sql(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ${lit(email)}`)[0][0]);

function limit(key, fallback) {
	try {
		const v = confValue(key);
		return v ? Number(v) : fallback;
	} catch {
		return fallback;
	}
}
const IDLE = limit('login_idle_seconds', 1800), MAX = limit('login_max_seconds', 12 * 3600);

function age(email, column, seconds) {
	sql(`UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.${column} = UTC_TIMESTAMP() - INTERVAL ${seconds} SECOND
		WHERE u.email = ${lit(email)}`);
}

test('the Level 2 defaults are in force on the stack under test', () => {
	assert.equal(IDLE, 1800);
	assert.equal(MAX, 12 * 3600);
});

test('a signed-in session unused for longer than 30 minutes is signed out, and its row deleted', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'creator');
	age(acct.email, 'last_seen_at', IDLE + 60);
	const res = await c.get('/studio');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=/studio');
	assert.equal(sessionsOf(acct.email), 0, 'the expired row is deleted when it is refused');
});

test('a signed-in session used a minute ago still works', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'creator');
	age(acct.email, 'last_seen_at', 60);
	assert.equal((await c.get('/studio')).status, 200);
});

test('a signed-in session older than 12 hours is signed out even while in use', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'brand');
	sql(`UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.created_at = UTC_TIMESTAMP() - INTERVAL ${MAX + 60} SECOND,
		s.last_seen_at = UTC_TIMESTAMP() WHERE u.email = ${lit(acct.email)}`);
	const res = await c.get('/studio');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=/studio');
	assert.equal((await c.login(acct.email, acct.password)).status, 303, 'signing in again gives a fresh session');
	assert.equal((await c.get('/studio')).status, 200);
});

test('crowdcartctl purge deletes signed-in sessions idle past 30 minutes and leaves live ones', async () => {
	const stale = new Client(), live = new Client();
	const acct = await newAccount(stale, 'shopper');
	age(acct.email, 'last_seen_at', IDLE + 60);
	assert.equal((await live.login(acct.email, acct.password)).status, 303);
	assert.equal(sessionsOf(acct.email), 2);
	execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'purge']);
	assert.equal(sessionsOf(acct.email), 1, 'the idle signed-in session is purged, the live one stays');
	assert.equal((await live.get('/studio')).status, 200);
});
