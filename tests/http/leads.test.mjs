// leads.test.mjs: lead generation forms (issue 8) through the real servers: validation with kept
// values, consent, abuse controls (honeypot, fill time, rate limits), the 24 h merge, creator
// attribution, inert injection in HTML and CSV, erasure, brand scoping, and signed webhooks
// retried by crowdcartctl worker against a tiny CRM receiver.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Client, newAccount, uniqueEmail } from './lib/http.mjs';
import { FIELDS, answers, brandWithForm, ctl, hookedLead, leadRows, sql, submitLead } from './lib/leads.mjs';
import { dropWorkerLock, holdWorkerLock } from './lib/webhooks.mjs';


// Independent (a brand and form each), so they run side by side to stay well under 30 s.
describe('lead forms', { concurrency: 4 }, () => {
	test('a valid submission is stored once with the consent text shown, its time and an IP hash, never the IP', async () => {
		const f = await brandWithForm();
		const visitor = new Client();
		const res = await submitLead(f.slug, answers(uniqueEmail('lead')), { client: visitor });
		assert.equal(res.status, 200);
		assert.match(res.body, /Thanks, we will be in touch\./);
		const rows = leadRows(f.id);
		assert.equal(rows.length, 1);
		assert.equal(rows[0][4], f.settings.consent_text);
		assert.equal(rows[0][5].length, 64);
		const raw = sql(`SELECT COUNT(*) FROM leads WHERE form_id = ${f.id} AND (ip_hash = ${"'" + visitor.address + "'"} OR HEX(ip_hash) LIKE '%${Buffer.from(visitor.address ?? '127.0.0.1').toString('hex').toUpperCase()}%')`);
		assert.equal(raw[0][0], '0');
		const answered = sql(`SELECT label, value FROM lead_answers a JOIN leads l ON l.id = a.lead_id WHERE l.form_id = ${f.id} ORDER BY a.position`);
		assert.deepEqual(answered.map((r) => r[0]), FIELDS.map((x) => x.label));
		assert.equal(answered.find((r) => r[0] === 'Budget')[1], '1200.50');
	});

	test('every field type is validated server-side, with the error beside the field and every value kept', async () => {
		const f = await brandWithForm();
		const bad = { q1: '', q2: 'ok', q3: 'not-an-email', q4: 'CALL-ME', q5: 'Huge', q6: 'Spam', q7: 'on', q8: '2026-02-30', q9: '1e9' };
		const res = await submitLead(f.slug, { ...answers('x@example.com'), ...bad });
		assert.equal(res.status, 422);
		for (const q of ['q1', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'])
			assert.match(res.body, new RegExp(`<p class="field-error" id="${q}-error">`), `${q} has its error`);
		assert.doesNotMatch(res.body, /id="q2-error"/);
		assert.match(res.body, /id="q3"[^>]*value="not-an-email"[^>]*aria-invalid="true"/);
		assert.match(res.body, /id="q8"[^>]*value="2026-02-30"/);
		assert.match(res.body, /<textarea id="q2"[^>]*>ok<\/textarea>/);
		assert.match(res.body, /<label for="q1">Name <span class="req">\(required\)<\/span><\/label>/);
		assert.equal(leadRows(f.id).length, 0);
		const pairs = Object.entries(answers('y@example.com')).filter(([k]) => k !== 'q6');
		const multi = await submitLead(f.slug, [...pairs, ['q6', 'News'], ['q6', 'Events']]);
		assert.equal(multi.status, 200);
		assert.equal(sql(`SELECT REPLACE(value, '\\n', '|') FROM lead_answers a JOIN leads l ON l.id = a.lead_id WHERE l.form_id = ${f.id} AND a.label = 'Topics'`)[0][0], 'News|Events');
	});

	test('consent is required and nothing is stored without it', async () => {
		const f = await brandWithForm();
		const { consent, ...rest } = answers(uniqueEmail('noconsent'));
		assert.equal(consent, 'yes');
		const res = await submitLead(f.slug, rest);
		assert.equal(res.status, 422);
		assert.match(res.body, /id="consent-error"/);
		assert.match(res.body, /id="q1"[^>]*value="Ada Lovelace"/);
		assert.equal(leadRows(f.id).length, 0);
	});

	test('a filled honeypot gets the usual thank-you and stores nothing', async () => {
		const f = await brandWithForm();
		const res = await submitLead(f.slug, { ...answers(uniqueEmail('bot')), website: 'http://spam.example' });
		assert.equal(res.status, 200);
		assert.match(res.body, /Thanks, we will be in touch\./);
		assert.equal(leadRows(f.id).length, 0);
	});

	test('the minimum fill time is a signed stamp: too fast is asked to confirm with one click, forged is refused, values kept', async () => {
		const f = await brandWithForm({ settings: { min_fill_seconds: '30' } });
		const email = uniqueEmail('fast');
		const visitor = new Client();
		const fast = await submitLead(f.slug, answers(email), { client: visitor });
		assert.equal(fast.status, 200);
		assert.doesNotMatch(fast.body, /quicker|bot|robot|too fast/i);
		assert.match(fast.body, /<div class="flash" role="status"><input type="hidden" name="confirm" value="[^"]+">/);
		assert.match(fast.body, /press Send to confirm/);
		assert.match(fast.body, new RegExp(`value="${email}"`));
		assert.equal(leadRows(f.id).length, 0);
		const hidden = (name) => new RegExp(`name="${name}" value="([^"]*)"`).exec(fast.body)[1];
		const post = (t, confirm) => visitor.post(`/f/${f.slug}`, new URLSearchParams([['csrf', hidden('csrf')], ['t', t],
			['confirm', confirm], ...Object.entries(answers(email))]).toString());
		const forged = await post('1000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', hidden('confirm'));
		assert.equal(forged.status, 422);
		const fakeConfirm = await post(hidden('t'), hidden('t'));
		assert.equal(fakeConfirm.status, 200, 'a fill-time stamp does not pass as a confirmation');
		assert.match(fakeConfirm.body, /press Send to confirm/);
		assert.equal(leadRows(f.id).length, 0);
		// The one click: the page's own hidden fields with the answers it kept.
		const confirmed = await post(hidden('t'), hidden('confirm'));
		assert.equal(confirmed.status, 200);
		assert.match(confirmed.body, /Thanks, we will be in touch\./);
		assert.equal(leadRows(f.id).length, 1);
	});

	test('rate limits per IP hash and per form answer 429 without storing', async () => {
		const f = await brandWithForm({ settings: { ip_limit_per_hour: '2', form_limit_per_hour: '3' } });
		const one = new Client();
		for (let i = 0; i < 2; i++)
			assert.equal((await submitLead(f.slug, answers(uniqueEmail('ip')), { client: one })).status, 200);
		const third = await submitLead(f.slug, answers(uniqueEmail('ip')), { client: one });
		if (one.address) {	// each client has its own loopback address
			assert.equal(third.status, 429);
			assert.equal(leadRows(f.id).length, 2);
			assert.equal((await submitLead(f.slug, answers(uniqueEmail('ip2')))).status, 200);
			const overForm = await submitLead(f.slug, answers(uniqueEmail('ip3')));
			assert.equal(overForm.status, 429);
			assert.equal(leadRows(f.id).length, 3);
		} else {
			assert.equal(third.status, 429);
		}
	});

	test('the same email on the same form within 24 h updates the lead; after 24 h it is a new lead', async () => {
		const f = await brandWithForm();
		const email = uniqueEmail('dup');
		assert.equal((await submitLead(f.slug, answers(email, { q1: 'First' }))).status, 200);
		assert.equal((await submitLead(f.slug, answers(email.toUpperCase(), { q1: 'Second' }))).status, 200);
		let rows = leadRows(f.id);
		assert.equal(rows.length, 1);
		assert.equal(rows[0][2], '2');
		assert.deepEqual(sql(`SELECT value FROM lead_answers WHERE lead_id = ${rows[0][0]} AND label = 'Name'`), [['Second']]);
		const same = await Promise.all([1, 2, 3].map(() => submitLead(f.slug, answers(email))));
		assert.deepEqual(same.map((r) => r.status), [200, 200, 200]);
		rows = leadRows(f.id);
		assert.equal(rows.length, 1, 'concurrent repeats merge too');
		assert.equal(rows[0][2], '5');
		sql(`UPDATE lead_latest SET seen_at = UTC_TIMESTAMP() - INTERVAL 25 HOUR WHERE form_id = ${f.id}`);
		assert.equal((await submitLead(f.slug, answers(email))).status, 200);
		assert.equal(leadRows(f.id).length, 2);
	});

	test('/@handle/f/slug attributes the lead to the creator; unknown creators and draft or closed forms are 404', async () => {
		const f = await brandWithForm();
		assert.equal((await submitLead(f.slug, answers(uniqueEmail('via')), { prefix: '/@lena' })).status, 200);
		assert.deepEqual(sql(`SELECT c.handle FROM leads l JOIN creators c ON c.id = l.creator_id WHERE l.form_id = ${f.id}`), [['lena']]);
		assert.equal((await new Client().get(`/@nosuchcreator${Date.now()}/f/${f.slug}`)).status, 404);
		const draft = await brandWithForm({ settings: { status: 'draft' } });
		assert.equal((await new Client().get(`/f/${draft.slug}`)).status, 404);
		const closed = await brandWithForm({ settings: { status: 'closed' } });
		const res = await new Client().get(`/f/${closed.slug}`);
		assert.equal(res.status, 404);
		assert.match(res.body, /closed/);
		const solo = await brandWithForm({ settings: { creators_allowed: '' } });
		assert.equal((await new Client().get(`/@lena/f/${solo.slug}`)).status, 404);
		assert.equal((await new Client().get(`/f/${solo.slug}`)).status, 200);
		const listed = await brandWithForm({ settings: { creator_handles: 'someoneelse LENA' } });
		assert.equal((await new Client().get(`/@lena/f/${listed.slug}`)).status, 200);
		const unlisted = await brandWithForm({ settings: { creator_handles: 'someoneelse' } });
		assert.equal((await new Client().get(`/@lena/f/${unlisted.slug}`)).status, 404);
	});

	test('injection strings in every field are inert in the studio HTML and neutralised in the CSV', async () => {
		const f = await brandWithForm();
		const evil = '<script>alert(1)</script>';
		const email = `=cmd${Date.now()}@example.com`;
		const res = await submitLead(f.slug, answers(email, { q1: `=HYPERLINK("http://evil")${evil}`, q2: `+1${evil}"'`, q9: '-5' }), { prefix: '/@lena' });
		assert.equal(res.status, 200);
		const [lead] = leadRows(f.id);
		const page = await f.brand.get(`/studio/leads/${lead[0]}`);
		assert.equal(page.status, 200);
		assert.doesNotMatch(page.body, /<script>alert/);
		assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
		const csv = await f.brand.get(`/studio/leads.csv?form=${f.id}`);
		assert.equal(csv.status, 200);
		assert.match(csv.headers['content-type'], /^text\/csv/);
		assert.deepEqual([...csv.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		const line = csv.body.split('\r\n')[1];
		assert.ok(line.includes(`,'${email},lena,`), line);
		// = and @ never lead a cell; + and - only a number or a phone number as typed (cell_guard.h)
		assert.doesNotMatch(csv.body, /(^|,)([=@]|[+-](?![0-9 ().-]*(,|\r\n)))/m);
		assert.match(csv.body, /"Name: =HYPERLINK\(""http:\/\/evil""\)<script>/);
		assert.ok(csv.body.split('\r\n')[0].endsWith(',answers,Name,Message,Email,Phone,Phone (E.164),Size,Topics,Newsletter,Visit date,Budget'));
		assert.ok(line.endsWith(`,"'=HYPERLINK(""http://evil"")${evil}","'+1${evil}""'",'${email},+44 20 7946 0958,+442079460958,Large,News,yes,2026-03-31,-5`), line);
		const listed = await f.brand.get(`/studio/leads?form=${f.id}&creator=lena`);
		assert.match(listed.body, new RegExp(`href="/studio/leads/${lead[0]}"`));
		const none = await f.brand.get(`/studio/leads?form=${f.id}&creator=nobody&from=2020-01-01&to=2020-01-02`);
		assert.doesNotMatch(none.body, new RegExp(`href="/studio/leads/${lead[0]}"`));
		assert.equal((await f.brand.get('/studio/leads?from=yesterday')).status, 400);
	});

	test('leads are scoped to their brand, and erasure deletes the lead with its answers and deliveries', async () => {
		const f = await brandWithForm();
		await submitLead(f.slug, answers(uniqueEmail('erase')));
		const [lead] = leadRows(f.id);
		const other = new Client();
		await newAccount(other, 'brand');
		assert.equal((await other.get(`/studio/leads/${lead[0]}`)).status, 404);
		assert.equal((await other.get(`/studio/forms/${f.id}`)).status, 404);
		assert.equal((await other.submit(`/studio/leads/${lead[0]}/delete`, {}, { formPath: '/studio/leads' })).status, 404);
		const shopper = new Client();
		await newAccount(shopper, 'shopper');
		assert.notEqual((await shopper.get('/studio/leads')).status, 200);
		const del = await f.brand.submit(`/studio/leads/${lead[0]}/delete`, {}, { formPath: `/studio/leads/${lead[0]}` });
		assert.equal(del.status, 303);
		assert.equal(leadRows(f.id).length, 0);
		assert.deepEqual(sql(`SELECT COUNT(*) FROM lead_answers WHERE lead_id = ${lead[0]}`), [['0']]);
	});

	test('the studio refuses a form without consent text, a bad privacy URL or a choice without options, and reorders fields', async () => {
		const f = await brandWithForm();
		const save = await f.brand.submit(f.formPath, { ...f.settings, consent_text: ' ' }, { formPath: f.formPath });
		assert.equal(save.status, 422);
		const url = await f.brand.submit(f.formPath, { ...f.settings, privacy_url: 'javascript:alert(1)' }, { formPath: f.formPath });
		assert.equal(url.status, 422);
		const choice = await f.brand.submit(`${f.formPath}/fields`, { type: 'choice', label: 'Pick', options: '', position: '1' }, { formPath: f.formPath });
		assert.equal(choice.status, 422);
		const type = await f.brand.submit(`${f.formPath}/fields`, { type: 'file', label: 'Upload', position: '1' }, { formPath: f.formPath });
		assert.equal(type.status, 422);
		const edit = await f.brand.get(f.formPath);
		const nameField = /action="\/studio\/forms\/\d+\/fields\/(\d+)\/position"[^]*?Position of Name/.exec(edit.body)[1];
		assert.equal((await f.brand.submit(`${f.formPath}/fields/${nameField}/position`, { position: 'x' }, { formPath: f.formPath })).status, 422);
		assert.equal((await f.brand.submit(`${f.formPath}/fields/${nameField}/position`, { position: '50' }, { formPath: f.formPath })).status, 303);
		const page = await new Client().get(`/f/${f.slug}`);
		assert.match(page.body, /<label for="q9">Name /, 'moved to the end');
		assert.match(page.body, /<label for="q1">Message<\/label>/);
	});

	// The test CRM: checks each delivery's signature, fails the first one, accepts the rest.
	function receiver(secret) {
		const got = [];
		const server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				const ts = req.headers['x-crowdcart-timestamp'];
				const want = 'sha256=' + createHmac('sha256', secret()).update(`${ts}.${body}`).digest('hex');
				const sig = req.headers['x-crowdcart-signature'] ?? '';
				const valid = sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want));
				got.push({ valid, body, headers: req.headers });
				res.writeHead(!valid ? 401 : got.length === 1 ? 503 : 204);
				res.end();
			});
		});
		return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, got, port: server.address().port })));
	}

	test('webhooks: each lead is POSTed signed from the outbox, a failure is retried with backoff, the log shows it', async () => {
		const f = await brandWithForm({ fresh: true });	// its own brand: a webhook is brand-wide
		let secret = '';
		const crm = await receiver(() => secret);
		await holdWorkerLock();
		try {
			const saved = await f.brand.submit('/studio/leads/webhook', { url: `http://127.0.0.1:${crm.port}/hooks/leads` }, { formPath: '/studio/leads/webhook' });
			assert.equal(saved.status, 303);
			const page = await f.brand.get('/studio/leads/webhook');
			secret = /<code class="webhook-secret">([^<]+)<\/code>/.exec(page.body)[1];
			assert.equal((await f.brand.submit('/studio/leads/webhook', { url: 'ftp://crm.example.com/' }, { formPath: '/studio/leads/webhook' })).status, 422);
			const { email, lead } = await hookedLead(f, (e) => answers(e, { q1: '<b>Ada</b>' }));
			const delivery = () => sql(`SELECT status, attempts, next_attempt_at > UTC_TIMESTAMP() FROM webhook_deliveries WHERE lead_id = ${lead[0]}`)[0];
			assert.deepEqual(delivery(), ['pending', '0', '0']);
			await ctl('worker', '--once');
			assert.deepEqual(delivery(), ['pending', '1', '1'], 'failed once, next try later');
			assert.equal(crm.got.length, 1);
			await ctl('worker', '--once');
			assert.equal(crm.got.length, 1, 'not retried before its backoff');
			sql(`UPDATE webhook_deliveries SET next_attempt_at = UTC_TIMESTAMP() WHERE lead_id = ${lead[0]}`);
			await ctl('worker', '--once');
			assert.deepEqual(delivery().slice(0, 2), ['delivered', '2']);
			assert.equal(crm.got.length, 2);
			assert.ok(crm.got.every((g) => g.valid), 'every delivery is signed with the brand secret');
			const body = JSON.parse(crm.got[1].body);
			assert.equal(body.event, 'lead.created');
			assert.equal(body.email, email);
			assert.equal(body.form, f.slug);
			assert.equal(body.consent_text, f.settings.consent_text);
			assert.equal(body.answers.find((a) => a.label === 'Name').value, '<b>Ada</b>');
			assert.deepEqual(body.answers.find((a) => a.label === 'Topics').value, ['News']);
			assert.equal(crm.got[1].headers['x-crowdcart-event'], 'lead.created');
			const log = await f.brand.get('/studio/leads/webhook');
			assert.match(log.body, /<td class="delivery-status">delivered<\/td><td>2<\/td>/);
			assert.deepEqual(sql(`SELECT http_status FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.lead_id = ${lead[0]} ORDER BY a.id`), [['503'], ['204']]);
		} finally {
			dropWorkerLock();
			crm.server.close();
		}
	});
});
