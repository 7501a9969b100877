// admin_two_step.test.mjs: the admin pages ask for two-step sign-in (ASVS 4.3.1) unless the operator
// turns admin_requires_two_step off, as the dev and test stacks do for their demo admin. A studio
// started on a production-like config refuses an admin signed in with the password alone, and lets
// the same admin in once two-step sign-in is on and the code was given.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, VAR, csrfOf, newAccount, unique } from './lib/http.mjs';
import { FcgiClient, startProgram } from './lib/fcgi.mjs';
import { lit, sql } from './lib/fulfilment.mjs';
import { codeAt, codeToken, setUpTwoStep } from './lib/totp.mjs';

// What an operator's config holds for the studio; admin_requires_two_step is left at its default.
const KEYS = ['db_hosts', 'db_name', 'studio_db_user', 'studio_db_password', 'secret_key',
	'templates_dir', 'static_dir', 'sql_dir', 'media_dir', 'run_as_user'];

let studio, admin;
before(async () => {
	const stack = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8').split('\n');
	const kept = stack.filter((l) => KEYS.includes(/^([a-z_]+)\s*=/.exec(l)?.[1]));
	assert.equal(kept.length, KEYS.length, 'the stack config holds every key the studio needs');
	assert.match(readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8'), /^admin_requires_two_step = off$/m,
		'the stack itself lets its admins in with the password');
	studio = await startProgram(`${kept.join('\n')}\nbase_url = http://127.0.0.1\n`, { program: 'studio', name: 'admin-two-step' });
	admin = await newAccount(new Client(), 'brand');
	sql(`UPDATE users SET role = 'admin' WHERE email = ${lit(admin.email)}`);
});

after(() => studio?.stop());

// Signs in on the production-like studio with the password; answers the page that follows.
async function passwordSignIn(c) {
	const form = await c.get('/login');
	return c.post('/login', { csrf: csrfOf(form.body), email: admin.email, password: admin.password });
}

test('an admin signed in with the password alone is sent to set up two-step sign-in, not into /admin', async () => {
	const c = new FcgiClient(studio.sock);
	assert.equal((await passwordSignIn(c)).status, 303, 'the password signs in');
	assert.equal((await c.get('/studio')).status, 200);
	for (const p of ['/admin', '/admin/users', '/admin/system']) {
		const res = await c.get(p);
		assert.equal(res.status, 403, p);
		assert.match(res.body, /The admin pages need two-step sign-in\./, p);
	}
	const home = await c.get('/studio');
	const csrf = csrfOf(home.body);
	const reason = `no second factor ${unique()}`;
	assert.equal((await c.post('/admin/users/1/suspend', { csrf, reason })).status, 403);
	assert.equal(sql(`SELECT COUNT(*) FROM admin_audit WHERE reason = ${lit(reason)}`)[0][0], '0', 'nothing was done');
	assert.equal(sql('SELECT suspended_at IS NULL FROM users WHERE id = 1')[0][0], '1', 'the account stays as it was');
});

test('with two-step sign-in on, the admin gives the code and /admin opens', async () => {
	const web = new Client();
	await web.login(admin.email, admin.password);
	const { key, step } = await setUpTwoStep(web);
	const c = new FcgiClient(studio.sock);
	const asked = await passwordSignIn(c);
	assert.equal(asked.status, 200, 'the password step asks for the code');
	const done = await c.post('/login/code', { csrf: csrfOf(asked.body), token: codeToken(asked.body), code: codeAt(key, step + 1) });
	assert.equal(done.status, 303, 'the code signs in');
	assert.equal((await c.get('/admin')).status, 200);
	assert.equal((await c.get('/admin/system')).status, 200);
});
