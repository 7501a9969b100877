// api_order_figures.test.mjs: /api/v1/orders tells the brand what its studio order page shows:
// currency, subtotal, shipping, tax, total, refunded total, status and the lines' refunds, for a
// paid order, one refunded in part and one refunded in full (refunds made in the studio), in the
// list and one by one, and every order the shape docs/openapi.yaml promises.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { ROOT } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { api, createKey } from './lib/catalog.mjs';
import { checkoutViaShop, formState, newBrand, newProduct, sql } from './lib/fulfilment.mjs';

usesDatabase();

let brand, key;
before(async () => {
	brand = await newBrand();
	({ key } = await createKey(brand.client));
});

async function post(number, action, fields) {
	const s = await formState(brand.client, number);
	const body = new URLSearchParams({ csrf: s.csrf, version: s.version });
	for (const [k, v] of fields)
		body.append(k, String(v));
	const res = await brand.client.post(`/studio/orders/${number}/${action}`, body.toString());
	assert.equal(res.status, 303, `${action} of ${number}`);
}

// A shop order of `quantity` units at `price`, paid offline and marked paid by the brand.
async function paidOrder(price, quantity) {
	const p = newProduct(brand, { price, stock: 20 });
	const o = await checkoutViaShop(p, { quantity });
	await post(o.number, 'transition', [['action', 'mark_paid']]);
	return o;
}

const unescape = (s) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

// What the studio's order page shows: status, its totals as displayed, and each line's refund.
async function studioFigures(number) {
	const page = (await brand.client.get(`/studio/orders/${number}`)).body;
	const status = /<span class="order-status status-([a-z_]+)">/.exec(page)?.[1];
	const totals = /<dl class="order-totals">([\s\S]*?)<\/dl>/.exec(page)?.[1] ?? '';
	const shown = {};
	for (const m of totals.matchAll(/<dt>([^<]+)<\/dt><dd[^>]*>(?:<strong>)?([^<]+)/g))
		shown[m[1]] = unescape(m[2]);
	const lines = [...page.matchAll(/<td class="num">(?:(\d+) · ([^<]+))?<\/td>\s*<\/tr>/g)]
		.map((m) => (m[1] ? { units: Number(m[1]), amount: unescape(m[2]) } : { units: 0, amount: null }));
	return { status, shown, lines };
}

// The amount as the studio formats it for USD: "$1,234.50".
const usd = (decimal) => `$${Number(decimal).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

const schema = readFileSync(`${ROOT}/docs/openapi.yaml`, 'utf8');
const required = (name) => {
	const block = schema.split(`\n    ${name}:\n`)[1];
	return /required: \[([^\]]+)\]/.exec(block)[1].split(',').map((s) => s.trim());
};

function assertShape(order) {
	for (const k of required('Order'))
		assert.ok(k in order, `Order.${k} is there`);
	for (const line of order.lines)
		for (const k of required('OrderLine'))
			assert.ok(k in line, `OrderLine.${k} is there`);
	assert.match(order.currency, /^[A-Z]{3}$/);
	assert.equal(typeof order.test, 'boolean');
	for (const k of ['subtotal', 'shipping', 'tax', 'total', 'refunded_total', 'discount'])
		assert.match(order[k], /^-?\d+(\.\d+)?$/, `${k} is a decimal string`);
}

// The API's order next to the studio's page, figure by figure.
async function assertSame(o, want) {
	const one = await api('GET', `/api/v1/orders/${o.id}`, { key });
	assert.equal(one.status, 200);
	const listed = (await api('GET', '/api/v1/orders?limit=100', { key })).json.data.find((x) => x.id === o.id);
	assert.deepEqual(listed, one.json, 'the list says what the order says');
	const j = one.json;
	assertShape(j);
	const studio = await studioFigures(o.number);
	assert.equal(j.currency, 'USD');
	assert.equal(j.status, studio.status);
	assert.equal(j.status, want.status);
	assert.equal(usd(j.subtotal), studio.shown.Subtotal);
	assert.equal(usd(j.shipping), studio.shown.Shipping);
	assert.equal(usd(j.total), studio.shown.Total);
	assert.equal(j.total_minor, j.subtotal_minor + j.shipping_minor + j.tax_minor);
	assert.equal(j.refunded_total_minor, want.refunded);
	assert.equal(j.refunded_total, (want.refunded / 100).toFixed(2));
	if (want.refunded)
		assert.equal(usd(j.refunded_total), studio.shown.Refunded);
	else
		assert.equal(studio.shown.Refunded, undefined);
	assert.equal(j.lines.length, studio.lines.length);
	j.lines.forEach((line, i) => {
		assert.equal(line.refunded_quantity, studio.lines[i].units);
		if (line.refunded_quantity)
			assert.equal(usd(line.refunded_amount), studio.lines[i].amount);
	});
	const [[total, refunded, status]] = sql(`SELECT total, refunded_total, status FROM orders WHERE id = ${o.id}`);
	assert.deepEqual([j.total_minor, j.refunded_total_minor, j.status], [Number(total), Number(refunded), status]);
	return j;
}

test('a paid order: currency, totals and status as the studio shows them', async () => {
	const o = await paidOrder(2000, 3);
	const j = await assertSame(o, { status: 'paid', refunded: 0 });
	assert.equal(j.subtotal, '60.00');
	assert.equal(j.test, false);
	assert.notEqual(j.paid_at, null);
});

test('a partly refunded order: the refunded total and the line\'s refund', async () => {
	const o = await paidOrder(2000, 3);
	const [[line]] = sql(`SELECT id FROM order_lines WHERE order_id = ${o.id}`);
	await post(o.number, 'refund', [['mode', 'lines'], ['line', line], ['qty', 1]]);
	const j = await assertSame(o, { status: 'partially_refunded', refunded: Number(sql(`SELECT refunded_total FROM orders WHERE id = ${o.id}`)[0][0]) });
	assert.ok(j.refunded_total_minor >= 2000, 'at least the unit\'s price');
	assert.equal(j.lines[0].refunded_quantity, 1);
	assert.equal(j.lines[0].refunded_amount, '20.00');
});

test('a fully refunded order: refunded_total is the total', async () => {
	const o = await paidOrder(1250, 2);
	await post(o.number, 'refund', [['mode', 'full']]);
	const [[total]] = sql(`SELECT total FROM orders WHERE id = ${o.id}`);
	const j = await assertSame(o, { status: 'refunded', refunded: Number(total) });
	assert.equal(j.refunded_total, j.total);
	assert.equal(j.refunded_total_minor, j.total_minor);
	assert.equal(j.lines[0].refunded_quantity, 2);
});
