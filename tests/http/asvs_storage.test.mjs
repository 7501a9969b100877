// asvs_storage.test.mjs: what the database keeps of credentials (ASVS 4.0.3 V2.4.1, V2.4.2, V2.10.3,
// V3.2.2, V6-style hashing of bearer secrets): Argon2id hashes with a unique salt per password,
// session and API-key rows that hold only hashes, so a copy of the database signs nobody in.
// Also: an address that would add mail headers never becomes an account (V5.2.3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, newAccount } from './lib/http.mjs';
import { brandWithKey, sql } from './lib/catalog.mjs';

const lit = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

test('passwords are stored as Argon2id with a 128-bit salt of their own: one password, two different hashes', async () => {
	const password = 'the same long password';
	const c1 = new Client(), c2 = new Client();
	const f = (tag) => ({ role: 'shopper', email: `same-${tag}-${Date.now()}@test.crowdcart.test`, password, display_name: 'Same' });
	const e1 = f('one'), e2 = f('two');
	assert.equal((await c1.signup(e1)).status, 303);
	assert.equal((await c2.signup(e2)).status, 303);
	const [h1, h2] = [e1, e2].map((e) => sql(`SELECT password_hash FROM users WHERE email = ${lit(e.email)}`).trim());
	for (const h of [h1, h2])
		assert.match(h, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/, 'Argon2id, 16-byte salt, 32-byte hash');
	assert.notEqual(h1.split('$')[4], h2.split('$')[4], 'each password has its own salt');
	assert.notEqual(h1, h2);
	assert.ok(!h1.includes(password));
});

test('the session row holds a hash of the cookie token, never the token', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'creator');
	const token = Buffer.from(c.cookie(), 'base64url');
	assert.equal(token.length, 32, 'a 256-bit token');
	const rows = sql(`SELECT HEX(s.token_hash) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ${lit(acct.email)}`)
		.trim().split('\n').filter(Boolean);
	assert.equal(rows.length, 1, 'the signed-in session is stored');
	assert.notEqual(rows[0], token.toString('hex').toUpperCase());
	assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX('${token.toString('hex')}')`).trim(), '0');
	assert.equal((await c.get('/studio')).status, 200, 'and the cookie still signs in');
});

test('an API key is stored as a hash with a short prefix to recognise it, never whole', async () => {
	const b = await brandWithKey();
	const row = sql(`SELECT CONCAT_WS('|', HEX(k.key_hash), k.prefix, k.label) FROM api_keys k
		JOIN brands br ON br.id = k.brand_id WHERE br.slug = ${lit(b.slug)}`).trim();
	assert.ok(row, 'the key row exists');
	const [hash, prefix] = row.split('|');
	assert.equal(hash.length, 64);
	assert.ok(b.key.startsWith(prefix) && prefix.length <= 12, `only a prefix (${prefix}) is kept in clear`);
	assert.ok(!row.includes(b.key), 'the key is nowhere in its row');
	assert.ok(!hash.includes(Buffer.from(b.key).toString('hex').toUpperCase().slice(0, 32)));
});

test('an email address carrying a mail header (CR LF Bcc:) is refused at sign-up and no account is made', async () => {
	const email = `inject-${Date.now()}@test.crowdcart.test\r\nBcc: victim@evil.example`;
	const res = await new Client().signup({ role: 'shopper', email, password: 'a-long-password', display_name: 'Inject' });
	assert.ok(res.status === 422 || res.status === 400, `answered ${res.status}`);
	assert.equal(sql(`SELECT COUNT(*) FROM users WHERE email LIKE 'inject-%' AND email LIKE '%Bcc%'`).trim(), '0');
});
