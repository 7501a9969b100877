// throttle_fail_closed.test.mjs: a failed log-in or order lookup that cannot be counted is not answered
// as a failure. While the database refuses those writes (here: a full table), the answer is 503 with
// Retry-After, so guesses cannot run past the throttle for as long as the writes fail. Likewise an
// anonymous action whose abuse budget cannot be counted is not carried out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, newAccount, uniqueEmail } from './lib/http.mjs';
import { sql } from './lib/catalog.mjs';
import { holdExclusive } from './lib/dblock.mjs';
import { ask, liveSession, viewer } from './lib/live.mjs';

// 1114 is "the table is full", which the database layer answers as a transient failure.
const refuse = (table) => `CREATE TRIGGER test_refuse_${table} BEFORE INSERT ON ${table} FOR EACH ROW
	SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 1114, MESSAGE_TEXT = 'The table ${table} is full (test)';`;
const TABLES = ['sign_in_failures', 'order_lookup_attempts'];

describe('while failed attempts cannot be recorded', () => {
	let release;

	before(async () => {
		// No other test file may meet the refused writes.
		release = await holdExclusive();
		for (const t of TABLES)
			sql(refuse(t));
	});

	after(() => {
		try {
			for (const t of [...TABLES, 'abuse_hits'])
				sql(`DROP TRIGGER IF EXISTS test_refuse_${t};`);
		} finally {
			release?.();
		}
	});

	test('a wrong password is answered 503 with Retry-After, not 401; the right one still logs in', async () => {
		const account = await newAccount(new Client());
		const attacker = new Client();
		const csrf = await attacker.csrf('/login');
		const res = await attacker.post('/login', { csrf, email: account.email, password: 'wrong-password' });
		assert.equal(res.status, 503);
		assert.match(res.headers['retry-after'] ?? '', /^\d+$/);
		assert.doesNotMatch(res.body, /do not match/, 'nothing says the password was wrong');
		assert.equal((await new Client().login(account.email, account.password)).status, 303);
	});

	test('an order lookup that matches nothing is answered 503 with Retry-After, not 404', async () => {
		const v = new Client();
		const csrf = await v.csrf('/orders/lookup');
		const res = await v.post('/orders/lookup', { csrf, number: 'C'.repeat(20), email: uniqueEmail('lookup') });
		assert.equal(res.status, 503);
		assert.match(res.headers['retry-after'] ?? '', /^\d+$/);
	});

	test('a live question whose abuse budget cannot be counted is answered 503 and not posted', async () => {
		const { id } = await liveSession();
		const v = await viewer(id);
		sql(refuse('abuse_hits'));
		try {
			const res = await ask(v, id, 'An uncounted question');
			assert.equal(res.status, 503);
			assert.match(res.headers['retry-after'] ?? '', /^\d+$/);
		} finally {
			sql('DROP TRIGGER IF EXISTS test_refuse_abuse_hits;');
		}
		assert.equal(sql(`SELECT COUNT(*) FROM live_questions WHERE session_id = ${id}`)[0][0], '0');
	});
});
