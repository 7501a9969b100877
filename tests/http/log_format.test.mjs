// log_format.test.mjs: the request log line. By default "program method path status time"; with
// log_format = combined, the Apache/NCSA combined format, the query string left out and quotes in the
// referrer and user agent escaped as \xHH so no field ends early. Drives its own shop program (the stack's
// config plus the setting) over FastCGI on a unix socket, no web server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { VAR } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { fcgiRaw, startProgram } from './lib/fcgi.mjs';

const running = [];
after(() => running.forEach((p) => p.stop()));

// Starts cgi-bin/shop.fcgi with one worker and `extra` appended to the stack's config.
async function shop(name, extra) {
	const p = await startProgram(`${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\n${extra}\n`, { name: `log-${name}` });
	running.push(p);
	return p;
}

// One FastCGI GET from 192.0.2.7; resolves with the program's answer once it ends the request.
const fcgiGet = (sock, uri, headers = {}) => fcgiRaw(sock, { uri, params: { REMOTE_ADDR: '192.0.2.7', ...headers } });

const lines = (p) => p.stderr().split('\n').filter((l) => l && !/workers ready|sandbox|static:|health:/.test(l));

test('by default, one line: program, method, path (no query string), status, time', async () => {
	const p = await shop('default', '');
	const out = await fcgiGet(p.sock, '/_ping?token=secret');
	assert.match(out, /^Status: 200/);
	await eventually(() => assert.match(lines(p).at(-1) ?? '', /^shop GET \/_ping 200 \d+us$/));
});

test('log_format = combined: the Apache/NCSA combined line, quotes escaped, no query string', async () => {
	const p = await shop('combined', 'log_format = combined');
	const out = await fcgiGet(p.sock, '/@lena?email=someone@example.com',
		{ HTTP_REFERER: 'https://example.com/a"b\\c', HTTP_USER_AGENT: 'Agent "quoted"\x01' });
	assert.match(out, /^Status: 200/);
	const body = out.slice(out.indexOf('\r\n\r\n') + 4);
	await eventually(() => {
		const line = lines(p).at(-1) ?? '';
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
