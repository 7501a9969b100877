// feed_guard.test.mjs: what the shop writes for spreadsheets and other machines cannot be turned
// against their readers: the public feed neutralises formula cells like every CSV, its absolute
// links come from base_url and never from the Host header (without base_url the feed says so),
// typed phone numbers in the leads CSV stay as typed, and webhook URLs spelt to hide where they
// point are refused when saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, ROOT, VAR, confValue, unique, uniqueEmail } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { fcgiRaw, startProgram } from './lib/fcgi.mjs';
import { main, newBrand, postProduct, productForm } from './lib/catalog.mjs';
import { answers, brandWithForm, leadRows, sql, submitLead } from './lib/leads.mjs';
import { products, reportErrors, upload } from './lib/catalog_import.mjs';

const FORMULA = '=HYPERLINK("http://evil.example","x")';
const HOOK = '/studio/leads/webhook';

// A brand with one active product titled `title`; returns the brand.
async function brandWithProduct(title, extra = {}) {
	const b = await newBrand();
	const res = await postProduct(b.client, '/studio/products', productForm({
		title, vendor: extra.vendor ?? '', product_type: extra.type ?? '',
		variants: [{ sku: extra.sku ?? `FG-${unique()}`, price: '12.50', stock: '3' }],
	}));
	assert.equal(res.status, 303, main(res.body));
	const id = /^\/studio\/products\/(\d+)\?saved=1$/.exec(res.headers.location)?.[1];
	const published = await b.client.submit(`/studio/products/${id}/status`, { action: 'publish' }, { formPath: `/studio/products/${id}` });
	assert.equal(published.status, 303);
	return b;
}

// The feed's rows as cells, once it holds `rows` data rows (public reads are cached for a second;
// null: any number).
async function feedRows(slug, rows, headers = {}) {
	return eventually(async () => {
		const res = await new Client().get(`/b/${slug}/feed.tsv`, { headers });
		assert.equal(res.status, 200, res.body.slice(0, 300));
		const lines = res.body.trim().split('\n');
		if (rows !== null)
			assert.equal(lines.length, 1 + rows);
		return { res, header: lines[0].split('\t'), cells: lines.slice(1).map((l) => l.split('\t')) };
	});
}

test('a formula typed as a product title, vendor, type or SKU comes out of the public feed neutralised', async () => {
	const b = await brandWithProduct(FORMULA, { vendor: '@SUM(1+9)', type: '-2+3', sku: `+cmd-${unique()}` });
	const { header, cells: [row] } = await feedRows(b.slug, 1);
	const col = (name) => row[header.indexOf(name)];
	assert.equal(col('title'), `"'${FORMULA.replaceAll('"', '""')}"`);
	assert.equal(col('brand'), "'@SUM(1+9)");
	assert.equal(col('product_type'), "'-2+3");
	assert.match(col('mpn'), /^'\+cmd-/);
	assert.equal(col('price'), '12.50 USD', 'numbers stay numbers');
	for (const cell of row)
		assert.doesNotMatch(cell, /^"?[=+\-@\t\r]/, `no cell leads with a formula: ${cell}`);
	// Read back, the guard's ' comes off: the importer refuses the formula by its line, as it
	// refuses any, instead of storing a title that starts with '.
	const other = await newBrand();
	const imported = await upload(other.client, 'feed', 'feed.tsv', (await new Client().get(`/b/${b.slug}/feed.tsv`)).body);
	assert.equal(imported.status, 422);
	const errors = reportErrors(imported.body).map((e) => e.message);
	for (const col of ['title starts with "="', 'brand starts with "@"', 'mpn starts with "+"'])
		assert.ok(errors.includes(`${col}: spreadsheet formulas are not accepted`), `${col} in ${errors}`);
	assert.deepEqual(products(other.slug), []);
});

test('a guarded cell the importer accepts round-trips through the feed exactly', async () => {
	const title = `-5 pack of pens ${unique()}`;
	const b = await brandWithProduct(title);
	const { header, cells: [row], res } = await feedRows(b.slug, 1);
	assert.equal(row[header.indexOf('title')], `'${title}`);
	const other = await newBrand();
	const imported = await upload(other.client, 'feed', 'feed.tsv', res.body);
	assert.equal(imported.status, 200, imported.body.slice(0, 500));
	assert.deepEqual(products(other.slug).map((p) => p.title), [title]);
	const again = await feedRows(other.slug, 1);
	assert.equal(again.res.body.replaceAll(`/p/${other.slug}/`, `/p/${b.slug}/`), res.body);
});

test('Host: evil.example never reaches the feed or any page: absolute links come from base_url', async () => {
	const base = confValue('base_url').replace(/\/+$/, '');
	// (make test serves the same stack through Apache too: base_url names lighttpd's port there)
	assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/, 'the private stack sets base_url');
	const evil = { host: 'evil.example' };
	const { res, header, cells } = await feedRows('northwind', null, evil);
	assert.ok(cells.length > 0);
	for (const row of cells)
		assert.ok(row[header.indexOf('link')].startsWith(`${base}/p/northwind/`), row[header.indexOf('link')]);
	for (const page of ['/', '/@lena', '/b/northwind/feed.tsv', '/no-such-page', '/cart', '/studio', '/orders/lookup', '/static/', '/static', '/static/js', '/media', '/cgi-bin']) {
		const got = page === '/b/northwind/feed.tsv' ? res : await new Client().get(page, { headers: evil });
		assert.ok(!got.body.includes('evil.example'), `${page} body`);
		assert.ok(!JSON.stringify(got.headers).includes('evil.example'), `${page} headers`);
	}
});

test('phone numbers and numbers in the leads CSV stay as typed; formulas in it are neutralised', async () => {
	const f = await brandWithForm();
	const email = uniqueEmail('phone');
	const res = await submitLead(f.slug, answers(email, { q1: FORMULA, q4: '+1 206 555 0100', q9: '-12.50' }));
	assert.equal(res.status, 200);
	assert.equal(leadRows(f.id).length, 1);
	const csv = await f.brand.get(`/studio/leads.csv?form=${f.id}`);
	assert.equal(csv.status, 200);
	const line = csv.body.split('\r\n')[1];
	assert.ok(line.includes(`,"'${FORMULA.replaceAll('"', '""')}",Hello,${email},+1 206 555 0100,+12065550100,Large,`), line);
	assert.ok(line.endsWith(',-12.50'), line);
});

test('webhook URLs that hide where they point are refused beside the field, and nothing is saved', async () => {
	const f = await brandWithForm({ fresh: true });
	const refused = {
		'http://192.168.1.1./': 'not on the public internet (private)',
		'http://3232235777/': 'not on the public internet (private)',
		'http://0xc0a80101/': 'not on the public internet (private)',
		'http://0300.0250.1.1/': 'not on the public internet (private)',
		'http://[::ffff:192.168.1.1]/': 'not on the public internet (private)',
		'http://[::1]/': 'not on the public internet (loopback)',
		'http://[fd00::1]/': 'not on the public internet (unique-local)',
		'http://crm.example.com./hooks': 'Write the host without the dot at its end.',
		'http://134744072/': 'Write an IP address as four decimal numbers',
		'http://0x08.8.8.8/': 'Write an IP address as four decimal numbers',
		'http://a@b.example/': 'Leave out the user name and password',
		'http://user:pw@crm.example.com/hooks': 'Leave out the user name and password',
		'ftp://crm.example.com/': 'Enter an https:// (or http://) URL',
		'javascript:alert(1)': 'Enter an https:// (or http://) URL',
	};
	for (const [url, says] of Object.entries(refused)) {
		const res = await f.brand.submit(HOOK, { url }, { formPath: HOOK });
		assert.equal(res.status, 422, url);
		const error = /<p class="field-error" id="url-error">([^<]*)<\/p>/.exec(res.body)?.[1] ?? '';
		assert.ok(error.replaceAll('&#39;', "'").includes(says), `${url}: ${error}`);
	}
	assert.deepEqual(sql(`SELECT COUNT(*) FROM lead_webhooks w JOIN lead_forms lf ON lf.brand_id = w.brand_id WHERE lf.id = ${f.id}`), [['0']]);
	const good = 'https://crm.example.com/hooks/leads';
	assert.equal((await f.brand.submit(HOOK, { url: good }, { formPath: HOOK })).status, 303);
	assert.deepEqual(sql(`SELECT w.url FROM lead_webhooks w JOIN lead_forms lf ON lf.brand_id = w.brand_id WHERE lf.id = ${f.id}`), [[good]]);
});

// The stack's conf without base_url, and a copy of it in a file.
const confTextWithoutBaseUrl = () => readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8').replace(/^base_url\s*=.*$/mg, '');
function confWithoutBaseUrl() {
	const file = path.join(VAR, `no-base-url-${unique()}.conf`);
	writeFileSync(file, confTextWithoutBaseUrl(), { mode: 0o600 });
	return file;
}

test('without base_url, crowdcartctl export refuses with the reason instead of writing host-less links', async () => {
	const conf = confWithoutBaseUrl();
	try {
		const out = await run(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', conf, 'export', '--brand', 'northwind']);
		assert.equal(out.code, 1);
		assert.equal(out.stdout, '');
		assert.match(out.stderr, /export needs base_url \(the shop's public address/);
	} finally {
		rmSync(conf, { force: true });
	}
});

test('without base_url, the feed answers 503 saying so, whatever the Host header', async () => {
	const shop = await startProgram(confTextWithoutBaseUrl(), { name: 'fg' });
	try {
		const res = await fcgiRaw(shop.sock, { uri: '/b/northwind/feed.tsv', params: { HTTP_HOST: 'evil.example' } });
		assert.match(res, /^Status: 503/m);
		assert.match(res, /This feed is off: its links need the shop&#39;s public address \(base_url in the configuration\)/);
		assert.ok(!res.includes('evil.example'));
	} finally {
		shop.stop();
	}
});

function run(file, args) {
	return new Promise((resolve) => {
		const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '', stderr = '';
		child.stdout.on('data', (c) => { stdout += c; });
		child.stderr.on('data', (c) => { stderr += c; });
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}
