// catalog_import_sandbox.test.mjs: crowdcartctl import parses the file only in its confined child
// (no root, a seccomp filter) and writes what the child streams back; a child killed part-way
// through a large file fails the import with nothing written, and the run is recorded as failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newBrand } from './lib/catalog.mjs';
import { count, lit, sql } from './lib/catalog_import.mjs';
import { eventually } from './lib/eventually.mjs';
import { ROOT, VAR } from './lib/http.mjs';

// A Shopify export of n products, 3 variants each, as bench/gen-shopify.mjs writes them.
function shopifyCsv(n) {
	const rows = ['Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src'];
	for (let k = 1; k <= n; k++)
		for (const [s, size] of ['S', 'M', 'L'].entries())
			rows.push(s === 0 ? `p-${k},Product ${k},<p>Product <b>${k}</b></p>,Size,${size},P${k}-${size},${10 + s}.00,https://e.test/${k}.jpg`
				: `p-${k},,,,${size},P${k}-${size},${10 + s}.00,`);
	return rows.join('\n') + '\n';
}

// Runs crowdcartctl import without waiting: its process, and a promise of its exit and output.
function ctlImport(slug, file) {
	const child = spawn(path.join(ROOT, 'bin/crowdcartctl'),
		['--conf', path.join(VAR, 'crowdcart.conf'), 'import', '--brand', slug, '--format', 'shopify', file],
		{ stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '', err = '';
	child.stdout.on('data', (d) => { out += d; });
	child.stderr.on('data', (d) => { err += d; });
	const done = new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, out, err })));
	return { child, done };
}

function childrenOf(pid) {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		// a kernel without CONFIG_PROC_CHILDREN: every process's parent, the slow way
	}
	const kids = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name))
			continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			if (+stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === pid)
				kids.push(+name);
		} catch {
			// gone meanwhile
		}
	}
	return kids;
}

function status(pid) {
	return Object.fromEntries(readFileSync(`/proc/${pid}/status`, 'utf8').trim().split('\n')
		.map((l) => l.split(/:\s*/, 2)));
}

// Bytes of products the parent has received from its child so far: the size of its spool, an
// unlinked temporary file.
function spooled(pid) {
	let size = 0;
	for (const fd of readdirSync(`/proc/${pid}/fd`)) {
		try {
			if (readlinkSync(`/proc/${pid}/fd/${fd}`).endsWith('(deleted)'))
				size += statSync(`/proc/${pid}/fd/${fd}`).size;
		} catch {
			// closed meanwhile
		}
	}
	return size;
}

function runStatus(slug) {
	return sql(`SELECT r.status, r.products, r.created FROM import_runs r JOIN brands b ON b.id = r.brand_id
		WHERE b.slug = ${lit(slug)} ORDER BY r.id DESC LIMIT 1`)[0];
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-import-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('crowdcartctl import writes the products its parsing child streams back, in batches', async () => {
	const { slug } = await newBrand();
	const file = path.join(dir, 'small.csv');
	writeFileSync(file, shopifyCsv(450));	/* three batches of CAT_BATCH (200) */
	const res = await ctlImport(slug, file).done;
	assert.equal(res.status, 0, res.out + res.err);
	assert.match(res.out, /1350 rows, 450 products, 1350 variants, 450 images/);
	assert.match(res.out, /created 450, updated 0, unchanged 0, skipped 0/);
	assert.equal(count(slug, 'products'), 450);
	assert.equal(count(slug, 'variants'), 1350);
	assert.deepEqual(runStatus(slug), ['ok', '450', '450']);
	// Once more: the same file, nothing changes.
	const again = await ctlImport(slug, file).done;
	assert.match(again.out, /created 0, updated 0, unchanged 450/);
});

test('a parsing child killed part-way through a large file fails the import with nothing written', async () => {
	const { slug } = await newBrand();
	const file = path.join(dir, 'large.csv');
	writeFileSync(file, shopifyCsv(40000));
	const run = ctlImport(slug, file);
	// Once the parent has received some products, it is stopped: the child, still parsing,
	// fills the pipe and blocks there, mid-stream, and is killed.
	const kid = await eventually(() => {
		const kids = childrenOf(run.child.pid);
		assert.equal(kids.length, 1, 'the parsing child is running');
		assert.ok(spooled(run.child.pid) > 0, 'the parent has received products');
		return kids[0];
	}, { timeout: 20000, interval: 1 });
	process.kill(run.child.pid, 'SIGSTOP');
	try {
		const st = status(kid);
		assert.match(st.State, /^[RSD]/, 'the child is still parsing and sending');
		assert.equal(st.Seccomp, '2', 'the child parses under its filter');
		if (process.getuid() === 0)
			assert.ok(st.Uid.split(/\s+/).every((id) => id !== '0'), `the child kept root: ${st.Uid}`);
		process.kill(kid, 'SIGKILL');
	} finally {
		process.kill(run.child.pid, 'SIGCONT');
	}
	const res = await run.done;
	assert.equal(res.status, 1, res.out + res.err);
	assert.match(res.out, /killed by signal 9 .*nothing written/);
	assert.equal(count(slug, 'products'), 0, 'nothing of what the child had sent was written');
	assert.equal(runStatus(slug)[0], 'failed');
});
