// form_errors.test.mjs: a form sent back with mistakes shows all of them at once: a summary at
// the top that takes the focus and links to each field, and each message beside its field, named
// by the field's aria-describedby; every id those point at exists. Checkout and sign-up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { addToCart, csrf, makeProduct } from './lib/commerce.mjs';

usesDatabase();

// The summary's links, in order, and whether each field says which message describes it.
function summary(html) {
	const box = /<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-h">([\s\S]*?)<\/div>/.exec(html);
	assert.ok(box, 'a focused error summary heads the form');
	return [...box[1].matchAll(/<li><a href="#([a-z_0-9]+)">/g)].map((m) => m[1]);
}

function describedIdsExist(html) {
	const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
	for (const m of html.matchAll(/aria-describedby="([^"]+)"/g))
		for (const id of m[1].split(' '))
			assert.ok(ids.has(id), `aria-describedby points at #${id}, which exists`);
}

test('checkout sent with several mistakes lists every one, each beside its field', async () => {
	const p = makeProduct();
	const c = new Client();
	await addToCart(c, p.variantId, 1);
	const r = await c.post('/checkout/review', { csrf: await csrf(c), email: 'nope', name: '', line1: '', line2: '',
		city: 'Lisbon', region: '', postal: '', country: 'XX', provider: 'test' });
	assert.equal(r.status, 422);
	const fields = summary(r.body);
	assert.deepEqual(fields, ['email', 'name', 'line1', 'postal', 'country']);
	for (const f of fields) {
		assert.match(r.body, new RegExp(`<p class="field-error" id="${f}-error">`), `${f} has its message`);
		assert.match(r.body, new RegExp(`id="${f}"[^>]*aria-invalid="true" aria-describedby="${f}-error"`), `${f} is marked`);
	}
	assert.ok(r.body.includes('value="Lisbon"'), 'what was right is kept');
	describedIdsExist(r.body);
});

test('sign-up sent with several mistakes lists every one, for the fields of the chosen role', async () => {
	const r = await new Client().signup({ role: 'shopper', email: 'nope', password: 'short', display_name: ' ', handle: '9', brand_name: '' });
	assert.equal(r.status, 422);
	assert.deepEqual(summary(r.body), ['email', 'password', 'display_name'], 'a shopper is not asked for a handle');
	describedIdsExist(r.body);
	const creator = await new Client().signup({ role: 'creator', email: uniqueEmail('fe'), password: 'short', display_name: 'Ada', handle: '9' });
	assert.deepEqual(summary(creator.body), ['password', 'handle']);
	describedIdsExist(creator.body);
});

test('sign-up marks which fields belong to which role, so the page shows only the chosen one', async () => {
	const page = (await new Client().get('/signup')).body;
	assert.match(page, /<div class="field role-creator"><label for="handle">/);
	assert.match(page, /<div class="field role-brand"><label for="brand_name">/);
	assert.doesNotMatch(page, /error-summary/, 'a fresh form has no summary');
});
