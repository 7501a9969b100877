// account_recovery.test.mjs: the owner's ways back into an account and its care: password reset by an
// emailed one-time link (expired and reused links refused, floods throttled, every session ended),
// change password (asks the current one, ends the other sessions), and the sessions list with
// "sign out everywhere else".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomInt } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client, ROOT, VAR, csrfOf, newAccount, uniqueEmail } from './lib/http.mjs';
import { expireLinks, lit, mailCount, mailedLink, sql } from './lib/account_mail.mjs';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';

function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

async function askReset(email, client = new Client()) {
	return client.submit('/login/forgot', { email });
}

async function signedIn(c) {
	return (await c.get('/studio')).status === 200;
}

test('a reset by the emailed link sets the new password and ends every session of the account', async () => {
	const first = new Client();
	const account = await newAccount(first);
	const second = new Client();
	assert.equal((await second.login(account.email, account.password)).status, 303);
	const asked = await askReset(account.email);
	assert.equal(asked.status, 200);
	assert.match(main(asked.body), /we have emailed it a link\. It works once, within 1 hour\./);
	const link = mailedLink(account.email, 'reset');
	assert.match(link ?? '', /^\/login\/reset\/[A-Za-z0-9_-]{43}$/, 'an absolute link from base_url, with a 256-bit token');
	const visitor = new Client();
	const form = await visitor.get(link);
	assert.equal(form.status, 200);
	assert.match(form.body, /autocomplete="new-password"/);
	const fresh = `new-${randomInt(1e9)}-password`;
	const done = await visitor.post(link, { csrf: csrfOf(form.body), password: fresh });
	assert.equal(done.status, 303);
	assert.equal(done.headers.location, '/login?done=reset');
	const login = await visitor.get('/login?done=reset');
	assert.match(main(login.body), /Your password was changed and every session of the account ended\./);
	assert.equal(await signedIn(first), false, 'the session that signed up ended');
	assert.equal(await signedIn(second), false, 'the other session ended');
	assert.equal((await new Client().login(account.email, account.password)).status, 401, 'the old password is gone');
	assert.equal((await new Client().login(account.email, fresh)).status, 303, 'the new one logs in');
	assert.equal(mailCount(account.email, 'Your crowdcart password was changed'), 1, 'the owner is told by mail');
});

test('a reset link works once: opened or sent again it is refused with 410', async () => {
	const account = await newAccount(new Client());
	await askReset(account.email);
	const link = mailedLink(account.email, 'reset');
	const c = new Client();
	const form = await c.get(link);
	const csrf = csrfOf(form.body);
	assert.equal((await c.post(link, { csrf, password: 'first-new-password' })).status, 303);
	const again = await c.get(link);
	assert.equal(again.status, 410);
	assert.match(main(again.body), /This reset link has expired or was already used\./);
	assert.equal((await c.post(link, { csrf, password: 'second-new-password' })).status, 410);
	assert.equal((await new Client().login(account.email, 'second-new-password')).status, 401);
	assert.equal((await new Client().login(account.email, 'first-new-password')).status, 303);
});

test('an expired reset link is refused with 410 and changes nothing', async () => {
	const account = await newAccount(new Client());
	await askReset(account.email);
	const link = mailedLink(account.email, 'reset');
	const c = new Client();
	await c.startSession();	// its token is good for every form, the expired link's too
	const csrf = await c.csrf('/login/forgot');
	expireLinks(account.email);
	assert.equal((await c.get(link)).status, 410);
	assert.equal((await c.post(link, { csrf, password: 'too-late-password' })).status, 410);
	assert.equal((await new Client().login(account.email, account.password)).status, 303, 'the password is unchanged');
});

test('a new password shorter than the sign-up policy is refused with 422 and the link still works', async () => {
	const account = await newAccount(new Client());
	await askReset(account.email);
	const link = mailedLink(account.email, 'reset');
	const c = new Client();
	const csrf = csrfOf((await c.get(link)).body);
	const short = await c.post(link, { csrf, password: 'short' });
	assert.equal(short.status, 422);
	assert.match(main(short.body), /Use a password of \d+ to \d+ characters\./);
	assert.equal((await c.post(link, { csrf, password: 'long-enough-now' })).status, 303);
});

test('asking for a reset answers alike for an unknown address, and mails nothing', async () => {
	const nobody = uniqueEmail('nobody');
	const res = await askReset(nobody);
	assert.equal(res.status, 200);
	assert.match(main(res.body), /If an account uses .* we have emailed it a link\./);
	assert.equal(mailCount(nobody), 0);
});

test('a reset flood is throttled per target address and per network, with 429 and Retry-After', async () => {
	const account = await newAccount(new Client());
	const statuses = [];
	for (let i = 0; i < 5; i++)
		statuses.push((await askReset(account.email, new Client())).status);	// a new network each time
	assert.deepEqual(statuses, [200, 200, 200, 429, 429], 'three links per address in 15 minutes');
	assert.equal(mailCount(account.email, 'Reset your crowdcart password'), 3);
	const flood = new Client();
	const csrf = await flood.csrf('/login/forgot');
	const answers = [];
	for (let i = 0; i < 11; i++)
		answers.push((await flood.post('/login/forgot', { csrf, email: uniqueEmail('flood') })).status);
	assert.deepEqual(answers, [...Array(10).fill(200), 429], 'ten requests per network in 15 minutes');
	const last = await flood.post('/login/forgot', { csrf, email: uniqueEmail('flood') });
	assert.equal(last.headers['retry-after'], '900');
	assert.match(main(last.body), /Too many links were asked for this address or from your network\./);
});

test('change password asks for the current one, and ends the other sessions but not this one', async () => {
	const me = new Client();
	const account = await newAccount(me);
	const other = new Client();
	assert.equal((await other.login(account.email, account.password)).status, 303);
	const page = await me.get('/studio/account');
	assert.equal(page.status, 200);
	const csrf = csrfOf(page.body);
	const wrong = await me.post('/studio/account/password', { csrf, current_password: 'not-my-password', password: 'brand-new-password' });
	assert.equal(wrong.status, 401);
	assert.match(main(wrong.body), /That is not your current password\./);
	const short = await me.post('/studio/account/password', { csrf, current_password: account.password, password: 'short' });
	assert.equal(short.status, 422);
	assert.equal(await signedIn(other), true, 'refused changes end nothing');
	const ok = await me.post('/studio/account/password', { csrf, current_password: account.password, password: 'brand-new-password' });
	assert.equal(ok.status, 303);
	assert.equal(ok.headers.location, '/studio/account?done=password');
	assert.match(main((await me.get('/studio/account?done=password')).body), /Your password was changed\./);
	assert.equal(await signedIn(me), true, 'this session goes on');
	assert.equal(await signedIn(other), false, 'the other session ended');
	assert.equal((await new Client().login(account.email, account.password)).status, 401);
	assert.equal((await new Client().login(account.email, 'brand-new-password')).status, 303);
	assert.equal(mailCount(account.email, 'Your crowdcart password was changed'), 1, 'the owner is told by mail');
});

test('the sessions list shows each browser, its network and times; "sign out everywhere else" asks the password and ends the others', async () => {
	const me = new Client();
	const account = await newAccount(me);
	const laptop = new Client();
	const csrf = await laptop.csrf('/login');
	const res = await laptop.post('/login', { csrf, email: account.email, password: account.password },
		{ headers: { 'user-agent': FIREFOX } });
	assert.equal(res.status, 303);
	const page = await me.get('/studio/account');
	const list = main(page.body);
	assert.match(list, /<strong>Firefox on Linux<\/strong><br>/);
	const prefix = laptop.address.split('.').slice(0, 3).join('.');
	assert.ok(list.includes(`from network ${prefix}.0/24, signed in `), list);
	assert.match(list, /\(this browser\)/);
	assert.doesNotMatch(list, new RegExp(laptop.address.replaceAll('.', '\\.') + '(?!\\d)'), 'never the full address');
	assert.match(list, /last seen \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
	// It asks for the password again (ASVS 3.3.4), so a stolen session cannot throw the owner out.
	const refused = await me.post('/studio/account/sessions/end-others', { csrf: csrfOf(page.body), current_password: 'not-my-password' });
	assert.equal(refused.status, 401);
	assert.match(main(refused.body), /That is not your current password\./);
	assert.equal(await signedIn(laptop), true, 'a wrong password ends nothing');
	const out = await me.post('/studio/account/sessions/end-others', { csrf: csrfOf(page.body), current_password: account.password });
	assert.equal(out.status, 303);
	assert.equal(out.headers.location, '/studio/account?done=signed_out');
	assert.equal(await signedIn(laptop), false);
	assert.equal(await signedIn(me), true);
	const after = main((await me.get('/studio/account?done=signed_out')).body);
	assert.match(after, /Every other session of the account was signed out\./);
	assert.equal((after.match(/<li><strong>/g) ?? []).length, 1, 'only this browser is left');
	assert.doesNotMatch(after, /Sign out everywhere else/);
});

test('the account page needs a signed-in account', async () => {
	const res = await new Client().get('/studio/account');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=/studio/account');
});

test('crowdcartctl purge deletes emailed links a day past their expiry, and leaves live ones', async () => {
	const old = await newAccount(new Client()), live = await newAccount(new Client());
	await askReset(old.email);
	await askReset(live.email);
	const of = (a) => `(SELECT id FROM users WHERE email = ${lit(a.email)})`;
	sql(`UPDATE account_tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 2 DAY WHERE user_id = ${of(old)}`);
	execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'purge']);
	assert.equal(sql(`SELECT COUNT(*) FROM account_tokens WHERE user_id = ${of(old)}`)[0][0], '0');
	assert.equal(sql(`SELECT COUNT(*) FROM account_tokens WHERE user_id = ${of(live)} AND purpose = 'reset'`)[0][0], '1');
});
