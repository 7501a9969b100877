// sessions.test.mjs: session fixation, server-side log-out, purging of expired sessions, and a CSRF check of
// every state-changing route, found by walking the routing tables in src/shop/main.c and src/studio/main.c.
// (accounts.test.mjs covers rotation at log-in and sign-up and the replay of a logged-out cookie.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Client, ROOT, VAR, csrfOf, newAccount } from './lib/http.mjs';
import { lit, sql } from './lib/commerce.mjs';

const CSRF_REFUSED = /This form has expired or did not come from this site/;

const sessionsOf = (email) =>
	Number(sql(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ${lit(email)}`)[0][0]);

// A config value of the stack under test (crowdcart.conf: "key = value"), or the default.
function conf(key, fallback) {
	const text = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8');
	const m = new RegExp(`^${key}\\s*=\\s*(\\d+)\\s*$`, 'm').exec(text);
	return m ? Number(m[1]) : fallback;
}

describe('session fixation', () => {
	test('a cookie value the attacker made up is never adopted: the server issues its own', async () => {
		const planted = 'F'.repeat(43);
		const c = new Client();
		c.cookies.set('cc_session', planted);
		const page = await c.get('/orders/lookup');
		assert.equal(page.status, 200);
		assert.deepEqual(page.setCookies, [], 'a page read starts no session, whatever cookie came');
		const res = await c.post('/orders/lookup', { csrf: csrfOf(page.body) });
		const issued = res.setCookies.find((l) => l.startsWith('cc_session='));
		assert.ok(issued, 'a made-up session cookie is answered with a new session');
		assert.notEqual(c.cookie(), planted);
		assert.match(issued, /; HttpOnly/);
		assert.match(issued, /; SameSite=(Lax|Strict)/);
		assert.match(issued, /; Path=\//);
	});

	test('a POST carrying a made-up session cookie is refused, whatever csrf it sends', async () => {
		const c = new Client();
		c.cookies.set('cc_session', 'F'.repeat(43));
		const res = await c.post('/cart/add', { csrf: 'F'.repeat(43), variant: 1, quantity: 1 });
		assert.equal(res.status, 403);
		assert.match(res.body, CSRF_REFUSED);
	});

	test('a real anonymous session planted by an attacker is not the one signed in after log-in', async () => {
		const attacker = new Client();
		await attacker.get('/login');
		const victim = new Client();
		const owner = await newAccount(new Client());
		victim.cookies.set('cc_session', attacker.cookie());
		const res = await victim.submit('/login', { email: owner.email, password: owner.password });
		assert.equal(res.status, 303);
		assert.notEqual(victim.cookie(), attacker.cookie(), 'the id rotates at log-in');
		const probe = await attacker.get('/studio');
		assert.equal(probe.status, 303, 'the planted id is not signed in');
		assert.equal(probe.headers.location, '/login?next=/studio');
		assert.equal((await victim.get('/studio')).status, 200);
	});
});

describe('log-out', () => {
	test('deletes the session row on the server, and the old csrf token no longer works', async () => {
		const c = new Client();
		const account = await newAccount(c);
		assert.equal(sessionsOf(account.email), 1, 'one signed-in session after sign-up');
		const token = c.cookie();
		const csrf = csrfOf((await c.get('/studio')).body);
		const res = await c.post('/logout', { csrf });
		assert.equal(res.status, 303);
		assert.equal(sessionsOf(account.email), 0, 'the session row is gone');
		const replay = new Client();
		replay.cookies.set('cc_session', token);
		const again = await replay.post('/logout', { csrf });
		assert.equal(again.status, 403, 'a form of the ended session is refused');
	});
});

describe('expired sessions', () => {
	const idle = conf('session_idle_seconds', 7 * 86400), max = conf('session_max_seconds', 30 * 86400);
	const purge = () => execFileSync(path.join(ROOT, 'bin/crowdcartctl'),
		['--conf', path.join(VAR, 'crowdcart.conf'), 'purge']).toString();

	for (const [what, column, age] of [['idle', 'last_seen_at', idle], ['older than the absolute limit', 'created_at', max]]) {
		test(`a session ${what} is purged by crowdcartctl purge and no longer signs anyone in`, async () => {
			const c = new Client(), fresh = new Client();
			const account = await newAccount(c);
			sql(`UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.${column} = UTC_TIMESTAMP() - INTERVAL ${age + 3600} SECOND
				WHERE u.email = ${lit(account.email)}`);
			// A second, live session of the same account, which purge must leave alone.
			assert.equal((await fresh.submit('/login', { email: account.email, password: account.password })).status, 303);
			assert.equal(sessionsOf(account.email), 2);
			assert.match(purge(), /^purged \d+ sessions/m);
			assert.equal(sessionsOf(account.email), 1, 'the expired session is gone, the live one stays');
			const probe = await c.get('/studio');
			assert.equal(probe.status, 303, 'the purged cookie is signed out');
			assert.equal(probe.headers.location, '/login?next=/studio');
			assert.equal((await fresh.get('/studio')).status, 200, 'the live session still works');
		});
	}
});

// The rows of a routing table: { method, path, needs } for every
// `[NAME] = { .pat = { HTTP_..., "/path" }, .fn = handler, .needs = NEEDS, ... },` row (no .needs: none).
function routes(file) {
	const text = readFileSync(path.join(ROOT, file), 'utf8');
	return [...text.matchAll(/^\t\[\w+\] = \{ \.pat = \{ ([A-Z_| ]+), "([^"]+)" \},([^]*?) \},$/gm)].map((m) => ({
		methods: m[1].split('|').map((s) => s.trim().replace(/^HTTP_/, '')),
		path: m[2],
		needs: (m[3].match(/\.needs = ([A-Z_| ]+)/)?.[1] ?? '0').split('|').map((s) => s.trim()),
		file,
	}));
}

// Plausible values for path parameters; a dummy is fine: the CSRF check comes before any lookup.
const PARAMS = { handle: 'lena', brand: 'northwind', number: 'AAAAAAAAAAAAAAAAAAAA', slug: 'x', code: 'x', ref: 'x' };
const fill = (p) => p.replace(/\{(\w+)\}/g, (_, name) => PARAMS[name] ?? '1');

describe('CSRF on every state-changing route of the routing tables', { concurrency: 8 }, async () => {
	const table = [...routes('src/shop/main.c'), ...routes('src/studio/main.c')];
	// Routes that authenticate themselves ask no token: the signed payment webhook, and the mailed
	// one-click stop links whose path token is the authentication (notifications.test.mjs: a forged
	// one changes nothing).
	const writes = table.flatMap((r) => r.methods.filter((m) => m !== 'GET' && m !== 'HEAD').map((method) => ({ ...r, method })))
		.filter((r) => !r.needs.includes('NEED_RAW_BODY') && !r.needs.includes('NEED_SIGNED'));

	test('the tables were parsed', () => {
		assert.ok(table.length >= 40, `${table.length} routes found`);
		assert.ok(writes.length >= 30, `${writes.length} state-changing routes found`);
		assert.ok(writes.some((r) => r.path === '/checkout/place') && writes.some((r) => r.path === '/studio/import'));
	});

	// Signed-in sessions of each kind (the check must hold for them, not only for strangers), and the
	// valid token of another session, which must not pass either.
	const brand = new Client(), creator = new Client(), other = new Client();
	await newAccount(brand, 'brand');
	await newAccount(creator, 'creator');
	await other.startSession();
	const otherToken = await other.csrf('/orders/lookup');
	// And a cookieless page's token, good for that page's one form only.
	const lookupToken = await new Client().csrf('/orders/lookup');

	for (const r of writes) {
		test(`${r.method} ${r.path} without a valid csrf token answers 403 (${r.file})`, async () => {
			const c = r.needs.includes('NEED_CREATOR') ? creator : brand;
			const tokens = [undefined, '', 'x'.repeat(43), otherToken];
			if (r.path !== '/orders/lookup')
				tokens.push(lookupToken);
			for (const csrf of tokens) {
				const fields = { variant: '1', quantity: '1', email: 'a@b.test', title: 'x' };
				if (csrf !== undefined)
					fields.csrf = csrf;
				let res;
				if (r.needs.includes('NEED_MULTIPART')) {
					const b = 'csrfwalk';
					const body = Object.entries({ ...fields, format: 'shopify' })
						.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${b}--\r\n`;
					res = await c.request(r.method, fill(r.path), { headers: { 'content-type': `multipart/form-data; boundary=${b}` }, body });
				} else {
					res = await c.request(r.method, fill(r.path), {
						headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
				}
				const what = csrf === otherToken ? "another session's token" : csrf === lookupToken ? "another form's anonymous token" : csrf;
				assert.equal(res.status, 403, `csrf ${JSON.stringify(what)}: ${res.status}`);
				assert.match(res.body, CSRF_REFUSED);
			}
		});
	}
});
