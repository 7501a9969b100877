// leads.mjs: fixtures for the lead forms suite: a brand with a live form of every field type,
// public submissions, SQL checks and crowdcartctl worker runs.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import assert from 'node:assert/strict';
import { eventually } from './eventually.mjs';
import { Client, ROOT, VAR, csrfOf, newAccount, unique, uniqueEmail } from './http.mjs';
import { sql, lit } from './fulfilment.mjs';

export { sql, lit };

export const TYPES = ['text', 'longtext', 'email', 'phone', 'choice', 'multi', 'checkbox', 'date', 'number'];

// The fields of the standard test form, in order: input q1..q9.
export const FIELDS = [
	{ type: 'text', label: 'Name', required: 'yes' },
	{ type: 'longtext', label: 'Message', help: 'Tell us more' },
	{ type: 'email', label: 'Email', required: 'yes' },
	{ type: 'phone', label: 'Phone' },
	{ type: 'choice', label: 'Size', options: 'Small\nLarge', required: 'yes' },
	{ type: 'multi', label: 'Topics', options: 'News\nOffers\nEvents' },
	{ type: 'checkbox', label: 'Newsletter' },
	{ type: 'date', label: 'Visit date' },
	{ type: 'number', label: 'Budget' },
];

// A valid answer set for FIELDS.
export function answers(email, extra = {}) {
	return { q1: 'Ada Lovelace', q2: 'Hello', q3: email, q4: '+44 20 7946 0958', q5: 'Large', q6: 'News',
		q7: 'yes', q8: '2026-03-31', q9: '1200.50', consent: 'yes', ...extra };
}

// One brand per test process for the tests that only need a form of their own (sign-up hashes
// a password, the slowest step); `fresh` for tests that change brand-wide settings.
let shared;
async function sharedBrand() {
	shared ??= (async () => {
		const c = new Client();
		await newAccount(c, 'brand');
		return c;
	})();
	return shared;
}

// Creates a live form with `fields` and `settings` (for a new brand if `fresh`); returns ids.
export async function brandWithForm({ fields = FIELDS, settings = {}, fresh = false } = {}) {
	let brand;
	if (fresh) {
		brand = new Client();
		await newAccount(brand, 'brand');
	} else {
		brand = await sharedBrand();
	}
	const slug = `lf-${unique()}`;
	const created = await brand.submit('/studio/forms', { title: `Form ${slug}`, slug }, { formPath: '/studio/forms' });
	if (created.status !== 303)
		throw new Error(`creating a form answered ${created.status}`);
	const formPath = created.headers.location;
	const id = +formPath.split('/').pop();
	for (const [i, f] of fields.entries()) {
		const res = await brand.submit(`${formPath}/fields`, { position: String(i), help: '', options: '', ...f }, { formPath });
		if (res.status !== 303)
			throw new Error(`adding field ${f.type} answered ${res.status}`);
	}
	const s = { title: `Form ${slug}`, intro: 'Tell us about you', consent_text: `I agree to be contacted (${slug})`,
		privacy_url: 'https://example.com/privacy', thanks_text: 'Thanks, we will be in touch.', status: 'live',
		creators_allowed: 'yes', min_fill_seconds: '0', ip_limit_per_hour: '1000', form_limit_per_hour: '100000', ...settings };
	const saved = await brand.submit(formPath, s, { formPath });
	if (saved.status !== 303)
		throw new Error(`saving the form answered ${saved.status}: ${saved.body.slice(0, 300)}`);
	return { brand, slug, id, formPath, settings: s };
}

// GETs the public form (as a fresh visitor unless one is given) and POSTs fields (an object, or
// an array of [name, value] pairs for repeated names) with its csrf and stamp.
export async function submitLead(slug, fields, { client = new Client(), prefix = '', beforePost } = {}) {
	const page = await client.get(`${prefix}/f/${slug}`);
	if (page.status !== 200)
		return page;
	const stamp = /<input type="hidden" name="t" value="([^"]*)">/.exec(page.body)[1];
	if (beforePost)
		await beforePost();
	const pairs = [['csrf', csrfOf(page.body)], ['t', stamp], ...(Array.isArray(fields) ? fields : Object.entries(fields))];
	return client.post(`${prefix}/f/${slug}`, new URLSearchParams(pairs).toString());
}

export function leadRows(formId) {
	return sql(`SELECT id, email, submissions, COALESCE(creator_id, 0), consent_text, HEX(ip_hash) FROM leads WHERE form_id = ${+formId} ORDER BY id`);
}

// Submits form f (from brandWithForm) with fields(email), a fresh email each try, until a lead is
// queued for the brand's webhook: whether the brand has one is part of the public form's
// definition, which the shop caches for up to 1 s. Returns { email, lead } (lead: its leadRows row).
export function hookedLead(f, fields = (email) => answers(email)) {
	return eventually(async () => {
		const email = uniqueEmail('hook');
		assert.equal((await submitLead(f.slug, fields(email))).status, 200);
		const lead = leadRows(f.id).find((r) => r[1] === email);
		assert.ok(lead, `the lead of ${email} is stored`);
		assert.equal(sql(`SELECT COUNT(*) FROM webhook_deliveries WHERE lead_id = ${lead[0]}`)[0][0], '1', 'a webhook delivery is queued');
		return { email, lead };
	});
}

// Asynchronous, so a receiver served by this same process can answer while it runs.
export async function ctl(...args) {
	const { stdout } = await promisify(execFile)(path.join(ROOT, 'bin/crowdcartctl'),
		['--conf', path.join(VAR, 'crowdcart.conf'), ...args], { encoding: 'utf8' });
	return stdout;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
