// view_cost_checkout.test.mjs: what one guest "Place order" asks of MariaDB, counted by performance_schema
// for the database connection of a shop program of the test's own: statements executed and rows
// examined per order. The carts are filled and reviewed through the stack's web server; only the
// place-order POSTs go to the program measured, with the same session cookies. Today an order
// costs 13 executed statements (besides BEGIN and COMMIT) and about 25 rows examined
// (docs/CHECKOUT.md, "Where a Place order spends its time"); the bounds leave a little room, so a
// lookup put back into the order's path fails here rather than only in a benchmark.
// It runs after view_cost.test.mjs in the same suite (tests/run.sh), whose pages its orders must not change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, VAR, uniqueEmail } from '../http/lib/http.mjs';
import { address, makeProduct, reviewed, stockOf } from '../http/lib/commerce.mjs';
import { FcgiClient, startProgram } from '../http/lib/fcgi.mjs';
import { perfSchemaOn, programThreads, statementCounts } from './lib/statements.mjs';

const ORDERS = 5;
const BOUND = { statements: 15, rows: 60 };

const perfSchema = perfSchemaOn();
let shop;

before(async () => {
	if (!perfSchema)
		return;
	const conf = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8');
	shop = await startProgram(`${conf}\nbest_sellers_refresh_seconds = 86400\n`, { name: 'checkout-cost' });
});
after(() => shop?.stop());

// A guest with a reviewed one-line cart, and the place-order request for the program measured.
async function buyer(variantId) {
	const web = new Client();
	const { fields } = await reviewed(web, [[variantId, 1]], address(uniqueEmail('cost')));
	const c = new FcgiClient(shop.sock);
	c.cookies = new Map(web.cookies);
	return () => c.post('/checkout/place', fields);
}

test(`a guest's Place order: at most ${BOUND.statements} statements and ${BOUND.rows} rows examined`,
	{ skip: !perfSchema && 'performance_schema is off on this server' }, async (t) => {
		const p = makeProduct({ stock: 100 });
		const place = [];
		for (let i = 0; i < ORDERS + 1; i++)
			place.push(await buyer(p.variantId));
		// The worker prepares its statements on its first order: that one is not counted.
		assert.equal((await place[0]()).status, 303);
		const ids = programThreads(shop.sock);
		const a = statementCounts(ids);
		for (const go of place.slice(1)) {
			const res = await go();
			assert.equal(res.status, 303, 'each order is placed');
		}
		const b = statementCounts(ids);
		const statements = (b.statements - a.statements) / ORDERS, rows = (b.rows - a.rows) / ORDERS;
		t.diagnostic(`${statements} statements, ${rows} rows examined per order`);
		assert.equal(stockOf(p.variantId), 100 - ORDERS - 1, 'one unit taken per order');
		assert.ok(statements <= BOUND.statements, `${statements} statements per order`);
		assert.ok(rows <= BOUND.rows, `${rows} rows examined per order`);
	});
