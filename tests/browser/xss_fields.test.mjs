// xss_fields.test.mjs: the XSS corpus through the remaining user-writable fields: collection item notes,
// product titles and descriptions by catalog import and by the API, and lead form answers (the studio's
// lead list and detail pages, and formula cells neutralised in the leads CSV). Every page that shows
// them is opened in Chromium with the hooks of lib/xss.mjs: not one payload may run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, newAccount, unique } from '../http/lib/http.mjs';
import { api, brandWithKey, newBrand } from '../http/lib/catalog.mjs';
import { reportErrors, upload } from '../http/lib/catalog_import.mjs';
import { brandWithOpenProduct } from '../http/lib/creators.mjs';
import { brandWithForm, lit, sql, submitLead } from '../http/lib/leads.mjs';
import { PAYLOADS, useXssChromium, xssThrough } from './lib/xss.mjs';

useXssChromium();

const range = (n) => Array.from({ length: n }, (_, i) => i);
// A CSV cell: quoted, quotes doubled.
const cell = (s) => `"${String(s).replace(/"/g, '""')}"`;

test(`${PAYLOADS.length} XSS payloads in collection item notes never run on the collection page`, async () => {
	const brand = await brandWithOpenProduct({ count: 5 });
	const c = new Client();
	const creator = await newAccount(c, 'creator');
	for (const p of brand.products)
		await c.submit('/studio/creator/picks', { product_id: p.productId }, { formPath: '/studio/creator/marketplace' });
	const created = await c.submit('/studio/creator/collections', { title: 'Notes shelf', description: '' });
	assert.equal(created.status, 303);
	const edit = created.headers.location;
	for (const p of brand.products)
		assert.equal((await c.submit(`${edit}/items`, { product_id: p.productId }, { formPath: edit })).status, 303);
	assert.equal((await c.submit(edit, { title: 'Notes shelf', description: '', published: '1' })).status, 303);
	const boxes = Object.fromEntries(brand.products.map((p) => [p.productId, [500, ' ']]));
	const ran = await xssThrough({
		boxes,
		save: async (r) => {
			for (const p of brand.products) {
				const saved = await c.submit(`${edit}/items/${p.productId}/note`, { note: r.fields[p.productId] ?? '' }, { formPath: edit });
				assert.equal(saved.status, 303, `note save answered ${saved.status}`);
			}
		},
		pages: () => [`/@${creator.handle}/notes-shelf`],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});

// Ten products per import: titles (one line) and descriptions (rich text, sanitised on the way in).
// A title starts with "T ": the importer refuses one that starts like a spreadsheet formula ("-->").
async function importRounds({ field, boxSize, sep, asText }) {
	const { client, slug } = await newBrand();
	const handles = range(10).map((i) => `xss-${field}-${i}`);
	return xssThrough({
		client,
		asText,
		boxes: Object.fromEntries(handles.map((h) => [h, [boxSize, sep]])),
		save: async (r) => {
			const rows = handles.map((h) => [h, field === 'title' ? `T ${r.fields[h] ?? h}` : h, field === 'body' ? r.fields[h] ?? '' : '', 'true', '10.00', '3']);
			const csv = 'Handle,Title,Body (HTML),Published,Variant Price,Variant Inventory Qty\n' + rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
			const res = await upload(client, 'shopify', 'xss.csv', csv);
			assert.equal(res.status, 200, `import answered ${res.status}: ${JSON.stringify(reportErrors(res.body))}`);
		},
		pages: () => [...(field === 'title' ? ['/studio/products'] : []), ...handles.map((h) => `/p/${slug}/${h}`)],
	});
}

test(`${PAYLOADS.length} XSS payloads as imported product titles never run on product pages or the studio list`, async () => {
	assert.deepEqual(await importRounds({ field: 'title', boxSize: 245, sep: ' ', asText: true }), [], 'no payload ran');
});

test(`${PAYLOADS.length} XSS payloads in imported descriptions (Body (HTML)) never run on product pages`, async () => {
	assert.deepEqual(await importRounds({ field: 'body', boxSize: 1990, sep: '\n', asText: false }), [], 'no payload ran');
});

test(`${PAYLOADS.length} XSS payloads in product titles and descriptions sent to the API never run on product pages`, async () => {
	const { key, slug, client } = await brandWithKey();
	const boxes = Object.fromEntries(range(10).flatMap((i) => [[`title_${i}`, [250, ' ']], [`description_${i}`, [1990, '\n']]]));
	const ran = await xssThrough({
		client,
		boxes,
		save: async (r) => {
			const handles = [];
			for (const i of range(10)) {
				if (!r.fields[`title_${i}`] && !r.fields[`description_${i}`])
					continue;
				const res = await api('POST', '/api/v1/products', { key, body: {
					title: r.fields[`title_${i}`] ?? `API ${unique()}`, description: r.fields[`description_${i}`] ?? '', status: 'active',
					variants: [{ sku: `XSS-${unique()}`, price: '9.00', stock: 3 }],
				} });
				assert.equal(res.status, 201, res.text);
				handles.push(res.json.handle);
			}
			return handles;
		},
		pages: (r, handles) => ['/studio/products', ...handles.map((h) => `/p/${slug}/${h}`)],
	});
	assert.deepEqual(ran, [], 'no payload ran');
});

test(`${PAYLOADS.length} XSS payloads as lead answers never run in the studio's lead list and detail; the CSV neutralises formulas`, async () => {
	const fields = [
		{ type: 'text', label: 'First' }, { type: 'text', label: 'Second' }, { type: 'longtext', label: 'Third' },
		{ type: 'longtext', label: 'Fourth' }, { type: 'email', label: 'Email', required: 'yes' },
	];
	const { brand, slug, id } = await brandWithForm({ fresh: true, fields });
	const ran = await xssThrough({
		client: brand,
		boxes: { q1: [200, ' '], q2: [200, ' '], q3: [4900, '\n'], q4: [4900, '\n'] },
		save: async (r) => {
			const email = `xss-${unique()}@test.crowdcart.test`;
			const res = await submitLead(slug, { q1: '', q2: '', q3: '', q4: '', ...r.fields, q5: email, consent: 'yes' });
			assert.ok(res.status === 200 || res.status === 303, `lead submit answered ${res.status}: ${res.body.slice(0, 300)}`);
			return Number(sql(`SELECT id FROM leads WHERE form_id = ${+id} AND email = ${lit(email)}`)[0][0]);
		},
		pages: (r, lead) => [`/studio/leads/${lead}`, `/studio/leads?form=${id}`],
	});
	assert.deepEqual(ran, [], 'no payload ran');

	// Spreadsheet formulas in answers come out of the export as text, not as formulas.
	const formulas = ['=1+2', '+SUM(1;2)', '-2+3', '@SUM(1;2)', '=cmd|calc!A0'];
	const res = await submitLead(slug, { q1: formulas[0], q2: formulas[1], q3: formulas[2], q4: `${formulas[3]}\n${formulas[4]}`,
		q5: `formula-${unique()}@test.crowdcart.test`, consent: 'yes' });
	assert.ok(res.status === 200 || res.status === 303);
	const csv = await brand.get(`/studio/leads.csv?form=${id}`);
	assert.equal(csv.status, 200);
	for (const f of formulas.slice(0, 3)) {
		assert.ok(csv.body.includes(`'${f}`), `${f} neutralised in the CSV`);
		assert.ok(!new RegExp(`(^|,)"?${f.replace(/[+|()$]/g, '\\$&')}`, 'm').test(csv.body), `${f} is not a live formula in the CSV`);
	}
	assert.match(csv.body, /"'@SUM\(1;2\)\n=cmd\|calc!A0"|'@SUM\(1;2\)/, 'a multi-line cell starting with @ is neutralised');
});
