// leads-driver.mjs: the load generator of bench/leads.sh. Prepares N visitors (GET of the public
// form: session, csrf and fill-time stamp; untimed), then fires their POSTs with CONC in flight
// and reports submissions/s and latency percentiles; then REPEAT of them submit again with the
// same email (which must merge, not add a row). Finally counts in MariaDB that every
// acknowledged lead is stored exactly once. Usage: node leads-driver.mjs BASE_URL SLUG FORM_ID N CONC
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formRequest } from './lib/request.mjs';

const [base, slug, formId, count = '2000', conc = '32'] = process.argv.slice(2);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(conc) });
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = Date.now().toString(36);

const request = (method, p, cookie, body) => formRequest(agent, url, method, p, cookie, body);

async function pool(n, width, fn) {
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < n) {
			const i = next++;
			await fn(i);
		}
	}));
}

async function prepare(i) {
	const page = await request('GET', `/f/${slug}`);
	if (page.status !== 200)
		throw new Error(`GET /f/${slug}: ${page.status}`);
	// No cookie: a page read starts no session, the POST starts one (its form's token is enough).
	const cookie = (page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
	const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)[1];
	const t = /name="t" value="([^"]+)"/.exec(page.body)[1];
	return { cookie, body: new URLSearchParams({ csrf, t, q1: `Bench visitor ${i}`, q2: `bench-${run}-${i}@example.com`, consent: 'yes' }).toString() };
}

async function fire(visitors, width, acked) {
	const lat = [], statuses = {};
	const start = process.hrtime.bigint();
	await pool(visitors.length, width, async (i) => {
		const t0 = process.hrtime.bigint();
		const r = await request('POST', `/f/${slug}`, visitors[i].cookie, visitors[i].body);
		lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
		statuses[r.status] = (statuses[r.status] ?? 0) + 1;
		if (r.status === 200 && r.body.includes('role="status"'))
			acked.push(i);
	});
	const secs = Number(process.hrtime.bigint() - start) / 1e9;
	lat.sort((a, b) => a - b);
	const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(1);
	return { secs, statuses, line: `p50 ${pct(0.5)}  p90 ${pct(0.9)}  p99 ${pct(0.99)}  max ${lat.at(-1).toFixed(1)}` };
}

const n = Number(count), width = Number(conc), repeat = Math.floor(n / 10);
const visitors = [];
const prepStart = process.hrtime.bigint();
await pool(n, width, async (i) => { visitors[i] = await prepare(i); });
const prepSecs = Number(process.hrtime.bigint() - prepStart) / 1e9;
const acked = [];
const first = await fire(visitors, width, acked);
// The same visitors (same email, new page) again: each must update its lead, not add one.
const again = [];
await pool(repeat, width, async (i) => { again[i] = await prepare(i); });
const ackedAgain = [];
const second = await fire(again, width, ackedAgain);
agent.destroy();

const [rows, emails, subs, answers] = execFileSync(path.join(ROOT, 'scripts/db.sh'), ['client', '-N', '-B', '-e',
	`SELECT COUNT(*), COUNT(DISTINCT email), COALESCE(SUM(submissions), 0),
	 (SELECT COUNT(*) FROM lead_answers a JOIN leads l2 ON l2.id = a.lead_id WHERE l2.form_id = ${Number(formId)})
	 FROM leads WHERE form_id = ${Number(formId)} AND email LIKE 'bench-${run}-%'`], { encoding: 'utf8' })
	.trim().split('\t').map(Number);

console.log(`prepared ${n} visitors (GET of the form) in ${prepSecs.toFixed(1)} s`);
console.log(`submit: ${n} POSTs, ${width} in flight, ${first.secs.toFixed(2)} s, statuses ${JSON.stringify(first.statuses)}`);
console.log(`leads/s: ${(acked.length / first.secs).toFixed(1)}   latency ms ${first.line}`);
console.log(`repeat (same email within 24 h): ${repeat} POSTs, statuses ${JSON.stringify(second.statuses)}, latency ms ${second.line}`);
console.log(`acknowledged ${acked.length} new + ${ackedAgain.length} repeats; in the database: ${rows} leads, ${emails} distinct emails, ${subs} submissions, ${answers} answers`);
const ok = acked.length === n && ackedAgain.length === repeat && rows === n && emails === n && subs === n + repeat && answers === 2 * n;
console.log(ok ? 'count check: every acknowledged lead stored exactly once' : 'count check: FAILED');
process.exit(ok ? 0 : 1);
