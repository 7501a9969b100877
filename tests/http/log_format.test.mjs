// log_format.test.mjs: the request log line. By default "program method path status time"; with
// log_format = combined, the Apache/NCSA combined format, the query string left out and quotes in the
// referrer and user agent escaped as \xHH so no field ends early. Drives its own shop program (the stack's
// config plus the setting) over FastCGI on a unix socket, no web server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROOT, VAR } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'cc-log-'));
chmodSync(dir, 0o755);
const running = [];

after(() => {
	for (const p of running)
		if (p.exitCode === null)
			p.kill('SIGTERM');
	rmSync(dir, { recursive: true, force: true });
});

// Starts cgi-bin/shop.fcgi with one worker and `extra` appended to the stack's config.
function shop(name, extra) {
	const conf = path.join(dir, `${name}.conf`);
	writeFileSync(conf, `${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\n${extra}\n`, { mode: 0o600 });
	const sock = path.join(dir, `${name}.sock`);
	const log = path.join(dir, `${name}.log`);
	const fd = openSync(log, 'a');
	const proc = spawn(path.join(ROOT, 'cgi-bin/shop.fcgi'), ['--conf', conf, '--workers', '1', '--listen', sock],
		{ stdio: ['ignore', fd, fd], env: { PATH: process.env.PATH } });
	running.push(proc);
	return { sock, log };
}

// One FastCGI GET; resolves with the stdout records once the program ends the request.
function fcgiGet(sock, uri, headers = {}) {
	return new Promise((resolve, reject) => {
		const rec = (type, body = Buffer.alloc(0)) =>
			Buffer.concat([Buffer.from([1, type, 0, 1, body.length >> 8, body.length & 255, 0, 0]), body]);
		const len = (n) => (n < 128 ? Buffer.from([n]) : Buffer.from([(n >>> 24) | 128, (n >> 16) & 255, (n >> 8) & 255, n & 255]));
		const [p, q = ''] = uri.split('?');
		const params = Object.entries({
			REQUEST_METHOD: 'GET', REQUEST_URI: uri, SCRIPT_NAME: '', PATH_INFO: p, QUERY_STRING: q,
			SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '192.0.2.7', HTTP_HOST: '127.0.0.1', ...headers,
		}).map(([k, v]) => Buffer.concat([len(k.length), len(Buffer.byteLength(v)), Buffer.from(k), Buffer.from(v)]));
		const s = net.connect(sock);
		let got = Buffer.alloc(0);
		s.setTimeout(10000, () => s.destroy(new Error(`no answer to ${uri} in 10 s`)));
		s.on('connect', () => s.write(Buffer.concat([rec(1, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0])),
			rec(4, Buffer.concat(params)), rec(4), rec(5)])));
		s.on('data', (d) => { got = Buffer.concat([got, d]); });
		s.on('error', reject);
		s.on('close', () => {
			let stdout = '';
			for (let i = 0; i + 8 <= got.length;) {
				const type = got[i + 1], n = got.readUInt16BE(i + 4), pad = got[i + 6];
				if (type === 6)
					stdout += got.subarray(i + 8, i + 8 + n).toString();
				i += 8 + n + pad;
			}
			resolve(stdout);
		});
	});
}

const lines = (log) => readFileSync(log, 'utf8').split('\n').filter((l) => l && !/workers ready|sandbox|static:|health:/.test(l));

test('by default, one line: program, method, path (no query string), status, time', async () => {
	const { sock, log } = shop('default', '');
	const out = await eventually(() => fcgiGet(sock, '/_ping?token=secret'), { timeout: 10000, interval: 100 });
	assert.match(out, /^Status: 200/);
	await eventually(() => assert.match(lines(log).at(-1) ?? '', /^shop GET \/_ping 200 \d+us$/));
});

test('log_format = combined: the Apache/NCSA combined line, quotes escaped, no query string', async () => {
	const { sock, log } = shop('combined', 'log_format = combined');
	await eventually(() => fcgiGet(sock, '/_ping'), { timeout: 10000, interval: 100 });
	const out = await fcgiGet(sock, '/@lena?email=someone@example.com',
		{ HTTP_REFERER: 'https://example.com/a"b\\c', HTTP_USER_AGENT: 'Agent "quoted"\x01' });
	assert.match(out, /^Status: 200/);
	const body = out.slice(out.indexOf('\r\n\r\n') + 4);
	await eventually(() => {
		const line = lines(log).at(-1) ?? '';
		const m = /^192\.0\.2\.7 - - \[(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d):(\d\d):(\d\d) \+0000\] "GET \/@lena HTTP\/1\.1" 200 (\d+) "(.*)" "(.*)"$/.exec(line);
		assert.ok(m, line);
		assert.equal(Number(m[7]), Buffer.byteLength(body), 'the body\'s bytes');
		assert.equal(m[8], 'https://example.com/a\\x22b\\x5cc');
		assert.equal(m[9], 'Agent \\x22quoted\\x22\\x01');
		assert.doesNotMatch(line, /someone/, 'no query string');
		const logged = Date.UTC(+m[3], ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[2]), +m[1], +m[4], +m[5], +m[6]);
		assert.ok(Math.abs(Date.now() - logged) < 120_000, 'the time is UTC, now');
	});
});
