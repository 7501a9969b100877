// totp.test.mjs: two-step sign-in (TOTP, RFC 6238) through the real studio: set-up (a QR code, the
// key, the otpauth URI) confirmed by a code and ten recovery codes shown once; sign-in that asks the
// code after the password and after the emailed link; a code and a recovery code each working once;
// wrong codes throttled like wrong passwords; the half-signed-in step bound to its browser, expiring
// and voided by wrong codes; a password reset that leaves it on; turning it off only with the
// password and a code, and new recovery codes the same way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, ROOT, STUDIO_LOG, VAR, csrfOf, newAccount } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { lit, mailCount, mailedLink, sql } from './lib/account_mail.mjs';
import { codeAt, codeToken, main, nowStep, setUpTwoStep } from './lib/totp.mjs';

async function signedIn(c) {
	return (await c.get('/studio')).status === 200;
}

// The password step of a log-in; for an account with two-step sign-in it answers the code form.
async function passwordStep(account, c = new Client()) {
	const res = await c.login(account.email, account.password);
	return { c, res, token: codeToken(res.body), csrf: csrfOf(res.body) };
}

function sendCode(step, code) {
	return step.c.post('/login/code', { csrf: step.csrf, token: step.token, code });
}

test('set-up shows the key and an otpauth URI, is off until a code confirms it, then shows ten recovery codes once', async () => {
	const c = new Client();
	const account = await newAccount(c, 'brand');
	const page = await c.get('/studio/account');
	assert.match(main(page.body), /href="\/studio\/account\/two-step"/, 'the account page leads to it');
	const start = await c.get('/studio/account/two-step');
	assert.equal(start.status, 200);
	assert.match(main(start.body), /Set up two-step sign-in/);
	assert.equal((await c.post('/studio/account/two-step/begin', { csrf: csrfOf(start.body) })).status, 303);
	const pending = await c.get('/studio/account/two-step');
	assert.match(pending.body, /<img class="qr" src="\/studio\/account\/two-step\/qr\.svg"/);
	const qr = await c.get('/studio/account/two-step/qr.svg');
	assert.equal(qr.status, 200);
	assert.match(qr.headers['content-type'], /^image\/svg\+xml/);
	assert.equal(qr.headers['cache-control'], 'no-store');
	assert.match(qr.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"[^>]*><rect[^>]*\/><path fill="#000" d="(M\d+ \d+h1v1h-1z)+"\/><\/svg>\n$/);
	assert.equal((await new Client().get('/studio/account/two-step/qr.svg')).status, 303, 'only for the signed-in owner');
	const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(pending.body)[1].replace(/ /g, '');
	assert.equal(secret.length, 32, 'a 160-bit key');
	const uri = /<code class="uri">([^<]+)<\/code>/.exec(pending.body)[1].replace(/&amp;/g, '&');
	const parsed = new URL(uri);
	assert.equal(parsed.protocol, 'otpauth:');
	assert.equal(parsed.searchParams.get('secret'), secret);
	assert.equal(parsed.searchParams.get('issuer'), 'crowdcart');
	assert.equal(parsed.host, 'totp');
	assert.equal(decodeURIComponent(parsed.pathname), `/crowdcart:${account.email}`);
	// Not on yet: the password alone still signs in.
	assert.equal((await new Client().login(account.email, account.password)).status, 303);
	const sealed = sql(`SELECT HEX(secret_sealed), enabled_at IS NULL FROM account_totp
		WHERE user_id = (SELECT id FROM users WHERE email = ${lit(account.email)})`)[0];
	assert.equal(sealed[1], '1');
	const { base32Decode } = await import('./lib/totp.mjs');
	const key = base32Decode(secret);
	assert.ok(!sealed[0].includes(key.toString('hex').toUpperCase()), 'the key is not stored in clear');
	assert.equal(sealed[0].length, 2 * 60, 'nonce, MAC and the sealed 20 bytes');
	const wrong = await c.post('/studio/account/two-step/confirm', { csrf: csrfOf(pending.body), code: '000000' === codeAt(key, nowStep()) ? '111111' : '000000' });
	assert.equal(wrong.status, 422);
	assert.match(main(wrong.body), /That code is not right/);
	const done = await c.post('/studio/account/two-step/confirm', { csrf: csrfOf(pending.body), code: codeAt(key, nowStep()) });
	assert.equal(done.status, 200);
	const codes = [...main(done.body).matchAll(/<li><code>([a-z2-9-]+)<\/code><\/li>/g)].map((m) => m[1]);
	assert.equal(codes.length, 10);
	assert.equal(new Set(codes).size, 10);
	for (const code of codes)
		assert.match(code, /^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
	const stored = sql(`SELECT HEX(code_hash) FROM account_recovery_codes
		WHERE user_id = (SELECT id FROM users WHERE email = ${lit(account.email)})`).map((r) => r[0]);
	assert.equal(stored.length, 10, 'only hashes are kept');
	assert.equal((await c.get('/studio/account/two-step/qr.svg')).status, 404, 'the key is not shown once it is on');
	const again = await c.get('/studio/account/two-step');
	assert.match(main(again.body), /Two-step sign-in is on/);
	assert.match(main(again.body), /You have 10 recovery codes left/);
	for (const code of codes)
		assert.ok(!again.body.includes(code), 'the codes are shown once');
	assert.equal(mailCount(account.email, 'Two-step sign-in is on'), 1, 'the owner is told by mail');
});

test('sign-in asks the code after the password; a code works once, and a reused one is logged and mailed', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step } = await setUpTwoStep(owner);
	const first = await passwordStep(account);
	assert.equal(first.res.status, 200, 'the password alone does not sign in');
	assert.match(main(first.res.body), /Enter your code/);
	assert.match(first.token ?? '', /^[A-Za-z0-9_-]{43}$/);
	assert.equal(await signedIn(first.c), false, 'half signed in is not signed in');
	// The code of the set-up's step was used by the set-up itself; the next step's is in the window.
	assert.equal((await sendCode(first, codeAt(key, step))).status, 401, 'the code that confirmed the set-up is spent');
	const warned = () => mailCount(account.email, 'A used sign-in code was tried on your account');
	assert.equal(warned(), 1, 'a used code tried again is told to the owner');
	const code = codeAt(key, step + 1);
	const ok = await sendCode(first, code);
	assert.equal(ok.status, 303);
	assert.equal(ok.headers.location, '/studio');
	assert.equal(await signedIn(first.c), true);
	const replay = await passwordStep(account);
	const refused = await sendCode(replay, code);
	assert.equal(refused.status, 401, 'the same code is refused within its window');
	assert.match(main(refused.body), /That code is not right, or was already used\./);
	assert.equal(await signedIn(replay.c), false);
	// ASVS 2.8.5: a reused code is logged and its owner told.
	assert.equal(warned(), 2);
	const id = sql(`SELECT id FROM users WHERE email = ${lit(account.email)}`)[0][0];
	const log = STUDIO_LOG;
	await eventually(() => readFileSync(log, 'utf8').includes(`studio: a used two-step code was tried for account ${id}; refused, owner told`),
		{ message: `the reuse is in ${log}` });
	assert.ok(!readFileSync(log, 'utf8').includes(code), 'the code itself is not logged');
});

test('a recovery code signs in once, then it is refused', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { codes } = await setUpTwoStep(owner);
	const first = await passwordStep(account);
	const ok = await sendCode(first, codes[3].toUpperCase());
	assert.equal(ok.status, 303, 'any letter case');
	assert.equal(await signedIn(first.c), true);
	const second = await passwordStep(account);
	assert.equal((await sendCode(second, codes[3])).status, 401, 'a recovery code is used up');
	assert.equal(await signedIn(second.c), false);
	const page = await owner.get('/studio/account/two-step');
	assert.match(main(page.body), /You have 9 recovery codes left/);
});

test('wrong codes are throttled like wrong passwords, and the right one waits too', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step } = await setUpTwoStep(owner);
	const attempt = await passwordStep(account);
	const right = codeAt(key, step + 1);
	const wrongCode = right === '123456' ? '654321' : '123456';
	const lastId = Number(sql('SELECT COALESCE(MAX(id), 0) FROM sign_in_failures')[0][0]);
	// As for passwords: three failures are free, the fourth makes the next attempt wait a second.
	for (let i = 0; i < 4; i++)
		assert.equal((await sendCode(attempt, wrongCode)).status, 401, `wrong code ${i + 1}`);
	// This account and address's rows (the pair's keyed hash): other test files fail sign-ins too.
	const pairs = sql(`SELECT HEX(subject_hash) FROM sign_in_failures WHERE id > ${lastId}
		GROUP BY subject_hash HAVING COUNT(*) = 4`).map(([h]) => `'${h}'`);
	assert.ok(pairs.length >= 1, 'the four wrong codes are four failures of one pair');
	const held = await sendCode(attempt, right);
	assert.equal(held.status, 429);
	assert.ok(Number(held.headers['retry-after']) >= 1);
	assert.match(main(held.body), /Too many wrong codes\. Please try again in \d+ seconds?\./);
	assert.equal(await signedIn(attempt.c), false);
	const failures = () => Number(sql(`SELECT COUNT(*) FROM sign_in_failures WHERE HEX(subject_hash) IN (${pairs.join(',')})`)[0][0]);
	const counted = failures();
	assert.ok(counted >= 4, 'the wrong codes are counted as sign-in failures');
	// Once the wait is over the password is right again, but it does not wipe the count: the
	// account still owes its code.
	const next = await eventually(async () => {
		const step2 = await passwordStep(account, attempt.c);
		assert.equal(step2.res.status, 200);
		return step2;
	}, { message: 'the password step answers the code form once the wait is over' });
	assert.equal(failures(), counted, 'a right password does not clear the wrong codes');
	assert.equal((await sendCode(next, right)).status, 303, 'the right code then signs in');
	assert.ok(failures() < counted, 'and the pair starts again from zero');
});

test('the code form is bound to the browser that gave the password', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step } = await setUpTwoStep(owner);
	const first = await passwordStep(account);
	const other = new Client();
	await other.startSession();	// its token is good for every form, the code form's too
	const csrf = await other.csrf('/login');
	const stolen = await other.post('/login/code', { csrf, token: first.token, code: codeAt(key, step + 1) });
	assert.equal(stolen.status, 410);
	assert.equal(await signedIn(other), false);
	assert.equal((await sendCode(first, codeAt(key, step + 1))).status, 303, 'its own browser still can');
});

test('the emailed sign-in link still asks for the code', async () => {
	const account = await newAccount(new Client(), 'creator');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step } = await setUpTwoStep(owner);
	const c = new Client();
	const csrf = await c.csrf('/login/link');
	assert.equal((await c.post('/login/link', { csrf, email: account.email })).status, 200);
	const link = mailedLink(account.email, 'link');
	assert.ok(link);
	const page = await c.get(link);
	const used = await c.post(link, { csrf: csrfOf(page.body) });
	assert.equal(used.status, 200, 'the link does not sign in by itself');
	assert.match(main(used.body), /Enter your code/);
	assert.equal(await signedIn(c), false);
	const ok = await c.post('/login/code', { csrf: csrfOf(used.body), token: codeToken(used.body), code: codeAt(key, step + 1) });
	assert.equal(ok.status, 303);
	assert.equal(await signedIn(c), true);
});

test('turning it off asks the password and a code; then the password alone signs in again', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step, codes } = await setUpTwoStep(owner);
	const page = await owner.get('/studio/account/two-step');
	const csrf = csrfOf(page.body);
	const noPassword = await owner.post('/studio/account/two-step/off', { csrf, current_password: 'not-the-password', code: codeAt(key, step + 1) });
	assert.equal(noPassword.status, 401);
	assert.match(main(noPassword.body), /Two-step sign-in is still on\./);
	const noCode = await owner.post('/studio/account/two-step/off', { csrf, current_password: account.password, code: '12345' });
	assert.equal(noCode.status, 401);
	const off = await owner.post('/studio/account/two-step/off', { csrf, current_password: account.password, code: codes[0] });
	assert.equal(off.status, 303);
	const after = await owner.get('/studio/account/two-step');
	assert.match(main(after.body), /Set up two-step sign-in/);
	assert.equal((await new Client().login(account.email, account.password)).status, 303);
	assert.equal(mailCount(account.email, 'Two-step sign-in is off'), 1, 'the owner is told by mail');
	assert.equal(sql(`SELECT COUNT(*) FROM account_recovery_codes
		WHERE user_id = (SELECT id FROM users WHERE email = ${lit(account.email)})`)[0][0], '0', 'the recovery codes went with it');
});

test('a code step left unfinished expires: its form answers 410 and crowdcartctl purge deletes it', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step } = await setUpTwoStep(owner);
	const left = await passwordStep(account);
	const of = `(SELECT id FROM users WHERE email = ${lit(account.email)})`;
	sql(`UPDATE login_second_steps SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE user_id = ${of}`);
	const late = await sendCode(left, codeAt(key, step + 1));
	assert.equal(late.status, 410);
	assert.match(main(late.body), /This sign-in step has expired or was used\. Please log in again\./);
	assert.equal(await signedIn(left.c), false);
	execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'purge']);
	assert.equal(sql(`SELECT COUNT(*) FROM login_second_steps WHERE user_id = ${of}`)[0][0], '0');
});

test('five wrong codes void the step: the password has to be given again', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step } = await setUpTwoStep(owner);
	const attempt = await passwordStep(account);
	const of = `(SELECT id FROM users WHERE email = ${lit(account.email)})`;
	// Four wrong codes through the form; the throttle then makes the fifth wait a second, so the
	// test counts the fifth in the row, as a patient guesser would after the wait.
	const wrongCode = codeAt(key, step + 1) === '123456' ? '654321' : '123456';
	for (let i = 0; i < 4; i++)
		assert.equal((await sendCode(attempt, wrongCode)).status, 401);
	assert.equal(sql(`SELECT wrong_codes FROM login_second_steps WHERE user_id = ${of}`)[0][0], '4');
	sql(`UPDATE login_second_steps SET wrong_codes = 5 WHERE user_id = ${of}`);
	assert.equal((await sendCode(attempt, codeAt(key, step + 1))).status, 410, 'even the right code');
	assert.equal(await signedIn(attempt.c), false);
});

test('a password reset by mail leaves the second factor on: the new password still asks the code', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step } = await setUpTwoStep(owner);
	const c = new Client();
	assert.equal((await c.submit('/login/forgot', { email: account.email })).status, 200);
	const link = mailedLink(account.email, 'reset');
	const form = await c.get(link);
	const fresh = `${account.password}-renewed`;
	assert.equal((await c.post(link, { csrf: csrfOf(form.body), password: fresh })).status, 303);
	const after = await passwordStep({ ...account, password: fresh });
	assert.equal(after.res.status, 200);
	assert.match(main(after.res.body), /Enter your code/);
	assert.equal((await sendCode(after, codeAt(key, step + 1))).status, 303);
});

test('ten new recovery codes replace the old ones, with the password and a code; the owner is told', async () => {
	const account = await newAccount(new Client(), 'brand');
	const owner = new Client();
	await owner.login(account.email, account.password);
	const { key, step, codes } = await setUpTwoStep(owner);
	const page = await owner.get('/studio/account/two-step');
	const csrf = csrfOf(page.body);
	const wrong = await owner.post('/studio/account/two-step/recovery', { csrf, current_password: account.password, code: 'abcd-efgh-jkmn-pqrs-tuvw-xyz2' });
	assert.equal(wrong.status, 401);
	assert.match(main(wrong.body), /Your recovery codes are unchanged\./);
	const renewed = await owner.post('/studio/account/two-step/recovery', { csrf, current_password: account.password, code: codeAt(key, step + 1) });
	assert.equal(renewed.status, 200);
	const fresh = [...main(renewed.body).matchAll(/<li><code>([a-z2-9-]+)<\/code><\/li>/g)].map((m) => m[1]);
	assert.equal(fresh.length, 10);
	assert.ok(fresh.every((c) => !codes.includes(c)));
	assert.match(main(renewed.body), /You have 10 recovery codes left/);
	assert.equal(mailCount(account.email, 'New recovery codes for your account'), 1);
	const old = await passwordStep(account);
	assert.equal((await sendCode(old, codes[1])).status, 401, 'an old code no longer works');
	const now = await passwordStep(account);
	assert.equal((await sendCode(now, fresh[1])).status, 303, 'a new one does');
});
