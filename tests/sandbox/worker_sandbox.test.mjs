// worker_sandbox.test.mjs: a worker that makes a forbidden system call dies of SIGSYS and the
// parent starts another; workers run without root and under the filter. Drives build/sandbox-probe
// (tests/sandbox/probe.c: the real worker_main, worker and dispatcher) over FastCGI, no web server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { eventually } from '../http/lib/eventually.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROBE = process.env.SANDBOX_PROBE || join(ROOT, 'build', 'sandbox-probe');
const PORT = Number(process.env.SANDBOX_PROBE_PORT || 9190 + Number(process.env.TEST_PORT_BASE || 0));

let dir, proc, logPath;

// One FastCGI request (RESPONDER role) on a new connection: the records the worker sent before it
// ended the request or the connection closed.
function fcgiGet(path) {
	return new Promise((resolve, reject) => {
		const rec = (type, body = Buffer.alloc(0)) => {
			const h = Buffer.from([1, type, 0, 1, body.length >> 8, body.length & 255, 0, 0]);
			return Buffer.concat([h, body]);
		};
		const len = (n) => (n < 128 ? Buffer.from([n]) : Buffer.from([(n >>> 24) | 128, (n >> 16) & 255, (n >> 8) & 255, n & 255]));
		const params = Object.entries({
			REQUEST_METHOD: 'GET', REQUEST_URI: path, SCRIPT_NAME: '', PATH_INFO: path, QUERY_STRING: '',
			SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.1', HTTP_HOST: '127.0.0.1',
		}).map(([k, v]) => Buffer.concat([len(k.length), len(Buffer.byteLength(v)), Buffer.from(k), Buffer.from(v)]));
		const sock = net.connect(PORT, '127.0.0.1');
		let got = Buffer.alloc(0);
		sock.setTimeout(10000, () => sock.destroy(new Error(`no answer to ${path} in 10 s`)));
		sock.on('connect', () => {
			sock.write(Buffer.concat([
				rec(1, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0])), rec(4, Buffer.concat(params)), rec(4), rec(5),
			]));
		});
		sock.on('data', (d) => { got = Buffer.concat([got, d]); });
		sock.on('error', (e) => (e.code === 'ECONNRESET' ? null : reject(e)));
		sock.on('close', () => {
			let stdout = '', ended = false;
			for (let i = 0; i + 8 <= got.length;) {
				const type = got[i + 1], n = got.readUInt16BE(i + 4), pad = got[i + 6];
				if (type === 6) stdout += got.subarray(i + 8, i + 8 + n).toString();
				if (type === 3) ended = true;
				i += 8 + n + pad;
			}
			resolve({ stdout, ended });
		});
	});
}

const status = async () => {
	const r = await fcgiGet('/status');
	assert.ok(r.ended, 'the request ends');
	const m = r.stdout.match(/pid=(\d+) uid=(\d+) euid=(\d+) seccomp=(\d+)/);
	assert.ok(m, `a status line in ${JSON.stringify(r.stdout)}`);
	return { pid: +m[1], uid: +m[2], euid: +m[3], seccomp: +m[4] };
};

before(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cc-sandbox-'));
	chmodSync(dir, 0o755);
	const conf = join(dir, 'probe.conf');
	// No database: the probe's pages never touch it, and connecting early fails at once.
	writeFileSync(conf, `secret_key = ${randomBytes(32).toString('hex')}\ntemplates_dir = ${join(ROOT, 'templates')}\n` +
		'db_hosts = 127.0.0.1:1\nrun_as_user = nobody\n', { mode: 0o600 });
	logPath = join(dir, 'probe.log');
	writeFileSync(logPath, '');
	const { openSync } = await import('node:fs');
	const fd = openSync(logPath, 'a');
	proc = spawn(PROBE, ['--conf', conf, '--workers', '1', '--listen', `127.0.0.1:${PORT}`], {
		stdio: ['ignore', fd, fd], env: { PATH: process.env.PATH },
	});
	await eventually(status, { timeout: 10000, interval: 100, message: 'the probe answers' });
});

after(() => {
	if (proc && proc.exitCode === null) proc.kill('SIGTERM');
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a worker runs under the seccomp filter, and without root when started as root', async () => {
	const s = await status();
	assert.equal(s.seccomp, 2, 'PR_GET_SECCOMP says filter mode');
	if (process.getuid() === 0) {
		assert.notEqual(s.uid, 0, 'the real uid is no longer root');
		assert.notEqual(s.euid, 0, 'the effective uid is no longer root');
	} else {
		assert.equal(s.uid, process.getuid(), 'not root: the worker keeps the uid it was started with');
	}
	// The parent holds the listen socket and respawns; it must not keep root either.
	const parent = readFileSync(`/proc/${proc.pid}/status`, 'utf8').match(/^Uid:\s+(\d+)\s+(\d+)\s+(\d+)/m);
	assert.equal(+parent[1], s.uid, 'the parent runs as the same user as its workers');
	assert.equal(+parent[3], s.uid, 'and has no saved root uid to take back');
});

test('execve kills the worker with SIGSYS and the parent serves the next request from a new worker', async () => {
	const first = await status();
	const r = await fcgiGet('/execve');
	assert.equal(r.ended, false, 'the request is never ended: the worker died inside the handler');
	assert.doesNotMatch(r.stdout, /not stopped/);
	await eventually(() => {
		const log = readFileSync(logPath, 'utf8');
		assert.match(log, new RegExp(`probe: worker ${first.pid} killed by signal 31 \\(Bad system call\\), starting another`));
	}, { timeout: 10000, interval: 100, message: 'the parent logs the SIGSYS' });
	const next = await eventually(status, { timeout: 10000, interval: 100, message: 'a respawned worker answers' });
	assert.notEqual(next.pid, first.pid, 'served by another worker');
	assert.equal(next.seccomp, 2, 'which is under the filter too');
});
