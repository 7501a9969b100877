// leads_redirect.test.mjs: issue 8's "redirect to one of the brand's verified domains" after a lead
// form is sent: saving refuses an address off the verified domains (message beside the field,
// values kept), a good one sends the visitor there with a 303 once the lead is stored, and a
// domain removed since falls back to the thank-you message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csrfOf, unique, uniqueEmail } from './lib/http.mjs';
import { brandWithForm, ctl, leadRows, sql, lit, submitLead } from './lib/leads.mjs';

const FIELDS = [{ type: 'email', label: 'Email', required: 'yes' }];

// A live one-field form of a new brand that has verified `<unique>.example`.
async function formWithDomain() {
	const f = await brandWithForm({ fresh: true, fields: FIELDS });
	const [[slug]] = sql(`SELECT b.slug FROM lead_forms f JOIN brands b ON b.id = f.brand_id WHERE f.id = ${f.id}`);
	const domain = `leads-${unique()}.example`;
	const page = await f.brand.get('/studio/domains');
	assert.equal((await f.brand.post('/studio/domains', { csrf: csrfOf(page.body), domain })).status, 303);
	await ctl('domains', 'verify', '--brand', slug, domain);
	return { ...f, domain };
}

async function saveRedirect(f, redirect_url, extra = {}) {
	const page = await f.brand.get(f.formPath);
	return f.brand.post(f.formPath, { csrf: csrfOf(page.body), ...f.settings, ...extra, redirect_url });
}

test('saving a lead form refuses a redirect off the brand\'s verified domains, beside the field, keeping what was typed', async () => {
	const f = await formWithDomain();
	for (const bad of ['https://evil.test/thanks', `https://evil${f.domain}/`, `https://${f.domain}.evil.test/`,
		`https://${f.domain}@evil.test/`, 'javascript:alert(1)', '/local/path']) {
		const res = await saveRedirect(f, bad, { title: 'Changed <title>' });
		assert.equal(res.status, 422, bad);
		assert.match(res.body, /<p class="field-error" id="redirect-error">/, bad);
		assert.match(res.body, /aria-invalid="true" aria-describedby="redirect-error"/);
		assert.ok(res.body.includes(`value="${bad.replace(/&/g, '&amp;')}"`), `typed redirect kept: ${bad}`);
		assert.match(res.body, /value="Changed &lt;title&gt;"/, 'other typed values kept');
	}
	const [[stored, title]] = sql(`SELECT redirect_url, title FROM lead_forms WHERE id = ${f.id}`);
	assert.deepEqual([stored, title], ['', f.settings.title], 'nothing was saved');
});

test('after a lead is stored the visitor is sent (303) to the verified redirect; a removed domain falls back to the thank-you page', async () => {
	const f = await formWithDomain();
	const target = `https://www.${f.domain}/thanks?from=form`;
	assert.equal((await saveRedirect(f, target)).status, 303);
	assert.equal(sql(`SELECT redirect_url FROM lead_forms WHERE id = ${f.id}`)[0][0], target);
	const email = uniqueEmail('redirected');
	const res = await submitLead(f.slug, { q1: email, consent: 'yes' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, target);
	assert.ok(leadRows(f.id).some((r) => r[1] === email), 'the lead was stored before the redirect');
	// the operator-verified domain is removed: the form thanks on the page instead
	sql(`DELETE FROM brand_domains WHERE domain = ${lit(f.domain)}`);
	const after = await submitLead(f.slug, { q1: uniqueEmail('thanked'), consent: 'yes' });
	assert.equal(after.status, 200);
	assert.equal(after.headers.location, undefined);
	assert.match(after.body, /Thanks, we will be in touch\./);
	// and an empty redirect is allowed (the thank-you message)
	assert.equal((await saveRedirect(f, '')).status, 303);
});
