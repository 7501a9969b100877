// accounts.test.mjs: sign-up, log-in, session rotation and log-out, as a browser without JS would do them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, DEMO_PASSWORD, csrfOf, newAccount, unique, uniqueEmail } from './lib/http.mjs';

const LENA = 'lena@demo.crowdcart.test';

function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

// The value attribute of the form input with this id.
function inputValue(html, id) {
	return new RegExp(`<input id="${id}" [^>]*value="([^"]*)"`).exec(html)?.[1];
}

function fields(role, over = {}) {
	const u = unique();
	return {
		role,
		email: `${role}-${u}@test.crowdcart.test`,
		password: `pw-${u}-long-enough`,
		display_name: `Test ${role} ${u}`,
		handle: role === 'creator' ? `t${u}` : '',
		brand_name: role === 'brand' ? `Test Brand ${u}` : '',
		...over,
	};
}

async function studio(c) {
	const res = await c.get('/studio');
	assert.equal(res.status, 200, 'GET /studio is the signed-in studio page');
	return res.body;
}

// ---- sign-up ----------------------------------------------------------------------------

// Sign-up signs nobody in (its answer must be the same whether or not the address had an account):
// the new owner logs in with the password, as the "check your mail" page says.
async function signUpAndLogIn(c, f) {
	const res = await c.signup(f);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/signup/sent');
	assert.equal((await c.login(f.email, f.password)).status, 303, 'the new account logs in before its address is confirmed');
}

test('a creator signs up, logs in, and has a storefront', async () => {
	const c = new Client(), f = fields('creator');
	await signUpAndLogIn(c, f);
	const html = await studio(c);
	assert.ok(main(html).includes(`Signed in as ${f.display_name} (${f.email}), account type: creator.`));
	assert.ok(main(html).includes(`<a href="/@${f.handle}">/@${f.handle}</a>`));
	assert.ok(html.includes(`Log out ${f.display_name}</button>`), 'the navigation shows who is signed in');
	const store = await c.get(`/@${f.handle}`);
	assert.equal(store.status, 200);
	assert.ok(store.body.includes(`<h1>${f.display_name}</h1>`));
	assert.match(store.body, /No picks yet\./);
});

test('a brand signs up, logs in, and owns its brand', async () => {
	const c = new Client(), f = fields('brand');
	await signUpAndLogIn(c, f);
	const html = main(await studio(c));
	assert.ok(html.includes(`Signed in as ${f.display_name} (${f.email}), account type: brand.`));
	const slug = f.brand_name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	assert.ok(html.includes(`Your brand: ${f.brand_name} (${slug})`), html);
});

test('a shopper signs up and logs in', async () => {
	const c = new Client(), f = fields('shopper');
	await signUpAndLogIn(c, f);
	const html = main(await studio(c));
	assert.ok(html.includes(`Signed in as ${f.display_name} (${f.email}), account type: shopper.`));
	assert.doesNotMatch(html, /Your storefront|Your brand/);
});

test('sign-up signs nobody in: the session stays anonymous', async () => {
	const c = new Client();
	await c.startSession();
	const anonymous = c.cookie();
	assert.equal((await c.signup(fields('shopper'))).status, 303);
	assert.equal(c.cookie(), anonymous);
	assert.equal((await c.get('/studio')).status, 303, 'the session is not signed in');
});

test('a password of exactly 12 characters is accepted', async () => {
	const res = await new Client().signup(fields('shopper', { password: 'tulip-garden' }));
	assert.equal(res.status, 303);
});

test('a password of 70 non-ASCII characters (within 12..128) is accepted', async () => {
	const c = new Client(), f = fields('shopper', { password: 'é'.repeat(70) });
	assert.equal((await c.signup(f)).status, 303);
	assert.equal((await new Client().login(f.email, f.password)).status, 303, 'and logs in');
});

test('a display name of 77 characters but 107 bytes (within the form maxlength of 80) is accepted', async () => {
	const name = 'Café Ünïcödé '.repeat(6).trim();
	assert.equal([...name].length, 77);
	assert.equal(Buffer.byteLength(name), 107);
	const c = new Client(), f = fields('shopper', { display_name: name });
	await signUpAndLogIn(c, f);
	assert.ok(main(await studio(c)).includes(f.display_name));
});

test('a sign-up with a registered address answers exactly as a new one, and makes nothing', async () => {
	const first = fields('shopper');
	assert.equal((await new Client().signup(first)).status, 303);
	const again = fields('creator', { email: first.email });
	const res = await new Client().signup(again);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/signup/sent');
	assert.equal((await new Client().get(`/@${again.handle}`)).status, 404, 'no second account was made');
});

test('a registered address differing only in letter case answers as a new one', async () => {
	const res = await new Client().signup(fields('shopper', { email: LENA.toUpperCase() }));
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/signup/sent');
});

test("a taken handle is refused with 409 and the email is not used up", async () => {
	const f = fields('creator', { handle: 'lena' });
	const res = await new Client().signup(f);
	assert.equal(res.status, 409);
	assert.match(main(res.body), /That handle is taken\. Please choose another\./);
	assert.equal((await new Client().signup({ ...f, handle: `t${unique()}` })).status, 303,
		'the refused sign-up left no half-made account behind');
});

for (const [what, over, field, message] of [
	['an invalid email', { email: 'not-an-email' }, 'email', 'Enter a valid email address, like name@example.com.'],
	['an email without a dot in its domain', { email: 'someone@localhost' }, 'email', 'Enter a valid email address, like name@example.com.'],
	['an 11-character password', { password: 'tulip-garde' }, 'password', 'Use a password of 12 to 128 characters. A few words you will remember make a good one.'],
	['a blank display name', { display_name: '   ' }, 'display_name', 'Enter the name people will see.'],
	['the reserved handle "studio"', { handle: 'studio' }, 'handle', 'That handle is reserved. Please choose another.'],
	['the reserved handle "admin"', { handle: 'admin' }, 'handle', 'That handle is reserved. Please choose another.'],
	['the reserved handle "Login" (any case)', { handle: 'Login' }, 'handle', 'That handle is reserved. Please choose another.'],
	['a 2-character handle', { handle: 'ab' }, 'handle', 'A handle is 3 to 30 characters long.'],
	['a handle starting with a digit', { handle: '9lives' }, 'handle', 'A handle starts with a letter.'],
	['a handle with a dash', { handle: 'has-dash' }, 'handle', 'A handle uses only letters, digits and underscores.'],
	['an unknown role', { role: 'admin' }, 'role', 'Choose what kind of account you want.'],
]) {
	test(`sign-up with ${what} is refused with 422, the error shown and the typed values kept`, async () => {
		const f = fields(over.role ?? 'creator', over);
		const res = await new Client().signup(f);
		assert.equal(res.status, 422);
		const html = main(res.body);
		assert.ok(html.includes(`<li><a href="#${field}">${message.replaceAll('"', '&quot;')}</a></li>`), `summary: ${message}`);
		assert.ok(html.includes(`<p class="field-error" id="${field}-error">${message.replaceAll('"', '&quot;')}</p>`), `beside the field: ${message}`);
		if (field !== 'role' && field !== 'password')
			assert.match(html, new RegExp(`<input id="${field}" [^>]*aria-invalid="true"`), `${field} is marked invalid`);
		for (const kept of ['email', 'display_name', 'handle'])
			assert.equal(inputValue(res.body, kept), f[kept], `${kept} keeps what was typed`);
		assert.doesNotMatch(res.body, new RegExp(f.password.replace(/\W/g, '\\$&')), 'the password is never echoed');
		assert.ok(csrfOf(res.body), 'the form can be sent again');
	});
}

test('a brand sign-up without a usable brand name is refused with 422', async () => {
	const res = await new Client().signup(fields('brand', { brand_name: '!!!' }));
	assert.equal(res.status, 422);
	assert.match(main(res.body), /Enter your brand&#39;s name, with at least one letter or digit\./);
	assert.equal(inputValue(res.body, 'brand_name'), '!!!');
});

// ---- log-in -----------------------------------------------------------------------------

test('log-in with the right password goes to /studio signed in', async () => {
	const c = new Client();
	const res = await c.login(LENA, DEMO_PASSWORD);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/studio');
	const html = main(await studio(c));
	assert.ok(html.includes(`Signed in as Lena Park (${LENA}), account type: creator.`));
	assert.ok(html.includes('<a href="/@lena">/@lena</a>'));
});

test('log-in rotates the session token and the old token is no longer signed in', async () => {
	const c = new Client();
	await c.startSession();
	const csrf = await c.csrf('/login');
	const before = c.cookie();
	assert.ok(before);
	const res = await c.post('/login', { csrf, email: LENA, password: DEMO_PASSWORD });
	assert.equal(res.status, 303);
	assert.ok(res.setCookies.some((l) => l.startsWith('cc_session=')), 'log-in sets a new cookie');
	assert.notEqual(c.cookie(), before);
	const old = new Client();
	old.cookies.set('cc_session', before);
	const replay = await old.get('/studio');
	assert.equal(replay.status, 303);
	assert.equal(replay.headers.location, '/login?next=/studio');
	assert.equal((await c.get('/studio')).status, 200, 'the new token is signed in');
});

test('log-in goes to a local next= path', async () => {
	const res = await new Client().login(LENA, DEMO_PASSWORD, { next: '/@lena/desk-setup' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/@lena/desk-setup');
});

for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
	test(`log-in never redirects off the site (next=${next})`, async () => {
		const res = await new Client().login(LENA, DEMO_PASSWORD, { next });
		assert.equal(res.status, 303);
		assert.equal(res.headers.location, '/studio');
	});
}

test('the log-in form carries next= from the address it was sent to', async () => {
	const res = await new Client().get('/login?next=/studio');
	assert.match(res.body, /<input type="hidden" name="next" value="\/studio">/);
});

test('a wrong password is refused with 401, the email kept and not signed in', async () => {
	const c = new Client(), email = (await newAccount(new Client())).email;
	const res = await c.login(email, 'not-the-password');
	assert.equal(res.status, 401);
	assert.match(main(res.body), /That email and password do not match an account\./);
	assert.equal(inputValue(res.body, 'email'), email);
	assert.doesNotMatch(res.body, /not-the-password/);
	assert.equal((await c.get('/studio')).status, 303);
});

test('an unknown email gets the same 401 as a wrong password', async () => {
	const res = await new Client().login(uniqueEmail('nobody'), 'whatever-password');
	assert.equal(res.status, 401);
	assert.match(main(res.body), /That email and password do not match an account\./);
});

test('log-in without a password is refused with 422', async () => {
	const res = await new Client().login(LENA, '');
	assert.equal(res.status, 422);
	assert.match(main(res.body), /Enter your email and password\./);
});

// Throttling of failed log-ins (delays per account and network, no lockout of the owner):
// auth_throttle.test.mjs.

// ---- studio access and log-out ------------------------------------------------------------

test('/studio without a session redirects to /login?next=/studio', async () => {
	const res = await new Client().get('/studio');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=/studio');
});

test('/studio with an anonymous session redirects to /login?next=/studio', async () => {
	const c = new Client();
	await c.csrf('/login');
	const res = await c.get('/studio');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=/studio');
});

test('/studio with a made-up session cookie redirects to /login', async () => {
	const c = new Client();
	c.cookies.set('cc_session', 'A'.repeat(43));
	const res = await c.get('/studio');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=/studio');
});

test('log-out ends the session on the server: the old cookie replayed is signed out', async () => {
	const c = new Client();
	await newAccount(c);
	const token = c.cookie();
	const page = await c.get('/studio');
	const res = await c.post('/logout', { csrf: csrfOf(page.body) });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/');
	assert.ok(res.setCookies.some((l) => /^cc_session=;.*Max-Age=0/.test(l)), 'the browser is told to drop the cookie');
	const replay = new Client();
	replay.cookies.set('cc_session', token);
	const after = await replay.get('/studio');
	assert.equal(after.status, 303);
	assert.equal(after.headers.location, '/login?next=/studio');
});
