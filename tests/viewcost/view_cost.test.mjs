// view_cost.test.mjs: what one uncached view of each public page type asks of MariaDB: statements
// executed and rows examined, counted by performance_schema for the database connections of a shop
// program of the test's own (the stack's config with cache_ttl_ms = 0, so every view is the one a
// page not in any worker's cache costs). The bounds are a few times today's figures
// (docs/BENCHMARKS.md, "Where a view's time goes"). It runs as a suite of its own (tests/run.sh),
// on the demo data as set up and before the HTTP suites add theirs: the pages it reads are the
// demo's, and a brand other files have given hundreds of products measures those files, not
// the code. Then the cost of every page again
// with MORE active products in the catalog, none of them picked by the storefront's creator: the
// rows examined must not grow with them (before a creator's showcase read the creator's picks
// first, a storefront view examined every active product of every brand).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VAR, unique } from '../http/lib/http.mjs';
import { sql } from '../http/lib/catalog.mjs';
import { fcgiRaw, parseAnswer, startProgram } from '../http/lib/fcgi.mjs';
import { perfSchemaOn, programThreads, statementCounts } from './lib/statements.mjs';

const MORE = 3000;
const VIEWS = 5;

// Per page type: at most this many statements and rows examined per view (today: docs/BENCHMARKS.md).
const BOUNDS = {
	home: { statements: 10, rows: 400 },
	product: { statements: 12, rows: 400 },
	storefront: { statements: 16, rows: 800 },
	collection: { statements: 6, rows: 300 },
	video: { statements: 9, rows: 500 },
	ad: { statements: 9, rows: 300 },
	live: { statements: 11, rows: 300 },
	leadform: { statements: 5, rows: 100 },
};

const one = (text) => sql(text).trim();
const perfSchema = perfSchemaOn();
let shop;

before(async () => {
	if (!perfSchema)
		return;
	const conf = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8');
	shop = await startProgram(`${conf}\ncache_ttl_ms = 0\nbest_sellers_refresh_seconds = 86400\n`, { name: 'view-cost' });
});
after(() => shop?.stop());

async function get(uri) {
	const res = parseAnswer(await fcgiRaw(shop.sock, { uri }));
	assert.equal(res.status, 200, `${uri}: ${res.status}`);
}

async function cost(uri) {
	await get(uri);	// the worker prepares its statements on a page's first view
	const ids = programThreads(shop.sock);
	const a = statementCounts(ids);
	for (let i = 0; i < VIEWS; i++)
		await get(uri);
	const b = statementCounts(ids);
	return { statements: (b.statements - a.statements) / VIEWS, rows: (b.rows - a.rows) / VIEWS };
}

const pages = {
	home: () => '/',
	product: () => `/p/${one(`SELECT CONCAT(b.slug, '/', p.handle) FROM products p JOIN brands b ON b.id = p.brand_id
		WHERE b.slug = 'northwind' AND p.status = 'active' ORDER BY p.id LIMIT 1`)}`,
	storefront: () => '/@lena',
	collection: () => `/@lena/${one(`SELECT l.slug FROM collections l JOIN creators c ON c.id = l.creator_id
		WHERE c.handle = 'lena' AND l.published = 1 AND l.taken_down_at IS NULL ORDER BY l.position, l.id LIMIT 1`)}`,
	video: () => `/v/${one('SELECT id FROM videos WHERE taken_down_at IS NULL ORDER BY id LIMIT 1')}`,
	ad: () => `/ad/${one("SELECT slug FROM ads WHERE state = 'live' AND taken_down_at IS NULL ORDER BY id LIMIT 1")}`,
	live: () => `/live/${one('SELECT id FROM live_sessions WHERE taken_down_at IS NULL ORDER BY id LIMIT 1')}`,
	leadform: () => `/f/${one("SELECT slug FROM lead_forms WHERE status = 'live' AND taken_down_at IS NULL ORDER BY id LIMIT 1")}`,
};

for (const [name, uri] of Object.entries(pages)) {
	test(`an uncached ${name} view: at most ${BOUNDS[name].statements} statements and ${BOUNDS[name].rows} rows examined`,
		{ skip: !perfSchema && 'performance_schema is off on this server' }, async (t) => {
			const u = uri();
			const c = await cost(u);
			t.diagnostic(`${u}: ${c.statements} statements, ${c.rows} rows examined per view`);
			assert.ok(c.statements <= BOUNDS[name].statements, `${u}: ${c.statements} statements per view`);
			assert.ok(c.rows <= BOUNDS[name].rows, `${u}: ${c.rows} rows examined per view`);
		});
}

test(`no page examines more rows with ${MORE} more products in the catalog`,
	{ skip: !perfSchema && 'performance_schema is off on this server' }, async (t) => {
		const uris = Object.values(pages).map((uri) => uri());
		const before = [];
		for (const u of uris)
			before.push(await cost(u));
		// A brand of its own, no creator's picks; a product type and tag no other test looks for.
		// They are archived as soon as they are measured, so other test files barely see them.
		const slug = `viewcost-${unique()}`;
		sql(`INSERT INTO brands (slug, name, description, approved) VALUES ('${slug}', 'View cost', '', 1);
			INSERT INTO products (brand_id, handle, title, description_html, product_type, tags, status, price_min, stock_total)
			SELECT LAST_INSERT_ID(), CONCAT('more-', seq), CONCAT('View cost ', seq), '', '${slug}', '${slug}', 'active', 1000, 5
			FROM seq_1_to_${MORE};`);
		try {
			for (const [i, u] of uris.entries()) {
				const now = await cost(u);
				t.diagnostic(`${u}: ${before[i].rows} rows examined, then ${now.rows}`);
				assert.ok(now.rows - before[i].rows < 20, `${u}: ${before[i].rows} rows examined, ${now.rows} with ${MORE} more products`);
			}
		} finally {
			sql(`UPDATE products p JOIN brands b ON b.id = p.brand_id SET p.status = 'archived' WHERE b.slug = '${slug}'`);
		}
	});
