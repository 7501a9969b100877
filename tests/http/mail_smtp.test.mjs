// mail_smtp.test.mjs: crowdcartctl send-mail delivering real mail by SMTP to a small server of our
// own (tests/sim/smtp) on loopback: a live reminder arrives as a mail client expects it (Date,
// Message-ID at the base_url host, encoded Subject and From name, quoted-printable text and an
// escaped HTML alternative with absolute links); List-Unsubscribe only on mail one may stop; a
// 4xx is retried later, a 5xx or the last allowed attempt is dead and listed for the operator;
// STARTTLS required means no mail to a server without it or with a certificate nobody vouches
// for, and TLS with one that smtp_ca_file does; the password never shows; no base_url, no sender.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { confValue, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { lit, sql } from './lib/commerce.mjs';
import { eventually } from './lib/eventually.mjs';
import { creatorWithPicks, goLive, schedule, viewer } from './lib/live.mjs';
import { confWith, ctl, decodeWords, parseMessage, parts } from './lib/mail.mjs';
import { startSmtp } from '../sim/smtp/server.mjs';

usesDatabase();

// base + 8095, beside the payment simulator (base + 8096).
const SMTP_PORT = Number(process.env.SIM_PORT ?? 8096) - 1;
const PASSWORD = `smtp-pw-${unique()}`;
// Links and the Message-ID come from the config's base_url, not from the address under test
// (the Apache run reaches the same shop on another port).
const BASE = confValue('base_url').replace(/\/+$/, '');
const HOST = new URL(BASE).hostname;
let smtp;

before(async () => {
	smtp = await startSmtp({ port: SMTP_PORT, password: PASSWORD });
});
after(() => smtp.close());

function smtpConf(t, extra = '') {
	return confWith(t, `mail_transport = smtp
smtp_url = smtp://127.0.0.1:${SMTP_PORT}
smtp_starttls = off
smtp_user = crowdcart
smtp_password = ${PASSWORD}
smtp_timeout = 20
mail_retry_seconds = 2
mail_from = Crowdcart Läden <no-reply@shop.example>
${extra}`);
}

function queue(to, { subject = 'Your crowdcart order', body = 'Hello\n', kind = 'transactional', unsubscribe = null, attempts = 0 } = {}) {
	sql(`INSERT INTO outbox (to_addr, kind, unsubscribe_url, subject, body_text, attempts, created_at)
		VALUES (${lit(to)}, ${lit(kind)}, ${unsubscribe ? lit(unsubscribe) : 'NULL'}, ${lit(subject)}, ${lit(body)}, ${attempts}, UTC_TIMESTAMP())`);
}

function row(to) {
	const [[status, attempts, error, later]] = sql(`SELECT status, attempts, last_error, COALESCE(next_attempt_at > UTC_TIMESTAMP(), 0)
		FROM outbox WHERE to_addr = ${lit(to)}`);
	return { status, attempts: Number(attempts), error, later: later === '1' };
}

// A port nothing listens on: one the system just handed out and took back.
async function closedPort() {
	const s = net.createServer();
	await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
	const { port } = s.address();
	await new Promise((resolve) => s.close(resolve));
	return port;
}

test('a live reminder arrives as multipart/alternative with encoded headers, QP text and escaped HTML', async (t) => {
	const { client, account, products } = await creatorWithPicks(1);
	sql(`UPDATE creators SET display_name = '<b>Lena & "Co"</b>' WHERE handle = ${lit(account.handle)}`);
	const title = `Frühstück live — Crème brûlée & 🍓 Erdbeeren ${unique()}`;
	const { res, id } = await schedule(client, { title, products: [products[0].productId] });
	assert.equal(res.status, 303);
	const email = uniqueEmail('smtp-live');
	const v = await viewer(id);
	assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email })).status, 303);
	// Confirmed as its mailed link would confirm it (abuse_limits.test.mjs walks that link); the
	// confirmation mail itself is not this test's subject.
	sql(`UPDATE live_reminders SET confirmed_at = UTC_TIMESTAMP() WHERE email = ${lit(email)};
		DELETE FROM outbox WHERE to_addr = ${lit(email)}`);
	assert.equal((await goLive(client, id)).status, 303);
	assert.equal(sql(`SELECT kind FROM outbox WHERE to_addr = ${lit(email)}`)[0][0], 'reminder');

	const before = Date.now();
	const run = await ctl(smtpConf(t), 'send-mail', '--to', email);
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stdout, /sent 1 mails, 0 to retry, 0 dead/);
	assert.equal(row(email).status, 'sent');
	const [got] = smtp.to(email);
	assert.ok(got, 'the SMTP server received the mail');
	assert.equal(got.from, 'no-reply@shop.example');
	assert.equal(got.authUser, 'crowdcart', 'the sender logged in with smtp_user');

	const msg = parseMessage(got.text);
	assert.ok(Math.abs(Date.parse(msg.header('date')) - before) < 120_000, `Date: ${msg.header('date')}`);
	assert.match(msg.header('date'), /^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/);
	assert.match(msg.header('message-id'), new RegExp(`^<\\d+\\.\\d+\\.outbox@${HOST.replace(/\./g, '\\.')}>$`));
	assert.equal(msg.header('to'), email);
	assert.equal(decodeWords(msg.header('from')), 'Crowdcart Läden <no-reply@shop.example>');
	assert.match(msg.header('subject'), /^=\?UTF-8\?B\?/);
	assert.equal(decodeWords(msg.header('subject')), `Live now: ${title}`);
	// An address cannot be folded: its line may pass 76 characters, never RFC 5322's 998.
	for (const line of msg.head.split('\r\n'))
		assert.ok(line.length <= (line.startsWith('List-Unsubscribe: <') ? 998 : 76) && /^[\x20-\x7e\t]*$/.test(line), `header line: ${line}`);
	assert.equal(msg.header('mime-version'), '1.0');
	assert.match(msg.header('content-type'), /^multipart\/alternative; boundary="[^"]+"$/);
	assert.match(msg.header('list-unsubscribe'), new RegExp(`^<${BASE.replace(/[.]/g, '\\.')}/live/reminders/stop/[A-Za-z0-9_-]{43}>$`),
		'a reminder may be stopped: its stop link');
	assert.equal(msg.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');

	const [text, html] = parts(msg);
	assert.equal(text.type, 'text/plain; charset=utf-8');
	assert.equal(html.type, 'text/html; charset=utf-8');
	for (const p of [text, html]) {
		assert.equal(p.encoding, 'quoted-printable');
		for (const line of p.raw.split('\r\n'))
			assert.ok(line.length <= 76 && /^[\x20-\x7e\t]*$/.test(line), `body line: ${line}`);
	}
	assert.ok(text.text.includes(`<b>Lena & "Co"</b> is live now: ${title}`), text.text);
	assert.ok(text.text.includes(`Watch and shop: ${BASE}/live/${id}\n`), 'the text link is absolute');
	assert.match(html.text, /^<!DOCTYPE html>/);
	assert.ok(html.text.includes('&lt;b&gt;Lena &amp; &quot;Co&quot;&lt;/b&gt; is live now:'), html.text);
	assert.doesNotMatch(html.text, /<b>Lena/);
	assert.ok(html.text.includes(`<a href="${BASE}/live/${id}"`), 'the HTML link is absolute');
	assert.ok(html.text.includes('Crème brûlée &amp; 🍓'));
	assert.ok(!run.stdout.includes(PASSWORD) && !run.stderr.includes(PASSWORD));
});

test('List-Unsubscribe and its one-click POST header go only on mail the recipient may stop', async (t) => {
	const conf = smtpConf(t);
	const reminder = uniqueEmail('smtp-unsub'), order = uniqueEmail('smtp-order');
	const url = `${BASE}/live/1/remind/stop?t=${unique()}`;
	queue(reminder, { kind: 'reminder', unsubscribe: url, subject: 'Live now: Desk tour' });
	queue(order, { unsubscribe: url });
	assert.equal((await ctl(conf, 'send-mail', '--to', reminder)).code, 0);
	assert.equal((await ctl(conf, 'send-mail', '--to', order)).code, 0);
	const r = parseMessage(smtp.to(reminder)[0].text), o = parseMessage(smtp.to(order)[0].text);
	assert.equal(r.header('subject'), 'Live now: Desk tour', 'ASCII subjects stay as written');
	assert.equal(r.header('list-unsubscribe'), `<${url}>`);
	assert.equal(r.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
	assert.equal(o.header('list-unsubscribe'), undefined, 'transactional mail has no unsubscribe');
	assert.equal(o.header('list-unsubscribe-post'), undefined);
});

test('a 4xx answer is retried later with backoff; a 5xx is dead at once, listed, and pending again on the operator\'s word', async (t) => {
	const conf = smtpConf(t);
	const deferred = `defer-${uniqueEmail('smtp')}`, rejected = `reject-${uniqueEmail('smtp')}`;
	queue(deferred);
	queue(rejected);
	const first = await ctl(conf, 'send-mail', '--to', deferred);
	assert.match(first.stdout, /sent 0 mails, 1 to retry, 0 dead/);
	let d = row(deferred);
	assert.deepEqual([d.status, d.attempts, d.later], ['pending', 1, true]);
	assert.match(d.error, /451/);
	assert.equal(smtp.to(deferred).length, 0);
	await eventually(async () => {
		await ctl(conf, 'send-mail', '--to', deferred);
		assert.equal(smtp.to(deferred).length, 1);
	}, { timeout: 15_000, interval: 500 });
	d = row(deferred);
	assert.deepEqual([d.status, d.attempts, d.error], ['sent', 2, '']);

	const second = await ctl(conf, 'send-mail', '--to', rejected);
	assert.match(second.stdout, /sent 0 mails, 0 to retry, 1 dead/);
	const r = row(rejected);
	assert.deepEqual([r.status, r.attempts], ['dead', 1]);
	assert.match(r.error, /550/);
	const listed = await ctl(conf, 'mail', '--dead');
	assert.equal(listed.code, 0);
	assert.match(listed.stdout, /^\d+ dead mails/);
	const line = listed.stdout.split('\n').find((l) => l.includes(rejected));
	assert.ok(line, listed.stdout);
	assert.match(line, /1 attempts\tsmtp: .*550/);
	assert.equal((await ctl(conf, 'mail', '--dead', 'extra')).code, 2);

	// The operator fixes the cause and sends it again: pending with a fresh count; twice is refused.
	const id = line.split('\t')[0];
	const retry = await ctl(conf, 'mail', '--retry', id);
	assert.equal(retry.code, 0, retry.stderr);
	assert.deepEqual([row(rejected).status, row(rejected).attempts], ['pending', 0]);
	const again = await ctl(conf, 'mail', '--retry', id);
	assert.equal(again.code, 1);
	assert.match(again.stderr, /is not dead/);
	assert.equal((await ctl(conf, 'mail', '--retry', 'x1')).code, 2);
});

test('a refused connection is temporary until the last allowed attempt, which makes the mail dead', async (t) => {
	const conf = confWith(t, `mail_transport = smtp\nsmtp_url = smtp://127.0.0.1:${await closedPort()}\nsmtp_starttls = off\nmail_retry_seconds = 2`);
	const early = uniqueEmail('smtp-refused'), last = uniqueEmail('smtp-lastgo');
	queue(early);
	queue(last, { attempts: 4 });
	await ctl(conf, 'send-mail', '--to', early);
	await ctl(conf, 'send-mail', '--to', last);
	const e = row(early), l = row(last);
	assert.deepEqual([e.status, e.attempts, e.later], ['pending', 1, true]);
	assert.match(e.error, /connect/i);
	assert.deepEqual([l.status, l.attempts], ['dead', 5]);
});

test('STARTTLS required sends nothing to a server that does not offer it, and a wrong password waits', async (t) => {
	const tls = uniqueEmail('smtp-tls'), login = uniqueEmail('smtp-login');
	queue(tls);
	queue(login);
	const a = await ctl(smtpConf(t, 'smtp_starttls = required'), 'send-mail', '--to', tls);
	assert.match(a.stdout, /1 to retry/);
	const wrong = `wrong-${PASSWORD}`;
	const b = await ctl(smtpConf(t, `smtp_password = ${wrong}`), 'send-mail', '--to', login);
	assert.match(b.stdout, /1 to retry/, 'a refused login is the configuration\'s fault, not the mail\'s');
	assert.equal(smtp.to(tls).length + smtp.to(login).length, 0);
	for (const [addr, run] of [[tls, a], [login, b]]) {
		const r = row(addr);
		assert.deepEqual([r.status, r.attempts], ['pending', 1]);
		for (const s of [r.error, run.stdout, run.stderr])
			assert.ok(!s.includes(PASSWORD) && !s.includes(wrong), `a password showed: ${s}`);
	}
	assert.ok(smtp.logins.some((l) => l.user === 'crowdcart' && !l.ok));
});

// A self-signed certificate for 127.0.0.1: { key, cert, certFile }.
function selfSigned(t) {
	const dir = mkdtempSync(path.join(tmpdir(), 'cc-smtp-tls-'));
	t.after(() => rmSync(dir, { recursive: true, force: true }));
	const keyFile = path.join(dir, 'key.pem'), certFile = path.join(dir, 'cert.pem');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
		'-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
	{ stdio: 'ignore' });
	return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

test('STARTTLS: mail goes over TLS to a server whose certificate smtp_ca_file vouches for, and not to another', async (t) => {
	const { key, cert, certFile } = selfSigned(t);
	const secure = await startSmtp({ port: 0, password: PASSWORD, tls: { key, cert } });
	t.after(() => secure.close());
	const url = `smtp_url = smtp://127.0.0.1:${secure.port}\nsmtp_starttls = required`;
	const trusted = uniqueEmail('smtp-tls-ok'), unknown = uniqueEmail('smtp-tls-unknown');
	queue(trusted);
	queue(unknown);
	const ok = await ctl(smtpConf(t, `${url}\nsmtp_ca_file = ${certFile}`), 'send-mail', '--to', trusted);
	assert.match(ok.stdout, /sent 1 mails/, ok.stderr);
	const [got] = secure.to(trusted);
	assert.equal(got.tls, true, 'the mail came after STARTTLS');
	assert.equal(got.authUser, 'crowdcart', 'and the login too');
	const refused = await ctl(smtpConf(t, url), 'send-mail', '--to', unknown);
	assert.match(refused.stdout, /1 to retry/);
	assert.equal(secure.to(unknown).length, 0);
	assert.match(row(unknown).error, /smtp: .*(SSL|certificate)/i);
});

test('send-mail refuses to start without a usable base_url or transport, and touches nothing', async (t) => {
	const email = uniqueEmail('smtp-nobase');
	queue(email);
	const noBase = await ctl(smtpConf(t, 'base_url = shop.example'), 'send-mail', '--to', email);
	assert.equal(noBase.code, 2);
	assert.match(noBase.stderr, /send-mail needs base_url/);
	const badTls = await ctl(smtpConf(t, 'smtp_starttls = maybe'), 'send-mail', '--to', email);
	assert.equal(badTls.code, 2);
	assert.match(badTls.stderr, /smtp_starttls must be required or off/);
	const creds = await ctl(smtpConf(t, `smtp_url = smtp://crowdcart:${PASSWORD}@127.0.0.1:${SMTP_PORT}`), 'send-mail', '--to', email);
	assert.equal(creds.code, 2);
	assert.ok(!creds.stderr.includes(PASSWORD));
	assert.deepEqual([row(email).status, row(email).attempts], ['pending', 0]);
	assert.equal(smtp.to(email).length, 0);
});
