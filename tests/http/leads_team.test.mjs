// leads_team.test.mjs: the leads centre's last pieces through the real servers: a brand's team
// (the owner invites by mail, the invitee accepts signed in with that address, works leads and
// nothing else of the brand, assignment among the team, "assigned to me", removal ending access),
// the appointment's .ics attached to the brand's new-lead mail, and national phone numbers read
// in the form's region coming out E.164 in the exports.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfOf, newAccount, uniqueEmail } from './lib/http.mjs';
import { answers, brandWithForm, leadRows, lit, sql, submitLead } from './lib/leads.mjs';
import { confWith, ctl, parseMessage, parts } from './lib/mail.mjs';
import { startSmtp } from '../sim/smtp/server.mjs';

// The path of the latest team invitation mailed to email.
function invitation(email) {
	const rows = sql(`SELECT REGEXP_SUBSTR(body_text, 'https?://[^[:space:]]+/studio/team/join/[A-Za-z0-9_-]+')
		FROM outbox WHERE to_addr = ${lit(email)} AND body_text LIKE '%/studio/team/join/%' ORDER BY id DESC LIMIT 1`);
	return rows[0]?.[0] ? new URL(rows[0][0]).pathname : undefined;
}

let smtp;
before(async () => { smtp = await startSmtp({ port: 0 }); });
after(() => smtp.close());

// Sends what the outbox holds for `to` through the SMTP simulator; the messages it received, decoded.
async function mailTo(t, to) {
	const conf = confWith(t, `mail_transport = smtp\nsmtp_url = smtp://127.0.0.1:${smtp.port}\nsmtp_starttls = off\nsmtp_timeout = 20`);
	const run = await ctl(conf, 'send-mail', '--to', to);
	assert.equal(run.code, 0, run.stderr);
	return smtp.to(to).map((m) => parseMessage(m.text));
}

const userId = (email) => sql(`SELECT id FROM users WHERE email = ${lit(email)}`)[0][0];
const history = (lead) => sql(`SELECT CONCAT(actor, ': ', what) FROM lead_events WHERE lead_id = ${lead} ORDER BY id`).map((r) => r[0]);

// A brand with a form, one lead, and a shopper account invited into its team (not yet joined).
async function brandAndInvitee() {
	const f = await brandWithForm({ fresh: true });
	const lead = uniqueEmail('team-lead');
	assert.equal((await submitLead(f.slug, answers(lead))).status, 200);
	const [[leadId]] = sql(`SELECT id FROM leads WHERE form_id = ${f.id} AND email = ${lit(lead)}`);
	const member = new Client();
	const account = await newAccount(member, 'shopper');
	const sent = await f.brand.submit('/studio/team/invite', { email: account.email }, { formPath: '/studio/team' });
	assert.equal(sent.status, 303, sent.body.slice(0, 300));
	return { f, leadId, member, account, link: invitation(account.email) };
}

describe('brand team', { concurrency: 2 }, () => {
	test('an invitation is mailed once, shown to strangers without being used, and taken up only by its address', async (t) => {
		const { f, member, account, link } = await brandAndInvitee();
		assert.match(link, /^\/studio\/team\/join\/[A-Za-z0-9_-]{43}$/);
		// The mail as the invitee's client shows it: the brand, what a member does, the absolute link.
		const mails = (await mailTo(t, account.email)).filter((m) => /^Join .*'s team$/.test(m.header('subject')));
		assert.equal(mails.length, 1);
		const [text] = parts(mails[0]);
		assert.match(text.text, /invites you to work .*'s leads on crowdcart/);
		assert.ok(text.text.includes(`/studio/team/join/${link.split('/').pop()}\n`), text.text);
		assert.match(text.text, /The link works once, for 7 days\./);
		const token = link.split('/').pop();
		// Only the token's hash is stored, and the invitation lasts 7 days.
		assert.equal(sql(`SELECT COUNT(*) FROM brand_invites WHERE email = ${lit(account.email)}`)[0][0], '1');
		assert.equal(sql(`SELECT COUNT(*) FROM brand_invites WHERE HEX(token_hash) LIKE ${lit(`%${Buffer.from(token, 'base64url').toString('hex').toUpperCase()}%`)}`)[0][0], '0');
		assert.equal(sql(`SELECT TIMESTAMPDIFF(HOUR, created_at, expires_at) FROM brand_invites WHERE email = ${lit(account.email)}`)[0][0], '168');
		const team = await f.brand.get('/studio/team');
		assert.equal(team.status, 200);
		assert.ok(team.body.includes(account.email), 'the open invitation is listed');
		// A visitor sees what it is and how to sign in; nothing is written, no session is made.
		const visitor = new Client();
		const open = await visitor.get(link);
		assert.equal(open.status, 200);
		assert.match(open.body, /To accept, sign in with that address/);
		assert.equal(visitor.cookies.size, 0, 'an anonymous GET makes no session');
		// Someone else signed in is refused, and cannot take it up by posting either.
		const other = new Client();
		await newAccount(other, 'shopper');
		assert.equal((await other.get(link)).status, 403);
		const stolen = await other.post(link, new URLSearchParams({ csrf: await other.csrf('/studio') }).toString());
		assert.equal(stolen.status, 403);
		assert.equal(sql(`SELECT COUNT(*) FROM brand_members m JOIN lead_forms f ON f.brand_id = m.brand_id WHERE f.id = ${f.id}`)[0][0], '0');
		// A POST without the CSRF token is refused.
		assert.equal((await member.post(link, '')).status, 403);
		// The invitee joins, lands in the leads centre, and the link is used up.
		const join = await member.submit(link, {}, { formPath: link });
		assert.equal(join.status, 303);
		assert.equal(join.headers.location, '/studio/leads');
		assert.equal((await member.get(link)).status, 410);
		const mine = await member.get('/studio');
		assert.match(mine.body, /You are in .*'s team/);
	});

	test('a member works leads (status, labels, notes, assignment) but gets no other brand page; removal ends it', async () => {
		const { f, leadId, member, account, link } = await brandAndInvitee();
		assert.equal((await member.submit(link, {}, { formPath: link })).status, 303);
		const memberId = userId(account.email);
		const list = await member.get('/studio/leads');
		assert.equal(list.status, 200);
		assert.ok(list.body.includes(`/studio/leads/${leadId}"`), 'the member sees the brand\'s leads');
		assert.doesNotMatch(list.body, /href="\/studio\/team"|href="\/studio\/forms"/, 'no owner links for a member');
		const page = await member.get(`/studio/leads/${leadId}`);
		assert.equal(page.status, 200);
		assert.match(page.body, new RegExp(`<option value="${memberId}">[^<]+ \\(you\\)</option>`));
		assert.match(page.body, /Only the brand's owner can erase a lead/);
		// Owner-only pages and actions refuse the member.
		for (const path of ['/studio/products', '/studio/brand/shipping', '/studio/brand/about', '/studio/team',
			'/studio/forms', '/studio/leads/webhook', '/studio/orders', '/studio/brand/payouts', `/studio/forms/${f.id}`])
			assert.equal((await member.get(path)).status, 403, path);
		const csrf = await member.csrf(`/studio/leads/${leadId}`);
		for (const [path, body] of [[`/studio/leads/${leadId}/delete`, {}], ['/studio/team/invite', { email: uniqueEmail('x') }],
			[`/studio/forms/${f.id}`, { title: 'taken over' }], [`/studio/team/members/${memberId}/remove`, {}]])
			assert.equal((await member.post(path, new URLSearchParams({ csrf, ...body }).toString())).status, 403, path);
		// The member works the lead: status, labels, assignment to themself, a note.
		const work = await member.submit(`/studio/leads/${leadId}/work`, { status: 'contacted', labels: 'call back', assignee: String(memberId) },
			{ formPath: `/studio/leads/${leadId}` });
		assert.equal(work.status, 303);
		assert.equal((await member.submit(`/studio/leads/${leadId}/notes`, { note: 'Left a voicemail' }, { formPath: `/studio/leads/${leadId}` })).status, 303);
		assert.deepEqual(sql(`SELECT status, labels, assignee_user_id FROM leads WHERE id = ${leadId}`)[0], ['contacted', 'call back', memberId]);
		const name = account.display_name;
		assert.ok(history(leadId).includes(`${name}: Assigned to ${name}`), history(leadId).join('\n'));
		assert.ok(history(leadId).includes(`${name}: Note added`));
		// "Assigned to me": the member sees it, the owner does not; the CSV names the assignee.
		assert.ok((await member.get('/studio/leads?mine=1')).body.includes(`/studio/leads/${leadId}"`));
		assert.ok(!(await f.brand.get('/studio/leads?mine=1')).body.includes(`/studio/leads/${leadId}"`));
		assert.ok((await f.brand.get('/studio/leads')).body.includes(`/studio/leads/${leadId}"`));
		const csv = await member.get(`/studio/leads.csv?form=${f.id}&mine=1`);
		assert.equal(csv.status, 200);
		assert.ok(csv.body.includes(name), 'the export names the assignee');
		// Only the team can be chosen: another account's id is refused and changes nothing.
		const outsider = sql(`SELECT id FROM users WHERE id <> ${memberId} AND id NOT IN (SELECT owner_user_id FROM brands WHERE owner_user_id IS NOT NULL) LIMIT 1`)[0][0];
		const bad = await f.brand.submit(`/studio/leads/${leadId}/work`, { status: 'contacted', labels: 'call back', assignee: String(outsider) },
			{ formPath: `/studio/leads/${leadId}` });
		assert.equal(bad.status, 422);
		assert.equal(sql(`SELECT assignee_user_id FROM leads WHERE id = ${leadId}`)[0][0], memberId);
		// The owner removes the member: the lead is unassigned, with a line in its history, and the
		// member's access ends at once.
		const removed = await f.brand.submit(`/studio/team/members/${memberId}/remove`, {}, { formPath: '/studio/team' });
		assert.equal(removed.status, 303);
		assert.equal(sql(`SELECT COALESCE(assignee_user_id, 'none') FROM leads WHERE id = ${leadId}`)[0][0], 'none');
		assert.ok(history(leadId).some((h) => h.endsWith(`Unassigned: ${name} left the team`)));
		assert.equal((await member.get('/studio/leads')).status, 403);
		assert.equal((await member.get(`/studio/leads/${leadId}`)).status, 403);
	});

	test('a name typed before teams stays shown as legacy text until the lead is assigned to an account', async () => {
		const f = await brandWithForm({ fresh: true });
		const email = uniqueEmail('legacy');
		assert.equal((await submitLead(f.slug, answers(email))).status, 200);
		const [[leadId]] = sql(`SELECT id FROM leads WHERE form_id = ${f.id} AND email = ${lit(email)}`);
		sql(`UPDATE leads SET assignee = 'Sam from sales' WHERE id = ${leadId}`);
		const page = await f.brand.get(`/studio/leads/${leadId}`);
		assert.match(page.body, /Sam from sales <span class="hint">\(typed before the brand had a team\)/);
		assert.match(page.body, /<option value="" selected>Nobody<\/option>/);
		// Saving without choosing anyone keeps the text; choosing the owner replaces it.
		const path = `/studio/leads/${leadId}`;
		assert.equal((await f.brand.submit(`${path}/work`, { status: 'raw', labels: '', assignee: '' }, { formPath: path })).status, 303);
		assert.equal(sql(`SELECT assignee FROM leads WHERE id = ${leadId}`)[0][0], 'Sam from sales');
		const owner = sql(`SELECT b.owner_user_id FROM brands b JOIN lead_forms f ON f.brand_id = b.id WHERE f.id = ${f.id}`)[0][0];
		assert.equal((await f.brand.submit(`${path}/work`, { status: 'raw', labels: '', assignee: owner }, { formPath: path })).status, 303);
		assert.deepEqual(sql(`SELECT assignee, assignee_user_id FROM leads WHERE id = ${leadId}`)[0], ['', owner]);
		assert.ok((await f.brand.get('/studio/leads?mine=1')).body.includes(`${path}"`));
	});

	test('an account that owns a brand cannot join another, and a used or cancelled invitation is gone', async () => {
		const f = await brandWithForm({ fresh: true });
		const other = new Client();
		const brandAccount = await newAccount(other, 'brand');
		assert.equal((await f.brand.submit('/studio/team/invite', { email: brandAccount.email }, { formPath: '/studio/team' })).status, 303);
		const link = invitation(brandAccount.email);
		assert.equal((await other.submit(link, {}, { formPath: link })).status, 409);
		// Inviting the owner's own address is refused beside the field.
		const ownerEmail = sql(`SELECT u.email FROM users u JOIN brands b ON b.owner_user_id = u.id JOIN lead_forms f ON f.brand_id = b.id WHERE f.id = ${f.id}`)[0][0];
		const self = await f.brand.submit('/studio/team/invite', { email: ownerEmail }, { formPath: '/studio/team' });
		assert.equal(self.status, 422);
		assert.match(self.body, /id="email-error">That address is already in the team/);
		const bad = await f.brand.submit('/studio/team/invite', { email: 'not an address' }, { formPath: '/studio/team' });
		assert.equal(bad.status, 422);
		// Cancelled: the link stops working.
		const later = new Client();
		const acc = await newAccount(later, 'creator');
		assert.equal((await f.brand.submit('/studio/team/invite', { email: acc.email }, { formPath: '/studio/team' })).status, 303);
		const [[inviteId]] = sql(`SELECT id FROM brand_invites WHERE email = ${lit(acc.email)}`);
		assert.equal((await f.brand.submit(`/studio/team/invites/${inviteId}/cancel`, {}, { formPath: '/studio/team' })).status, 303);
		assert.equal((await later.get(invitation(acc.email))).status, 410);
		// A member who deletes their account leaves the team with it.
		assert.equal((await f.brand.submit('/studio/team/invite', { email: acc.email }, { formPath: '/studio/team' })).status, 303);
		const again = invitation(acc.email);
		assert.equal((await later.submit(again, {}, { formPath: again })).status, 303);
		assert.equal(sql(`SELECT COUNT(*) FROM brand_members WHERE user_id = ${userId(acc.email)}`)[0][0], '1');
		const id = userId(acc.email);
		assert.equal((await later.submit('/studio/account/delete', { current_password: acc.password })).status, 200);
		assert.equal(sql(`SELECT COUNT(*) FROM brand_members WHERE user_id = ${id}`)[0][0], '0');
	});
});

// An appointment form whose slots start every day at 09:00 in Europe/Berlin.
const APPOINTMENT_FIELDS = [
	{ type: 'email', label: 'Email', required: 'yes' },
	{ type: 'appointment', label: 'Your visit', required: 'yes', appt_weekly: 'mon 09:00-10:00, tue 09:00-10:00, wed 09:00-10:00, thu 09:00-10:00, fri 09:00-10:00, sat 09:00-10:00, sun 09:00-10:00',
		appt_slot_minutes: '30', appt_tz: 'Europe/Berlin', appt_notice_hours: '0' },
];

describe('the brand\'s new-lead mail', () => {
	test('carries the booked appointment as a text/calendar part whose DTSTART is the slot in UTC', async (t) => {
		const f = await brandWithForm({ fresh: true, fields: APPOINTMENT_FIELDS });
		const visitor = new Client();
		const page = await visitor.get(`/f/${f.slug}`);
		const slot = /name="q2" value="([^"]+)"/.exec(page.body)[1];
		const stamp = /<input type="hidden" name="t" value="([^"]*)">/.exec(page.body)[1];
		const sent = await visitor.post(`/f/${f.slug}`, new URLSearchParams({ csrf: csrfOf(page.body), t: stamp, consent: 'yes',
			q1: uniqueEmail('appt'), q2: slot }).toString());
		assert.equal(sent.status, 200, sent.body.slice(0, 300));
		const owner = sql(`SELECT u.email FROM users u JOIN brands b ON b.owner_user_id = u.id JOIN lead_forms f ON f.brand_id = b.id WHERE f.id = ${f.id}`)[0][0];
		// Only the notice goes through SMTP here: the sign-up's verification mail is another test's.
		sql(`DELETE FROM outbox WHERE to_addr = ${lit(owner)}`);
		const [msg] = await mailTo(t, owner);
		assert.ok(msg, 'the new-lead notice reached the brand owner');
		assert.match(msg.header('content-type'), /^multipart\/mixed; boundary="/);
		const [body, calendar] = parts(msg);
		assert.match(body.type, /^multipart\/alternative/);
		assert.match(calendar.type, /^text\/calendar; charset=utf-8; method=PUBLISH; name="appointment.ics"$/);
		assert.equal(calendar.encoding, 'base64');
		const ics = Buffer.from(calendar.raw.replace(/\s+/g, ''), 'base64').toString('utf8');
		assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
		assert.match(ics, /\r\nMETHOD:PUBLISH\r\n/);
		assert.match(ics, /\r\nEND:VCALENDAR\r\n$/);
		// "2026-12-07T08:00Z" -> "20261207T080000Z"
		const dtstart = slot.replace(/[-:]/g, '').replace('Z', '00Z');
		assert.match(ics, new RegExp(`\\r\\nDTSTART:${dtstart}\\r\\n`));
		assert.match(ics, /\r\nDTEND:\d{8}T\d{6}Z\r\n/);
		const end = /DTEND:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/.exec(ics);
		const start = new Date(slot.replace('Z', ':00Z'));
		assert.equal(Date.UTC(+end[1], end[2] - 1, +end[3], +end[4], +end[5], +end[6]) - start.getTime(), 30 * 60 * 1000);
		// The text says so too, in the brand's zone.
		const [text] = parts({ header: () => body.type, body: body.raw });
		assert.match(text.text, /They booked an appointment: .*\(Europe\/Berlin\)\. It is attached as appointment\.ics/);
		// The calendar travels in the outbox row of the notice itself.
		assert.equal(sql(`SELECT COUNT(*) FROM outbox o JOIN users u ON u.id = o.to_user_id WHERE u.email = ${lit(owner)} AND o.calendar_ics IS NOT NULL`)[0][0], '1');
		assert.equal(leadRows(f.id).length, 1);
	});
});

// A phone question answered nationally, read in the form's region.
const PHONE_FIELDS = [
	{ type: 'text', label: 'Full name', required: 'yes' }, { type: 'email', label: 'Email', required: 'yes' },
	{ type: 'phone', label: 'Phone' }, { type: 'phone', label: 'Mobile', phone_strict: 'yes' },
];

describe('phone numbers with libphonenumber', () => {
	test('a national number comes out E.164 in the CSV and both CRM exports; a strict question asks again', async () => {
		const f = await brandWithForm({ fresh: true, fields: PHONE_FIELDS });
		assert.match((await f.brand.get(f.formPath)).body, /Only valid numbers/);
		const email = uniqueEmail('national');
		const sent = await submitLead(f.slug, { q1: 'Grace Hopper', q2: email, q3: '(206) 555-0100', q4: '', consent: 'yes' });
		assert.equal(sent.status, 200);
		assert.deepEqual(sql(`SELECT a.value, a.e164 FROM lead_answers a JOIN leads l ON l.id = a.lead_id
			WHERE l.email = ${lit(email)} AND a.label = 'Phone'`)[0], ['(206) 555-0100', '+12065550100']);
		const csv = await f.brand.get(`/studio/leads.csv?form=${f.id}`);
		const [head, row] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
		assert.ok(head.endsWith(',answers,Full name,Email,Phone,Phone (E.164),Mobile,Mobile (E.164)'), head);
		assert.ok(row.endsWith(`,Grace Hopper,${email},(206) 555-0100,+12065550100,,`), row);
		const hub = (await f.brand.get(`/studio/leads.csv?form=${f.id}&format=hubspot`)).body.replace(/^\uFEFF/, '').split('\r\n');
		assert.ok(hub[1].startsWith(`${email},Grace,Hopper,+12065550100,`), hub[1]);
		const sf = (await f.brand.get(`/studio/leads.csv?form=${f.id}&format=salesforce`)).body.replace(/^\uFEFF/, '').split('\r\n');
		assert.ok(sf[1].startsWith(`${email},Grace,Hopper,+12065550100,`), sf[1]);
		// The strict question refuses a number that is not one, beside the field, answers kept...
		const strict = await submitLead(f.slug, { q1: 'Grace Hopper', q2: uniqueEmail('strict'), q3: '555 0100', q4: '(206) 555-010', consent: 'yes' });
		assert.equal(strict.status, 422);
		assert.match(strict.body, /id="q4-error"[^>]*>Check the number: it is not a complete phone number in US\./);
		assert.match(strict.body, /value="\(206\) 555-010"/);
		// ...while the other keeps an invalid number as typed, with no E.164.
		const loose = uniqueEmail('loose');
		assert.equal((await submitLead(f.slug, { q1: 'Grace Hopper', q2: loose, q3: '555 0100', q4: '+44 20 7946 0958', consent: 'yes' })).status, 200);
		assert.deepEqual(sql(`SELECT a.label, a.value, a.e164 FROM lead_answers a JOIN leads l ON l.id = a.lead_id
			WHERE l.email = ${lit(loose)} AND a.label IN ('Phone', 'Mobile') ORDER BY a.position`),
			[['Phone', '555 0100', ''], ['Mobile', '+44 20 7946 0958', '+442079460958']]);
	});

	test('the form\'s region reads national numbers of that country; an unknown region is refused', async () => {
		const f = await brandWithForm({ fresh: true, fields: PHONE_FIELDS, settings: { phone_region: 'gb' } });
		assert.match((await f.brand.get(f.formPath)).body, /id="phone_region"[^>]*value="GB"/);
		const email = uniqueEmail('gb');
		assert.equal((await submitLead(f.slug, { q1: 'Ada Lovelace', q2: email, q3: '020 7946 0958', q4: '0044 20 7946 0958', consent: 'yes' })).status, 200);
		assert.deepEqual(sql(`SELECT a.e164 FROM lead_answers a JOIN leads l ON l.id = a.lead_id
			WHERE l.email = ${lit(email)} AND a.label IN ('Phone', 'Mobile') ORDER BY a.position`).map((r) => r[0]),
			['+442079460958', '+442079460958']);
		const bad = await f.brand.submit(f.formPath, { ...f.settings, phone_region: 'XX' }, { formPath: f.formPath });
		assert.equal(bad.status, 422);
		assert.match(bad.body, /two-letter ISO code/);
		assert.equal(sql(`SELECT phone_region FROM lead_forms WHERE id = ${f.id}`)[0][0], 'GB');
	});
});
