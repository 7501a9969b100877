// disk-full.test.mjs: MariaDB's datadir moved onto a small tmpfs that is then filled: writes answer 503
// (InnoDB's "table is full"), nothing is half-written, reads go on, and writes work again once space is
// freed. Needs root (mount); run by make faults (tests/faults/run.sh), not make test: it stops and
// restarts MariaDB twice and copies its datadir both ways.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, ROOT, VAR, uniqueEmail } from '../http/lib/http.mjs';
import { holdExclusive } from '../http/lib/dblock.mjs';
import { brandWithForm, lit, sql, submitLead } from '../http/lib/leads.mjs';

const DATADIR = path.join(VAR, 'db');
const DISK = `${DATADIR}.disk`;
const FILLER = path.join(DATADIR, 'filler');
const sh = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, env: { ...process.env, VAR }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const db = (command) => sh('scripts/db.sh', [command]);

// Polls GET path until it answers `status` or `ms` pass.
async function waitFor(p, status, ms) {
	const end = Date.now() + ms;
	for (;;) {
		const res = await new Client().get(p).catch(() => ({ status: 0 }));
		if (res.status === status || Date.now() > end)
			return res;
		await new Promise((r) => setTimeout(r, 200));
	}
}

let form;
let release;
before(async () => {
	form = await brandWithForm({ fields: [{ type: 'longtext', label: 'Story' }, { type: 'email', label: 'Email', required: 'yes' }] });
	release = await holdExclusive();
	db('stop');
	// The datadir moves to a tmpfs with 16 MiB to spare; copied without holes, so that only growth
	// (InnoDB extending a tablespace) can meet the full disk, never a write into an existing file.
	const used = Number(sh('du', ['-sm', '--apparent-size', DATADIR]).split('\t')[0]);
	sh('mv', [DATADIR, DISK]);
	mkdirSync(DATADIR);
	sh('mount', ['-t', 'tmpfs', '-o', `size=${used + 16}m`, 'tmpfs', DATADIR]);
	sh('cp', ['-a', '--sparse=never', `${DISK}/.`, `${DATADIR}/`]);
	db('start');
	assert.equal((await waitFor('/@lena', 200, 20_000)).status, 200, 'the site is up on the tmpfs datadir');
});

after(async () => {
	try {
		rmSync(FILLER, { force: true });
		db('stop');
		// What happened on the tmpfs is the database now; back to the disk with it.
		rmSync(DISK, { recursive: true, force: true });
		sh('cp', ['-a', DATADIR, DISK]);
		sh('umount', [DATADIR]);
		rmSync(DATADIR, { recursive: true, force: true });
		sh('mv', [DISK, DATADIR]);
		db('start');
	} finally {
		if (existsSync(DISK) && !existsSync(path.join(DATADIR, 'mysql')))
			console.log(`# disk-full: the datadir is left in ${DISK}`);
		release?.();
	}
});

test('a full disk: writes answer 503, nothing half-written, reads go on, and writes work again once space is freed', async () => {
	// Fill what is left of the tmpfs; dd stops at "No space left on device".
	try {
		sh('dd', ['if=/dev/zero', `of=${FILLER}`, 'bs=1M']);
	} catch { /* ENOSPC is the point */ }
	const story = 'x'.repeat(4900);
	const statuses = {}, acknowledged = [];
	let full = null;
	for (let i = 0; i < 3000 && !full; i++) {
		const email = uniqueEmail('full');
		const res = await submitLead(form.slug, { q1: story, q2: email, consent: 'yes' });
		statuses[res.status] = (statuses[res.status] ?? 0) + 1;
		if (res.status === 200)
			acknowledged.push(email);
		else
			full = res;
	}
	console.log(`# disk-full: ${JSON.stringify(statuses)} before the first refusal`);
	assert.ok(full, 'the disk filled up');
	assert.equal(full.status, 503, `a write on a full disk answers 503, not ${full.status}`);
	assert.match(full.headers['retry-after'] ?? '', /^\d+$/);
	assert.equal((await new Client().get('/@lena')).status, 200, 'reads go on');

	// Nothing half-written: every lead of the form has its answers, and every acknowledged one is there.
	const rows = sql(`SELECT l.email, COUNT(a.lead_id) FROM leads l LEFT JOIN lead_answers a ON a.lead_id = l.id
		WHERE l.form_id = ${+form.id} GROUP BY l.id, l.email`);
	assert.ok(rows.every(([, n]) => Number(n) > 0), 'no lead without its answers');
	const stored = new Set(rows.map(([e]) => e));
	assert.ok(acknowledged.every((e) => stored.has(e)), 'every acknowledged lead is stored');

	rmSync(FILLER, { force: true });
	const email = uniqueEmail('freed');
	let again;
	for (let i = 0; i < 20; i++) {
		again = await submitLead(form.slug, { q1: story, q2: email, consent: 'yes' });
		if (again.status === 200)
			break;
		await new Promise((r) => setTimeout(r, 250));
	}
	assert.equal(again.status, 200, 'a write succeeds once space is freed');
	assert.equal(sql(`SELECT COUNT(*) FROM leads WHERE form_id = ${+form.id} AND email = ${lit(email)}`)[0][0], '1');
});
