// sign_in_network.test.mjs: a sign-in from a network the account has not used before is mailed to
// its owner (ASVS 2.2.3) with the network prefix, the browser and the way to act; the first network
// an account signs in from, and any it has used before, are no news. Only prefixes are kept, the
// data export lists them, and deleting the account removes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomInt } from 'node:crypto';
import { Client, newAccount } from './lib/http.mjs';
import { lit, mailCount, sql } from './lib/account_mail.mjs';

const SUBJECT = 'New sign-in to your crowdcart account';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';

// Clients at fixed addresses of this run, one network each (a /24 apart).
const RUN = randomInt(1, 255);
const at = (net) => new Client({ address: `127.${net}.${RUN}.${randomInt(1, 255)}` });

function networks(email) {
	return sql(`SELECT n.address_prefix FROM account_networks n JOIN users u ON u.id = n.user_id
		WHERE u.email = ${lit(email)} ORDER BY n.first_seen_at, n.address_prefix`).map(([p]) => p);
}

test('a sign-in from a new network is mailed to the owner; the first one and a known one are not', async () => {
	const home = at(201), away = at(202);
	const account = await newAccount(home, 'shopper');
	assert.equal((await at(201).login(account.email, account.password)).status, 303);
	assert.equal(mailCount(account.email, SUBJECT), 0, 'the first network only starts the list');
	assert.equal((await at(201).login(account.email, account.password)).status, 303);
	assert.equal(mailCount(account.email, SUBJECT), 0, 'another address of the same network is no news');
	const res = await away.request('POST', '/login', {
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': FIREFOX },
		body: new URLSearchParams({ csrf: await away.csrf('/login'), email: account.email, password: account.password }).toString(),
	});
	assert.equal(res.status, 303);
	assert.equal(mailCount(account.email, SUBJECT), 1, 'a new network is told once');
	const [[body]] = sql(`SELECT REPLACE(body_text, '\n', ' ') FROM outbox WHERE to_addr = ${lit(account.email)}
		AND subject = ${lit(SUBJECT)}`);
	const awayNet = away.address.replace(/\.\d+$/, '.0/24');
	assert.ok(body.includes(`(${awayNet})`), body);
	assert.ok(body.includes(FIREFOX), body);
	assert.match(body, /\/login\/forgot\) and end the other sessions on your account page \(https?:\/\/[^)]+\/studio\/account\)/);
	assert.ok(!body.includes(away.address), 'the full address is never written');
	assert.equal((await at(202).login(account.email, account.password)).status, 303);
	assert.equal(mailCount(account.email, SUBJECT), 1, 'known now');
	assert.deepEqual(networks(account.email).sort(), [home.address.replace(/\.\d+$/, '.0/24'), awayNet].sort());
	const exported = JSON.parse((await away.get('/studio/account/export.json')).body);
	assert.deepEqual(exported.sign_in_networks.map((n) => n.network).sort(), networks(account.email).sort(),
		'the owner\'s data export lists them');
});

test('deleting the account removes the networks it signed in from', async () => {
	const c = new Client();
	const account = await newAccount(c, 'shopper');
	assert.equal((await c.login(account.email, account.password)).status, 303);
	assert.equal(networks(account.email).length, 1);
	const [[id]] = sql(`SELECT id FROM users WHERE email = ${lit(account.email)}`);
	const res = await c.submit('/studio/account/delete', { current_password: account.password });
	assert.equal(res.status, 200);
	assert.equal(sql(`SELECT deleted_at IS NOT NULL FROM users WHERE id = ${id}`)[0][0], '1');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM account_networks WHERE user_id = ${id}`)[0][0]), 0);
});
