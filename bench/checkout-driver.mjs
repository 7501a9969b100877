// checkout-driver.mjs: the load generator of bench/checkout.sh. Prepares BUYERS guest sessions
// (cart + review, untimed), then fires their "Place order" POSTs with CONC in flight and reports
// orders/s and latency percentiles; then checks that every acknowledged order (a 303 to its
// confirmation) is in MariaDB. Usage: node checkout-driver.mjs BASE_URL[,BASE_URL...] BUYERS CONC VARIANT[,VARIANT...]
// (buyer i buys one unit of the (i mod n)-th variant, every request of it through the (i mod m)-th
// base URL: several web nodes share the load).
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formRequest } from './lib/request.mjs';
import { guestCheckout } from './lib/guest_checkout.mjs';

const [base, buyers = '2000', conc = '32', variantList] = process.argv.slice(2);
const variants = variantList.split(',');
const urls = base.split(',').map((b) => new URL(b));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(conc) });
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const request = (i, method, p, cookie, body) =>
	formRequest(agent, urls[i % urls.length], method, p, cookie, body);

async function pool(n, width, fn) {
	const out = new Array(n);
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < n) {
			const i = next++;
			out[i] = await fn(i);
		}
	}));
	return out;
}

async function prepare(i) {
	const { cookie, fields } = await guestCheckout((m, p, c, b) => request(i, m, p, c, b),
		String(variants[i % variants.length]), `bench-${i}-${Date.now()}@example.com`);
	return { cookie, body: new URLSearchParams(fields).toString() };
}

// CPU seconds used so far by the stack's processes, by kind: the database, the web server and the
// shop workers, found by their command lines naming this tree or the stack's VAR directory (the
// shop's crowdcartctl worker and other programs are left out). With the driver's own CPU this says
// where a timed order's processor time goes on a machine whose cores they all share.
const VAR = path.resolve(ROOT, process.env.VAR ?? 'var/bench-checkout');
function stackCpu() {
	const out = { mariadbd: 0, lighttpd: 0, shop: 0 };
	for (const pid of fs.readdirSync('/proc').filter((d) => /^[0-9]+$/.test(d))) {
		try {
			const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
			const kind = cmd.includes(`${ROOT}/cgi-bin/shop.fcgi`) ? 'shop'
				: !cmd.includes(VAR) ? null : cmd.startsWith('mariadbd') || cmd.includes('/mariadbd') ? 'mariadbd'
				: cmd.startsWith('lighttpd') ? 'lighttpd' : null;
			if (!kind)
				continue;
			const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			out[kind] += (Number(f[11]) + Number(f[12])) / 100;	/* utime + stime, in USER_HZ ticks */
		} catch {
			/* gone meanwhile */
		}
	}
	return out;
}

const n = Number(buyers), width = Number(conc);
const prepStart = process.hrtime.bigint();
const sessions = await pool(n, width, prepare);
const prepSecs = Number(process.hrtime.bigint() - prepStart) / 1e9;

const lat = [], statuses = {}, refs = [];
const cpu0 = stackCpu(), driver0 = process.cpuUsage();
const start = process.hrtime.bigint();
await pool(n, width, async (i) => {
	const t0 = process.hrtime.bigint();
	const r = await request(i, 'POST', '/checkout/place', sessions[i].cookie, sessions[i].body);
	lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
	statuses[r.status] = (statuses[r.status] ?? 0) + 1;
	if (r.status === 303)
		refs.push(/\/checkout\/done\/([0-9A-Z]{26})$/.exec(r.headers.location)[1]);
});
const secs = Number(process.hrtime.bigint() - start) / 1e9;
const cpu1 = stackCpu(), driver = process.cpuUsage(driver0);
const perOrder = (s) => (s * 1000 / n).toFixed(2);
agent.destroy();
lat.sort((a, b) => a - b);
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(1);

// Every acknowledged checkout must be in the database with its order, lines and mail.
const list = refs.map((r) => `'${r}'`).join(',') || "''";
// The statement goes on stdin: thousands of references overflow a command line.
const [found, orders, mails] = execFileSync(path.join(ROOT, 'scripts/db.sh'), ['client', '-N', '-B'], {
	encoding: 'utf8',
	input: `SELECT COUNT(DISTINCT c.id), COUNT(DISTINCT o.id), COUNT(DISTINCT m.id) FROM checkouts c
	 JOIN orders o ON o.checkout_id = c.id LEFT JOIN outbox m ON m.checkout_id = c.id WHERE c.public_ref IN (${list})`,
}).trim().split('\t').map(Number);

console.log(`prepared ${n} guest carts + reviews in ${prepSecs.toFixed(1)} s (${(5 * n / prepSecs).toFixed(0)} req/s)`);
console.log(`place order: ${n} POSTs, ${width} in flight, ${secs.toFixed(2)} s`);
console.log(`statuses: ${JSON.stringify(statuses)}`);
console.log(`orders/s: ${(refs.length / secs).toFixed(1)}   latency ms p50 ${pct(0.5)}  p90 ${pct(0.9)}  p99 ${pct(0.99)}  max ${lat.at(-1).toFixed(1)}`);
console.log(`CPU ms per order: mariadbd ${perOrder(cpu1.mariadbd - cpu0.mariadbd)}, shop workers ${perOrder(cpu1.shop - cpu0.shop)}, `
	+ `lighttpd ${perOrder(cpu1.lighttpd - cpu0.lighttpd)}, this driver ${perOrder((driver.user + driver.system) / 1e6)}`);
console.log(`acknowledged ${refs.length}, in the database: ${found} checkouts, ${orders} orders, ${mails} confirmation mails`);
process.exit(found === refs.length && orders === refs.length && mails === refs.length && refs.length === n ? 0 : 1);
