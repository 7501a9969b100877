// migrate-probe.mjs: bench/migrate.sh's probe: while migrations run, keeps reading and writing
// orders through one MariaDB session, as the shop would, and times every operation, so a
// migration that blocks the order tables shows as a stall. Stops on SIGTERM and prints a JSON
// summary (per kind: count, median, longest and when) on stdout; each operation slower than
// STALL_MS is logged on stderr with its time as it happens.
// usage: node bench/migrate-probe.mjs SOCKET BRAND_ID PRODUCT_ID VARIANT_ID
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const [socket, brand, product, variant] = process.argv.slice(2);
const STALL_MS = Number(process.env.STALL_MS ?? 500);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 20);
const DONE = '#probe-done';

const client = spawn('mariadb', ['--no-defaults', `--socket=${socket}`, '--batch', '--skip-column-names',
	'--unbuffered', '--force', 'crowdcart'], { stdio: ['pipe', 'pipe', 'pipe'] });
let errors = 0;
createInterface({ input: client.stderr }).on('line', (l) => {
	if (/^ERROR /.test(l)) errors++;
	console.error(`probe: ${l}`);
});
const lines = createInterface({ input: client.stdout });
let waiting = null;
let rows = [];
lines.on('line', (l) => {
	if (l !== DONE) return void rows.push(l);
	const w = waiting;
	waiting = null;
	w?.(rows);
	rows = [];
});

// Runs sql in the session; resolves with its output rows once the marker comes back.
function run(sql) {
	return new Promise((resolve) => {
		waiting = resolve;
		client.stdin.write(`${sql}\nSELECT '${DONE}';\n`);
	});
}

const [[range]] = [await run('SELECT MIN(id), MAX(id) FROM orders;')];
const [lo, hi] = range.split('\t').map(Number);
const pick = () => lo + Math.floor(Math.random() * (hi - lo + 1));

const ops = {
	// An order page: the order and its lines by primary key.
	read: () => `SELECT o.id, o.status, COUNT(l.id) FROM orders o JOIN order_lines l ON l.order_id = o.id
		WHERE o.id = ${pick()} GROUP BY o.id, o.status;`,
	// The brand's order list, newest first.
	list: () => `SELECT id, number, total FROM orders WHERE brand_id = ${brand} ORDER BY created_at DESC LIMIT 20;`,
	// A checkout: a checkout row, its order and two lines in one transaction.
	place: () => `START TRANSACTION;
		INSERT INTO checkouts (public_ref, idem_hash, email, payment_provider, created_at)
		  VALUES (LEFT(REPLACE(UUID(), '-', ''), 26), UNHEX(SHA2(UUID(), 256)), 'probe@bench.crowdcart.test', 'offline', UTC_TIMESTAMP());
		SET @c = LAST_INSERT_ID();
		INSERT INTO orders (number, checkout_id, brand_id, status, email, ship_name, ship_line1, ship_city,
		    ship_postal, ship_country, currency, subtotal, shipping, tax, total, payment_provider, created_at, updated_at)
		  VALUES (CONCAT('P', LPAD(@c, 19, '0')), @c, ${brand}, 'awaiting_payment', 'probe@bench.crowdcart.test',
		    'Probe', '1 Probe Street', 'Probe City', '10000', 'DE', 'EUR', 3000, 500, 0, 3500, 'offline',
		    UTC_TIMESTAMP(), UTC_TIMESTAMP());
		SET @o = LAST_INSERT_ID();
		INSERT INTO order_lines (order_id, product_id, variant_id, title, unit_price, quantity, line_total)
		  VALUES (@o, ${product}, ${variant}, 'Bench mug', 1500, 1, 1500), (@o, ${product}, ${variant}, 'Bench mug', 1500, 1, 1500);
		COMMIT;`,
	// A status change on an old order (fulfilment).
	ship: () => `UPDATE orders SET status = 'shipped', shipped_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()
		WHERE id = ${pick()} AND status = 'paid';`,
};

const stats = Object.fromEntries(Object.keys(ops).map((k) => [k, { count: 0, ms: [], max: 0, maxAt: 0 }]));
let stopping = false;
process.on('SIGTERM', () => { stopping = true; });
process.on('SIGINT', () => { stopping = true; });

while (!stopping) {
	for (const [kind, sql] of Object.entries(ops)) {
		const t0 = performance.now();
		await run(sql());
		const ms = performance.now() - t0;
		const s = stats[kind];
		s.count++;
		s.ms.push(ms);
		if (ms > s.max) { s.max = ms; s.maxAt = Date.now(); }
		if (ms > STALL_MS) console.error(`stall ${kind} ${Math.round(ms)} ms, ended at ${new Date().toISOString()}`);
	}
	await sleep(PAUSE_MS);
}
client.stdin.end();
const summary = { errors };
for (const [kind, s] of Object.entries(stats)) {
	s.ms.sort((a, b) => a - b);
	summary[kind] = { count: s.count, median_ms: Math.round(s.ms[s.ms.length >> 1] ?? 0),
		max_ms: Math.round(s.max), max_at_ms: s.maxAt };
}
console.log(JSON.stringify(summary));
