// cluster-test.mjs: guest checkouts and page views through two web nodes while a Galera node is
// SIGKILLed and rejoins; asserts no acknowledged order is lost or doubled, stock never goes
// negative, and errors stay inside the failover window. Run against scripts/cluster.sh start.
//   tests/cluster/run.sh (start, test, stop), or node --test tests/cluster/cluster-test.mjs against a
//   running cluster (env: CLUSTER, WEB_A_PORT, WEB_B_PORT, KILL_NODE, LOAD_S, DOWN_S, FAILOVER_MAX_S)
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLUSTER = path.resolve(ROOT, process.env.CLUSTER ?? 'var/cluster');
const WEB = [Number(process.env.WEB_A_PORT ?? 8451), Number(process.env.WEB_B_PORT ?? 8452)];
const DB_BASE = Number(process.env.DB_BASE ?? 3450);
const KILL = Number(process.env.KILL_NODE ?? 1);	// both web nodes prefer node 1: all their workers must fail over
const LOAD_S = Number(process.env.LOAD_S ?? 6);	// steady load before the kill and after the rejoin
const DOWN_S = Number(process.env.DOWN_S ?? 6);	// how long the node stays dead
const CHECKOUT_WORKERS = 3, VIEW_WORKERS = 1, LEAD_WORKERS = 1;	// per web node: 2 cores are shared with the cluster
// Plenty of the main product, so orders go on through the whole run; every fourth checkout buys
// a scarce product instead, whose stock runs out under contention and must stop at zero.
const STOCK = 100000, SCARCE = 5;
// Errors are allowed from the kill until the cluster has evicted the dead node and every worker
// has moved (suspect + inactive timeouts are 2 s + 3 s in cluster.sh), with margin.
const FAILOVER_MAX_S = Number(process.env.FAILOVER_MAX_S ?? 10);

// The commerce fixtures write through the root socket of $VAR: node 3's, never the killed one.
process.env.VAR = path.join(CLUSTER, 'db3');
process.env.BASE_URL = `http://127.0.0.1:${WEB[0]}`;	// where the lead-form fixture signs its brand up
const { address, formFields, lit, makeProduct, orderNumbers, sql } = await import('../http/lib/commerce.mjs');
const { answers, brandWithForm } = await import('../http/lib/leads.mjs');
if (![1, 2].includes(KILL))
	throw new Error('KILL_NODE must be 1 or 2: the fixtures write through node 3');

const sock = (n) => path.join(CLUSTER, `db${n}`, 'run', 'mysqld.sock');
function nodeSql(n, text) {
	const out = execFileSync('mariadb', ['--no-defaults', `--socket=${sock(n)}`, '--batch', '--skip-column-names',
		'--raw', 'crowdcart'], { input: text }).toString();
	return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

const t0 = Date.now();
const secs = (ms = Date.now()) => (ms - t0) / 1000;

// One visitor: a cookie jar, and any of the web nodes for each request (sessions and carts live
// in the database, so a visitor may hop between nodes, as behind a load balancer without stickiness).
// Each visitor has its own address in 127/8, as in tests/http/lib/http.mjs: the lead form's
// per-address limit would otherwise count every visitor of the run as one.
class Visitor {
	cookies = new Map();
	address = `127.${1 + Math.floor(Math.random() * 254)}.${1 + Math.floor(Math.random() * 254)}.${1 + Math.floor(Math.random() * 254)}`;

	async request(method, pathname, body) {
		try {
			return await this.send(method, pathname, body);
		} catch (e) {
			if (e.code !== 'EADDRNOTAVAIL' || !this.address)
				throw e;
			this.address = undefined;	// a loopback without all of 127/8: share 127.0.0.1
			return this.send(method, pathname, body);
		}
	}

	send(method, pathname, body) {
		const port = WEB[Math.floor(Math.random() * WEB.length)];
		const headers = {};
		if (this.cookies.size)
			headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		if (body !== undefined) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers['content-length'] = Buffer.byteLength(body);
		}
		return new Promise((resolve, reject) => {
			const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers, agent: false, localAddress: this.address }, (res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					for (const line of res.headers['set-cookie'] ?? []) {
						const pair = line.split(';')[0], eq = pair.indexOf('=');
						const v = pair.slice(eq + 1).trim();
						if (v === '' || /max-age\s*=\s*0/i.test(line))
							this.cookies.delete(pair.slice(0, eq).trim());
						else
							this.cookies.set(pair.slice(0, eq).trim(), v);
					}
					resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString(), port });
				});
			});
			req.setTimeout(15000, () => req.destroy(new Error(`${method} ${pathname}: no answer in 15 s`)));
			req.on('error', reject);
			req.end(body);
		});
	}
}

const stats = { requests: 0, errors: [], acked: [], refused: 0, views: 0, leads: [], slow: [] };

// One request that must not fail for a healthy shop: a 5xx or a broken connection is recorded
// with its time and retried (a POST with the same fields: checkout/place is idempotent by its token).
async function must(v, what, method, pathname, fields, ok) {
	const body = fields === undefined ? undefined : new URLSearchParams(fields).toString();
	for (let attempt = 0; ; attempt++) {
		stats.requests++;
		let r, why;
		const began = Date.now();
		try {
			r = await v.request(method, pathname, body);
			// A commit waits while the cluster evicts a dead node: that stall is measured too.
			if (Date.now() - began > 1000)
				stats.slow.push({ at: secs(began), ms: Date.now() - began });
			if (r.status < 500)
				return r;
			why = `${r.status}`;
		} catch (e) {
			why = e.code ?? e.message;
		}
		stats.errors.push({ at: secs(), what, why, port: r?.port });
		if (attempt >= 40)
			throw new Error(`${what}: still failing after 40 tries (${why})`);
		await sleep(250);
	}
}

const csrfOf = (html) => /<input type="hidden" name="csrf" value="([^"]*)">/.exec(html)?.[1];

async function checkout(variantId, n) {
	const v = new Visitor();
	// A page read starts no session; the first form sent does (the lookup's, empty: a 422).
	const lookup = await must(v, 'lookup', 'GET', '/orders/lookup');
	assert.equal(lookup.status, 200);
	await must(v, 'session', 'POST', '/orders/lookup', { csrf: csrfOf(lookup.body) });
	const page = await must(v, 'lookup', 'GET', '/orders/lookup');
	const csrf = csrfOf(page.body);
	const add = await must(v, 'cart/add', 'POST', '/cart/add', { csrf, variant: variantId, quantity: 1 });
	if (add.status !== 303) {
		stats.refused++;	// sold out: the cart refuses it
		return;
	}
	const review = await must(v, 'review', 'POST', '/checkout/review', { csrf, ...address(`cluster-${n}@test.crowdcart.test`) });
	if (review.status !== 200 || !formFields(review.body, '/checkout/place')) {
		stats.refused++;	// sold out before review: a refusal, not an error
		return;
	}
	const place = await must(v, 'place', 'POST', '/checkout/place', formFields(review.body, '/checkout/place'));
	if (place.status !== 303) {
		stats.refused++;	// sold out at placement
		return;
	}
	const done = await must(v, 'done', 'GET', place.headers.location);
	assert.equal(done.status, 200);
	const numbers = orderNumbers(done.body);
	assert.equal(numbers.length, 1, 'one brand, one order');
	stats.acked.push({ number: numbers[0], at: secs() });
}

// One lead per visitor, each with its own email: a retried POST after a failure merges into the
// same lead (same form, same email within 24 h), so a lead is never stored twice.
async function leadSubmitter(form, until) {
	while (!until()) {
		const v = new Visitor();
		const email = `lead-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@test.crowdcart.test`;
		const page = await must(v, 'lead form', 'GET', `/f/${form.slug}`);
		assert.equal(page.status, 200, `lead form: ${page.status}`);
		const stamp = /<input type="hidden" name="t" value="([^"]*)">/.exec(page.body)[1];
		const res = await must(v, 'lead', 'POST', `/f/${form.slug}`, { csrf: csrfOf(page.body), t: stamp, ...answers(email) });
		assert.equal(res.status, 200, `lead submission: ${res.status}`);
		assert.match(res.body, /Thanks, we will be in touch\./);
		stats.leads.push({ email, at: secs() });
	}
}

async function viewer(handle, until) {
	const v = new Visitor();
	while (!until()) {
		const r = await must(v, 'view', 'GET', Math.random() < 0.5 ? '/' : `/p/northwind/${handle}`);
		assert.equal(r.status, 200, `page view: ${r.status}`);
		stats.views++;
	}
}

const run = (args) => new Promise((resolve, reject) =>
	execFile(path.join(ROOT, 'scripts/cluster.sh'), args, { env: { ...process.env, CLUSTER } },
		(e, out, err) => (e ? reject(new Error(`cluster.sh ${args.join(' ')}: ${err || e.message}`)) : resolve(out))));

test('orders survive a SIGKILLed Galera node under load through two web nodes', { timeout: 150_000 }, async () => {
	const synced = (n) => nodeSql(n, "SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'")[0][1];
	for (const n of [1, 2, 3])
		assert.equal(synced(n), 'Synced', `node ${n} is synced before the test (run scripts/cluster.sh start)`);
	const product = makeProduct({ price: 1500, stock: STOCK });
	const scarce = makeProduct({ price: 900, stock: SCARCE });
	const form = await brandWithForm();
	let stop = false, counter = 0;
	const workers = [], broken = [];
	// A worker that gives up must not leave an unhandled rejection behind: it is reported below.
	const keep = (p) => workers.push(p.catch((e) => { broken.push(e.message); }));
	for (let w = 0; w < CHECKOUT_WORKERS * WEB.length; w++)
		keep((async () => {
			while (!stop) {
				const n = counter++;
				await checkout(n % 4 === 3 ? scarce.variantId : product.variantId, n);
			}
		})());
	for (let w = 0; w < VIEW_WORKERS * WEB.length; w++)
		keep(viewer(product.handle, () => stop));
	for (let w = 0; w < LEAD_WORKERS * WEB.length; w++)
		keep(leadSubmitter(form, () => stop));

	let killedAt, restartAt, rejoinedAt, transfer;
	try {
		await sleep(LOAD_S * 1000);
		killedAt = secs();
		await run(['kill-node', String(KILL)]);
		await sleep(DOWN_S * 1000);
		const log = path.join(CLUSTER, `db${KILL}`, 'log', 'mysqld.log');
		const logFrom = statSync(log).size;
		restartAt = secs();
		await run(['start-node', String(KILL)]);	// returns once the node is Synced again
		rejoinedAt = secs();
		// The rsync script runs for both kinds of transfer and says which one it made.
		transfer = /rsync SST completed on joiner/.test(readFileSync(log).subarray(logFrom).toString()) ? 'SST' : 'IST';
		await sleep(LOAD_S * 1000);
	} finally {
		// Also when the kill or the restart failed: the visitors would otherwise run forever.
		stop = true;
		await Promise.all(workers);
	}
	const endAt = secs();

	// Report before asserting, so a failing run still shows its figures.
	const errs = stats.errors;
	const perSecond = {};
	for (const e of errs)
		perSecond[Math.floor(e.at)] = (perSecond[Math.floor(e.at)] ?? 0) + 1;
	const window = errs.length ? [Math.min(...errs.map((e) => e.at)), Math.max(...errs.map((e) => e.at))] : [];
	console.log(`cluster-test: ${stats.requests} requests (${stats.views} page views), ${stats.acked.length} orders and`
		+ ` ${stats.leads.length} leads acknowledged, ${stats.refused} checkouts refused (sold out) in ${endAt.toFixed(1)} s`);
	const slowest = stats.slow.reduce((m, x) => Math.max(m, x.ms), 0);
	console.log(`cluster-test: ${stats.slow.length} requests took over 1 s (slowest ${slowest} ms)`
		+ (stats.slow.length ? `, from ${Math.min(...stats.slow.map((x) => x.at)).toFixed(1)} s to`
			+ ` ${Math.max(...stats.slow.map((x) => x.at)).toFixed(1)} s` : ''));
	console.log(`cluster-test: node ${KILL} SIGKILLed at ${killedAt.toFixed(1)} s, restarted at ${restartAt.toFixed(1)} s,`
		+ ` synced again at ${rejoinedAt.toFixed(1)} s (rejoin ${(rejoinedAt - restartAt).toFixed(1)} s, by ${transfer})`);
	if (broken.length)
		console.log(`cluster-test: visitors that gave up: ${JSON.stringify(broken)}`);
	console.log(`cluster-test: ${errs.length} failed requests (retried)`
		+ (errs.length ? `, from ${window[0].toFixed(1)} s to ${window[1].toFixed(1)} s:`
			+ ` ${(window[1] - killedAt).toFixed(1)} s of errors after the kill; per second ${JSON.stringify(perSecond)}` : ''));
	const kinds = {};
	for (const e of errs)
		kinds[`${e.what} ${e.why}`] = (kinds[`${e.what} ${e.why}`] ?? 0) + 1;
	if (errs.length)
		console.log(`cluster-test: failures by kind ${JSON.stringify(kinds)}`);

	assert.deepEqual(broken, [], 'no visitor gave up');
	assert.ok(stats.acked.length >= 5, 'the shop took orders during the run');
	assert.ok(stats.leads.length >= 5, 'the shop took leads during the run');
	const during = stats.acked.filter((a) => a.at > killedAt && a.at < rejoinedAt).length;
	assert.ok(during > 0, 'orders were acknowledged while the node was down or rejoining');
	// During failover a request may find no database (503, or a broken connection) and be retried;
	// a 500 means the program itself went wrong, and is never acceptable, inside the window or out.
	assert.deepEqual(errs.filter((e) => e.why === '500'), [], 'no request answered 500');
	for (const e of errs)
		assert.ok(e.at >= killedAt - 0.5 && e.at <= killedAt + FAILOVER_MAX_S,
			`an error outside the failover window: ${JSON.stringify(e)} (kill at ${killedAt.toFixed(1)} s)`);

	// Every node, the rejoined one included, holds each acknowledged order exactly once.
	const numbers = stats.acked.map((a) => a.number);
	assert.equal(new Set(numbers).size, numbers.length, 'no order number acknowledged twice');
	for (const n of [1, 2, 3]) {
		assert.equal(synced(n), 'Synced', `node ${n} is synced after the test`);
		const rows = nodeSql(n, `SELECT o.number, COUNT(*) FROM orders o WHERE o.number IN (${numbers.map(lit).join(',')}) GROUP BY o.number`);
		const found = new Map(rows.map(([num, c]) => [num, Number(c)]));
		const missing = numbers.filter((x) => !found.has(x));
		assert.deepEqual(missing, [], `node ${n}: acknowledged orders missing`);
		assert.ok([...found.values()].every((c) => c === 1), `node ${n}: an order number stored twice`);
		// One checkout (one place-order token) makes one order of this single-brand cart, never two.
		const doubled = nodeSql(n, `SELECT o.checkout_id, COUNT(*) c FROM orders o JOIN order_lines l ON l.order_id = o.id
			WHERE l.variant_id IN (${product.variantId}, ${scarce.variantId}) GROUP BY o.checkout_id HAVING c > 1`);
		assert.deepEqual(doubled, [], `node ${n}: a checkout made more than one order`);
		const leadRows = nodeSql(n, `SELECT email, COUNT(*) FROM leads WHERE form_id = ${form.id} GROUP BY email`);
		const leadCount = new Map(leadRows.map(([e, c]) => [e, Number(c)]));
		assert.deepEqual(stats.leads.filter((l) => !leadCount.has(l.email)), [], `node ${n}: acknowledged leads missing`);
		assert.ok([...leadCount.values()].every((c) => c === 1), `node ${n}: a lead stored twice`);
		for (const [p, initial] of [[product, STOCK], [scarce, SCARCE]]) {
			const [[stock, sold]] = nodeSql(n, `SELECT v.stock, (SELECT COALESCE(SUM(quantity), 0) FROM order_lines
				WHERE variant_id = v.id) FROM variants v WHERE v.id = ${p.variantId}`);
			assert.ok(Number(stock) >= 0, `node ${n}: stock went negative (${stock})`);
			assert.equal(Number(stock) + Number(sold), initial, `node ${n}: stock and sold lines disagree`);
		}
	}
	assert.equal(sql('SELECT 1')[0][0], '1');
});
