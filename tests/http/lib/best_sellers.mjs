// best_sellers.mjs: fixtures for the best-sellers suite: the refresh lease of the stack under test
// (held off, made due and waited for, as an operator could), a window length no showcase uses
// yet, and a root session holding tables locked so that a test can tell which statements read them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { eventually } from './eventually.mjs';
import { Client } from './http.mjs';
import { lit, socketPath, sql } from './fulfilment.mjs';
import { sleep } from './showcases.mjs';

const LEASE = "name = 'best_sellers'";

// The lease row: claims won so far, the last claim's time, and whether it is due.
export function lease() {
	const [[claims, claimedAt, due]] = sql(`SELECT claims, claimed_at, next_at <= UTC_TIMESTAMP()
		FROM refresh_leases WHERE ${LEASE}`);
	return { claims: Number(claims), claimedAt, due: due === '1' };
}

// No periodic recount until the lease is made due again; with early: true a window that is not
// counted yet may still bring one (its last claim is made long ago), else not even that.
export function holdLease({ early = false } = {}) {
	sql(`UPDATE refresh_leases SET next_at = UTC_TIMESTAMP() + INTERVAL 1 YEAR,
		claimed_at = ${early ? "'2000-01-01 00:00:00'" : 'UTC_TIMESTAMP(6) + INTERVAL 1 YEAR'} WHERE ${LEASE}`);
}

// Back to normal: due now, so the next look of any worker recounts.
export function releaseLease() {
	sql(`UPDATE refresh_leases SET next_at = UTC_TIMESTAMP(), claimed_at = UTC_TIMESTAMP(6) WHERE ${LEASE}`);
}

// Whether every window in `days` was counted at or after `since` (a claimed_at).
export function countedSince(days, since) {
	const [[n]] = sql(`SELECT COUNT(*) FROM sales_windows WHERE days IN (${days.join(',')})
		AND refreshed_at >= ${lit(since)}`);
	return Number(n) === days.length;
}

// Makes the lease due and sends shop requests (whose after hook looks at the lease) until a worker
// has won it and recounted every window in `days`. Returns the lease as the recount left it. A
// worker's cache (1 s) may still show an evaluation older than the recount: callers wait until
// the page shows what they expect (eventually), or ask with rules no worker has cached.
export async function refreshNow(days, { timeoutMs = 20000 } = {}) {
	const before = lease().claims;
	sql(`UPDATE refresh_leases SET next_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE ${LEASE}`);
	const c = new Client();
	return eventually(async () => {
		await Promise.all([c.get('/_ping'), c.get('/_ping'), c.get('/_ping')]);
		const l = lease();
		assert.ok(l.claims > before && countedSince(days, l.claimedAt), `a recount of windows ${days} (lease: ${JSON.stringify(l)})`);
		return l;
	}, { timeout: timeoutMs, interval: 100 });
}

// Polls the lease until it has been won more than `claims` times, sending a /_ping between polls:
// a worker that asked for the lease less than the early gap ago acts on a shown window after a
// later request. Returns the lease as first seen so, or null after timeoutMs.
export async function waitClaim(claims, timeoutMs = 10000) {
	const ping = new Client();
	for (const end = Date.now() + timeoutMs; Date.now() < end; await ping.get('/_ping')) {
		const l = lease();
		if (l.claims > claims)
			return l;
	}
	return null;
}

// Waits (without sending requests) until window `days` has been counted; false after timeoutMs.
export async function waitCounted(days, timeoutMs = 10000) {
	for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(50))
		if (countedSince([days], '2000-01-01'))
			return true;
	return false;
}

// A best_sellers_days value (100..365) that no showcase uses and no count exists for.
export function freshDays() {
	const [[d]] = sql(`SELECT seq FROM seq_100_to_365 WHERE seq NOT IN (SELECT days FROM sales_windows)
		AND seq NOT IN (SELECT best_sellers_days FROM showcases WHERE best_sellers_days IS NOT NULL)
		ORDER BY RAND() LIMIT 1`);
	return Number(d);
}

// Sessions of `user` waiting for a lock on `table`, as the server lists them.
export function waitingOn(user, table) {
	const [[n]] = sql(`SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ${lit(user)}
		AND STATE LIKE 'Waiting for table metadata lock%' AND INFO LIKE ${lit(`%${table}%`)}`);
	return Number(n);
}

// A root session that holds `tables` write-locked: every statement naming one of them waits until
// the returned function unlocks them; a statement that never names them does not wait. (A test
// device on the single test server only: the application never locks tables, see SCALING.md.)
export async function lockTables(tables) {
	const p = spawn('mariadb', ['--no-defaults', `--socket=${socketPath()}`, '--unbuffered', '--batch',
		'--skip-column-names', 'crowdcart'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const exited = new Promise((resolve) => p.on('exit', resolve));
	p.stdin.write(`LOCK TABLES ${tables.map((t) => `${t} WRITE`).join(', ')};\nSELECT 'locked';\n`);
	await new Promise((resolve, reject) => {
		p.stdout.on('data', (d) => String(d).includes('locked') && resolve());
		exited.then((code) => reject(new Error(`the locking session exited (${code}) before locking`)));
	});
	const guard = setTimeout(() => p.kill(), 30000);	// never hold the stack up for long
	return async () => {
		clearTimeout(guard);
		p.stdin.end('UNLOCK TABLES;\n');
		await exited;
	};
}
