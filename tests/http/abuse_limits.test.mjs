// abuse_limits.test.mjs: anonymous actions are limited by what an attacker cannot cheaply change.
// A fresh cookie per request (a new session, a new live viewer) is refused once the client's
// address has spent its budget: live questions, live votes, "remind me", order lookups (and one
// session is limited on its own: "remind me" five times an hour); a lead
// form's per-address budget covers the address's whole /24 four times over; another /24 still
// gets through. Refusals are 429 with Retry-After and the page shown again with the message.
// "Remind me" is double opt-in: the ask mails a one-time confirmation link (asked again, no second
// mail), opening the link changes nothing until its button is pressed, only confirmed reminders
// are mailed at go-live, with a stop link, and a stopped address is never mailed again;
// crowdcartctl purge-carts forgets the addresses that will never be mailed.
// Each test connects from addresses of its own in 127/8 (http.mjs), so budgets never collide.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { Client, ROOT, VAR, csrfOf, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { lit, sql } from './lib/commerce.mjs';
import { eventually } from './lib/eventually.mjs';
import { answers, brandWithForm, leadRows, submitLead } from './lib/leads.mjs';
import { end, goLive, liveSession, questionId } from './lib/live.mjs';

usesDatabase();

// A /24 of 127/8 for one test, and addresses in it.
function network() {
	const net = `127.${randomInt(1, 255)}.${randomInt(1, 255)}`;
	return { net, host: (n = randomInt(1, 255)) => `${net}.${n}` };
}

// An address whose /24 is not `net`'s.
function elsewhere(net) {
	for (;;) {
		const other = network();
		if (other.net !== net.net)
			return other.host();
	}
}

// Budgets count in fixed windows (aligned to the epoch, as on the server): a test needing a whole
// window waits, when the current one is about to end, for the next. 30 s is five times what the
// longest of these tests takes on a loaded 2-core machine (6 s); at 90 s a run that met the end
// of an hour waited 87 s in six tests at once.
async function freshWindow(seconds, need = 30) {
	const left = () => seconds - (Math.floor(Date.now() / 1000) % seconds);
	if (left() < need)
		await eventually(() => left() >= need, { timeout: (need + 5) * 1000, interval: 500 });
}

// A visitor with a fresh cookie from `address`, having opened `path` (its csrf token kept).
async function fresh(address, path) {
	const c = new Client({ address });
	await c.startSession();	// its token is good for every form, as the visitor's page's tokens would be
	const page = await c.get(path);
	assert.equal(page.status, 200, `GET ${path}`);
	c.csrfToken = csrfOf(page.body);
	return c;
}

function assertRefused(res, message) {
	assert.equal(res.status, 429, res.body.slice(0, 300));
	const after = Number(res.headers['retry-after']);
	assert.ok(Number.isInteger(after) && after > 0, `Retry-After: ${res.headers['retry-after']}`);
	assert.match(res.body, message);
}

// A mail's lines joined with ' | ' (sql() reads one row per line).
const outboxTo = (email) => sql(`SELECT subject, REPLACE(body_text, '\\n', ' | ') FROM outbox WHERE to_addr = ${lit(email)} ORDER BY id`);
const confirmLink = (body) => /\/live\/reminders\/confirm\/([A-Za-z0-9_-]{43})/.exec(body)?.[0];
const stopLink = (body) => /\/live\/reminders\/stop\/([A-Za-z0-9_-]{43})/.exec(body)?.[0];

describe('abuse limits', { concurrency: true }, () => {

test('live questions: a fresh cookie per question is refused after the address\'s 30, another /24 still asks', async () => {
	await freshWindow(600);
	const { id } = await liveSession();
	const net = network(), addr = net.host();
	for (let i = 0; i < 30; i++) {
		const v = await fresh(addr, `/live/${id}`);
		const res = await v.post(`/live/${id}/ask`, { csrf: v.csrfToken, text: `Question ${i}`, name: `Viewer ${i}` });
		assert.equal(res.status, 303, `question ${i + 1}: ${res.body.slice(0, 200)}`);
	}
	const v = await fresh(addr, `/live/${id}`);
	const refused = await v.post(`/live/${id}/ask`, { csrf: v.csrfToken, text: 'One too many', name: 'Flooder' });
	assertRefused(refused, /<p class="flash error" id="live-error" role="alert">Too many questions are coming from your network right now\. Please wait/);
	assert.match(refused.body, /<form class="form live-ask" id="live-ask"/, 'the page comes back with its form');
	assert.equal(sql(`SELECT COUNT(*) FROM live_questions WHERE session_id = ${id} AND body = 'One too many'`)[0][0], '0');
	const other = await fresh(elsewhere(net), `/live/${id}`);
	assert.equal((await other.post(`/live/${id}/ask`, { csrf: other.csrfToken, text: 'From another network', name: 'Other' })).status, 303);
});

test('live votes: a fresh viewer per vote is refused after the address\'s 60, another /24 still votes', async () => {
	await freshWindow(600);
	const { id } = await liveSession();
	const asker = await fresh(network().host(), `/live/${id}`);
	const q = questionId(await asker.post(`/live/${id}/ask`, { csrf: asker.csrfToken, text: 'Vote for me', name: 'Asker' }));
	assert.ok(q > 0);
	const net = network(), addr = net.host();
	for (let i = 0; i < 60; i++) {
		const v = await fresh(addr, `/live/${id}`);
		assert.equal((await v.post(`/live/${id}/questions/${q}/vote`, { csrf: v.csrfToken })).status, 303, `vote ${i + 1}`);
	}
	const v = await fresh(addr, `/live/${id}`);
	assertRefused(await v.post(`/live/${id}/questions/${q}/vote`, { csrf: v.csrfToken }),
		/Too many votes are coming from your network right now\./);
	assert.equal(sql(`SELECT votes FROM live_questions WHERE id = ${q}`)[0][0], '60');
	const other = await fresh(elsewhere(net), `/live/${id}`);
	assert.equal((await other.post(`/live/${id}/questions/${q}/vote`, { csrf: other.csrfToken })).status, 303);
	assert.equal(sql(`SELECT votes FROM live_questions WHERE id = ${q}`)[0][0], '61');
});

test('remind me: a fresh cookie per ask is refused after the address\'s 20, another /24 still asks', async () => {
	await freshWindow(3600);
	const { id } = await liveSession();
	const net = network(), addr = net.host();
	for (let i = 0; i < 20; i++) {
		const v = await fresh(addr, `/live/${id}`);
		assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email: uniqueEmail('flood') })).status, 303, `ask ${i + 1}`);
	}
	const v = await fresh(addr, `/live/${id}`);
	const email = uniqueEmail('refused');
	const refused = await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email });
	assertRefused(refused, /Too many reminder requests for now, from your network or for that address\./);
	assert.match(refused.body, /<form class="form live-remind" method="post"/, 'the page comes back with its form');
	assert.equal(outboxTo(email).length, 0);
	const other = await fresh(elsewhere(net), `/live/${id}`);
	assert.equal((await other.post(`/live/${id}/remind`, { csrf: other.csrfToken, email })).status, 303);
	assert.equal(outboxTo(email).length, 1);
});

test('remind me: one session asks at most 5 times an hour, whatever the addresses typed', async () => {
	await freshWindow(3600);
	const { id } = await liveSession();
	const v = await fresh(network().host(), `/live/${id}`);
	for (let i = 0; i < 5; i++)
		assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email: uniqueEmail('session') })).status, 303, `ask ${i + 1}`);
	assertRefused(await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email: uniqueEmail('session') }), /Too many reminder requests/);
});

test('remind me: one target address gets at most one link in its window and three asks a day, from any network', async () => {
	await freshWindow(86400);
	const { id } = await liveSession();
	const email = uniqueEmail('target');
	for (let i = 0; i < 3; i++) {
		const v = await fresh(network().host(), `/live/${id}`);
		assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email: i === 1 ? email.toUpperCase() : email })).status, 303);
	}
	assert.equal(outboxTo(email).length, 1, 'asked again while the link is valid: no second mail');
	const v = await fresh(network().host(), `/live/${id}`);
	assertRefused(await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email }), /for that address/);
});

test('remind me needs the mailed confirmation: unconfirmed gets no go-live mail, confirmed does, with a stop link', async () => {
	const { creator, id, title } = await liveSession();
	const unconfirmed = uniqueEmail('unconfirmed'), confirmed = uniqueEmail('confirmed');
	for (const email of [unconfirmed, confirmed]) {
		const v = await fresh(network().host(), `/live/${id}`);
		const res = await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email });
		assert.equal(res.status, 303);
		assert.match((await v.get(res.headers.location)).body, /confirm with the link we emailed you/);
	}
	const [[subject, body]] = outboxTo(confirmed);
	assert.equal(subject, `Confirm your reminder: ${title}`);
	assert.match(body, /confirm within 48 hours/);
	const link = confirmLink(body);
	assert.ok(link, body);
	assert.ok(stopLink(body), 'the confirmation mail has a stop link too');
	assert.equal(sql(`SELECT COUNT(*) FROM live_reminders WHERE session_id = ${id} AND confirm_hash IS NOT NULL AND confirmed_at IS NULL`)[0][0], '2');
	const token = link.split('/').pop();
	const [[hashHex, stopToken]] = sql(`SELECT HEX(confirm_hash), unsubscribe_token FROM live_reminders WHERE session_id = ${id} AND email = ${lit(confirmed)}`);
	assert.notEqual(hashHex.toLowerCase(), Buffer.from(token, 'base64url').toString('hex'), 'the token is stored as its hash');
	assert.notEqual(stopToken, token);

	// Opening the link (a mail scanner does too) changes nothing; its button confirms.
	const reader = new Client();
	const page = await reader.get(link);
	assert.equal(page.status, 200);
	assert.match(page.body, /Confirm your reminder/);
	assert.match(page.body, new RegExp(`<form class="form" method="post" action="${link}">`));
	assert.equal(sql(`SELECT COUNT(*) FROM live_reminders WHERE email = ${lit(confirmed)} AND confirmed_at IS NOT NULL`)[0][0], '0');
	const done = await reader.post(link, { csrf: csrfOf(page.body) });
	assert.equal(done.status, 200);
	assert.match(done.body, /Reminder confirmed/);
	assert.equal(sql(`SELECT COUNT(*) FROM live_reminders WHERE email = ${lit(confirmed)} AND confirmed_at IS NOT NULL`)[0][0], '1');
	assert.equal((await reader.post(link, { csrf: csrfOf(page.body) })).status, 404, 'a link confirms once');
	assert.equal((await reader.get(link)).status, 404);

	await goLive(creator, id);
	assert.deepEqual(outboxTo(unconfirmed).map((m) => m[0]), [`Confirm your reminder: ${title}`], 'no go-live mail unconfirmed');
	const mails = outboxTo(confirmed);
	assert.deepEqual(mails.map((m) => m[0]), [`Confirm your reminder: ${title}`, `Live now: ${title}`]);
	const stop = stopLink(mails[1][1]);
	assert.ok(stop, mails[1][1]);
	assert.match(mails[1][1], /Unsubscribe: /);
	const stopPage = await reader.get(stop);
	assert.equal(stopPage.status, 200);
	assert.match(stopPage.body, /Stop this reminder/);
	assert.equal(sql(`SELECT COUNT(*) FROM live_reminders WHERE email = ${lit(confirmed)} AND unsubscribed_at IS NOT NULL`)[0][0], '0');
	const stopped = await reader.post(stop, { csrf: csrfOf(stopPage.body) });
	assert.equal(stopped.status, 200);
	assert.match(stopped.body, /Reminder stopped/);
	assert.equal(sql(`SELECT COUNT(*) FROM live_reminders WHERE email = ${lit(confirmed)} AND unsubscribed_at IS NOT NULL`)[0][0], '1');
});

test('remind me: an expired link is dead and a new ask mails a new one; a stopped address is never mailed again', async () => {
	const { id } = await liveSession();
	const email = uniqueEmail('expiry');
	const ask = async (who) => {
		const v = await fresh(network().host(), `/live/${id}`);
		assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email: who })).status, 303);
	};
	await ask(email);
	const first = confirmLink(outboxTo(email)[0][1]);
	sql(`UPDATE live_reminders SET confirm_expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE session_id = ${id} AND email = ${lit(email)}`);
	const dead = await new Client().get(first);
	assert.equal(dead.status, 404);
	assert.match(dead.body, /links last 48 hours/);
	await ask(email);
	const mails = outboxTo(email);
	assert.equal(mails.length, 2, 'the expired link is replaced');
	assert.notEqual(confirmLink(mails[1][1]), first);

	const victim = uniqueEmail('victim');
	await ask(victim);
	const stop = stopLink(outboxTo(victim)[0][1]);
	const reader = new Client();
	const page = await reader.get(stop);
	assert.equal((await reader.post(stop, { csrf: csrfOf(page.body) })).status, 200);
	sql(`UPDATE live_reminders SET confirm_expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE session_id = ${id} AND email = ${lit(victim)}`);
	await ask(victim);
	assert.equal(outboxTo(victim).length, 1, 'an address that said stop is not mailed again');
	assert.equal((await reader.get(confirmLink(outboxTo(victim)[0][1]))).status, 404, 'its old link is dead too');
});

test('remind me: a reminder stored before confirmation links gets no go-live mail until its address confirms', async () => {
	const { creator, id, title } = await liveSession();
	const email = uniqueEmail('legacy');
	sql(`INSERT INTO live_reminders (session_id, email, created_at) VALUES (${id}, ${lit(email)}, UTC_TIMESTAMP())`);
	const v = await fresh(network().host(), `/live/${id}`);
	assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email })).status, 303);
	const [[, body]] = outboxTo(email);
	assert.ok(stopLink(body), `a stop link: ${body}`);
	const link = confirmLink(body);
	const page = await v.get(link);
	assert.equal((await v.post(link, { csrf: csrfOf(page.body) })).status, 200);
	assert.equal((await goLive(creator, id)).status, 303);
	const mails = outboxTo(email);
	assert.equal(mails.length, 2);
	assert.equal(mails[1][0], `Live now: ${title}`);
	assert.equal(stopLink(mails[1][1]), stopLink(body), 'the go-live mail carries the same stop link');
});

test('crowdcartctl purge-carts forgets reminders that will never be mailed, and keeps a stop until the session ends', async () => {
	const { creator, id } = await liveSession();
	const [expired, stopped, confirmed] = ['expired', 'stopped', 'confirmed'].map((tag) => uniqueEmail(tag));
	for (const email of [expired, stopped, confirmed]) {
		const v = await fresh(network().host(), `/live/${id}`);
		assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email })).status, 303);
	}
	const reader = new Client();
	for (const [email, link] of [[stopped, stopLink], [confirmed, confirmLink]]) {
		const url = link(outboxTo(email)[0][1]);
		const page = await reader.get(url);
		assert.equal((await reader.post(url, { csrf: csrfOf(page.body) })).status, 200);
	}
	sql(`UPDATE live_reminders SET confirm_expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE session_id = ${id} AND email = ${lit(expired)}`);
	const purge = () => execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), 'purge-carts'],
		{ env: { ...process.env, CROWDCART_CONF: '' } });
	const left = () => sql(`SELECT email FROM live_reminders WHERE session_id = ${id} ORDER BY email`).map((r) => r[0]);
	purge();
	assert.deepEqual(left(), [confirmed, stopped].sort());
	assert.equal((await goLive(creator, id)).status, 303);
	assert.equal((await end(creator, id)).status, 303);
	purge();
	assert.deepEqual(left(), []);
});

test('order lookup: a fresh cookie per lookup is refused after the address\'s 60, another /24 still looks up', async () => {
	await freshWindow(900);
	const net = network(), addr = net.host();
	for (let i = 0; i < 60; i++) {
		const v = await fresh(addr, '/orders/lookup');
		const res = await v.post('/orders/lookup', { csrf: v.csrfToken, number: `CC-NOPE-${i}`, email: uniqueEmail('guess') });
		assert.equal(res.status, 404, `lookup ${i + 1}`);
	}
	const v = await fresh(addr, '/orders/lookup');
	const refused = await v.post('/orders/lookup', { csrf: v.csrfToken, number: 'CC-NOPE', email: uniqueEmail('guess') });
	assertRefused(refused, /Too many order lookups from your network right now\./);
	assert.match(refused.body, /<form class="form" method="post" action="\/orders\/lookup">/, 'the form comes back');
	const other = await fresh(elsewhere(net), '/orders/lookup');
	assert.equal((await other.post('/orders/lookup', { csrf: other.csrfToken, number: 'CC-NOPE', email: uniqueEmail('guess') })).status, 404);
});

test('lead forms: the per-address budget holds per host, and four times it for the whole /24', async () => {
	await freshWindow(3600);
	const f = await brandWithForm({ settings: { ip_limit_per_hour: '2', form_limit_per_hour: '1000' } });
	const net = network();
	const hosts = [10, 11, 12, 13].map((n) => net.host(n));
	for (const h of hosts)
		for (let i = 0; i < 2; i++)
			assert.equal((await submitLead(f.slug, answers(uniqueEmail('lead')), { client: new Client({ address: h }) })).status, 200);
	const again = await submitLead(f.slug, answers(uniqueEmail('lead')), { client: new Client({ address: net.host(14) }) });
	assertRefused(again, /Too many submissions of this form from your network\./);
	assert.match(again.body, /name="consent"/, 'the form comes back');
	assert.equal(leadRows(f.id).length, 8);
	assert.equal((await submitLead(f.slug, answers(uniqueEmail('lead')), { client: new Client({ address: elsewhere(net) }) })).status, 200);
	assert.equal(leadRows(f.id).length, 9);
});

});
