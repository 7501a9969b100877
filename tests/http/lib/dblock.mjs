// dblock.mjs: node --test runs test files in parallel, and database-outage.test.mjs stops MariaDB. So every
// test process holds the database shared (taken automatically when it imports lib/http.mjs, dropped when
// it exits), and the outage test takes it exclusively: it waits for running files to finish, and files
// starting meanwhile wait at import until MariaDB is back.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VAR } from './env.mjs';

const DIR = path.join(VAR, 'run', 'http-tests-db-lock');
const EXCLUSIVE = path.join(DIR, 'outage');
const MINE = path.join(DIR, `user-${process.pid}`);
const WAIT_MS = 180_000;

let shared = false;

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

// The pid named by a lock file if that process still runs; a stale file (its process died) is removed.
function holder(file) {
	let pid;
	try {
		pid = Number(fs.readFileSync(file, 'utf8'));
	} catch {
		return 0;
	}
	if (pid && alive(pid))
		return pid;
	fs.rmSync(file, { force: true });
	return 0;
}

function deadline(what) {
	const end = Date.now() + WAIT_MS;
	return () => {
		if (Date.now() > end)
			throw new Error(`waited ${WAIT_MS / 1000} s for ${what} (lock files in ${DIR})`);
	};
}

function dropShared() {
	fs.rmSync(MINE, { force: true });
	shared = false;
}

// Registers this process as a database user, first waiting out an outage test. Idempotent.
export async function holdShared() {
	if (shared)
		return;
	fs.mkdirSync(DIR, { recursive: true });
	const check = deadline('the outage test to finish');
	for (;;) {
		check();
		if (!holder(EXCLUSIVE)) {
			fs.writeFileSync(MINE, String(process.pid));
			if (!holder(EXCLUSIVE)) {	// it may have arrived between the check and the write
				shared = true;
				process.once('exit', dropShared);
				return;
			}
			fs.rmSync(MINE, { force: true });
		}
		await sleep(100);
	}
}

// Takes the database for this process alone and returns the function that gives it back. This
// process's own shared hold is dropped first, so two exclusive takers cannot wait on each other.
export async function holdExclusive() {
	dropShared();
	fs.mkdirSync(DIR, { recursive: true });
	const check = deadline('the database lock');
	for (;;) {
		check();
		try {
			fs.writeFileSync(EXCLUSIVE, String(process.pid), { flag: 'wx' });
			break;
		} catch (e) {
			if (e.code !== 'EEXIST')
				throw e;
			holder(EXCLUSIVE);
			await sleep(100);
		}
	}
	// Only the holder removes the lock: an exit hook running after an earlier release must not
	// take away a later holder's lock.
	const release = () => {
		if (holder(EXCLUSIVE) === process.pid)
			fs.rmSync(EXCLUSIVE, { force: true });
	};
	process.once('exit', release);
	try {
		for (;;) {
			check();
			const users = fs.readdirSync(DIR).filter((f) => f.startsWith('user-') && holder(path.join(DIR, f)));
			if (users.length === 0)
				return release;
			await sleep(100);
		}
	} catch (e) {
		release();
		throw e;
	}
}

// Kept for the files that call it: the shared hold is already taken when lib/http.mjs is imported.
export function usesDatabase() {
	return holdShared();
}
