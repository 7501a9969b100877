// form_summaries.test.mjs: the lead form and the studio's forms (product editor, ad form, showcase
// editor, discount codes, creator profile, brand about, shipping, lead-form builder) sent back with
// mistakes open on a focused summary that lists each one and links to its field; every
// link and every aria-describedby names an id that exists on the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { usesDatabase } from './lib/dblock.mjs';
import { answers, brandWithForm, submitLead } from './lib/leads.mjs';
import { main, newBrand, postProduct, productForm } from './lib/catalog.mjs';
import { unique } from './lib/http.mjs';
import { newCreator } from './lib/creators.mjs';
import { saveShowcase, showcaseBrand } from './lib/showcases.mjs';

usesDatabase();

function summary(html) {
	const box = /<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-h">([\s\S]*?)<\/div>/.exec(html);
	assert.ok(box, 'a focused error summary heads the form');
	return [...box[1].matchAll(/<li><a href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map((m) => ({ id: m[1], text: m[2] }));
}

// Each linked field is marked invalid, names its message, and has the message beside it.
function marked(html, links) {
	for (const { id } of links) {
		assert.match(html, new RegExp(`id="${id}"[^>]* aria-invalid="true"`), `#${id} is marked`);
		assert.match(html, new RegExp(`id="${id}"[^>]* aria-describedby="[^"]*${id}-error`), `#${id} names its message`);
		assert.match(html, new RegExp(`<p class="field-error" id="${id}-error">`), `#${id} has its message beside it`);
	}
}

function idsExist(html, links) {
	const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
	for (const { id } of links)
		assert.ok(ids.has(id), `the summary links to #${id}, which exists`);
	for (const m of html.matchAll(/aria-describedby="([^"]+)"/g))
		for (const id of m[1].split(' '))
			assert.ok(ids.has(id), `aria-describedby points at #${id}, which exists`);
}

test('a lead form with several mistakes lists each in a summary linking to its field', async () => {
	const f = await brandWithForm();
	const res = await submitLead(f.slug, { ...answers('x@example.com'), q1: '', q3: 'not-an-email', q5: '', consent: '' });
	assert.equal(res.status, 422);
	const links = summary(res.body);
	assert.deepEqual(links.map((l) => l.id), ['q1', 'q3', 'q5-1', 'consent']);
	assert.match(links[0].text, /^Name: /);
	assert.match(links[1].text, /^Email: /);
	assert.equal(links[3].text, 'Tick the box to agree before sending.');
	// the general message gives way to the summary, the fields keep their own messages
	assert.doesNotMatch(res.body, /Please correct the answers marked below/);
	assert.match(res.body, /<p class="field-error" id="q3-error">/);
	idsExist(res.body, links);
});

test('the product editor links its problem to the variant field it is about', async () => {
	const { client } = await newBrand();
	const form = productForm({ title: 'Summary tray', options: ['Size'], variants: [{ option1: 'S', price: '12' }, { option1: 'M', price: '1,2' }] });
	const res = await postProduct(client, '/studio/products', form);
	assert.equal(res.status, 422);
	const links = summary(main(res.body));
	assert.equal(links.length, 1);
	assert.equal(links[0].id, 'v2-price');
	assert.match(links[0].text, /^Variant 2, price: Enter the price/);
	assert.match(res.body, /<input id="v2-price" name="v_price"/);
	idsExist(res.body, links);
	const blank = await postProduct(client, '/studio/products', productForm({ title: ' ', options: ['Size'], variants: [{ option1: 'S', price: '12' }] }));
	assert.equal(summary(main(blank.body))[0].id, 'title');
});

test('the product editor gives every problem of one submit, each beside its field, keeping what was typed', async () => {
	const { client } = await newBrand();
	// an emptied row between two kept ones: messages follow the rows of the form, not the kept variants
	const form = productForm({ title: ' ', options: ['Size'], images: [{ url: 'ftp://img.example/a.jpg', alt: 'front' }],
		variants: [{ option1: 'S', price: 'twelve', stock: 'lots' }, {}, { option1: '', price: '3', compare: '2,5', sku: 'TRAY-L' }] });
	const res = await postProduct(client, '/studio/products', form);
	assert.equal(res.status, 422);
	const page = main(res.body);
	const links = summary(page);
	assert.deepEqual(links.map((l) => l.id), ['title', 'v1-price', 'v1-stock', 'v3-option1', 'v3-compare_at_price', 'i1-url']);
	assert.match(links[0].text, /^Title: Give the product a title/);
	assert.match(links[4].text, /^Variant 3, compare-at price: /);
	for (const { id } of links) {
		assert.match(page, new RegExp(`id="${id}"[^>]* aria-invalid="true" aria-describedby="[^"]*${id}-error"`), `#${id} is marked`);
		assert.match(page, new RegExp(`<p class="field-error" id="${id}-error">`), `#${id} has its message beside it`);
	}
	assert.match(page, /<input id="v1-price" name="v_price"[^>]* value="twelve"/);
	assert.match(page, /<input id="v3-sku" name="v_sku"[^>]* value="TRAY-L"/);
	assert.doesNotMatch(page, /id="v2-[a-z_0-9]+"[^>]* aria-invalid/, 'the emptied row has nothing to fix');
	idsExist(res.body, links);
});

test('the showcase editor links its problem to the field, whose message has an id its input names', async () => {
	const b = await showcaseBrand();
	for (const [fields, id] of [[{ price_min: '1,000', currency: 'USD' }, 'price_min'], [{ price_min: '10' }, 'currency']]) {
		const { res } = await saveShowcase(b.client, { title: `Summary ${id}`, ...fields });
		assert.equal(res.status, 422);
		const links = summary(res.body);
		assert.deepEqual(links.map((l) => l.id), [id]);
		assert.match(res.body, new RegExp(`<p class="field-error" id="${id}-error">`));
		idsExist(res.body, links);
	}
});

test('a discount code, new or edited, gives every problem of one submit beside its field', async () => {
	const { client } = await newBrand();
	const res = await client.submit('/studio/brand/codes', { creator_id: 'someone', code: 'x', kind: 'percent', value: '150',
		min_order: '', total_limit: '0', per_customer_limit: '', starts_on: '2026-12-10', ends_on: '2026-12-01' });
	assert.equal(res.status, 422);
	const links = summary(res.body);
	assert.deepEqual(links.map((l) => l.id), ['creator_id', 'code', 'value', 'total_limit', 'ends_on']);
	assert.match(links[4].text, /last day comes before the first day/);
	marked(res.body, links);
	idsExist(res.body, links);
	assert.match(res.body, /id="value"[^>]* value="150"/, 'what was typed is kept');
	assert.doesNotMatch(res.body, /class="flash error"/, 'the summary replaces the message at the top');

	const code = `SUM-${unique()}`.slice(0, 32);
	assert.equal((await client.submit('/studio/brand/codes', { code, kind: 'fixed', value: '5.00' })).status, 303);
	const id = /href="\/studio\/brand\/codes\/(\d+)">/.exec((await client.get('/studio/brand/codes')).body)[1];
	const edit = await client.submit(`/studio/brand/codes/${id}`, { kind: 'fixed', value: 'five', min_order: '-1',
		per_customer_limit: 'two', starts_on: 'soon', ends_on: '' }, { formPath: `/studio/brand/codes/${id}` });
	assert.equal(edit.status, 422);
	const again = summary(edit.body);
	assert.deepEqual(again.map((l) => l.id), ['value', 'min_order', 'per_customer_limit', 'starts_on']);
	marked(edit.body, again);
	idsExist(edit.body, again);
});

test('the creator profile gives every problem of one submit beside its field, each link on its own', async () => {
	const { client } = await newCreator();
	const res = await client.submit('/studio/creator/profile', { display_name: ' ', bio: 'Kept bio', avatar_url: 'javascript:alert(1)',
		link_label_1: 'Blog', link_url_1: '', link_label_2: '', link_url_2: 'https://shop.example/x',
		link_label_3: 'Old', link_url_3: 'ftp://old.example/' });
	assert.equal(res.status, 422);
	const links = summary(res.body);
	assert.deepEqual(links.map((l) => l.id), ['display_name', 'avatar_url', 'link_url_1', 'link_label_2', 'link_url_3']);
	marked(res.body, links);
	idsExist(res.body, links);
	assert.match(res.body, />Kept bio<\/textarea>/, 'what was typed is kept');
	assert.match(res.body, /id="link_url_2"[^>]* value="https:\/\/shop\.example\/x"/);
});

test('the shipping page gives every problem of each of its forms, beside its field, keeping what was typed', async () => {
	const { client } = await newBrand();
	const path = '/studio/brand/shipping';
	const cases = [
		[path, { shipping: '4,99', tax_percent: '101', prices: 'exclude' }, ['shipping', 'tax_percent'], /id="tax_percent"[^>]* value="101"/],
		[`${path}/tax-rates`, { country: 'ZZ', region: 'C-A', tax_percent: 'x' }, ['tax-country', 'tax-region', 'tax-rate'], /id="tax-region"[^>]* value="C-A"/],
		[`${path}/rates`, { dest: 'DE', shipping: 'free' }, ['ship-rate'], /<option value="DE" selected>/],
		[`${path}/rates`, { dest: 'QQ', shipping: '-1' }, ['ship-dest', 'ship-rate'], /id="ship-rate"[^>]* value="-1"/],
	];
	for (const [to, fields, ids, kept] of cases) {
		const res = await client.submit(to, fields, { formPath: path });
		assert.equal(res.status, 422, to);
		const links = summary(res.body);
		assert.deepEqual(links.map((l) => l.id), ids);
		marked(res.body, links);
		idsExist(res.body, links);
		assert.match(res.body, kept, 'what was typed is kept');
	}
	const gone = await client.submit(`${path}/rates/remove`, { dest: 'QQ' }, { formPath: path });
	assert.equal(gone.status, 422);
	assert.deepEqual(summary(gone.body).map((l) => l.id), ['shipping-rates']);
	idsExist(gone.body, summary(gone.body));
});

test('the brand story shows its problem beside the field and in the summary', async () => {
	const { client } = await newBrand();
	const res = await client.submit('/studio/brand/about', { about: 'bell \u0007' }, { formPath: '/studio/brand/about' });
	assert.equal(res.status, 422);
	const links = summary(res.body);
	assert.deepEqual(links.map((l) => l.id), ['about']);
	marked(res.body, links);
	idsExist(res.body, links);
});

test('the lead-form builder gives every problem of its settings and of a new field, keeping what was typed', async () => {
	const f = await brandWithForm();
	const res = await f.brand.submit(f.formPath, { ...f.settings, title: ' ', consent_text: ' ', min_fill_seconds: 'abc',
		ip_limit_per_hour: '0', phone_region: 'Q1', thanks_text: 'Kept thanks' }, { formPath: f.formPath });
	assert.equal(res.status, 422);
	const links = summary(res.body);
	assert.deepEqual(links.map((l) => l.id), ['title', 'consent_text', 'min_fill_seconds', 'ip_limit_per_hour', 'phone_region']);
	marked(res.body, links);
	idsExist(res.body, links);
	assert.match(res.body, />Kept thanks<\/textarea>/);
	assert.match(res.body, /<h1 class="page-title">[^<]+<\/h1>/, 'the heading keeps the stored title');

	const field = await f.brand.submit(`${f.formPath}/fields`, { type: 'choice', label: ' ', help: 'Kept help', options: '',
		qualifying: 'Big', position: 'x' }, { formPath: f.formPath });
	assert.equal(field.status, 422);
	const more = summary(field.body);
	assert.deepEqual(more.map((l) => l.id), ['label', 'options', 'qualifying', 'position']);
	marked(field.body, more);
	idsExist(field.body, more);
	assert.match(field.body, /<option value="choice" selected>/);
	assert.match(field.body, /id="help"[^>]* value="Kept help"/);
});
