// asvs_passwords.test.mjs: the password rules of ASVS 4.0.3 V2.1 as a person signing up meets them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, unique } from './lib/http.mjs';

function account(password, over = {}) {
	const u = unique();
	return { role: 'shopper', email: `pw-${u}@test.crowdcart.test`, password, display_name: `Pw ${u}`, ...over };
}

function passwordError(html) {
	return /<input id="password"[^>]*aria-invalid="true"[^>]*>\s*<p class="hint"[^<]*<\/p>(?:<script[^>]*><\/script>)?\s*<p class="field-error"[^>]*>([^<]*)<\/p>/
		.exec(html)?.[1];
}

test('a common breached password of 12+ characters is refused at sign-up with 422 and a clear reason', async () => {
	const res = await new Client().signup(account('1234567890qwerty'));
	assert.equal(res.status, 422);
	assert.equal(passwordError(res.body),
		'That password is one of the most common ones, which attackers try first. Please choose another.');
});

test('the breached-password check ignores letter case', async () => {
	const res = await new Client().signup(account('1234567890QWERTY'));
	assert.equal(res.status, 422);
});

test('an 11-character password is refused and a 12-character one signs up and logs in', async () => {
	const short = await new Client().signup(account('tulip-garde'));
	assert.equal(short.status, 422);
	assert.match(passwordError(short.body) ?? '', /^Use a password of 12 to 128 characters\./);
	const f = account('tulip-garden');
	assert.equal((await new Client().signup(f)).status, 303);
	assert.equal((await new Client().login(f.email, f.password)).status, 303);
});

test('a password of 128 characters with spaces and emoji is kept whole (no truncation)', async () => {
	const pw = [...'tulips 🌷 in spring '.repeat(8)].slice(0, 126).join('') + '🌷!';
	assert.equal([...pw].length, 128);
	const f = account(pw);
	assert.equal((await new Client().signup(f)).status, 303);
	assert.equal((await new Client().login(f.email, pw)).status, 303, 'the whole password logs in');
	assert.equal((await new Client().login(f.email, pw.slice(0, -1))).status, 401, 'a prefix of it does not');
});

test('a password of 129 characters is refused', async () => {
	const res = await new Client().signup(account('p'.repeat(129)));
	assert.ok(res.status === 422 || res.status === 400, `answered ${res.status}`);
});

test('the email address as the password is refused', async () => {
	const f = account('');
	f.password = f.email;
	const res = await new Client().signup(f);
	assert.equal(res.status, 422);
	assert.equal(passwordError(res.body), 'Your password cannot be your email address. Please choose another.');
});

test('the forms let password managers fill and paste: autocomplete set, no paste blocking, masked input', async () => {
	const signup = (await new Client().get('/signup')).body;
	assert.match(signup, /<input id="password" name="password" type="password" autocomplete="new-password" minlength="12" maxlength="128"/);
	assert.match(signup, /At least 12 characters/);
	const login = (await new Client().get('/login')).body;
	assert.match(login, /<input id="password" name="password" type="password" autocomplete="current-password"/);
	for (const html of [signup, login])
		assert.doesNotMatch(html, /onpaste|oncopy|autocomplete="off"/);
});
