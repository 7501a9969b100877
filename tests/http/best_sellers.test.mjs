// best_sellers.test.mjs: best-seller showcases rank by units the shop counts ahead of time: after a
// recount the ranking follows sales as it always has (refunds, cancellations and the window
// included); until one it shows the last count; a window no one has counted yet is counted soon
// after the shop first shows it; of workers racing for the lease exactly one recounts; and a
// showcase without the rule never reads the counts. The tests share the one lease of the stack,
// so they run one after the other.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { eventually } from './lib/eventually.mjs';
import { newOrders } from './lib/fulfilment.mjs';
import {
	freshDays, holdLease, lease, lockTables, refreshNow, releaseLease, waitClaim, waitCounted, waitingOn,
} from './lib/best_sellers.mjs';
import { carousel, preview, product, saveShowcase, showcaseBrand, sleep, sql, unique } from './lib/showcases.mjs';

usesDatabase();

const daysAgo = (n) => new Date(Date.now() - n * 86400e3).toISOString().slice(0, 19).replace('T', ' ');

// The order's line of 3 units gets `n` of them refunded.
function refundFirstLine(order, n) {
	sql(`UPDATE order_lines SET refunded_quantity = ${n}, refunded_amount = 0 WHERE id = ${order.line1}`);
}

describe('best-seller showcases', { concurrency: false }, () => {
after(releaseLease);

test('best sellers order by units sold in the window at the last recount; old and cancelled orders do not count', async () => {
	const b = await showcaseBrand();
	const tag = `bs${unique()}`;
	const none = product(b, { tags: tag });
	const top = product(b, { tags: tag });
	const second = product(b, { tags: tag });
	// Each order has 4 units of its product: top 8, second 4; `none` 12, but 40 days ago, and cancelled ones.
	newOrders({ ...b, ...top }, [{ status: 'paid' }, { status: 'shipped' }]);
	newOrders({ ...b, ...second }, [{ status: 'paid' }]);
	newOrders({ ...b, ...none }, [{ status: 'paid', createdAt: daysAgo(40) }, { status: 'paid', createdAt: daysAgo(40) },
		{ status: 'delivered', createdAt: daysAgo(40) }, { status: 'cancelled' }, { status: 'cancelled' }, { status: 'cancelled' }]);
	// The windows are counted for the showcases that use them.
	for (const days of ['30', '60'])
		assert.equal((await saveShowcase(b.client, { tags: tag, best_sellers_days: days })).res.status, 303);
	await refreshNow([30, 60]);
	await eventually(async () => {
		const { res, titles } = await preview(b.client, { tags: tag, best_sellers_days: '30' });
		assert.deepEqual(titles, [top.title, second.title, none.title]);
		assert.match(res.body, /Units sold over the last 30 days as counted at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; they are recounted every 2 s\./);
	});
	await eventually(async () =>
		assert.deepEqual((await preview(b.client, { tags: tag, best_sellers_days: '60' })).titles, [none.title, top.title, second.title]));
});

test('refunds and cancellations count as before once recounted, and not until then', async () => {
	const b = await showcaseBrand();
	const tag = `rf${unique()}`;
	const [p1, p2, p3, p4] = [0, 1, 2, 3].map(() => product(b, { tags: tag }));
	const [delivered] = newOrders({ ...b, ...p1 }, [{ status: 'delivered' }]);			// 4
	const [partial] = newOrders({ ...b, ...p2 }, [{ status: 'partially_refunded' }, { status: 'refunded' }]);
	refundFirstLine(partial, 3);									// 1 + 0
	const [paid] = newOrders({ ...b, ...p3 }, [{ status: 'paid' }, { status: 'paid' }, { status: 'awaiting_payment' }]);	// 8
	newOrders({ ...b, ...p4 }, [{ status: 'cancelled' }, { status: 'cancelled' }, { status: 'cancelled' }]);		// 0
	const rules = { tags: tag, best_sellers_days: '30', sort: 'newest' };
	assert.equal((await saveShowcase(b.client, rules)).res.status, 303);
	await refreshNow([30]);
	await eventually(async () => assert.deepEqual((await preview(b.client, rules)).titles, [p3.title, p1.title, p2.title, p4.title]));

	// p3 loses an order to a cancellation, p1 its only one to a full refund: the ranking keeps the
	// last count until the next recount (no recount runs meanwhile: the lease is held)...
	holdLease();
	sql(`UPDATE orders SET status = 'cancelled' WHERE id = ${paid.id}`);
	sql(`UPDATE orders SET status = 'refunded' WHERE id = ${delivered.id}`);
	// Asked with a limit no one has asked for (still above the four products), so that no worker's
	// cache can answer: the ranking is evaluated now, and still follows the last count.
	assert.deepEqual((await preview(b.client, { ...rules, limit: '11' })).titles, [p3.title, p1.title, p2.title, p4.title]);
	// ...which counts them as a live count would: p3 4, p2 1, p1 and p4 none (newest first among them).
	await refreshNow([30]);
	await eventually(async () => assert.deepEqual((await preview(b.client, rules)).titles, [p3.title, p2.title, p4.title, p1.title]));
});

test('a window no one has counted yet is counted soon after the shop first shows it', async () => {
	holdLease({ early: true });	// no periodic recount: only the early one can count it
	const b = await showcaseBrand();
	const tag = `nw${unique()}`;
	const days = freshDays();
	const seller = product(b, { tags: tag });
	const newer = product(b, { tags: tag });
	const page = product(b, { tags: `${tag}x` });
	newOrders({ ...b, ...seller }, [{ status: 'paid' }]);
	const studio = await preview(b.client, { tags: tag, best_sellers_days: String(days), sort: 'newest' });
	assert.match(studio.res.body, new RegExp(`Units sold over the last ${days} days are not counted yet, so this preview follows the order chosen above\\.`));
	assert.deepEqual(studio.titles, [newer.title, seller.title]);
	const s = await saveShowcase(b.client, { tags: tag, best_sellers_days: String(days), sort: 'newest', slot: '1' });
	assert.equal(s.res.status, 303);
	const before = lease();

	// Until the count lands the other sort key (newest) decides; the page's after hook asks early.
	let row = carousel((await new Client().get(page.url)).body, s.title);
	assert.deepEqual(row.titles, [newer.title, seller.title]);
	// Counted by that worker's look right after the response, or (if it asked for the lease less
	// than the early gap ago) after a later request of any kind: a few pings stand in for traffic.
	const ping = new Client();
	let counted = false;
	for (let i = 0; i < 100 && !(counted = await waitCounted(days, 100)); i++)
		await ping.get('/_ping');
	assert.ok(counted, `window ${days} counted`);
	const now = lease();
	assert.equal(now.claims, before.claims + 1);
	assert.equal(now.due, false);
	await eventually(async () => {
		row = carousel((await new Client().get(page.url)).body, s.title);
		assert.deepEqual(row?.titles, [seller.title, newer.title]);
	});
});

test('of workers racing for the lease, exactly one recounts', async () => {
	holdLease({ early: true });
	const b = await showcaseBrand();
	const tag = `rc${unique()}`;
	const days = freshDays();
	const products = [0, 1, 2, 3, 4, 5].map(() => product(b, { tags: tag }));
	newOrders({ ...b, ...products[0] }, [{ status: 'paid' }]);
	const s = await saveShowcase(b.client, { tags: tag, best_sellers_days: String(days), slot: '1' });
	assert.equal(s.res.status, 303);
	const before = lease();
	// Twelve visitors at once (four per shop worker): every worker shows the uncounted window and
	// asks for the lease right after its first response. Few enough to be over well within 2 s.
	const pages = await Promise.all(Array.from({ length: 12 }, (_, i) => new Client().get(products[i % 6].url)));
	assert.ok(pages.every((p) => p.status === 200));
	// Every worker asks right after its first response (or its first request once its early gap
	// has passed), so by the time the first win shows, the race is over. The winner made the
	// lease due again a period (2 s here) later, when any worker may rightly win it: hold it at
	// once, so that only the race's winners are counted.
	const first = await waitClaim(before.claims);
	assert.ok(first, 'someone won the lease');
	holdLease();
	await sleep(500);	// the stragglers' after hooks
	assert.equal(first.claims, before.claims + 1, 'one winner when first seen');
	assert.equal(lease().claims, before.claims + 1, 'and no second one since');
	assert.ok(await waitCounted(days), `window ${days} counted`);
	const [[rows]] = sql(`SELECT COUNT(*) FROM product_sales_window WHERE days = ${days}
		AND product_id = ${products[0].productId} AND units = 4`);
	assert.equal(rows, '1');
});

test('a showcase without the best-sellers rule never reads the counts', async () => {
	const b = await showcaseBrand();
	const tag = `nr${unique()}`;
	const sold = product(b, { tags: tag });
	const other = product(b, { tags: tag });
	newOrders({ ...b, ...sold }, [{ status: 'paid' }]);
	assert.equal((await saveShowcase(b.client, { tags: tag, best_sellers_days: '30' })).res.status, 303);
	await refreshNow([30]);
	const unlock = await lockTables(['product_sales_window', 'sales_windows']);
	let ranked;
	try {
		// With the rule, the preview waits for the locked counts (the studio's session shows it)...
		let done = false;
		ranked = preview(b.client, { tags: tag, best_sellers_days: '30' }).finally(() => { done = true; });
		for (let i = 0; i < 200 && !waitingOn('cc_studio', 'product_sales_window'); i++)
			await sleep(50);
		assert.ok(waitingOn('cc_studio', 'product_sales_window') >= 1, 'the best-sellers preview waits for the lock');
		// ...without it, the same rules answer at once: the statement never names the tables.
		const plain = await preview(b.client, { tags: tag, sort: 'newest' });
		assert.equal(plain.res.status, 200);
		assert.deepEqual(plain.titles, [other.title, sold.title]);
		assert.equal(done, false, 'the best-sellers preview was still waiting');
	} finally {
		await unlock();
	}
	assert.deepEqual((await ranked).titles, [sold.title, other.title]);
});

test('an order paid with the test provider sold nothing: a recount never counts its units', async () => {
	const b = await showcaseBrand();
	const tag = `tp${unique()}`;
	const [real, tested] = [0, 1].map(() => product(b, { tags: tag }));
	newOrders({ ...b, ...real }, [{ status: 'paid' }]);							// 4
	const fake = newOrders({ ...b, ...tested }, [{ status: 'paid' }, { status: 'shipped' }]);	// 8, were they real
	sql(`UPDATE orders SET payment_provider = 'test' WHERE id IN (${fake.map((o) => o.id).join(',')})`);
	const rules = { tags: tag, best_sellers_days: '30', sort: 'newest' };
	assert.equal((await saveShowcase(b.client, rules)).res.status, 303);
	await refreshNow([30]);
	await eventually(async () => assert.deepEqual((await preview(b.client, rules)).titles, [real.title, tested.title]));
	assert.deepEqual(sql(`SELECT units FROM product_sales_window WHERE days = 30 AND product_id = ${tested.productId}`), []);
});

});
