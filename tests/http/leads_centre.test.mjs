// leads_centre.test.mjs: the leads centre (issue 23) through the real servers: the form's error
// state names only ids that exist, a form cannot go live without a privacy policy, phone answers
// leave the CSV as typed, and the brand works its leads (statuses, notes, bulk changes, history).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, uniqueEmail } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { dropWorkerLock, holdWorkerLock, receiver } from './lib/webhooks.mjs';
import { FIELDS, answers, brandWithForm, ctl, leadRows, lit, sql, submitLead } from './lib/leads.mjs';
import { branchingForm } from './lib/lead_branching.mjs';

// Every id an aria-describedby (or aria-errormessage) of `html` names, and whether it exists.
function missingAriaTargets(html) {
	const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
	const named = [...html.matchAll(/aria-(?:describedby|errormessage|labelledby)="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/));
	return named.filter((id) => !ids.has(id));
}

// POSTs repeated names (the bulk form's "lead" boxes) with the CSRF token of formPath.
async function submitPairs(client, path, pairs, formPath) {
	const csrf = await client.csrf(formPath);
	return client.post(path, new URLSearchParams([['csrf', csrf], ...pairs]).toString());
}

describe('leads centre', { concurrency: 4 }, () => {
	test('the form and its error state point aria-describedby only at ids that exist', async () => {
		const f = await brandWithForm();
		const page = await new Client().get(`/f/${f.slug}`);
		assert.equal(page.status, 200);
		assert.deepEqual(missingAriaTargets(page.body), []);
		assert.match(page.body, /id="q2"[^>]*aria-describedby="q2-help"/);
		const bad = { q1: '', q2: 'ok', q3: 'not-an-email', q4: 'CALL-ME', q5: 'Huge', q6: 'Spam', q7: 'on', q8: '2026-02-30', q9: '1e9' };
		const { consent, ...rest } = answers('x@example.com', bad);
		assert.equal(consent, 'yes');
		const res = await submitLead(f.slug, rest);
		assert.equal(res.status, 422);
		assert.deepEqual(missingAriaTargets(res.body), []);
		assert.doesNotMatch(res.body, /aria-errormessage/);
		assert.match(res.body, /id="q3"[^>]*aria-describedby="q3-error"[^>]*aria-invalid="true"/);
		assert.match(res.body, /<fieldset aria-describedby="q5-error">/);
		assert.match(res.body, /id="consent"[^>]*aria-describedby="consent-error"/);
		const bad2 = await submitLead(f.slug, answers('x@example.com', { q2: 'bell\u0007' }));
		assert.match(bad2.body, /id="q2"[^>]*aria-describedby="q2-help q2-error"/);
		assert.deepEqual(missingAriaTargets(bad2.body), []);
	});

	test('a form cannot go live without a privacy policy URL, a draft can', async () => {
		const f = await brandWithForm();
		const live = await f.brand.submit(f.formPath, { ...f.settings, privacy_url: '' }, { formPath: f.formPath });
		assert.equal(live.status, 422);
		assert.match(live.body, /privacy policy URL before making the form live/);
		assert.equal((await new Client().get(`/f/${f.slug}`)).status, 200, 'still live with its stored policy');
		const draft = await f.brand.submit(f.formPath, { ...f.settings, privacy_url: '', status: 'draft' }, { formPath: f.formPath });
		assert.equal(draft.status, 303);
	});

	test('phone answers leave the CSV as typed, without a quote, while formulas stay guarded', async () => {
		const f = await brandWithForm();
		const email = uniqueEmail('phone');
		assert.equal((await submitLead(f.slug, answers(email, { q4: '+1 206 555 0100', q1: '=1+2' }))).status, 200);
		assert.equal(leadRows(f.id).length, 1);
		const csv = await f.brand.get(`/studio/leads.csv?form=${f.id}`);
		const line = csv.body.split('\r\n')[1];
		assert.ok(line.includes(',+1 206 555 0100,'), line);
		assert.doesNotMatch(line, /'\+1 206/);
		assert.match(line, /,'=1\+2,/);
		assert.ok(csv.body.split('\r\n')[0].includes(',submissions,status,labels,assigned_to,answers,'));
		assert.ok(line.includes(',1,raw,,,'), line);
	});

	test('qualifying and disqualifying options set the status; a status set by hand survives later submissions', async () => {
		const fields = FIELDS.map((x) => x.label === 'Size' ? { ...x, qualifying: 'Large', disqualifying: 'Small' } : x);
		const f = await brandWithForm({ fields });
		const big = uniqueEmail('big'), small = uniqueEmail('small');
		assert.equal((await submitLead(f.slug, answers(big, { q5: 'Large' }))).status, 200);
		assert.equal((await submitLead(f.slug, answers(small, { q5: 'Small' }))).status, 200);
		const status = (email) => sql(`SELECT status FROM leads WHERE form_id = ${f.id} AND email = '${email}'`)[0][0];
		assert.equal(status(big), 'qualified');
		assert.equal(status(small), 'unqualified');
		// A repeat within 24 h re-derives it while nobody has worked the lead...
		assert.equal((await submitLead(f.slug, answers(small, { q5: 'Large' }))).status, 200);
		assert.equal(status(small), 'qualified');
		// ...and never once a person set it.
		const id = sql(`SELECT id FROM leads WHERE form_id = ${f.id} AND email = '${small}'`)[0][0];
		const set = await f.brand.submit(`/studio/leads/${id}/work`, { status: 'unqualified', labels: 'trade fair, vip' }, { formPath: `/studio/leads/${id}` });
		assert.equal(set.status, 303);
		assert.equal((await submitLead(f.slug, answers(small, { q5: 'Large' }))).status, 200);
		assert.equal(status(small), 'unqualified');
		const page = await f.brand.get(`/studio/leads/${id}`);
		assert.match(page.body, /Received; status unqualified from the answers/);
		assert.match(page.body, /Status set to Unqualified/);
		assert.match(page.body, /Labels: trade fair,vip/);
		assert.match(page.body, /<option value="unqualified" selected>/);
		// The studio refuses a qualifying option that is not an option, and an 11th option.
		const typo = await f.brand.submit(`${f.formPath}/fields`, { type: 'choice', label: 'Budget band', options: 'Low\nHigh', qualifying: 'high', position: '20' }, { formPath: f.formPath });
		assert.equal(typo.status, 422);
		const eleven = await f.brand.submit(`${f.formPath}/fields`, { type: 'multi', label: 'Many', options: 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk', position: '20' }, { formPath: f.formPath });
		assert.equal(eleven.status, 422);
		const text = await f.brand.submit(`${f.formPath}/fields`, { type: 'text', label: 'Company', qualifying: 'x', position: '20' }, { formPath: f.formPath });
		assert.equal(text.status, 422);
	});

	test('notes carry author and time; filters, search and a bulk status change work on the list', async () => {
		const f = await brandWithForm();
		const emails = [uniqueEmail('bulk-a'), uniqueEmail('bulk-b'), uniqueEmail('bulk-c')];
		for (const e of emails)
			assert.equal((await submitLead(f.slug, answers(e))).status, 200);
		const ids = leadRows(f.id).map((r) => r[0]);
		assert.equal(ids.length, 3);
		const noted = await f.brand.submit(`/studio/leads/${ids[0]}/notes`, { note: 'Called, <b>keen</b>' }, { formPath: `/studio/leads/${ids[0]}` });
		assert.equal(noted.status, 303);
		const empty = await f.brand.submit(`/studio/leads/${ids[0]}/notes`, { note: '  ' }, { formPath: `/studio/leads/${ids[0]}` });
		assert.equal(empty.status, 422);
		const page = await f.brand.get(`/studio/leads/${ids[0]}`);
		assert.match(page.body, /<p>Called, &lt;b&gt;keen&lt;\/b&gt;<\/p><p class="hint">[^<]+, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<\/p>/);
		assert.match(page.body, /Note added/);
		// Bulk: two of the three become contacted, with a line each in their history.
		const list = await f.brand.get(`/studio/leads?form=${f.id}`);
		assert.match(list.body, new RegExp(`name="lead" value="${ids[1]}"`));
		const bulk = await submitPairs(f.brand, '/studio/leads/bulk', [['lead', ids[1]], ['lead', ids[2]], ['status', 'contacted']], `/studio/leads?form=${f.id}`);
		assert.equal(bulk.status, 303);
		assert.deepEqual(sql(`SELECT status FROM leads WHERE form_id = ${f.id} ORDER BY id`).map((r) => r[0]), ['raw', 'contacted', 'contacted']);
		assert.equal(sql(`SELECT COUNT(*) FROM lead_events WHERE lead_id IN (${ids[1]}, ${ids[2]}) AND what = 'Status set to Contacted'`)[0][0], '2');
		assert.equal((await submitPairs(f.brand, '/studio/leads/bulk', [['status', 'contacted']], '/studio/leads')).status, 422);
		assert.equal((await submitPairs(f.brand, '/studio/leads/bulk', [['lead', ids[1]], ['status', 'won']], '/studio/leads')).status, 422);
		const contacted = await f.brand.get(`/studio/leads?form=${f.id}&status=contacted`);
		assert.doesNotMatch(contacted.body, new RegExp(`name="lead" value="${ids[0]}"`));
		assert.match(contacted.body, new RegExp(`name="lead" value="${ids[2]}"`));
		assert.equal((await f.brand.get(`/studio/leads?status=won`)).status, 400);
		const found = await f.brand.get(`/studio/leads?q=${encodeURIComponent(emails[1].slice(0, 12))}&form=${f.id}`);
		assert.match(found.body, new RegExp(`name="lead" value="${ids[1]}"`));
		assert.doesNotMatch(found.body, new RegExp(`name="lead" value="${ids[0]}"`));
		const wild = await f.brand.get(`/studio/leads?q=%25&form=${f.id}`);
		assert.doesNotMatch(wild.body, /name="lead"/, 'a % is searched for, not a wildcard');
		// Another brand can neither bulk-change nor annotate these leads.
		const other = await brandWithForm({ fresh: true });
		await submitPairs(other.brand, '/studio/leads/bulk', [['lead', ids[0]], ['status', 'converted']], '/studio/leads');
		assert.equal(sql(`SELECT status FROM leads WHERE id = ${ids[0]}`)[0][0], 'raw');
		assert.equal((await other.brand.submit(`/studio/leads/${ids[0]}/notes`, { note: 'x' }, { formPath: '/studio/leads' })).status, 404);
		assert.equal((await other.brand.submit(`/studio/leads/${ids[0]}/work`, { status: 'converted' }, { formPath: '/studio/leads' })).status, 404);
	});

	test('HubSpot and Salesforce exports carry the column sets their imports match, with their status values', async () => {
		const fields = [{ type: 'text', label: 'Full name', required: 'yes' }, { type: 'text', label: 'Company' },
			{ type: 'email', label: 'Email', required: 'yes' }, { type: 'phone', label: 'Phone' }];
		const f = await brandWithForm({ fields });
		const email = uniqueEmail('crm');
		assert.equal((await submitLead(f.slug, { q1: 'Ada King Lovelace', q2: '=Analytical Engines', q3: email, q4: '+1 206 555 0100', consent: 'yes' })).status, 200);
		const hub = await f.brand.get(`/studio/leads.csv?form=${f.id}&format=hubspot`);
		assert.equal(hub.status, 200);
		assert.match(hub.headers['content-disposition'], /leads-hubspot\.csv/);
		const [hubHead, hubRow] = hub.body.replace(/^\uFEFF/, '').split('\r\n');
		assert.equal(hubHead, 'Email,First Name,Last Name,Phone Number,Company Name,Lead Status,Message');
		assert.ok(hubRow.startsWith(`${email},Ada King,Lovelace,+12065550100,'=Analytical Engines,NEW,"Full name: Ada King Lovelace`), hubRow);
		const sf = await f.brand.get(`/studio/leads.csv?form=${f.id}&format=salesforce`);
		const [sfHead, sfRow] = sf.body.replace(/^\uFEFF/, '').split('\r\n');
		assert.equal(sfHead, 'Email,First Name,Last Name,Phone,Company,Lead Status,Lead Source,Description');
		assert.ok(sfRow.startsWith(`${email},Ada King,Lovelace,+12065550100,'=Analytical Engines,Open - Not Contacted,Web,`), sfRow);
		assert.equal((await f.brand.get(`/studio/leads.csv?format=pipedrive`)).status, 400);
		// Kept as typed too, and shown beside it.
		assert.deepEqual(sql(`SELECT a.value, a.e164 FROM lead_answers a JOIN leads l ON l.id = a.lead_id WHERE l.form_id = ${f.id} AND a.label = 'Phone'`), [['+1 206 555 0100', '+12065550100']]);
		const id = leadRows(f.id)[0][0];
		assert.match((await f.brand.get(`/studio/leads/${id}`)).body, /\+1 206 555 0100 <span class="hint">\(E\.164 \+12065550100\)<\/span>/);
	});

	test('a conditional question without JavaScript: hidden at first, asked as a next step, hidden answers never stored', async () => {
		const f = await branchingForm();
		assert.match((await f.brand.get(f.formPath)).body, /Shown when “Who are you\?” is: Business/);
		const visitor = new Client();
		const page = await visitor.get(`/f/${f.slug}`);
		assert.match(page.body, /<div class="field" data-field="q3" data-show-if="q2" data-show-values="Business" hidden>/);
		assert.match(page.body, /<input type="hidden" name="shown" value="q3" disabled>/);
		// A person: the business questions stay hidden; answers sent for them anyway are dropped.
		const person = uniqueEmail('person');
		const p1 = await submitLead(f.slug, { q1: person, q2: 'Person', q3: '50+', q4: 'smuggled', consent: 'yes' });
		assert.equal(p1.status, 200);
		assert.match(p1.body, /Thanks, we will be in touch/);
		const stored = (email) => sql(`SELECT a.label, a.value FROM lead_answers a JOIN leads l ON l.id = a.lead_id WHERE l.form_id = ${f.id} AND l.email = '${email}' ORDER BY a.position`);
		assert.deepEqual(stored(person), [['Email', person], ['Who are you?', 'Person']]);
		// A business: the first send reveals "Team size" and asks for it (no error, nothing stored).
		const biz = uniqueEmail('biz');
		const step = await submitLead(f.slug, { q1: biz, q2: 'Business', consent: 'yes' }, { client: visitor });
		assert.equal(step.status, 200);
		assert.match(step.body, /open one more question below/);
		assert.match(step.body, /<div class="field" data-field="q3" data-show-if="q2" data-show-values="Business">/);
		assert.match(step.body, /<input type="hidden" name="shown" value="q3">/);
		assert.doesNotMatch(step.body, /id="q3-error"/);
		assert.match(step.body, /data-field="q4"[^>]* hidden>/);
		assert.equal(stored(biz).length, 0);
		const hidden = (html, name) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)[1];
		const post = (html, pairs) => visitor.post(`/f/${f.slug}`, new URLSearchParams([['csrf', hidden(html, 'csrf')], ['t', hidden(html, 't')], ...pairs]).toString());
		// Shown and required now: leaving it empty is an error beside it.
		const empty = await post(step.body, [['q1', biz], ['q2', 'Business'], ['shown', 'q3'], ['consent', 'yes']]);
		assert.equal(empty.status, 422);
		assert.match(empty.body, /id="q3-error"/);
		// 50+ reveals the next one in turn; then all is stored.
		const step2 = await post(step.body, [['q1', biz], ['q2', 'Business'], ['shown', 'q3'], ['q3', '50+'], ['consent', 'yes']]);
		assert.match(step2.body, /open one more question below/);
		const done = await post(step2.body, [['q1', biz], ['q2', 'Business'], ['shown', 'q3'], ['q3', '50+'], ['shown', 'q4'], ['q4', 'Grace'], ['consent', 'yes']]);
		assert.equal(done.status, 200);
		assert.match(done.body, /Thanks, we will be in touch/);
		assert.deepEqual(stored(biz).map((r) => r[1]), [biz, 'Business', '50+', 'Grace']);
		// The studio refuses a condition on a text question, on options it does not have, or placed before its source.
		const bad = [{ show_if_field: '999999999', show_if_options: 'x' }, { show_if_field: f.who, show_if_options: 'Robot' },
			{ show_if_field: f.who, show_if_options: 'Business', position: '0' }];
		for (const b of bad)
			assert.equal((await f.brand.submit(`${f.formPath}/fields`, { type: 'text', label: 'Bad', position: '9', ...b }, { formPath: f.formPath })).status, 422, JSON.stringify(b));
	});

	test('retention: the form says how long answers are kept, and crowdcartctl purge erases older leads keeping their number', async () => {
		const f = await brandWithForm({ settings: { retention_days: '30' } });
		const page = await new Client().get(`/f/${f.slug}`);
		assert.match(page.body, /keeps your answers for 30 days after you send them/);
		const old = uniqueEmail('old'), fresh = uniqueEmail('fresh');
		for (const e of [old, fresh])
			assert.equal((await submitLead(f.slug, answers(e))).status, 200);
		sql(`UPDATE leads SET updated_at = UTC_TIMESTAMP() - INTERVAL 31 DAY WHERE form_id = ${f.id} AND email = '${old}'`);
		const out = await ctl('purge');
		assert.match(out, /purged \d+ leads past their retention/);
		assert.deepEqual(leadRows(f.id).map((r) => r[1]), [fresh]);
		assert.equal(sql(`SELECT purged_leads FROM lead_forms WHERE id = ${f.id}`)[0][0], '1');
		const edit = await f.brand.get(f.formPath);
		assert.match(edit.body, /\(1 so far\)/);
		// Unset, the operator's default applies (365 days unless lead_retention_days says otherwise).
		const d = await brandWithForm();
		assert.match((await new Client().get(`/f/${d.slug}`)).body, /keeps your answers for 365 days/);
		assert.equal((await f.brand.submit(f.formPath, { ...f.settings, retention_days: '0' }, { formPath: f.formPath })).status, 422);
	});

	test('the confirmation mail carries a self-erasure link; erasing (by the shopper or the brand) tells the CRM with lead.erased', async (t) => {
		const f = await brandWithForm({ fresh: true });
		let secret = '';
		const crm = await receiver({ secret: () => secret });
		t.after(() => crm.close());
		assert.equal((await f.brand.submit('/studio/leads/webhook', { url: `http://127.0.0.1:${crm.port}/hooks` }, { formPath: '/studio/leads/webhook' })).status, 303);
		secret = /<code class="webhook-secret">([^<]+)<\/code>/.exec((await f.brand.get('/studio/leads/webhook')).body)[1];
		const email = uniqueEmail('erase-me'), other = uniqueEmail('erase-brand');
		// The form's definition (with "has a webhook") is cached for up to a second.
		await eventually(async () => {
			assert.equal((await submitLead(f.slug, answers(uniqueEmail('warm')))).status, 200);
			assert.equal(sql(`SELECT COUNT(*) FROM webhook_deliveries d JOIN leads l ON l.id = d.lead_id WHERE l.form_id = ${f.id}`)[0][0] > '0', true);
		});
		for (const e of [email, other])
			assert.equal((await submitLead(f.slug, answers(e))).status, 200);
		const [[subject, body]] = sql(`SELECT subject, REPLACE(body_text, '\\n', ' | ') FROM outbox WHERE to_addr = ${lit(email)}`);
		assert.equal(subject, `Your answers to ${f.settings.title}`);
		assert.match(body, /keeps them for 365 days/);
		const link = /https?:\/\/[^/]+(\/leads\/erase\/(\d+)\/[A-Za-z0-9_-]+)/.exec(body);
		assert.ok(link, body);
		const [, path, id] = link;
		const visitor = new Client();
		const forged = await visitor.get(path.replace(/.$/, (c) => c === 'A' ? 'B' : 'A'));
		assert.equal(forged.status, 404);
		assert.equal((await visitor.get(`/leads/erase/${+id + 1}/${path.split('/').pop()}`)).status, 404, 'a token is for one lead');
		const confirm = await visitor.get(path);
		assert.equal(confirm.status, 200);
		assert.match(confirm.body, /Erase my answers/);
		assert.equal(leadRows(f.id).filter((r) => r[1] === email).length, 1, 'a GET erases nothing');
		const erased = await visitor.submit(path, {});
		assert.equal(erased.status, 200);
		assert.match(erased.body, /Your answers are erased/);
		assert.equal(leadRows(f.id).filter((r) => r[1] === email).length, 0);
		const csrf = /name="csrf" value="([^"]*)"/.exec(confirm.body)[1];
		assert.equal((await visitor.post(path, { csrf })).status, 404, 'erased already');
		// The brand erases the other one on request.
		const otherId = leadRows(f.id).find((r) => r[1] === other)[0];
		assert.equal((await f.brand.submit(`/studio/leads/${otherId}/delete`, {}, { formPath: `/studio/leads/${otherId}` })).status, 303);
		const told = sql(`SELECT payload FROM webhook_deliveries WHERE brand_id = (SELECT brand_id FROM lead_forms WHERE id = ${f.id}) AND event = 'lead.erased' ORDER BY id`);
		assert.equal(told.length, 2);
		assert.deepEqual(JSON.parse(told[0][0]), { ...JSON.parse(told[0][0]), event: 'lead.erased', lead_id: +id, form: f.slug, email });
		assert.equal(JSON.parse(told[1][0]).lead_id, +otherId);
		assert.equal(sql(`SELECT COUNT(*) FROM webhook_deliveries WHERE lead_id IN (${id}, ${otherId}) AND event <> 'lead.erased'`)[0][0], '0',
			'what was sent about them before goes with them');
		// The worker sends them signed, like every delivery.
		await holdWorkerLock();
		try {
			await ctl('worker', '--once');
		} finally {
			dropWorkerLock();
		}
		const erasedSent = crm.got.filter((g) => g.headers['x-crowdcart-event'] === 'lead.erased');
		assert.deepEqual(erasedSent.map((g) => JSON.parse(g.body).lead_id).sort(), [+id, +otherId].sort());
		assert.ok(erasedSent.every((g) => g.valid), 'signed with the brand\'s secret');
		const log = await f.brand.get('/studio/leads/webhook');
		assert.match(log.body, /lead\.erased/);
		assert.doesNotMatch(log.body, /href="\/studio\/leads\/0"/, 'an erased lead has no page to link to');
	});

	test('image choice: pictures by https URL as radio labels, the label stored; anything else refused', async () => {
		const f = await brandWithForm({ fields: [{ type: 'email', label: 'Email', required: 'yes' },
			{ type: 'image', label: 'Pick a style', required: 'yes', options: 'Nordic | https://img.example/nordic.jpg\nBaroque | https://img.example/baroque.jpg' }] });
		const page = await new Client().get(`/f/${f.slug}`);
		assert.match(page.body, /<label for="q2-1"><input type="radio" id="q2-1" name="q2" value="Nordic"> <img src="https:\/\/img\.example\/nordic\.jpg" alt="" width="160" height="120" loading="lazy" referrerpolicy="no-referrer"> Nordic<\/label>/);
		const email = uniqueEmail('style');
		assert.equal((await submitLead(f.slug, { q1: email, q2: 'Rococo', consent: 'yes' })).status, 422);
		assert.equal((await submitLead(f.slug, { q1: email, q2: 'Baroque', consent: 'yes' })).status, 200);
		assert.deepEqual(sql(`SELECT a.value FROM lead_answers a JOIN leads l ON l.id = a.lead_id WHERE l.form_id = ${f.id} AND a.label = 'Pick a style'`), [['Baroque']]);
		for (const options of ['A | http://img.example/a.jpg', 'A | javascript:alert(1)', 'just a label', Array.from({ length: 9 }, (_, i) => `P${i} | https://img.example/${i}.jpg`).join('\n')])
			assert.equal((await f.brand.submit(`${f.formPath}/fields`, { type: 'image', label: 'Bad', options, position: '9' }, { formPath: f.formPath })).status, 422, options);
	});
});
