// notifications.test.mjs: notices to brands and creators, each queued with its event and each
// switchable by its recipient: a pick request reaches the brand's owner and its decision the
// creator, with absolute links and a one-click unsubscribe link; a kind switched off on the mail
// settings page, or by that link's POST without any cookie (RFC 8058), queues nothing more, and a
// forged link changes nothing; through SMTP the notice carries List-Unsubscribe and its HTML part
// shows a creator name holding markup as text. A live reminder's stop link is its
// List-Unsubscribe, and works without a cookie too. Mail owed to its recipient (the shopper's
// confirmation, shipping notice with the carrier's tracking link, cancellation and refund, a
// creator's lowered commission) comes from its own template section, with no switch.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Client, VAR, confValue, unique, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, lit, orderRef, reviewed, sql } from './lib/commerce.mjs';
import { brandWithOpenProduct, newCreator } from './lib/creators.mjs';
import { newBrand } from './lib/fulfilment.mjs';
import { checkoutOrders, payOffline } from './lib/paid.mjs';
import { answers, brandWithForm, leadRows, submitLead } from './lib/leads.mjs';
import { creatorWithPicks, goLive, schedule, viewer } from './lib/live.mjs';
import { confWith, ctl, parseMessage, parts } from './lib/mail.mjs';
import { startSmtp } from '../sim/smtp/server.mjs';

usesDatabase();

const BASE = confValue('base_url').replace(/\/+$/, '');
let smtp;
before(async () => {
	smtp = await startSmtp({ port: 0 });	// a port of its own: mail_smtp.test.mjs may run beside
});
after(() => smtp.close());

const userId = (email) => Number(sql(`SELECT id FROM users WHERE email = ${lit(email)}`)[0][0]);
// Line ends as " | ": the sql helper reads one row per line.
const notices = (uid) => sql(`SELECT subject, REPLACE(body_text, '\n', ' | '), COALESCE(unsubscribe_url, ''), kind, to_addr FROM outbox
	WHERE to_user_id = ${uid} ORDER BY id`).map(([subject, body, unsubscribe, kind, to]) => ({ subject, body, unsubscribe, kind, to }));
const pathOf = (url) => new URL(url).pathname;

async function requestPick(brand, creator) {
	const res = await creator.client.submit('/studio/creator/picks', { product_id: brand.productId },
		{ formPath: '/studio/creator/marketplace' });
	assert.equal(res.status, 303);
	assert.match(res.headers.location, /added=requested/);
}

async function decide(brand, creator, decision) {
	const page = (await brand.client.get('/studio/brand/pick-requests')).body;
	const id = new RegExp(`@${creator.account.handle}[\\s\\S]*?pick-requests/(\\d+)`).exec(page)[1];
	const res = await brand.client.submit(`/studio/brand/pick-requests/${id}`, { decision },
		{ formPath: '/studio/brand/pick-requests' });
	assert.equal(res.status, 303);
}

test('a pick request is a notice to the brand, its decision one to the creator, with absolute links', async () => {
	const brand = await brandWithOpenProduct({ approval: true });
	const creator = await newCreator();
	await requestPick(brand, creator);
	const owner = userId(brand.account.email);
	const [n] = notices(owner);
	assert.ok(n, 'the brand owner got a notice');
	assert.equal(n.kind, 'notice');
	assert.equal(n.to, '', 'addressed to the account: the sender reads its address');
	assert.equal(n.subject, `Pick request: ${brand.title}`);
	assert.ok(n.body.includes(`${BASE}/studio/brand/pick-requests`), n.body);
	assert.ok(n.body.includes(`@${creator.account.handle}`));
	assert.match(n.unsubscribe, new RegExp(`^${BASE.replace(/[.]/g, '\\.')}/unsubscribe/${owner}\\.brand_pick_request\\.[A-Za-z0-9_-]{43}$`));
	assert.ok(n.body.includes(`Stop these mails with one click: ${n.unsubscribe}`));
	assert.ok(n.body.includes(`${BASE}/studio/account/notifications`));
	await requestPick(brand, creator);
	assert.equal(notices(owner).length, 1, 'asking again while the request waits tells nobody twice');

	await decide(brand, creator, 'approve');
	const [d] = notices(userId(creator.account.email));
	assert.ok(d, 'the creator got a notice of the decision');
	assert.match(d.subject, /approved your pick/);
	assert.ok(d.body.includes(`${BASE}/studio/creator/picks`), d.body);
	assert.match(d.unsubscribe, /\/unsubscribe\/\d+\.creator_pick_decision\./);

	const other = await newCreator();
	await requestPick(brand, other);
	await decide(brand, other, 'reject');
	assert.match(notices(userId(other.account.email))[0].subject, /declined your pick/);
});

test('a kind switched off on the mail settings page queues nothing; others still come', async () => {
	const brand = await brandWithOpenProduct({ approval: true });
	let page = await brand.client.get('/studio/account/notifications');
	assert.equal(page.status, 200);
	assert.match(page.body, /name="brand_pick_request" value="on" checked/);
	assert.doesNotMatch(page.body, /creator_sale/, 'a brand sees the brand notices only');
	assert.match(page.body, /order\s+confirmations/);
	const keep = { brand_order: 'on', brand_lead: 'on', brand_sample_request: 'on' };
	const res = await brand.client.submit('/studio/account/notifications', keep);
	assert.equal(res.status, 303);
	page = await brand.client.get('/studio/account/notifications?saved=1');
	assert.match(page.body, /name="brand_pick_request" value="on">/);
	assert.match(page.body, /name="brand_order" value="on" checked/);

	await requestPick(brand, await newCreator());
	assert.equal(notices(userId(brand.account.email)).length, 0, 'no pick request notice');
	const creator = await newCreator();
	const signedOut = new Client();
	assert.equal((await signedOut.post('/studio/account/notifications', { brand_order: 'on' })).status, 403,
		'a POST without a session and CSRF token changes nothing');
	assert.equal(notices(userId(creator.account.email)).length, 0);
});

test('the one-click unsubscribe POST needs no cookie and turns the kind off; a forged token does nothing', async () => {
	const brand = await brandWithOpenProduct({ approval: true });
	await requestPick(brand, await newCreator());
	const owner = userId(brand.account.email);
	const [n] = notices(owner);
	const link = pathOf(n.unsubscribe);

	const forged = link.replace(/\.[A-Za-z0-9_-]{43}$/, `.${'A'.repeat(43)}`);
	const visitor = new Client();
	assert.equal((await visitor.post(forged, 'List-Unsubscribe=One-Click')).status, 404);
	const otherUser = link.replace(/\/unsubscribe\/\d+\./, `/unsubscribe/${owner + 1}.`);
	assert.equal((await visitor.post(otherUser, 'List-Unsubscribe=One-Click')).status, 404, 'the mac binds the user');
	const otherKind = link.replace('brand_pick_request', 'brand_order');
	assert.equal((await visitor.post(otherKind, 'List-Unsubscribe=One-Click')).status, 404, 'the mac binds the kind');
	assert.equal(sql(`SELECT COUNT(*) FROM notification_prefs WHERE user_id = ${owner}`)[0][0], '0');

	const form = await new Client().get(link);
	assert.equal(form.status, 200, 'opening the link shows a button');
	assert.match(form.body, /Creators asking to pick a product/);
	assert.equal(sql(`SELECT COUNT(*) FROM notification_prefs WHERE user_id = ${owner}`)[0][0], '0', 'a GET changes nothing');

	const client = new Client();
	const res = await client.post(link, 'List-Unsubscribe=One-Click');
	assert.equal(res.status, 200, res.body.slice(0, 300));
	assert.equal(client.cookies.size, 0, 'no session was needed or made');
	assert.equal(sql(`SELECT enabled FROM notification_prefs WHERE user_id = ${owner} AND kind = 'brand_pick_request'`)[0][0], '0');
	await requestPick(brand, await newCreator());
	assert.equal(notices(owner).length, 1, 'no second notice after the one-click stop');
	const page = await brand.client.get('/studio/account/notifications');
	assert.match(page.body, /name="brand_pick_request" value="on">/, 'the settings page shows it off');
});

test('through SMTP a notice carries List-Unsubscribe with one-click POST, and a creator name holding markup stays text', async (t) => {
	const brand = await brandWithOpenProduct({ approval: true });
	const creator = await newCreator();
	sql(`UPDATE creators SET display_name = '<b>Lena & "Co"</b>' WHERE handle = ${lit(creator.account.handle)}`);
	await requestPick(brand, creator);
	// Only the notice goes through SMTP here: the sign-up's verification mail is another test's.
	sql(`DELETE FROM outbox WHERE to_addr = ${lit(brand.account.email)} AND subject = 'Confirm your crowdcart email address'`);
	const conf = confWith(t, `mail_transport = smtp\nsmtp_url = smtp://127.0.0.1:${smtp.port}\nsmtp_starttls = off\nsmtp_timeout = 20`);
	const run = await ctl(conf, 'send-mail', '--to', brand.account.email);
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stdout, /sent 1 mails/);
	const [got] = smtp.to(brand.account.email);
	assert.ok(got, 'the notice reached the brand owner\'s address');
	const msg = parseMessage(got.text);
	const [n] = notices(userId(brand.account.email));
	assert.equal(msg.header('list-unsubscribe'), `<${n.unsubscribe}>`);
	assert.equal(msg.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
	const [text, html] = parts(msg);
	assert.ok(text.text.includes('<b>Lena & "Co"</b> (@'), text.text);
	assert.ok(html.text.includes('&lt;b&gt;Lena &amp; &quot;Co&quot;&lt;/b&gt; (@'), html.text);
	assert.doesNotMatch(html.text, /<b>Lena/);
	assert.ok(html.text.includes(`<a href="${BASE}/studio/brand/pick-requests"`), 'the HTML link is absolute');
});

test('a live reminder carries its stop link as List-Unsubscribe, and the one-click POST needs no cookie', async () => {
	const { client, products } = await creatorWithPicks(1);
	const { id } = await schedule(client, { title: `Notify live ${unique()}`, products: [products[0].productId] });
	const email = uniqueEmail('notify-live');
	const v = await viewer(id);
	assert.equal((await v.post(`/live/${id}/remind`, { csrf: v.csrfToken, email })).status, 303);
	const [[confirm]] = sql(`SELECT REPLACE(body_text, '\n', ' ') FROM outbox WHERE to_addr = ${lit(email)} ORDER BY id LIMIT 1`);
	const confirmPath = /\/live\/reminders\/confirm\/[A-Za-z0-9_-]+/.exec(confirm)[0];
	assert.equal((await v.submit(confirmPath, {})).status, 200);
	assert.equal((await goLive(client, id)).status, 303);
	const [[url, kind]] = sql(`SELECT COALESCE(unsubscribe_url, ''), kind FROM outbox WHERE to_addr = ${lit(email)} AND subject LIKE 'Live now:%'`);
	assert.equal(kind, 'reminder');
	assert.match(url, new RegExp(`^${BASE.replace(/[.]/g, '\\.')}/live/reminders/stop/[A-Za-z0-9_-]{43}$`));
	const forged = pathOf(url).replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43));
	assert.equal((await new Client().post(forged, 'List-Unsubscribe=One-Click')).status, 404);
	assert.equal(sql(`SELECT unsubscribed_at IS NULL FROM live_reminders WHERE email = ${lit(email)}`)[0][0], '1', 'a forged link stops nothing');
	// RFC 8058's own example posts multipart/form-data.
	const body = '--b1\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b1--\r\n';
	const res = await new Client().request('POST', pathOf(url), { headers: { 'content-type': 'multipart/form-data; boundary=b1' }, body });
	assert.equal(res.status, 200, res.body.slice(0, 300));
	assert.equal(sql(`SELECT unsubscribed_at IS NOT NULL FROM live_reminders WHERE email = ${lit(email)}`)[0][0], '1');
});

test('marking a payout batch paid tells each creator in it, once', async () => {
	const brand = await brandWithOpenProduct();
	const creator = await newCreator();
	const [[brandId, brandName]] = sql(`SELECT b.id, b.name FROM brands b JOIN users u ON u.id = b.owner_user_id
		WHERE u.email = ${lit(brand.account.email)}`);
	const uid = userId(creator.account.email);
	const [[creatorId]] = sql(`SELECT id FROM creators WHERE user_id = ${uid}`);
	// A batch as a run makes it, without the orders behind it: paying it tells the creators.
	sql(`INSERT INTO payout_batches (brand_id, currency, period, status, total, created_at)
		VALUES (${brandId}, 'USD', 'notify-${unique().slice(-8)}', 'draft', 4250, UTC_TIMESTAMP())`);
	const [[batch]] = sql(`SELECT MAX(id) FROM payout_batches WHERE brand_id = ${brandId}`);
	sql(`INSERT INTO payout_lines (batch_id, creator_id, amount, method) VALUES (${batch}, ${creatorId}, 4250, 'paypal')`);
	for (let i = 0; i < 2; i++) {
		const res = await brand.client.submit(`/studio/brand/payouts/${batch}/paid`, {}, { formPath: '/studio/brand/payouts' });
		assert.equal(res.status, 303);
	}
	const got = notices(uid);
	assert.equal(got.length, 1, 'paid twice is paid once, and told once');
	assert.equal(got[0].subject, `${brandName} paid you $42.50`);
	assert.ok(got[0].body.includes(`${BASE}/studio/creator/payouts`), got[0].body);
	assert.match(got[0].unsubscribe, /\/unsubscribe\/\d+\.creator_payout_sent\./);
});

test('a paid order is a notice to its brand and to the creator whose pick sold, once, and none before it is paid', async () => {
	const b = await newBrand();
	const creator = await newCreator();
	const uid = userId(creator.account.email), owner = userId(b.account.email);
	const [[handle, creatorId]] = sql(`SELECT handle, id FROM creators WHERE user_id = ${uid}`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		VALUES (${creatorId}, ${b.productId}, 1000, 'approved', 1, UTC_TIMESTAMP())`);
	const [[slug, productHandle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	const shopper = new Client();
	assert.equal((await shopper.get(`/p/${slug}/${productHandle}?via=${handle}`)).status, 200);
	const { fields } = await reviewed(shopper, [[b.variantId, 2]], address(uniqueEmail('buyer'), 'offline'));
	const placed = await shopper.post('/checkout/place', fields);
	assert.equal(placed.status, 303);
	const [number] = checkoutOrders(placed.headers.location);
	assert.equal(notices(owner).length, 0, 'placed but not paid: nothing to tell yet');
	await payOffline(number);
	await payOffline(number);	// a repeated confirmation changes nothing

	const brandNotices = notices(owner);
	const ref = orderRef(number);
	assert.match(ref, /^CC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	assert.equal(brandNotices.length, 1);
	assert.equal(brandNotices[0].subject, `New order ${ref}: $50.00`);
	assert.ok(brandNotices[0].body.includes('2 x Stoneware Mug'), brandNotices[0].body);
	assert.ok(brandNotices[0].body.includes(`${BASE}/studio/orders/${number}`));
	// The whole text, as mail_notice.tpl words it (line ends as " | ").
	assert.equal(brandNotices[0].body, [`Order ${ref} is paid: $50.00.`, '', '  2 x Stoneware Mug', '',
		`Ship it from your studio: ${BASE}/studio/orders/${number}`, '', '--',
		'You get this mail because "New orders" is on in your crowdcart mail settings.',
		`Stop these mails with one click: ${brandNotices[0].unsubscribe}`,
		`Choose which mails you get: ${BASE}/studio/account/notifications`, ''].join(' | '));
	const sales = notices(uid);
	assert.equal(sales.length, 1);
	assert.equal(sales[0].subject, `You made a sale (order ${ref})`);
	assert.ok(sales[0].body.includes('2 x Stoneware Mug') && sales[0].body.includes(`${BASE}/studio/creator/dashboard`));
	assert.match(sales[0].unsubscribe, /\/unsubscribe\/\d+\.creator_sale\./);

	// The test provider pays at checkout: the notice is queued with the order.
	const again = new Client();
	const r = await again.post('/checkout/place', (await reviewed(again, [[b.variantId, 1]], address(uniqueEmail('buyer')))).fields);
	const [instant] = checkoutOrders(r.headers.location);
	assert.ok(notices(owner).some((n) => n.subject === `New order ${orderRef(instant)}: $25.00`));
});

test('an owner who switched new orders off hears of none paid at checkout; the shopper\'s confirmation still goes', async () => {
	const b = await newBrand();
	const owner = userId(b.account.email);
	sql(`INSERT INTO notification_prefs (user_id, kind, enabled, updated_at)
		VALUES (${owner}, 'brand_order', 0, UTC_TIMESTAMP())`);
	const shopper = new Client(), buyer = uniqueEmail('buyer');
	const r = await shopper.post('/checkout/place', (await reviewed(shopper, [[b.variantId, 1]], address(buyer))).fields);
	assert.equal(r.status, 303);
	assert.equal(checkoutOrders(r.headers.location).length, 1);
	assert.equal(notices(owner).length, 0, 'switched off: no notice');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${lit(buyer)}`)[0][0]), 1, 'the confirmation');
});

test('a cart of two brands paid at checkout is one new-order notice to each owner and one confirmation', async () => {
	const [b1, b2] = [await newBrand(), await newBrand()];
	const shopper = new Client(), buyer = uniqueEmail('buyer');
	const r = await shopper.post('/checkout/place',
		(await reviewed(shopper, [[b1.variantId, 1], [b2.variantId, 2]], address(buyer))).fields);
	assert.equal(r.status, 303);
	const orders = checkoutOrders(r.headers.location);
	assert.equal(orders.length, 2);
	const subjects = [b1, b2].map((b) => notices(userId(b.account.email)).map((n) => n.subject));
	assert.deepEqual(subjects.map((s) => s.length), [1, 1]);
	assert.ok(orders.every((o) => subjects.flat().some((s) => s.startsWith(`New order ${orderRef(o)}: `))), subjects.join(', '));
	assert.equal(Number(sql(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${lit(buyer)}`)[0][0]), 1);
});

test('a new lead is a notice to the brand without the lead\'s answers; the same person again within the hour is not', async () => {
	const f = await brandWithForm({ fresh: true });
	const [[owner]] = sql(`SELECT owner_user_id FROM brands b JOIN lead_forms lf ON lf.brand_id = b.id WHERE lf.id = ${f.id}`);
	const email = uniqueEmail('lead');
	assert.equal((await submitLead(f.slug, answers(email))).status, 200);
	const [[leadId]] = leadRows(f.id);
	let got = notices(Number(owner));
	assert.equal(got.length, 1);
	assert.equal(got[0].subject, `New lead: Form ${f.slug}`);
	assert.ok(got[0].body.includes(`${BASE}/studio/leads/${leadId}`), got[0].body);
	assert.ok(!got[0].body.includes(email) && !got[0].body.includes('Ada Lovelace'), 'the answers stay in the studio');
	assert.equal((await submitLead(f.slug, answers(email))).status, 200);
	got = notices(Number(owner));
	assert.equal(got.length, 1, 'a repeat merged into the lead is no new lead');
});

test('a payout batch the scheduled run makes is a notice to the brand', async () => {
	const b = await newBrand({ price: 30000, stock: 5 });
	sql(`UPDATE brands SET return_window_days = 0 WHERE id = ${b.id}`);
	const [[slug, productHandle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	const c = await newCreator();
	const [[handle, id]] = sql(`SELECT handle, id FROM creators WHERE user_id = ${userId(c.account.email)}`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		VALUES (${id}, ${b.productId}, 1000, 'approved', 1, UTC_TIMESTAMP());
		INSERT INTO creator_tax_forms (brand_id, creator_id, received_at) VALUES (${b.id}, ${id}, UTC_TIMESTAMP())`);
	assert.equal((await c.client.submit('/studio/creator/payouts/details', { method: 'paypal', paypal_email: `p-${handle}@example.com` },
		{ formPath: '/studio/creator/payouts' })).status, 303);
	const shopper = new Client();
	assert.equal((await shopper.get(`/p/${slug}/${productHandle}?via=${handle}`)).status, 200);
	const placed = await shopper.post('/checkout/place', (await reviewed(shopper, [[b.variantId, 1]], address(uniqueEmail('buyer'), 'offline'))).fields);
	await payOffline(...checkoutOrders(placed.headers.location));
	const run = await ctl(path.join(VAR, 'crowdcart.conf'), 'payouts', 'run', '--brand', slug);
	assert.equal(run.code, 0, run.stderr);
	const batch = new RegExp(`^${slug}: (\\d{4}-\\d\\d): batch (\\d+)$`, 'm').exec(run.stdout);
	assert.ok(batch, run.stdout);
	const due = notices(userId(b.account.email)).filter((n) => n.subject.startsWith('Creator payouts due'));
	assert.equal(due.length, 1);
	assert.equal(due[0].subject, `Creator payouts due: $30.00 for ${batch[1]}`);
	assert.ok(due[0].body.includes(`${BASE}/studio/brand/payouts/${batch[2]}`), due[0].body);
});

// Mail owed to its recipient comes from its own section of mail_notice.tpl, word for word, and
// has no switch: no unsubscribe link, no footer pointing at the mail settings.
const owedMail = (where) => sql(`SELECT subject, REPLACE(body_text, '\n', ' | '), COALESCE(unsubscribe_url, '') FROM outbox
	WHERE ${where} ORDER BY id`).map(([subject, body, unsubscribe]) => ({ subject, body, unsubscribe }));
function assertOwed(m) {
	assert.equal(m.unsubscribe, '', 'owed mail cannot be switched off');
	assert.ok(!m.body.includes('mail settings') && !m.body.includes('/unsubscribe/'), m.body);
}

test('the shopper\'s confirmation, shipping notice with its tracking link, refund and cancellation come from the template', async () => {
	const b = await newBrand();
	const email = uniqueEmail('owed');
	const shopper = new Client();
	const placed = await shopper.post('/checkout/place', (await reviewed(shopper, [[b.variantId, 1]], address(email))).fields);
	assert.equal(placed.status, 303);
	const [number] = checkoutOrders(placed.headers.location);
	const [confirmation] = owedMail(`to_addr = ${lit(email)}`);
	assert.equal(confirmation.subject, 'Your crowdcart order');
	assert.ok(confirmation.body.startsWith('Thank you for your order. |  | '), confirmation.body);
	const ref = orderRef(number);
	assert.ok(confirmation.body.includes(`Order ${ref} from `), confirmation.body);
	assert.ok(confirmation.body.includes(' | Shipping to: |   '), confirmation.body);
	assert.ok(confirmation.body.endsWith(` |  | Look up an order any time at ${BASE}/orders/lookup with its number and this email address. | `),
		confirmation.body);
	assertOwed(confirmation);

	const [[orderId, shipName, brandName]] = sql(`SELECT o.id, o.ship_name, b.name FROM orders o JOIN brands b ON b.id = o.brand_id
		WHERE o.number = ${lit(number)}`);
	const ship = await b.client.submit(`/studio/orders/${number}/transition`,
		{ action: 'ship', carrier: 'ups', tracking_number: '1Z 999-AA1 0123456784' }, { formPath: `/studio/orders/${number}` });
	assert.equal(ship.status, 303);
	const [shipped] = owedMail(`order_id = ${orderId}`);
	assert.equal(shipped.subject, `Your order has shipped (order ${ref})`);
	assert.equal(shipped.body, [`Hello ${shipName},`, '', `${brandName} has sent your order.`, 'Carrier: ups',
		'Tracking number: 1Z 999-AA1 0123456784', 'Follow the parcel: https://www.ups.com/track?tracknum=1Z999AA10123456784', '',
		`Order number: ${ref}`, `Its status any time: ${BASE}/orders/lookup (with its number and this email address)`, '',
		'-- ', `${brandName}, through crowdcart`, ''].join(' | '));
	assertOwed(shipped);

	const refund = await b.client.submit(`/studio/orders/${number}/refund`, { mode: 'full' }, { formPath: `/studio/orders/${number}` });
	assert.equal(refund.status, 303);
	const [, refunded] = owedMail(`order_id = ${orderId}`);
	assert.equal(refunded.subject, `Your order was refunded (order ${ref})`);
	assert.ok(refunded.body.includes(`${brandName} has refunded $25.00 of your order (1 item). The money goes back the way you paid.`),
		refunded.body);
	assertOwed(refunded);
	const again = new Client();
	const second = await again.post('/checkout/place', (await reviewed(again, [[b.variantId, 1]], address(email))).fields);
	const [other] = checkoutOrders(second.headers.location);
	const cancel = await b.client.submit(`/studio/orders/${other}/transition`, { action: 'cancel' }, { formPath: `/studio/orders/${other}` });
	assert.equal(cancel.status, 303);
	const [cancelled] = owedMail(`order_id = (SELECT id FROM orders WHERE number = ${lit(other)})`);
	assert.equal(cancelled.subject, `Your order was cancelled (order ${orderRef(other)})`);
	assert.ok(cancelled.body.includes(`${brandName} has cancelled your order. If you had paid for it, the payment is being returned to you.`),
		cancelled.body);
	assertOwed(cancelled);
});

test('a lowered commission is told to the creator from the template, with no switch', async () => {
	const b = await newBrand({ price: 5000 });
	assert.equal((await b.client.submit('/studio/marketplace', { marketplace_open: 'yes', commission_percent: '10', approval_required: 'no' })).status, 303);
	const creator = await newCreator();
	assert.equal((await creator.client.submit('/studio/creator/picks', { product_id: b.productId }, { formPath: '/studio/creator/marketplace' })).status, 303);
	assert.equal((await b.client.submit('/studio/marketplace', { marketplace_open: 'yes', commission_percent: '8', approval_required: 'no' })).status, 303);
	const [m] = owedMail(`to_addr = ${lit(creator.account.email)} AND subject = 'A brand is lowering your commission'`);
	assert.ok(m, 'the creator is mailed');
	assert.match(m.body, new RegExp(`^.+ is lowering the commission on some of your picks\\. \\|  \\| [^|]+: 10% on a sale today; 8% on sales from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. \\| `
		+ `Sales until each date earn the rate they earn today; each order keeps the rate of its sale\\. \\|  \\| Your picks: ${BASE.replace(/[.]/g, '\\.')}/studio/creator/picks \\| $`));
	assertOwed(m);
});
