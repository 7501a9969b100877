// sales_rollup.test.mjs: the brand dashboard reads its sales by creator and by day from the worker's
// rollup (brand_sales_days, and by creator the whole months of brand_sales_months) plus, live, today
// and the days changed since the worker last looked, and
// shows the figures the order lines give when added up the old way (the statements the dashboard
// ran before the rollup, kept here): after orders on several days, a refund, a cancelled order and
// an order placed on an old day, both right away (live) and once the worker has rolled the days up;
// recomputing a day again changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usesDatabase } from './lib/dblock.mjs';
import { lit, newBrand, newOrders, sql } from './lib/fulfilment.mjs';
import { VAR } from './lib/http.mjs';
import { dropWorkerLock, holdWorkerLock, worker } from './lib/webhooks.mjs';
import path from 'node:path';

usesDatabase();

const COUNTED = "(o.status IN ('paid', 'shipped', 'delivered', 'partially_refunded') AND o.payment_provider <> 'test')";
const NET_SALES = '(l.line_total - l.discount - l.refunded_amount)';
const NET_COMMISSION = `(l.commission_amount - (SELECT COALESCE(SUM(-ce.amount), 0) FROM commission_entries ce
	WHERE ce.order_line_id = l.id AND ce.kind = 'reversal'))`;

// The figures as the dashboard computed them before the rollup, from every line of the period.
function oldWay(brandId, from, to) {
	const period = `o.brand_id = ${brandId} AND o.created_at >= ${lit(from)} AND o.created_at < DATE_ADD(${lit(to)}, INTERVAL 1 DAY)`;
	const creators = sql(`SELECT cr.handle, o.currency, COUNT(DISTINCT o.id), CAST(SUM(${NET_SALES}) AS SIGNED),
		CAST(SUM(${NET_COMMISSION}) AS SIGNED) FROM order_lines l JOIN orders o ON o.id = l.order_id
		JOIN creators cr ON cr.id = l.creator_id WHERE ${period} AND ${COUNTED}
		GROUP BY cr.id, cr.handle, o.currency ORDER BY cr.handle, o.currency`).map((r) => r.join(' '));
	const days = sql(`SELECT DATE_FORMAT(DATE(o.created_at), '%Y-%m-%d'), o.currency, COUNT(DISTINCT o.id),
		CAST(SUM(${NET_SALES}) AS SIGNED), CAST(SUM(${NET_COMMISSION}) AS SIGNED) FROM order_lines l
		JOIN orders o ON o.id = l.order_id WHERE ${period} AND l.creator_id IS NOT NULL AND ${COUNTED}
		GROUP BY DATE(o.created_at), o.currency ORDER BY 1, 2`).map((r) => r.join(' '));
	return { creators, days };
}

const minor = (s) => String(Math.round(Number(s) * 100));

// The same figures as the dashboard's CSV export shows them now (days with sales only).
async function newWay(client, from, to) {
	const r = await client.get(`/studio/brand/dashboard.csv?from=${from}&to=${to}`);
	assert.equal(r.status, 200);
	const rows = r.body.trim().split('\n').slice(1).map((l) => l.split(','));
	const creators = rows.filter((c) => c[0] === 'creator').map((c) => [c[2], c[3], c[5], minor(c[6]), minor(c[7])].join(' '))
		.sort();
	const days = rows.filter((c) => c[0] === 'day' && c[5] !== '0').map((c) => [c[1], c[3], c[5], minor(c[6]), minor(c[7])].join(' '));
	return { creators, days };
}

async function sameFigures(b, from, to, when) {
	const want = oldWay(b.id, from, to), got = await newWay(b.client, from, to);
	assert.deepEqual(got, want, `the dashboard's figures ${when}`);
	assert.ok(want.days.length > 0, 'the period has sales');
	return want;
}

const dayAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
const at = (n) => `${dayAgo(n)} 12:00:00`;

// Runs a worker pass (which recomputes the days changed since the last one, and rolls up those
// closed), then ages the brand's orders' change stamps beyond the overlap, so the dashboard reads
// every day before today from the rollup and none live.
async function rolledUp(b) {
	const [[now]] = sql('SELECT UTC_TIMESTAMP()');
	await holdWorkerLock();
	try {
		await worker(path.join(VAR, 'crowdcart.conf'));
	} finally {
		dropWorkerLock();
	}
	const [[scanned, rolled, today]] = sql(`SELECT scanned_to >= ${lit(now)}, rolled_before, UTC_DATE()
		FROM sales_rollup_state WHERE name = 'brand_days'`);
	assert.equal(scanned, '1', 'a worker pass started after the changes');
	assert.equal(rolled, today, 'every day before today rolled up');
	sql(`UPDATE orders SET updated_at = updated_at - INTERVAL 1 HOUR WHERE brand_id = ${b.id}`);
}

function rollupRows(b) {
	return sql(`SELECT day, creator_id, currency, orders, sales, commission FROM brand_sales_days
		WHERE brand_id = ${b.id} ORDER BY day, creator_id, currency`).map((r) => r.join(' '));
}

// The month rollup is its days added up, month by month.
function monthsAreTheirDays(b) {
	const months = sql(`SELECT month, creator_id, currency, orders, sales, commission FROM brand_sales_months
		WHERE brand_id = ${b.id} ORDER BY month, creator_id, currency`).map((r) => r.join(' '));
	const sums = sql(`SELECT DATE_FORMAT(day, '%Y-%m-01'), creator_id, currency, SUM(orders), SUM(sales), SUM(commission)
		FROM brand_sales_days WHERE brand_id = ${b.id} GROUP BY 1, creator_id, currency ORDER BY 1, creator_id, currency`)
		.map((r) => r.join(' '));
	assert.deepEqual(months, sums, 'every month is the sum of its days');
	assert.ok(months.length > 0);
}

test('the brand dashboard shows the same figures from the rollup as from the order lines', { timeout: 120000 }, async () => {
	const b = await newBrand({ stock: 1000 });
	const from = dayAgo(60), to = dayAgo(0);
	const orders = newOrders(b, [
		{ status: 'paid', createdAt: at(40) },
		{ status: 'shipped', createdAt: at(40), creator: 'sam' },
		{ status: 'delivered', createdAt: at(10) },
		{ status: 'paid', createdAt: at(10), creator: 'sam' },
		{ status: 'paid', createdAt: at(3) },
		{ status: 'awaiting_payment', createdAt: at(3) },
		{ status: 'paid', createdAt: at(1) },
		{ status: 'paid' },
	]);
	// Written now, whatever day they were placed on: their change stamp is now, as any write's
	// (the fixture stamps a back-dated order with its own day).
	sql(`UPDATE orders SET updated_at = UTC_TIMESTAMP() WHERE brand_id = ${b.id}`);
	// Live, whether or not a worker pass has run since: every one of these days changed a moment ago.
	await sameFigures(b, from, to, 'right after the orders');

	await rolledUp(b);
	const rows = rollupRows(b);
	assert.ok(rows.some((r) => r.startsWith(`${dayAgo(40)} 0 USD 2 `)), `day 40 rolled up over both creators: ${rows}`);
	await sameFigures(b, from, to, 'from the rollup');
	monthsAreTheirDays(b);
	// Over a year, the orders 40 days ago are in a whole month, read from the month rollup.
	const year = dayAgo(365);
	await sameFigures(b, year, to, 'over a longer period');
	const month = `${dayAgo(40).slice(0, 7)}-01`;
	sql(`UPDATE brand_sales_months SET sales = sales + 100 WHERE brand_id = ${b.id} AND month = ${lit(month)} AND creator_id <> 0`);
	assert.notDeepEqual((await newWay(b.client, year, to)).creators, oldWay(b.id, year, to).creators,
		'the whole month is read from the month rollup');
	sql(`UPDATE brand_sales_months SET sales = sales - 100 WHERE brand_id = ${b.id} AND month = ${lit(month)} AND creator_id <> 0`);
	// The rollup is what is read: a row changed by hand shows (then is put back).
	sql(`UPDATE brand_sales_days SET sales = sales + 100 WHERE brand_id = ${b.id} AND day = ${lit(dayAgo(10))} AND creator_id = 0`);
	const tampered = await newWay(b.client, from, to);
	assert.notDeepEqual(tampered.days, oldWay(b.id, from, to).days, 'the day is read from the rollup');
	sql(`UPDATE brand_sales_days SET sales = sales - 100 WHERE brand_id = ${b.id} AND day = ${lit(dayAgo(10))} AND creator_id = 0`);

	// A partial refund (with its commission reversal) and a cancellation on rolled-up days, and an
	// order placed on an old day: read live at once, then from the rollup.
	const [refunded, , , , cancelled] = orders;
	const [[line]] = sql(`SELECT id FROM order_lines WHERE order_id = ${refunded.id} AND creator_id IS NOT NULL`);
	sql(`UPDATE order_lines SET refunded_quantity = 1, refunded_amount = ${b.price} WHERE id = ${line};
		UPDATE orders SET status = 'partially_refunded', refunded_total = ${b.price}, updated_at = UTC_TIMESTAMP() WHERE id = ${refunded.id};
		INSERT INTO commission_entries (order_line_id, creator_id, brand_id, amount, currency, kind, created_at)
		  SELECT id, creator_id, ${b.id}, -${Math.floor(b.price / 10)}, 'USD', 'reversal', UTC_TIMESTAMP() FROM order_lines WHERE id = ${line};
		UPDATE orders SET status = 'cancelled', updated_at = UTC_TIMESTAMP() WHERE id = ${cancelled.id}`);
	// (written now: its change stamp is now)
	const [late] = newOrders(b, [{ status: 'paid', createdAt: at(25) }]);
	sql(`UPDATE orders SET updated_at = UTC_TIMESTAMP() WHERE id = ${late.id}`);
	const before = await sameFigures(b, from, to, 'after a refund, a cancellation and an order on an old day');
	assert.ok(before.days.some((d) => d.startsWith(dayAgo(25))), 'the old day\'s new order counts');
	await sameFigures(b, year, to, 'over a longer period, after them');
	await rolledUp(b);
	await sameFigures(b, from, to, 'from the rollup after the refund, the cancellation and the late order');
	await sameFigures(b, year, to, 'over a longer period, from the rollup after them');
	monthsAreTheirDays(b);

	// Recomputing the days again (their orders touched, the worker passes) gives the same rows.
	const once = rollupRows(b);
	sql(`UPDATE orders SET updated_at = UTC_TIMESTAMP() WHERE brand_id = ${b.id}`);
	await rolledUp(b);
	assert.deepEqual(rollupRows(b), once, 'a day recomputed twice is the same');
	monthsAreTheirDays(b);
	await sameFigures(b, dayAgo(45), dayAgo(5), 'for another period');
});
