// catalog_hostile.test.mjs: hostile files in each format, through the studio upload and
// crowdcartctl: every case answers with its line number and reason and writes nothing; a byte
// order mark and CRLF line ends are accepted but said in the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newBrand } from './lib/catalog.mjs';
import { FIXTURES, count, ctl, fixture, lit, reportCounts, reportErrors, reportNotices, sql, upload } from './lib/catalog_import.mjs';

// [format, file, line, reason]: the Shopify cases live in catalog_import.test.mjs.
const hostile = [
	['woocommerce', 'woo_bad_quoting.csv', 3, /bad quoting/],
	['woocommerce', 'woo_unclosed_quote.csv', 3, /never closed/],
	['woocommerce', 'woo_missing_column.csv', 1, /required column "Regular price" is missing .*woocommerce/],
	['woocommerce', 'woo_not_utf8.csv', 3, /not UTF-8/],
	['woocommerce', 'woo_formula.csv', 3, /Name starts with "=": spreadsheet formulas are not accepted/],
	['woocommerce', 'woo_thousands.csv', 3, /"1,234.50": write prices without thousands separators/],
	['woocommerce', 'woo_negative.csv', 3, /"-5" is negative/],
	['woocommerce', 'woo_utf16.csv', 1, /UTF-16/],
	['feed', 'feed_bad_quoting.csv', 3, /bad quoting/],
	['feed', 'feed_unclosed_quote.csv', 3, /never closed/],
	['feed', 'feed_missing_column.csv', 1, /required column "price" is missing .*feed/],
	['feed', 'feed_not_utf8.csv', 3, /not UTF-8/],
	['feed', 'feed_formula.csv', 3, /title starts with "@": spreadsheet formulas are not accepted/],
	['feed', 'feed_thousands.csv', 3, /without thousands separators/],
	['feed', 'feed_negative.csv', 3, /is negative/],
	['feed', 'feed_utf16.tsv', 1, /UTF-16/],
];

test('hostile WooCommerce and feed files are refused with the line and the reason, and nothing is written', async () => {
	const { client, slug } = await newBrand();
	for (const [format, name, line, reason] of hostile) {
		const res = await upload(client, format, name, fixture(`hostile/${name}`));
		assert.equal(res.status, 422, `${name}: ${res.status}`);
		assert.match(res.body, /Nothing was imported/, name);
		const errors = reportErrors(res.body);
		assert.ok(errors.some((e) => e.line === line && reason.test(e.message)),
			`${name}: expected line ${line} ${reason}, got ${JSON.stringify(errors)}`);
	}
	assert.equal(count(slug, 'products'), 0, 'no rejected file wrote anything');
	assert.equal(+sql(`SELECT COUNT(*) FROM import_runs r JOIN brands b ON b.id = r.brand_id
		WHERE b.slug = ${lit(slug)} AND r.status = 'rejected'`)[0][0], hostile.length);
});

// The Shopify files of catalog_import.test.mjs, for the command line.
const shopifyHostile = [
	['shopify', 'bad_quoting.csv', 3, /bad quoting/],
	['shopify', 'missing_column.csv', 1, /required column "Variant Price" is missing/],
	['shopify', 'not_utf8.csv', 4, /not UTF-8/],
	['shopify', 'formula.csv', 2, /formulas are not accepted/],
	['shopify', 'thousands.csv', 2, /without thousands separators/],
	['shopify', 'negative.csv', 3, /"-5" is negative/],
	['shopify', 'unclosed_quote.csv', 3, /never closed/],
	['shopify', 'utf16.csv', 1, /UTF-16/],
];

test('crowdcartctl prints the same line and reason for every hostile file, in each format', () => {
	for (const [format, name, line, reason] of [...shopifyHostile, ...hostile]) {
		assert.throws(() => ctl('import', '--brand', 'northwind', '--format', format, `${FIXTURES}/hostile/${name}`),
			(e) => e.status === 1 && /rejected: \d+ error\(s\), nothing written/.test(e.stdout) &&
				e.stdout.split('\n').some((l) => l.startsWith(`line ${line}: `) && reason.test(l)),
			name);
	}
});

test('a byte order mark and CRLF line ends are accepted and said in the report, in every format', async () => {
	const { client, slug } = await newBrand();
	for (const [format, name, handle] of [['shopify', 'bom_crlf.csv', 'felt-coaster'],
		['woocommerce', 'woo_bom_crlf.csv', 'enamel-mug'], ['feed', 'feed_bom_crlf.tsv', 'mug-1']]) {
		const res = await upload(client, format, name, fixture(`hostile/${name}`));
		assert.equal(res.status, 200, `${name}: ${res.body.slice(0, 400)}`);
		assert.equal(reportCounts(res.body).created, 1, name);
		assert.deepEqual(reportNotices(res.body), [
			{ line: 1, message: 'UTF-8 byte-order mark removed' },
			{ line: 1, message: 'CRLF (Windows) line ends, read as line breaks' }], name);
		assert.ok(count(slug, 'products') >= 1);
		assert.equal(+sql(`SELECT COUNT(*) FROM products p JOIN brands b ON b.id = p.brand_id
			WHERE b.slug = ${lit(slug)} AND p.handle = ${lit(handle)}`)[0][0], 1, name);
	}
	const out = ctl('import', '--brand', slug, '--format', 'shopify', `${FIXTURES}/hostile/bom_crlf.csv`);
	assert.match(out, /^notice: line 1: UTF-8 byte-order mark removed$/m);
	assert.match(out, /^notice: line 1: CRLF \(Windows\) line ends, read as line breaks$/m);
	assert.match(out, /unchanged 1/);
});

test('an enormous line in a WooCommerce or feed file is refused by its line number', async () => {
	const { client, slug } = await newBrand();
	const woo = `ID,Type,SKU,Name,Published,Stock,Regular price,Parent\n10,simple,A,Mug,1,1,1.00,\n` +
		`11,simple,B,"${'x'.repeat(2 * 1024 * 1024)}",1,1,1.00,\n`;
	const feed = `id\ttitle\tprice\nA\tMug\t1.00 USD\nB\tCup\t1.00 USD\nC\t${'y'.repeat(2 * 1024 * 1024)}\t1.00 USD\n`;
	for (const [format, name, data, line] of [['woocommerce', 'huge.csv', woo, 3], ['feed', 'huge.tsv', feed, 4]]) {
		const res = await upload(client, format, name, data);
		assert.equal(res.status, 422, name);
		assert.ok(reportErrors(res.body).some((e) => e.line === line && /longer than 1 MiB/.test(e.message)),
			`${format}: ${JSON.stringify(reportErrors(res.body))}`);
	}
	assert.equal(count(slug, 'products'), 0);
});
