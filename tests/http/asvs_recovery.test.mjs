// asvs_recovery.test.mjs: ASVS 4.0.3 V2.1.7 and V2.7.2 where the owner changes or recovers the
// password: the common-password list of sign-up holds at reset and change too, and the emailed
// sign-in link lasts the 10 minutes an out-of-band code may.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, csrfOf, newAccount } from './lib/http.mjs';
import { expireLinks, lit, mailCount, mailedLink, sql } from './lib/account_mail.mjs';

const BREACHED = '1234567890qwerty';	// 16 characters, in src/lib/password_common.c
const COMMON = /That password is one of the most common ones, which attackers try first\. Please choose another\./;

function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

test('a common breached password is refused at password change and at reset with 422, and the old password still logs in', async () => {
	const me = new Client();
	const account = await newAccount(me);
	const page = await me.get('/studio/account');
	const changed = await me.post('/studio/account/password',
		{ csrf: csrfOf(page.body), current_password: account.password, password: BREACHED.toUpperCase() });
	assert.equal(changed.status, 422);
	assert.match(main(changed.body), COMMON);

	const asked = await new Client().submit('/login/forgot', { email: account.email });
	assert.equal(asked.status, 200);
	const link = mailedLink(account.email, 'reset');
	assert.ok(link, 'a reset link was mailed');
	const visitor = new Client();
	const form = await visitor.get(link);
	assert.equal(form.status, 200);
	const reset = await visitor.post(link, { csrf: csrfOf(form.body), password: BREACHED });
	assert.equal(reset.status, 422);
	assert.match(main(reset.body), COMMON);

	assert.equal((await new Client().login(account.email, BREACHED)).status, 401, 'the common password was never set');
	assert.equal((await new Client().login(account.email, account.password)).status, 303, 'the old one still logs in');
	assert.equal(mailCount(account.email, 'Your crowdcart password was changed'), 0, 'nothing changed, so nothing to tell');
});

test('an emailed sign-in link expires 10 minutes after it is asked for, as the page says', async () => {
	const account = await newAccount(new Client());
	const owner = new Client();
	await owner.startSession();	// its token is good for every form, the link form's too
	const asked = await owner.post('/login/link', { csrf: await owner.csrf('/login'), email: account.email });
	assert.equal(asked.status, 200);
	assert.match(main(asked.body), /It works once, within 10 minutes\./);
	const [[lasts]] = sql(`SELECT TIMESTAMPDIFF(SECOND, t.created_at, t.expires_at) FROM account_tokens t
		JOIN users u ON u.id = t.user_id WHERE u.email = ${lit(account.email)} AND t.purpose = 'sign_in'
		ORDER BY t.id DESC LIMIT 1`);
	assert.equal(Number(lasts), 600);
	const link = mailedLink(account.email, 'link');
	assert.ok(link, 'a sign-in link was mailed');
	expireLinks(account.email);
	const late = await owner.get(link);
	assert.equal(late.status, 410, 'past its time the link is refused');
	assert.match(main(late.body), /expired or was already used/);
	assert.equal((await owner.get('/studio')).status, 303, 'and nobody is signed in');
});
