// checkout-callgrind.mjs: instructions per "Place order" in dispatch() (handler, mail rendering,
// database client; not the FastCGI socket I/O), counted by valgrind's callgrind in one shop worker.
// Guest sessions with a reviewed one-unit cart are prepared through a running stack's web server
// (bench/checkout.sh's, or `make run`'s), then their place-order POSTs go to a shop program of its
// own under callgrind, on the same database; the figure is the difference between a run of W+N
// orders and one of W, so start-up work cancels out. Instruction counts do not move with the
// machine's load, so this is the figure to compare two builds with.
// Usage: [KEEP=1] node bench/checkout-callgrind.mjs BASE_URL VARIANT [W] [N] [SHOP_BINARY]
//   e.g. VAR=var/bench-checkout node bench/checkout-callgrind.mjs http://127.0.0.1:8487 12 20 100
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FcgiClient } from '../tests/http/lib/fcgi.mjs';
import { formRequest } from './lib/request.mjs';
import { guestCheckout } from './lib/guest_checkout.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VAR = path.resolve(ROOT, process.env.VAR ?? 'var');
const [baseUrl, variant, W = '20', N = '100', bin = path.join(ROOT, 'cgi-bin/shop.fcgi')] = process.argv.slice(2);
const base = new URL(baseUrl);
const work = mkdtempSync(path.join(os.tmpdir(), 'checkout-callgrind-'));
chmodSync(work, 0o777);	/* the worker drops to run_as_user, which writes the callgrind files */
const agent = new http.Agent({ keepAlive: true });
const req = (m, p, c, b) => formRequest(agent, base, m, p, c, b);
const prepare = (i) => guestCheckout(req, variant, `cg-${i}-${Date.now()}@example.com`);
// valgrind cannot run a process under seccomp: the measured worker runs without its filter.
const conf = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8') + '\nsandbox_filter = off\n';
writeFileSync(path.join(work, 'shop.conf'), conf, { mode: 0o644 });
async function measure(k) {
	for (const f of readdirSync(work).filter((f) => f.startsWith('cg.')))
		rmSync(path.join(work, f));
	const buyers = [];
	for (let i = 0; i < k; i++) buyers.push(await prepare(i));
	const sock = path.join(work, 'shop.sock');
	rmSync(sock, { force: true });
	const p = spawn('valgrind', ['--tool=callgrind', '--trace-children=yes', '--toggle-collect=dispatch', `--callgrind-out-file=${work}/cg.%p`, bin, '--conf', path.join(work, 'shop.conf'), '--listen', sock, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	p.stderr.on('data', (c) => { log += c; });
	for (let i = 0; i < 600 && !/workers ready/.test(log); i++) await new Promise((r) => setTimeout(r, 100));
	if (!/workers ready/.test(log)) throw new Error(`not ready: ${log.slice(-1500)}`);
	for (const b of buyers) {
		const c = new FcgiClient(sock);
		for (const kv of b.cookie.split('; ')) { const [n, v] = kv.split('='); c.cookies.set(n, v); }
		const r = await c.post('/checkout/place', b.fields);
		if (r.status !== 303) throw new Error(`place: ${r.status} ${r.body.slice(0, 200)}`);
	}
	p.kill('SIGTERM');
	await new Promise((r) => p.on('exit', r));
	for (let i = 0; i < 100; i++) {
		try { execFileSync('pgrep', ['-f', `callgrind-out-file=${work}/cg`]); } catch { break; }
		await new Promise((r) => setTimeout(r, 200));
	}
	let t = 0;
	for (const f of readdirSync(work).filter((f) => f.startsWith('cg.')))
		for (const m of readFileSync(path.join(work, f), 'utf8').matchAll(/^summary: (\d+)/gm)) t += Number(m[1]);
	return t;
}
const warm = await measure(Number(W));
const total = await measure(Number(W) + Number(N));
console.log(`${bin}: ${Math.round((total - warm) / N)} instructions per Place order in dispatch() (${N} orders, callgrind)`);
agent.destroy();
// KEEP=1 leaves the last run's files for callgrind_annotate --inclusive=yes.
if (process.env.KEEP)
	console.log(`callgrind files: ${work}`);
else
	rmSync(work, { recursive: true, force: true });
