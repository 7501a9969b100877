// catalog_import.mjs: helpers for the catalog import suite: uploading a file to /studio/import as
// multipart/form-data, reading the report, running crowdcartctl, and reading the catalog back.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, VAR, csrfOf } from './http.mjs';
import { lit, sql } from './fulfilment.mjs';

export { sql, lit };

export const FIXTURES = path.join(ROOT, 'tests/fixtures/catalog');
// Shopify's own sample exports, which the project does not ship: by default beside the clone in
// ../shared/fixtures/shopify, or wherever SHOPIFY_FIXTURES names.
export const SHOPIFY_DIR = path.resolve(ROOT, process.env.SHOPIFY_FIXTURES || '../shared/fixtures/shopify');
const SHOPIFY_FILES = ['apparel.csv', 'jewelery.csv'];
const SHOPIFY_MISSING = SHOPIFY_FILES.every((f) => existsSync(path.join(SHOPIFY_DIR, f))) ? null
	: `needs Shopify's sample exports ${SHOPIFY_FILES.join(' and ')} in ${SHOPIFY_DIR}, which are not there: ` +
	  'git clone https://github.com/shopifypartners/product-csvs ../shared/fixtures/shopify (beside the clone), ' +
	  'or set SHOPIFY_FIXTURES to a directory holding them';

// test() for a test that reads the shared Shopify exports. Where they are missing (a clone on its
// own), each such test is reported skipped with the reason and how to get them, and counted as
// skipped by tests/run.sh: a missing download is not a failure of the code, nor a pass.
export function shopifyTest(name, fn) {
	return SHOPIFY_MISSING ? test(name, { skip: SHOPIFY_MISSING }, fn) : test(name, fn);
}

// A Shopify export from shared/, or a clear failure when the shared fixtures are not beside the clone.
export function shopifyFixture(name) {
	const p = path.join(SHOPIFY_DIR, name);
	if (!existsSync(p))
		throw new Error(`missing ${p}: the shared Shopify exports must sit in ../shared/fixtures/shopify/ beside the clone`);
	return readFileSync(p);
}

export function fixture(rel) {
	return readFileSync(path.join(FIXTURES, rel));
}

// A multipart/form-data body: text fields, then one file part.
export function multipart(fields, file) {
	const boundary = `----cc${randomBytes(12).toString('hex')}`;
	const parts = [];
	for (const [k, v] of Object.entries(fields))
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
	if (file)
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
			`Content-Type: ${file.type ?? 'text/csv'}\r\n\r\n`), Buffer.from(file.data), Buffer.from('\r\n'));
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// Uploads `data` as a catalog file of `format` through the studio page, as a browser would.
export async function upload(client, format, name, data, { csrf } = {}) {
	if (csrf === undefined) {
		const page = await client.get('/studio/import');
		csrf = csrfOf(page.body);
	}
	const { body, type } = multipart({ csrf, format }, { name, data });
	return client.request('POST', '/studio/import', { headers: { 'content-type': type }, body });
}

// The counts line of a report page: { created, updated, unchanged, skipped }.
export function reportCounts(html) {
	const m = /Imported: (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) skipped/.exec(html);
	return m ? { created: +m[1], updated: +m[2], unchanged: +m[3], skipped: +m[4] } : null;
}

// The problems table of a report page: [{ line, message }].
export function reportErrors(html) {
	const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	return [...html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => ({ line: +m[1], message: unescape(m[2]) }));
}

// The notices of a report page (accepted, but worth saying): [{ line, message }].
export function reportNotices(html) {
	return [...html.matchAll(/<p class="flash note import-notice" role="status">Line (\d+): ([^<]*)<\/p>/g)]
		.map((m) => ({ line: +m[1], message: m[2] }));
}

export function ctl(...args) {
	return execFileSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', path.join(VAR, 'crowdcart.conf'), ...args],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// The catalog of a brand as plain rows, for exact comparisons.
export function products(slug) {
	return sql(`SELECT p.id, p.handle, p.title, p.status, p.price_min, p.currency, p.stock_total, p.vendor,
		p.product_type, p.tags, HEX(p.description_html) FROM products p JOIN brands b ON b.id = p.brand_id
		WHERE b.slug = ${lit(slug)} ORDER BY p.handle`).map(([id, handle, title, status, price_min, currency,
		stock_total, vendor, type, tags, description]) => ({ id: +id, handle, title, status, price_min: +price_min,
		currency, stock_total: +stock_total, vendor, type, tags, description: Buffer.from(description, 'hex').toString('utf8') }));
}

export function variants(slug, handle) {
	return sql(`SELECT v.id, v.option1, v.option2, v.option3, v.sku, v.price, COALESCE(v.compare_at_price, ''),
		v.currency, v.stock, v.inventory_policy, COALESCE(i.url, ''), v.external_id, v.barcode
		FROM variants v JOIN products p ON p.id = v.product_id JOIN brands b ON b.id = p.brand_id
		LEFT JOIN product_images i ON i.id = v.image_id
		WHERE b.slug = ${lit(slug)} AND p.handle = ${lit(handle)} ORDER BY v.position, v.id`)
		.map(([id, o1, o2, o3, sku, price, compare, currency, stock, policy, image, ext, barcode]) => ({
			id: +id, options: [o1, o2, o3].filter((o) => o !== ''), sku, price: +price,
			compare_at: compare === '' ? null : +compare, currency, stock: +stock, policy, image, ext, barcode,
		}));
}

export function images(slug, handle) {
	return sql(`SELECT i.url, i.alt FROM product_images i JOIN products p ON p.id = i.product_id
		JOIN brands b ON b.id = p.brand_id WHERE b.slug = ${lit(slug)} AND p.handle = ${lit(handle)}
		ORDER BY i.position, i.id`).map(([url, alt]) => ({ url, alt: alt ?? '' }));
}

export function count(slug, table) {
	const join = table === 'products' ? '' : ` JOIN ${table} x ON x.product_id = p.id`;
	return +sql(`SELECT COUNT(*) FROM products p JOIN brands b ON b.id = p.brand_id${join} WHERE b.slug = ${lit(slug)}`)[0][0];
}
