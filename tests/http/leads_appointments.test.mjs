// leads_appointments.test.mjs: the appointment question through the real servers: free slots in
// the brand's time zone, exactly one booking per slot when 50 shoppers race for 5 slots (the
// primary key on form + slot start), an .ics for the shopper and the brand, and erasure freeing
// the slot.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfOf, uniqueEmail } from './lib/http.mjs';
import { brandWithForm, leadRows, lit, sql } from './lib/leads.mjs';

const FIELDS = [
	{ type: 'email', label: 'Email', required: 'yes' },
	{ type: 'appointment', label: 'Your visit', required: 'yes', appt_weekly: 'mon 09:00-10:00, tue 09:00-10:00, wed 09:00-10:00, thu 09:00-10:00, fri 09:00-10:00, sat 09:00-10:00, sun 09:00-10:00',
		appt_slot_minutes: '30', appt_tz: 'Europe/Berlin', appt_notice_hours: '0' },
];

const slotsOf = (html) => [...html.matchAll(/<input type="radio" id="q2-\d+" name="q2" value="([^"]+)"/g)].map((m) => m[1]);

// A visitor who opened the form: posts later with the page's csrf and stamp.
async function opened(slug) {
	const client = new Client();
	const page = await client.get(`/f/${slug}`);
	assert.equal(page.status, 200);
	const stamp = /<input type="hidden" name="t" value="([^"]*)">/.exec(page.body)[1];
	return { client, page, send: (fields) => client.post(`/f/${slug}`, new URLSearchParams({ csrf: csrfOf(page.body), t: stamp, consent: 'yes', ...fields }).toString()) };
}

describe('appointments', () => {
	test('free slots are offered in the brand\'s zone, and 50 shoppers racing for 5 slots make exactly 5 bookings', async () => {
		const f = await brandWithForm({ fields: FIELDS });
		const first = await opened(f.slug);
		assert.match(first.page.body, /Times are in Europe\/Berlin\./);
		assert.match((await f.brand.get(f.formPath)).body, /mon 09:00-10:00, [^<]*; 30 min slots; Europe\/Berlin/);
		const slots = slotsOf(first.page.body);
		assert.ok(slots.length >= 20, `${slots.length} slots offered`);
		// Every label is the local time 09:00 or 09:30 of its day, whatever the UTC offset that day.
		assert.equal([...first.page.body.matchAll(/name="q2" value="[^"]+"> \w{3} \d\d \w{3} \d{4}, 09:[03]0<\/label>/g)].length, slots.length);
		const wanted = slots.slice(0, 5);
		const visitors = [];
		for (let i = 0; i < 50; i++)
			visitors.push(await opened(f.slug));
		const answers = await Promise.all(visitors.map((v, i) => v.send({ q1: uniqueEmail(`race${i}`), q2: wanted[i % 5] })));
		const statuses = answers.map((a) => a.status);
		assert.equal(statuses.filter((s) => s === 200).length, 5, statuses.join(' '));
		assert.ok(statuses.every((s) => s === 200 || s === 409 || s === 422), statuses.join(' '));
		for (const a of answers.filter((x) => x.status !== 200))
			assert.match(a.body, /(just booked that time|no longer free): please choose another/);
		assert.equal(leadRows(f.id).length, 5);
		assert.deepEqual(sql(`SELECT DATE_FORMAT(slot_start, '%Y-%m-%dT%H:%iZ') FROM lead_bookings WHERE form_id = ${f.id} ORDER BY slot_start`).map((r) => r[0]), [...wanted].sort());
		const after = slotsOf((await new Client().get(`/f/${f.slug}`)).body);
		assert.deepEqual(after.filter((s) => wanted.includes(s)), [], 'booked slots are no longer offered');
		assert.equal(after.length, slots.length - 5);
	});

	test('the shopper and the brand each get an .ics; a bad slot is refused; erasing the lead frees its slot', async () => {
		const f = await brandWithForm({ fields: FIELDS });
		const v = await opened(f.slug);
		const slot = slotsOf(v.page.body)[2];
		assert.equal((await v.send({ q1: uniqueEmail('bad'), q2: '2026-02-30T09:00Z' })).status, 422);
		assert.equal((await v.send({ q1: uniqueEmail('bad'), q2: '2020-01-06T08:00Z' })).status, 422, 'a past slot is not offered');
		const email = uniqueEmail('visit');
		const done = await v.send({ q1: email, q2: slot });
		assert.equal(done.status, 200);
		const link = /<a href="(\/leads\/ics\/\d+\/[A-Za-z0-9_-]+)">Add the appointment to your calendar/.exec(done.body)[1];
		const ics = await new Client().get(link);
		assert.equal(ics.status, 200);
		assert.match(ics.headers['content-type'], /^text\/calendar/);
		const dtstart = slot.replace(/[-:]/g, '').replace('Z', '00Z');
		assert.match(ics.body, new RegExp(`^BEGIN:VCALENDAR\\r\\n[^]*\\r\\nDTSTART:${dtstart}\\r\\nDTEND:[0-9T]+Z\\r\\nSUMMARY:[^]*END:VCALENDAR\\r\\n$`));
		assert.equal((await new Client().get(link.replace(/.$/, (c) => c === 'A' ? 'B' : 'A'))).status, 404);
		const [[body]] = sql(`SELECT REPLACE(body_text, '\\n', ' | ') FROM outbox WHERE to_addr = ${lit(email)}`);
		assert.ok(body.includes(link), body);
		assert.match(body, /Your appointment: \w{3} \d\d \w{3} \d{4}, 09:[03]0 \(Europe\/Berlin\)\./);
		const [lead] = leadRows(f.id);
		const brandIcs = await f.brand.get(`/studio/leads/${lead[0]}/appointment.ics`);
		assert.equal(brandIcs.status, 200);
		assert.match(brandIcs.body, new RegExp(`DTSTART:${dtstart}`));
		assert.match(brandIcs.body, /SUMMARY:Form [^\r]*: /);
		assert.equal((await f.brand.submit(`/studio/leads/${lead[0]}/delete`, {}, { formPath: `/studio/leads/${lead[0]}` })).status, 303);
		assert.equal(sql(`SELECT COUNT(*) FROM lead_bookings WHERE form_id = ${f.id}`)[0][0], '0');
		assert.ok(slotsOf((await new Client().get(`/f/${f.slug}`)).body).includes(slot), 'offered again');
		// The studio checks the availability it is given.
		const bad = await f.brand.submit(`${f.formPath}/fields`, { ...FIELDS[1], label: 'Other', appt_tz: 'Mars/Olympus', position: '9' }, { formPath: f.formPath });
		assert.equal(bad.status, 422);
		assert.match(bad.body, /IANA name/);
	});
});
