// auth_throttle.test.mjs: sign-in throttling slows guessing without locking the owner out: delays grow
// per (account, network prefix) pair, a prefix failing across many accounts is slowed but never locked,
// and only failures from many prefixes hold the account back, while its owner still gets in by an
// emailed one-time link.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, STUDIO_LOG, csrfOf, newAccount, uniqueEmail } from './lib/http.mjs';
import { mailedLink } from './lib/account_mail.mjs';
import { eventually } from './lib/eventually.mjs';

function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

// One visitor's log-in attempts from its own address, with the page's csrf.
async function guesser(address) {
	const c = new Client(address ? { address } : undefined);
	const csrf = await c.csrf('/login');
	return { c, try: (email, password) => c.post('/login', { csrf, email, password }) };
}

test('the delay grows per pair: four failures free, then 1 s, then 2 s, each a 429 with Retry-After', async () => {
	const account = await newAccount(new Client());
	const g = await guesser();
	for (let i = 1; i <= 4; i++)
		assert.equal((await g.try(account.email, `wrong-${i}-password`)).status, 401, `failure ${i} is answered at once`);
	const held = await g.try(account.email, account.password);
	assert.equal(held.status, 429, 'the right password too must wait: a throttled try is not verified');
	assert.equal(held.headers['retry-after'], '1');
	assert.match(main(held.body), /Too many failed attempts\. Please try again in 1 second\./);
	assert.doesNotMatch(held.body, /do not match/, 'nothing says whether the password was right');
	// No worker sleeps: the answer is immediate, and once the second is over the pair may try again.
	await eventually(async () => {
		const res = await g.try(account.email, 'wrong-5-password');
		if (res.status === 429)
			return false;
		assert.equal(res.status, 401);
	}, { message: 'the fifth failure is taken once a second has passed' });
	const longer = await g.try(account.email, account.password);
	assert.equal(longer.status, 429);
	assert.equal(longer.headers['retry-after'], '2', 'the delay doubled');
	assert.match(main(longer.body), /try again in 2 seconds/);
});

test('the pair is the network prefix: another address of the same /24 waits too, another /24 does not', async () => {
	const account = await newAccount(new Client());
	const [a, b] = [randomInt(1, 255), randomInt(1, 255)];
	const g = await guesser(`127.${a}.${b}.10`);
	for (let i = 1; i <= 4; i++)
		assert.equal((await g.try(account.email, `wrong-${i}-password`)).status, 401);
	const neighbour = await guesser(`127.${a}.${b}.20`);
	assert.equal((await neighbour.try(account.email, account.password)).status, 429,
		'stepping to the next address in the same network does not escape the delay');
	const owner = new Client({ address: `127.${a}.${(b % 254) + 1}.10` });
	assert.equal((await owner.login(account.email, account.password)).status, 303);
});

test('another address signs the owner in normally while the account is attacked from one', async () => {
	const account = await newAccount(new Client());
	const g = await guesser();
	const answers = [];
	for (let i = 1; i <= 8; i++)
		answers.push((await g.try(account.email, `guess-${i}-password`)).status);
	assert.deepEqual(answers, [401, 401, 401, 401, 429, 429, 429, 429]);
	const owner = new Client();
	const res = await owner.login(account.email, account.password);
	assert.equal(res.status, 303, 'the owner, elsewhere, is not locked out');
	assert.equal((await owner.get('/studio')).status, 200);
});

test('a successful log-in starts its pair again from zero', async () => {
	const account = await newAccount(new Client());
	const g = await guesser();
	for (let i = 0; i < 3; i++)
		assert.equal((await g.try(account.email, 'wrong-password')).status, 401);
	assert.equal((await g.try(account.email, account.password)).status, 303);
	const again = await guesser(g.c.address);
	for (let i = 0; i < 4; i++)
		assert.equal((await again.try(account.email, 'wrong-password')).status, 401, 'the count started again');
});

test('a network failing across many accounts is slowed past its budget of 30, not locked, and no other network is', async () => {
	const account = await newAccount(new Client());
	const g = await guesser();
	// Six at a time: each failure costs an Argon2id verification, and the count does not care.
	for (let sent = 0; sent < 31; sent += 6) {
		const n = Math.min(6, 31 - sent);
		const batch = Array.from({ length: n }, () => g.try(uniqueEmail('spray'), 'guessed-password'));
		for (const res of await Promise.all(batch))
			assert.equal(res.status, 401, 'a failure within the budget is answered at once');
	}
	const slowed = await g.try(account.email, account.password);
	assert.equal(slowed.status, 429);
	assert.ok(Number(slowed.headers['retry-after']) >= 1 && Number(slowed.headers['retry-after']) <= 2, slowed.headers['retry-after']);
	assert.equal((await new Client().login(account.email, account.password)).status, 303, 'another network logs in');
	await eventually(async () => {
		const res = await g.try(account.email, account.password);
		if (res.status === 429)
			return false;
		assert.equal(res.status, 303, 'slowed, not locked: after the wait the owner in that network gets in');
	}, { message: 'the slowed network gets in after its wait' });
});

test('failures from 20 networks hold the account back; its owner gets in with the emailed link', async () => {
	const account = await newAccount(new Client());
	const prefixes = new Set();
	const attackers = [];
	while (attackers.length < 20) {
		const address = `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
		const prefix = address.split('.').slice(0, 3).join('.');
		if (!prefixes.has(prefix)) {
			prefixes.add(prefix);
			attackers.push(await guesser(address));
		}
	}
	for (let i = 0; i < attackers.length; i += 5) {
		const batch = attackers.slice(i, i + 5).map((g) => g.try(account.email, 'distributed-guess'));
		for (const res of await Promise.all(batch))
			assert.equal(res.status, 401);
	}
	const owner = new Client();
	await owner.startSession();	// its token is good for every form, the link form's too
	const csrf = await owner.csrf('/login');
	const held = await owner.post('/login', { csrf, email: account.email, password: account.password });
	assert.equal(held.status, 429, 'the right password is held back too, from anywhere');
	assert.equal(held.headers['retry-after'], '900');
	assert.match(main(held.body), /held back for 15 minutes after failed attempts from many places/);
	assert.match(held.body, /<form class="form" method="post" action="\/login\/link">/, 'the page offers the emailed link');
	const asked = await owner.post('/login/link', { csrf, email: account.email });
	assert.equal(asked.status, 200);
	assert.match(main(asked.body), /If an account uses .* we have emailed it a link\. It works once, within 10 minutes\./);
	const link = mailedLink(account.email, 'link');
	assert.ok(link, 'a sign-in link was queued in the outbox');
	const page = await owner.get(link);
	assert.equal(page.status, 200, 'opening the link only shows a button');
	assert.equal(page.headers['referrer-policy'], 'strict-origin-when-cross-origin', 'other sites are told only our origin');
	assert.equal((await owner.get('/studio')).status, 303, 'a GET of the link signs nobody in');
	const used = await owner.post(link, { csrf: /name="csrf" value="([^"]*)"/.exec(page.body)[1] });
	assert.equal(used.status, 303);
	assert.equal(used.headers.location, '/studio');
	const studio = await owner.get('/studio');
	assert.equal(studio.status, 200);
	assert.ok(main(studio.body).includes(`(${account.email})`), 'signed in as the owner');
	// Signed in by the link, the owner changes the password despite the hold on password log-ins,
	// and the hold goes with the old password.
	const page2 = await owner.get('/studio/account');
	const changed = await owner.post('/studio/account/password',
		{ csrf: csrfOf(page2.body), current_password: account.password, password: 'after-the-attack-password' });
	assert.equal(changed.status, 303);
	assert.equal((await new Client().login(account.email, 'after-the-attack-password')).status, 303);
	// The studio's request log (lighttpd's FastCGI log, or Apache's studio.log) names the route, never the token.
	const log = STUDIO_LOG;
	await eventually(() => readFileSync(log, 'utf8').includes('POST /login/link/{token} 303'), { message: `the link's use is in ${log}` });
	assert.ok(!readFileSync(log, 'utf8').includes(link.split('/').pop()), 'the token is not in the request log');
	// The link works once.
	const thief = new Client();
	await thief.startSession();	// its token is good for every form, the used link's too
	const again = await thief.get(link);
	assert.equal(again.status, 410);
	assert.match(main(again.body), /expired or was already used/);
	const reused = await thief.post(link, { csrf: await thief.csrf('/login') });
	assert.equal(reused.status, 410);
	assert.equal((await thief.get('/studio')).status, 303);
});

test('asking for a sign-in link answers alike whether or not the address has an account', async () => {
	const account = await newAccount(new Client());
	const c = new Client();
	const csrf = await c.csrf('/login/link');
	const known = await c.post('/login/link', { csrf, email: account.email });
	const unknown = await c.post('/login/link', { csrf, email: uniqueEmail('nobody') });
	assert.equal(known.status, 200);
	assert.equal(unknown.status, 200);
	const strip = (res, email) => main(res.body).replace(email, 'EMAIL').replace(/value="[^"]*"/g, '');
	assert.equal(strip(known, account.email), strip(unknown, /If an account uses (\S+),/.exec(main(unknown.body))[1]));
	const bad = await c.post('/login/link', { csrf, email: 'not-an-email' });
	assert.equal(bad.status, 422);
});

test('the login page links to the emailed sign-in link and to the password reset', async () => {
	const res = await new Client().get('/login');
	assert.match(res.body, /<a href="\/login\/link">Email me a sign-in link<\/a>/);
	assert.match(res.body, /<a href="\/login\/forgot">Forgot your password\?<\/a>/);
});
