// eventually.mjs: wait for a condition, not for time: retries a check until it holds or a deadline passes.
// What the suites wait on is mostly the shop's per-worker cache (cache_ttl_ms = 1000): a write is
// seen by every worker within a second, by some at once. A fixed sleep waits the whole second every
// time, and on a loaded machine it may still be too short; a retried check is done as soon as the
// page shows the change, and tells what it last saw when it never does.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

// Calls fn() until it neither throws nor returns false, and returns what it returned. After
// `timeout` ms it throws the last error (an assertion's own, with its diff), its message saying
// how long it was retried. Keep fn free of side effects that must happen once, or make each try
// stand on its own (a fresh visitor, a fresh email).
export async function eventually(fn, { timeout = 5000, interval = 50, message } = {}) {
	const start = Date.now();
	for (let tries = 1; ; tries++) {
		let error;
		try {
			const v = await fn();
			if (v !== false)
				return v;
			error = new assert.AssertionError({ message: 'the condition is still false', actual: false, expected: true,
				operator: 'eventually' });
		} catch (e) {
			error = e;
		}
		const waited = Date.now() - start;
		if (waited + interval > timeout) {
			if (error instanceof Error)
				error.message = `${message ? `${message}: ` : ''}${error.message}\n(still failing after ${tries} tries in ${waited} ms)`;
			throw error;
		}
		await sleep(interval);
	}
}

// eventually() for a caller that asserts on the value itself: fetches until ok(value) holds and
// returns the last value fetched, held or not, so that the caller's own assertion reports it.
export async function until(fetch, ok, options) {
	let value;
	try {
		return await eventually(async () => (ok(value = await fetch()) ? value : false), options);
	} catch (e) {
		if (!(e instanceof assert.AssertionError))
			throw e;
		return value;
	}
}

// Counters a worker holds (visits, views, clicks, adds) reach the database within about two
// seconds: at most once a second, after a request or a second without one (web/worker.c). Reads
// read() until it is at least `want`; returns the last value. 20 s: the worker holding a count may
// be inside one slow request meanwhile (a payment provider answering after the shop's 10 s
// timeout, in another file): a run waited 8 s for 3 and read 2.
export function counted(read, want, { timeout = 20000, interval = 200 } = {}) {
	return until(read, (n) => n >= want, { timeout, interval });
}
