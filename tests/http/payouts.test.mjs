// payouts.test.mjs: paying creators end to end: the brand's payout settings, creators' payout
// details (the IBAN shown back only as its last four), the tax-form hold, a batch over the
// threshold that re-running finds again, its PayPal CSV and SEPA pain.001 files checked, marked
// paid (once); a refund after payout carried as a clawback that the next batch nets; voiding;
// `crowdcartctl ledger verify` passing, then naming the entry an SQL UPDATE changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client, ROOT, VAR, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, lit, orderNumbers, reviewed, sql } from './lib/commerce.mjs';
import { newBrand } from './lib/fulfilment.mjs';
import { newCreator } from './lib/creators.mjs';
import { payOffline } from './lib/paid.mjs';

usesDatabase();

const IBAN = 'DE89370400440532013000';

// crowdcartctl with its exit status and output (verify exits 1 on a broken chain).
function ctl(...args) {
	try {
		return { status: 0, out: execFileSync(path.join(ROOT, 'bin/crowdcartctl'),
			['--conf', path.join(VAR, 'crowdcart.conf'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
	} catch (e) {
		return { status: e.status, out: `${e.stdout}${e.stderr}` };
	}
}

async function buyVia(brandSlug, productHandle, handle, variantId) {
	const shopper = new Client();
	assert.equal((await shopper.get(`/p/${brandSlug}/${productHandle}?via=${handle}`)).status, 200);
	// paid for real (offline, confirmed): a test-provider order accrues nothing to pay out
	const { fields } = await reviewed(shopper, [[variantId, 1]], address(uniqueEmail('buyer'), 'offline'));
	const r = await shopper.post('/checkout/place', fields);
	assert.equal(r.status, 303, 'order placed');
	const [number] = orderNumbers((await shopper.get(r.headers.location)).body);
	assert.ok(number);
	await payOffline(number);
	return number;
}

function creatorRow(html, handle) {
	return new RegExp(`<tr class="payout-creator" data-handle="${handle}">(.*?)</tr>`, 's').exec(html)?.[1];
}

function batchLine(html, handle) {
	return new RegExp(`<tr class="batch-line" data-handle="${handle}">(.*?)</tr>`, 's').exec(html)?.[1];
}

// The text of every <tag> element in xml, in order.
function xmlAll(xml, tag) {
	return [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
}

test('a payout batch: held without a tax form, paid over the threshold once, files checked, a refund after payout carried into the next batch, the ledger verified and a tampered row found', async () => {
	// A euro brand, payable at once (return window 0), its product picked by two new creators at 20 %.
	const b = await newBrand({ price: 15000, stock: 50 });
	const [[slug, productHandle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	sql(`UPDATE brands SET currency = 'EUR', return_window_days = 0 WHERE id = ${b.id};
		UPDATE products SET currency = 'EUR' WHERE id = ${b.productId};
		UPDATE variants SET currency = 'EUR' WHERE id = ${b.variantId}`);
	const pp = await newCreator(), bank = await newCreator();
	const handleOf = (c) => sql(`SELECT cr.handle, cr.id FROM creators cr JOIN users u ON u.id = cr.user_id
		WHERE u.email = ${lit(c.account.email)}`)[0];
	const [ppHandle, ppId] = handleOf(pp), [bankHandle, bankId] = handleOf(bank);
	for (const id of [ppId, bankId])
		sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
			VALUES (${id}, ${b.productId}, 2000, 'approved', 1, UTC_TIMESTAMP())`);

	// Settings: the default threshold is 25.00 in the brand's currency; a bad IBAN is refused.
	let page = (await b.client.get('/studio/brand/payouts')).body;
	assert.match(page, /name="threshold"[^>]*value="25\.00"/);
	assert.match(page, /Ledger not verified yet\./);
	let r = await b.client.submit('/studio/brand/payouts/settings', { threshold: '25', schedule: 'monthly',
		debtor_name: 'Nordwind Handel', debtor_iban: 'DE89 3704 0044 0532 0130 01', debtor_bic: 'COBADEFFXXX' },
	{ formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 422);
	assert.match(r.body, /IBAN is not valid/);
	r = await b.client.submit('/studio/brand/payouts/settings', { threshold: '25', schedule: 'monthly',
		debtor_name: 'Nordwind Handel', debtor_iban: 'de89 3704 0044 0532 0130 00', debtor_bic: 'cobadeffxxx' },
	{ formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 303);

	// Payout details: PayPal for one, a bank account for the other, shown back as •••• 3000 only.
	r = await pp.client.submit('/studio/creator/payouts/details', { method: 'paypal', paypal_email: `pay-${ppHandle}@example.com` },
		{ formPath: '/studio/creator/payouts' });
	assert.equal(r.status, 303);
	r = await bank.client.submit('/studio/creator/payouts/details', { method: 'sepa', iban: 'DE89 3704 0044 0532 0130 01',
		bic: 'COBADEFF', account_name: 'X' }, { formPath: '/studio/creator/payouts' });
	assert.equal(r.status, 422, 'a mistyped IBAN fails mod-97');
	r = await bank.client.submit('/studio/creator/payouts/details', { method: 'sepa', iban: 'de89 3704 0044 0532 0130 00',
		bic: 'COBADEFF', account_name: 'Zoë Müller & Søn' }, { formPath: '/studio/creator/payouts' });
	assert.equal(r.status, 303);
	page = (await bank.client.get('/studio/creator/payouts')).body;
	assert.match(page, /<span class="iban-masked">•••• 3000<\/span>/);
	assert.ok(!page.includes(IBAN) && !page.includes('DE89 3704'), 'the full IBAN is never shown back');
	const [[sealedHex, last4]] = sql(`SELECT HEX(iban_sealed), iban_last4 FROM creator_payout_details WHERE creator_id = ${bankId}`);
	assert.equal(last4, '3000');
	assert.ok(!sealedHex.includes(Buffer.from(IBAN).toString('hex').toUpperCase()), 'stored sealed, not in clear');

	// One sale each: 20 % of 150.00 = 30.00 commission, payable at once.
	const ppOrder = await buyVia(slug, productHandle, ppHandle, b.variantId);
	await buyVia(slug, productHandle, bankHandle, b.variantId);
	page = (await b.client.get('/studio/brand/payouts')).body;
	assert.match(creatorRow(page, ppHandle), /class="payable">€30\.00<.*held: tax form not received/s);
	r = await b.client.submit('/studio/brand/payouts/run', {}, { formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, '/studio/brand/payouts?done=nothing', 'nobody is paid without a tax form');
	for (const id of [ppId, bankId])
		assert.equal((await b.client.submit('/studio/brand/payouts/tax-forms', { creator_id: id, received: 'yes' },
			{ formPath: '/studio/brand/payouts' })).status, 303);
	page = (await b.client.get('/studio/brand/payouts')).body;
	assert.match(creatorRow(page, ppHandle), /paid in this run/);

	// The batch, and the same batch when run again.
	r = await b.client.submit('/studio/brand/payouts/run', {}, { formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 303);
	const batchId = /^\/studio\/brand\/payouts\/(\d+)$/.exec(r.headers.location)?.[1];
	assert.ok(batchId, r.headers.location);
	r = await b.client.submit('/studio/brand/payouts/run', {}, { formPath: '/studio/brand/payouts' });
	assert.equal(r.headers.location, `/studio/brand/payouts/${batchId}?done=exists`);
	assert.equal(Number(sql(`SELECT COUNT(*) FROM payout_batches WHERE brand_id = ${b.id}`)[0][0]), 1);
	page = (await b.client.get(`/studio/brand/payouts/${batchId}`)).body;
	assert.match(batchLine(page, ppHandle), /class="amount">€30\.00</);
	assert.match(batchLine(page, bankHandle), /class="amount">€30\.00</);

	// The PayPal Payouts CSV: no header; recipient, amount, currency, reference, note, wallet.
	const batchPath = `/studio/brand/payouts/${batchId}`;
	const csv = await b.client.submit(`${batchPath}/export`, { format: 'paypal', part: '1' }, { formPath: batchPath });
	assert.equal(csv.status, 200);
	assert.match(csv.headers['content-type'], /^text\/csv/);
	assert.notEqual(csv.raw.subarray(0, 3).toString('hex'), 'efbbbf', 'no byte order mark');
	const rows = csv.body.split('\r\n').filter(Boolean);
	assert.equal(rows.length, 1, 'only the PayPal creator');
	assert.match(rows[0], new RegExp(`^pay-${ppHandle}@example\\.com,30\\.00,EUR,cc-${batchId}-${ppId},"[^"]*",PayPal$`));

	// The SEPA file: control sums in both headers, EUR with two decimals, lengths and characters.
	const sepa = await b.client.submit(`${batchPath}/export`, { format: 'sepa' }, { formPath: batchPath });
	assert.equal(sepa.status, 200);
	const xml = sepa.body;
	assert.match(xml, /urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.03/);
	const amounts = xmlAll(xml, 'InstdAmt');
	assert.deepEqual(amounts, ['30.00']);
	assert.match(xml, /<InstdAmt Ccy="EUR">30\.00<\/InstdAmt>/);
	const sum = amounts.reduce((s, a) => s + Math.round(Number(a) * 100), 0);
	assert.deepEqual(xmlAll(xml, 'NbOfTxs'), ['1', '1'], 'group header and payment information');
	assert.deepEqual(xmlAll(xml, 'CtrlSum'), [(sum / 100).toFixed(2), (sum / 100).toFixed(2)]);
	assert.deepEqual(xmlAll(xml, 'PmtMtd'), ['TRF']);
	for (const id of xmlAll(xml, 'EndToEndId'))
		assert.ok(id.length <= 35, id);
	for (const u of xmlAll(xml, 'Ustrd'))
		assert.ok(u.length <= 140, u);
	assert.ok(xmlAll(xml, 'Nm').includes('Zoe Muller + Son'), 'transliterated into the SEPA set');
	assert.ok(xmlAll(xml, 'IBAN').includes(IBAN), 'the bank file has the IBAN in full');
	for (const text of xml.replace(/^<\?xml[^>]*>/, '').split(/<[^>]*>/))
		assert.match(text, /^[a-zA-Z0-9/\-?:().,'+ \n]*$/);
	assert.equal(sql(`SELECT status FROM payout_batches WHERE id = ${batchId}`)[0][0], 'exported');

	// Marked paid: one payout entry per line, in the ledger with the batch; pressing again adds nothing.
	r = await b.client.submit(`${batchPath}/paid`, {}, { formPath: batchPath });
	assert.equal(r.status, 303);
	r = await b.client.submit(`${batchPath}/paid`, {}, { formPath: batchPath });
	assert.equal(r.status, 303);
	const payouts = () => sql(`SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM commission_entries
		WHERE brand_id = ${b.id} AND kind = 'payout' AND payout_id = ${batchId}`)[0].map(Number);
	assert.deepEqual(payouts(), [2, -6000]);
	r = await b.client.submit(`${batchPath}/void`, {}, { formPath: batchPath });
	assert.equal(r.status, 409, 'a paid batch cannot be voided');
	page = (await pp.client.get('/studio/creator/payouts')).body;
	assert.match(page, /<span class="amount">€30\.00<\/span> \(paid;/);
	assert.match(page, new RegExp(ppOrder));

	// The PayPal creator's sale is refunded after payout: a clawback of 30.00, carried.
	const orderPage = `/studio/orders/${ppOrder}`;
	r = await b.client.submit(`${orderPage}/refund`, { mode: 'full' }, { formPath: orderPage });
	assert.equal(r.status, 303);
	const [[kind, amount]] = sql(`SELECT ce.kind, ce.amount FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id
		JOIN orders o ON o.id = l.order_id WHERE o.number = ${lit(ppOrder)} AND ce.kind IN ('reversal', 'clawback')`);
	assert.deepEqual([kind, Number(amount)], ['clawback', -3000]);
	page = (await b.client.get('/studio/brand/payouts')).body;
	assert.match(creatorRow(page, ppHandle), /class="carried">-€30\.00<.*held: refunds after payout/s);
	page = (await pp.client.get('/studio/creator/dashboard')).body;
	assert.match(page, /<td class="carried">-€30\.00<\/td>/);
	page = (await b.client.get('/studio/brand/dashboard')).body;
	assert.match(page, /<td class="carried">-€30\.00<\/td>/);

	// Two more sales (60.00): the next batch pays 60.00 - 30.00 = 30.00. Twice-monthly is a new period.
	await buyVia(slug, productHandle, ppHandle, b.variantId);
	await buyVia(slug, productHandle, ppHandle, b.variantId);
	assert.equal((await b.client.submit('/studio/brand/payouts/settings', { threshold: '25.00', schedule: 'twice_monthly',
		debtor_name: 'Nordwind Handel', debtor_iban: IBAN, debtor_bic: 'COBADEFFXXX' },
	{ formPath: '/studio/brand/payouts' })).status, 303);
	r = await b.client.submit('/studio/brand/payouts/run', {}, { formPath: '/studio/brand/payouts' });
	const second = /^\/studio\/brand\/payouts\/(\d+)$/.exec(r.headers.location)?.[1];
	assert.ok(second && second !== batchId, r.headers.location);
	page = (await b.client.get(`/studio/brand/payouts/${second}`)).body;
	assert.match(batchLine(page, ppHandle), /class="amount">€30\.00<.*-€30\.00 \(carried from a refund\)/s);
	assert.equal(batchLine(page, bankHandle), undefined, 'nothing new for the other creator');

	// Voided before it is paid: it cannot be paid, and the period can be run again.
	const secondPath = `/studio/brand/payouts/${second}`;
	assert.equal((await b.client.submit(`${secondPath}/void`, {}, { formPath: secondPath })).status, 303);
	assert.equal((await b.client.submit(`${secondPath}/paid`, {}, { formPath: secondPath })).status, 409);
	r = await b.client.submit('/studio/brand/payouts/run', {}, { formPath: '/studio/brand/payouts' });
	const third = /^\/studio\/brand\/payouts\/(\d+)$/.exec(r.headers.location)?.[1];
	assert.ok(third && third !== second, r.headers.location);
	const thirdPath = `/studio/brand/payouts/${third}`;
	assert.equal((await b.client.submit(`${thirdPath}/paid`, {}, { formPath: thirdPath })).status, 303);
	const [[net]] = sql(`SELECT SUM(amount) FROM commission_entries WHERE payout_id = ${third}`);
	assert.equal(Number(net), -3000, 'the carried 30.00 netted: 60.00 - 30.00 paid');
	page = (await b.client.get('/studio/brand/payouts')).body;
	assert.match(creatorRow(page, ppHandle) ?? 'settled: no row', /settled: no row|class="carried">€0\.00</);

	// The statement lists every entry: accruals, the payout, the clawback.
	const statement = await pp.client.get('/studio/creator/payouts.csv');
	assert.equal(statement.status, 200);
	assert.match(statement.body, /^\ufefftime_utc,brand,entry,order,product,amount,currency,payout_batch\r\n/);
	assert.match(statement.body, /,clawback,[0-9A-Z]{20},Stoneware Mug,-30\.00,EUR,\r\n/);
	assert.match(statement.body, new RegExp(`,payout,[0-9A-Z]{20},Stoneware Mug,-30\\.00,EUR,${batchId}\\r\\n`));

	// The ledger verifies; the dashboards say so; one amount changed by SQL is named.
	let v = ctl('ledger', 'verify', '--brand', slug);
	assert.equal(v.status, 0, v.out);
	assert.match(v.out, new RegExp(`^${slug}: ok, \\d+ entries$`, 'm'));
	assert.match((await b.client.get('/studio/brand/dashboard')).body, /Ledger verified \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
	assert.match((await pp.client.get('/studio/creator/payouts')).body, /Ledger verified \d{4}-\d\d-\d\d/);
	const [[tampered]] = sql(`SELECT MIN(id) FROM commission_entries WHERE brand_id = ${b.id} AND kind = 'accrual'`);
	sql(`UPDATE commission_entries SET amount = amount + 1 WHERE id = ${tampered}`);
	v = ctl('ledger', 'verify', '--brand', slug);
	assert.equal(v.status, 1, v.out);
	assert.match(v.out, new RegExp(`BROKEN at entry ${tampered}: content changed: expected hash [0-9a-f]{64}, stored [0-9a-f]{64}`));
	assert.match((await b.client.get('/studio/brand/payouts')).body, new RegExp(`Ledger check failed at entry ${tampered}`));
	sql(`UPDATE commission_entries SET amount = amount - 1 WHERE id = ${tampered}`);
	assert.equal(ctl('ledger', 'verify', '--brand', slug).status, 0, 'restored, it verifies again');
});

test('payout pages refuse bad input with a 4xx and show nothing of another brand', async () => {
	const b = await newBrand({ price: 1000, stock: 5 });
	const other = await newBrand({ price: 1000, stock: 5 });
	let r = await b.client.submit('/studio/brand/payouts/settings', { threshold: '-5', schedule: 'monthly' },
		{ formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 422);
	r = await b.client.submit('/studio/brand/payouts/settings', { threshold: '25', schedule: 'weekly' },
		{ formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 400);
	r = await b.client.submit('/studio/brand/payouts/tax-forms', { creator_id: 'x', received: 'yes' },
		{ formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 400);
	assert.equal((await b.client.get('/studio/brand/payouts/abc')).status, 404);
	const [[id]] = sql(`INSERT INTO payout_batches (brand_id, currency, period, run_key, status, created_at)
		VALUES (${other.id}, 'USD', '2026-01', NULL, 'draft', UTC_TIMESTAMP()); SELECT LAST_INSERT_ID();`);
	assert.equal((await b.client.get(`/studio/brand/payouts/${id}`)).status, 404, "another brand's batch");
	r = await b.client.submit(`/studio/brand/payouts/${id}/paid`, {}, { formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 404);
	r = await b.client.submit(`/studio/brand/payouts/${id}/export`, { format: 'paypal' }, { formPath: '/studio/brand/payouts' });
	assert.equal(r.status, 404);
	assert.equal((await new Client().get('/studio/brand/payouts')).status, 303, 'signed out: to log-in');
});

test('appends racing on one brand stay one chain, and runs racing for one period make one batch', async () => {
	const b = await newBrand({ price: 20000, stock: 50 });
	sql(`UPDATE brands SET return_window_days = 0 WHERE id = ${b.id}`);
	const [[slug, productHandle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	const c = await newCreator();
	const [[handle, id]] = sql(`SELECT cr.handle, cr.id FROM creators cr JOIN users u ON u.id = cr.user_id
		WHERE u.email = ${lit(c.account.email)}`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		VALUES (${id}, ${b.productId}, 1000, 'approved', 1, UTC_TIMESTAMP());
		INSERT INTO creator_tax_forms (brand_id, creator_id, received_at) VALUES (${b.id}, ${id}, UTC_TIMESTAMP())`);
	assert.equal((await c.client.submit('/studio/creator/payouts/details', { method: 'paypal', paypal_email: `p-${handle}@example.com` },
		{ formPath: '/studio/creator/payouts' })).status, 303);
	// Eight checkouts at once, each appending an accrual to the brand's chain.
	await Promise.all(Array.from({ length: 8 }, () => buyVia(slug, productHandle, handle, b.variantId)));
	const [[n, seqs, maxSeq]] = sql(`SELECT COUNT(*), COUNT(DISTINCT chain_seq), MAX(chain_seq) FROM commission_entries
		WHERE brand_id = ${b.id}`);
	assert.deepEqual([n, seqs, maxSeq].map(Number), [8, 8, 8]);
	let v = ctl('ledger', 'verify', '--brand', slug);
	assert.equal(v.status, 0, v.out);
	// Five runs of the same period at once: one batch, paying 8 x 20.00 once.
	const tokens = await Promise.all(Array.from({ length: 5 }, () => b.client.csrf('/studio/brand/payouts')));
	const runs = await Promise.all(tokens.map((csrf) => b.client.post('/studio/brand/payouts/run', { csrf })));
	const where = new Set(runs.map((r) => r.headers.location?.replace('?done=exists', '')));
	assert.equal(where.size, 1, [...where].join(' '));
	assert.deepEqual(sql(`SELECT COUNT(*), SUM(total) FROM payout_batches WHERE brand_id = ${b.id}`)[0].map(Number), [1, 16000]);
	const batch = [...where][0];
	const pays = await Promise.all(tokens.map((csrf) => b.client.post(`${batch}/paid`, { csrf })));
	assert.deepEqual(pays.map((r) => r.status), [303, 303, 303, 303, 303]);
	const [[count, sum]] = sql(`SELECT COUNT(*), SUM(amount) FROM commission_entries WHERE brand_id = ${b.id} AND kind = 'payout'`);
	assert.deepEqual([Number(count), Number(sum)], [8, -16000], 'paid once');
	v = ctl('ledger', 'verify', '--brand', slug);
	assert.equal(v.status, 0, v.out);
	assert.match(v.out, /ok, 16 entries/);
	// The creator moves to a bank account: the batch's PayPal file would pay nobody, so it is refused.
	assert.equal((await c.client.submit('/studio/creator/payouts/details', { method: 'sepa', iban: IBAN, bic: 'COBADEFF',
		account_name: 'A B' }, { formPath: '/studio/creator/payouts' })).status, 303);
	const changed = await b.client.submit(`${batch}/export`, { format: 'paypal', part: '1' }, { formPath: batch });
	assert.equal(changed.status, 409);
	assert.match(changed.body, /changed how they are paid/);
});

test('crowdcartctl payouts run makes the period\'s batch once, as the studio button does', async () => {
	const b = await newBrand({ price: 30000, stock: 5 });
	sql(`UPDATE brands SET return_window_days = 0 WHERE id = ${b.id}`);
	const [[slug, productHandle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	const c = await newCreator();
	const [[handle, id]] = sql(`SELECT cr.handle, cr.id FROM creators cr JOIN users u ON u.id = cr.user_id
		WHERE u.email = ${lit(c.account.email)}`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		VALUES (${id}, ${b.productId}, 1000, 'approved', 1, UTC_TIMESTAMP());
		INSERT INTO creator_tax_forms (brand_id, creator_id, received_at) VALUES (${b.id}, ${id}, UTC_TIMESTAMP())`);
	assert.equal((await c.client.submit('/studio/creator/payouts/details', { method: 'paypal', paypal_email: `p-${handle}@example.com` },
		{ formPath: '/studio/creator/payouts' })).status, 303);
	await buyVia(slug, productHandle, handle, b.variantId);
	const first = ctl('payouts', 'run', '--brand', slug);
	assert.equal(first.status, 0, first.out);
	const made = new RegExp(`^${slug}: \\d{4}-\\d\\d: batch (\\d+)$`, 'm').exec(first.out);
	assert.ok(made, first.out);
	const again = ctl('payouts', 'run', '--brand', slug);
	assert.match(again.out, new RegExp(`^${slug}: \\d{4}-\\d\\d: batch ${made[1]} \\(already made\\)$`, 'm'));
	assert.deepEqual(sql(`SELECT COUNT(*), SUM(total) FROM payout_batches WHERE brand_id = ${b.id}`)[0].map(Number), [1, 3000]);
	assert.equal((await b.client.get(`/studio/brand/payouts/${made[1]}`)).status, 200);
});
