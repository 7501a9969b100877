// leads_centre.test.mjs: the leads centre (issue 23) through the real servers: the form's error
// state names only ids that exist, a form cannot go live without a privacy policy, phone answers
// leave the CSV as typed, and the brand works its leads (statuses, notes, bulk changes, history).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, uniqueEmail } from './lib/http.mjs';
import { answers, brandWithForm, leadRows, submitLead } from './lib/leads.mjs';

// Every id an aria-describedby (or aria-errormessage) of `html` names, and whether it exists.
function missingAriaTargets(html) {
	const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
	const named = [...html.matchAll(/aria-(?:describedby|errormessage|labelledby)="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/));
	return named.filter((id) => !ids.has(id));
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
	});
});
