// asvs_logs.test.mjs: no secret reaches a log (ASVS 4.0.3 V7.1.1, V7.1.2, V3.1.1, V13.1.3): the
// session cookie, the CSRF token, a password and an API key used in this file are looked for in
// every log the stack under test writes (the programs' own, the front server's access and error
// logs), after a marker request shows the logs have caught up with them.
import assert from 'node:assert/strict';
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Client, VAR, csrfOf, unique } from './lib/http.mjs';
import { api, brandWithKey } from './lib/catalog.mjs';
import { eventually } from './lib/eventually.mjs';

// What the stack's logs gained since `from` (sizes by file, from logSizes()): the secrets of a test
// are made during it, so only what was written since can hold them, and a long run's logs are not
// read whole on every try.
function logSizes() {
	const dir = path.join(VAR, 'log'), sizes = new Map();
	for (const name of readdirSync(dir)) {
		const st = statSync(path.join(dir, name));
		if (st.isFile())
			sizes.set(name, st.size);
	}
	return sizes;
}

function logText(from) {
	const dir = path.join(VAR, 'log');
	let all = '';
	for (const [name, size] of logSizes()) {
		const start = from.get(name) ?? 0;
		if (size <= start)
			continue;
		const fd = openSync(path.join(dir, name), 'r');
		const chunk = Buffer.alloc(size - start);
		readSync(fd, chunk, 0, chunk.length, start);
		closeSync(fd);
		all += chunk.toString('latin1') + '\n';
	}
	return all;
}

test('session cookies, CSRF tokens, passwords and API keys never reach a log', async () => {
	const from = logSizes();
	const b = await brandWithKey();	// signs up (a password) and makes a key in the studio
	const session = b.client.cookie();
	const page = await b.client.get('/studio');
	const csrf = csrfOf(page.body);
	assert.ok(session && csrf && b.key, 'the secrets to look for are known');
	// The secrets travel as the site sends them: cookie and bearer headers, form bodies, in
	// accepted and refused requests alike. Never in a URL: the front server's access log keeps
	// whole request lines, query strings included (docs/SECURITY.md, V7.1.1).
	await b.client.post('/login', { csrf, email: b.account.email, password: b.account.password });
	await new Client().login(b.account.email, `${b.account.password}-wrong`);
	await b.client.post('/logout', { csrf: 'forged' });
	await api('GET', '/api/v1/products', { key: b.key });
	await api('GET', '/api/v1/products', { key: `${b.key}x` });
	const marker = `/asvs-log-marker-${unique()}`;
	await new Client().get(marker);
	await eventually(() => logText(from).includes(marker), { timeout: 10000, message: 'the marker request reaches the logs' });
	const logs = logText(from);
	for (const [what, secret] of [['session cookie', session], ['CSRF token', csrf], ['password', b.account.password],
		['API key', b.key]])
		assert.ok(!logs.includes(secret), `the ${what} is not in any log under ${path.join(VAR, 'log')}`);
});

test('every sign-in decision and every refused request is a log line of its own (V7.2.1, V7.2.2)', async () => {
	const from = logSizes();
	const b = await brandWithKey();
	await new Client().login(b.account.email, `${b.account.password}-wrong`);
	await new Client().login(b.account.email, b.account.password);
	await b.client.post('/logout', { csrf: 'forged' });
	await api('GET', '/api/v1/products', { key: `${b.key}x` });
	const marker = `/asvs-log-marker-${unique()}`;
	await new Client().get(marker);
	await eventually(() => logText(from).includes(marker), { timeout: 10000, message: 'the marker request reaches the logs' });
	const logs = logText(from);
	for (const [what, line] of [['a failed sign-in', /studio POST \/login 401 /], ['a sign-in', /studio POST \/login 303 /],
		['a forged form', /studio POST \/logout 403 /], ['a bad API key', /api GET \/api\/v1\/products 401 /]])
		assert.match(logs, line, `${what} is logged`);
});

test('a request cannot write a line of its own into the log (V7.3.1)', async () => {
	const from = logSizes();
	const tag = unique();
	await new Client().get(`/asvs-${tag}%0d%0aFORGED-${tag}%0aapi%20GET%20/x%20200%201us`);
	const marker = `/asvs-log-marker-${unique()}`;
	await new Client().get(marker);
	await eventually(() => logText(from).includes(marker), { timeout: 10000, message: 'the marker request reaches the logs' });
	const lines = logText(from).split('\n');
	assert.ok(lines.some((l) => l.includes(`asvs-${tag}`)), 'the request is logged');
	assert.ok(!lines.some((l) => l.startsWith(`FORGED-${tag}`)), 'its encoded line breaks stay inside its own line');
});
