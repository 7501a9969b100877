// checkout-stripe-driver.mjs: the load generator of bench/checkout_stripe.sh. Prepares BUYERS
// guest sessions (cart + review with Stripe, untimed), then times their "Place order" POSTs with
// CONC in flight (each writes the orders, then creates a Checkout Session at the simulator and
// answers the hand-over page), then /_ping with the same concurrency for as long, for the ratio;
// then pays every session at the simulator (its signed webhook settles the order) and checks that
// every order is paid. Usage: node checkout-stripe-driver.mjs BASE_URL SIM_URL BUYERS CONC VARIANT
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formRequest } from './lib/request.mjs';

const [base, simBase, buyers = '300', conc = '8', variant] = process.argv.slice(2);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(conc) });
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const request = (method, p, cookie, body) => formRequest(agent, url, method, p, cookie, body);

async function pool(n, width, fn) {
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < n)
			await fn(next++);
	}));
}

const hidden = (html, action) => {
	const s = html.indexOf(`action="${action}"`);
	const form = html.slice(s, html.indexOf('</form>', s));
	return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
		.map((m) => [m[1], m[2].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')]));
};

const n = Number(buyers), width = Number(conc), sessions = [];
await pool(n, width, async (i) => {
	const first = await request('GET', '/orders/lookup');
	const cookie = first.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
	const csrf = /name="csrf" value="([^"]+)"/.exec(first.body)[1];
	await request('POST', '/cart/add', cookie, new URLSearchParams({ csrf, variant, quantity: '1' }).toString());
	const review = await request('POST', '/checkout/review', cookie, new URLSearchParams({
		csrf, email: `bench-stripe-${i}-${Date.now()}@example.com`, name: 'Bench Buyer', line1: '1 Load Street', line2: '',
		city: 'Portland', region: 'OR', postal: '97201', country: 'US', provider: 'stripe' }).toString());
	if (review.status !== 200)
		throw new Error(`review: ${review.status}`);
	sessions[i] = { cookie, body: new URLSearchParams(hidden(review.body, '/checkout/place')).toString() };
});

const lat = [], statuses = {}, pay = [];
let start = process.hrtime.bigint();
await pool(n, width, async (i) => {
	const t0 = process.hrtime.bigint();
	const r = await request('POST', '/checkout/place', sessions[i].cookie, sessions[i].body);
	lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
	statuses[r.status] = (statuses[r.status] ?? 0) + 1;
	const m = /\/pay\/stripe\/([A-Za-z0-9_]+)/.exec(r.body);
	if (r.status === 200 && m)
		pay.push(m[1]);
});
const secs = Number(process.hrtime.bigint() - start) / 1e9;

// /_ping, same concurrency, as long as the checkouts took (at least 3 s)
let pings = 0;
const until = Date.now() + Math.max(3000, secs * 1000);
start = process.hrtime.bigint();
await pool(1e9, width, async () => {
	if (Date.now() >= until)
		throw Object.assign(new Error('done'), { done: true });
	await request('GET', '/_ping');
	pings++;
}).catch((e) => { if (!e.done) throw e; });
const pingSecs = Number(process.hrtime.bigint() - start) / 1e9;

// pay them all at the simulator: its signed webhook settles each order
const t1 = process.hrtime.bigint();
await pool(pay.length, width, async (i) => {
	const r = await fetch(`${simBase}/pay/stripe/${pay[i]}/pay`, { method: 'POST', body: 'choice=pay', redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	await r.arrayBuffer();
});
const paySecs = Number(process.hrtime.bigint() - t1) / 1e9;
agent.destroy();

lat.sort((a, b) => a - b);
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(1);
const list = pay.map((s) => `'${s}'`).join(',') || "''";
const [paid] = execFileSync(path.join(ROOT, 'scripts/db.sh'), ['client', '-N', '-B', '-e',
	`SELECT COUNT(*) FROM payment_sessions ps JOIN orders o ON o.checkout_id = ps.checkout_id
	 WHERE ps.session_id IN (${list}) AND ps.status = 'paid' AND o.status = 'paid'`], { encoding: 'utf8' }).trim().split('\t').map(Number);
const rate = pay.length / secs, pingRate = pings / pingSecs;
console.log(`place order with Stripe: ${n} POSTs, ${width} in flight, ${secs.toFixed(2)} s, statuses ${JSON.stringify(statuses)}`);
console.log(`checkouts/s: ${rate.toFixed(1)}   latency ms p50 ${pct(0.5)}  p90 ${pct(0.9)}  p99 ${pct(0.99)}  max ${lat.at(-1).toFixed(1)}`);
console.log(`/_ping req/s (same run, ${width} in flight): ${pingRate.toFixed(0)}   checkout / ping: ${(100 * rate / pingRate).toFixed(2)} %`);
console.log(`paid at the simulator: ${pay.length} in ${paySecs.toFixed(2)} s (${(pay.length / paySecs).toFixed(1)}/s, webhook included); paid in crowdcart: ${paid}`);
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
process.exit(paid === n ? 0 : 1);
