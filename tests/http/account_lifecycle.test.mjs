// account_lifecycle.test.mjs: an account's address confirmed and changed, what an unconfirmed
// address holds back, a sign-up that never says whether an address is registered, deleting an
// account and downloading its data, and the shopper's home: orders, follows, saved products.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, DEMO_PASSWORD, newAccount, unique, uniqueEmail, verifyEmail } from './lib/http.mjs';
import { mailCount, mailedLink } from './lib/account_mail.mjs';
import { address, lit, makeProduct, orderNumbers, reviewed, sql } from './lib/commerce.mjs';
import { demoClient, newBrand } from './lib/fulfilment.mjs';
import { payOffline } from './lib/paid.mjs';
import { eventually } from './lib/eventually.mjs';

const LENA = 'lena@demo.crowdcart.test';

function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

function fields(role, over = {}) {
	const u = unique();
	return {
		role, email: `${role}-${u}@test.crowdcart.test`, password: `pw-${u}-long-enough`,
		display_name: `Life ${role} ${u}`, handle: role === 'creator' ? `l${u}`.slice(0, 30) : '',
		brand_name: role === 'brand' ? `Life Brand ${u}` : '', ...over,
	};
}

// The body of the latest mail with that subject to email (hex on the wire: the body has newlines).
function lastMail(email, subject) {
	const rows = sql(`SELECT HEX(body_text) FROM outbox WHERE to_addr = ${lit(email)} AND subject = ${lit(subject)}
		ORDER BY id DESC LIMIT 1`);
	return rows[0] ? Buffer.from(rows[0][0], 'hex').toString('utf8') : undefined;
}

function userRow(id) {
	const [[email, name, verified, deleted]] = sql(`SELECT email, display_name, email_verified_at IS NOT NULL,
		deleted_at IS NOT NULL FROM users WHERE id = ${Number(id)}`);
	return { email, name, verified: verified === '1', deleted: deleted === '1' };
}

const idOf = (email) => Number(sql(`SELECT id FROM users WHERE email = ${lit(email)}`)[0][0]);

// ---- verification ------------------------------------------------------------------------

test('sign-up mails a 48-hour confirmation link; opening it only shows a button; the button confirms once', async () => {
	const c = new Client(), f = fields('shopper');
	assert.equal((await c.signup(f)).status, 303);
	assert.equal(mailCount(f.email, 'Confirm your crowdcart email address'), 1);
	assert.match(lastMail(f.email, 'Confirm your crowdcart email address'), /within 48 hours:\n\nhttp:\/\/[^\s]+\/login\/verify\/[A-Za-z0-9_-]{43}\n/);
	const id = idOf(f.email);
	assert.equal(userRow(id).verified, false);

	assert.equal((await c.login(f.email, f.password)).status, 303, 'an unconfirmed account signs in');
	let home = main((await c.get('/studio')).body);
	assert.match(home, /Please confirm your email address/);

	const link = mailedLink(f.email, 'verify');
	const open = await new Client().get(link);
	assert.equal(open.status, 200);
	assert.match(open.body, /Confirm my address<\/button>/);
	assert.equal(userRow(id).verified, false, 'opening the link (a mail scanner) confirms nothing');

	const res = await new Client().submit(link, {});
	assert.equal(res.status, 200);
	assert.match(main(res.body), /Your email address is confirmed/);
	assert.equal(userRow(id).verified, true);
	const late = new Client();
	await late.startSession();	// a token good for any form of the site: its session's
	assert.equal((await late.submit(link, {}, { formPath: '/signup' })).status, 410, 'a used link is gone');
	home = main((await c.get('/studio')).body);
	assert.doesNotMatch(home, /Please confirm your email address/);
	assert.match(main((await c.get('/studio/account')).body), /\(confirmed\)/);
});

test('an expired or malformed confirmation link confirms nothing', async () => {
	const f = fields('shopper');
	assert.equal((await new Client().signup(f)).status, 303);
	const link = mailedLink(f.email, 'verify');
	sql(`UPDATE account_tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE user_id = ${idOf(f.email)}`);
	assert.equal((await new Client().get(link)).status, 410);
	const visitor = new Client();
	await visitor.startSession();	// a token good for any form of the site: its session's
	assert.equal((await visitor.submit(link, {}, { formPath: '/signup' })).status, 410);
	assert.equal((await new Client().get('/login/verify/not-a-token')).status, 410);
	assert.equal(userRow(idOf(f.email)).verified, false);
});

test('"send the link again" mails a new link, and is throttled after three in 15 minutes', async () => {
	const c = new Client();
	await newAccount(c, 'shopper', { verify: false });
	const email = (await c.get('/studio')).body.match(/Signed in as [^(]+\(([^)]+)\)/)[1];
	for (let i = 0; i < 3; i++) {
		const r = await c.submit('/studio/account/verify', {}, { formPath: '/studio/account' });
		assert.equal(r.status, 303, `resend ${i + 1}`);
		assert.equal(r.headers.location, '/studio/account?done=verify_sent');
	}
	const over = await c.submit('/studio/account/verify', {}, { formPath: '/studio/account' });
	assert.equal(over.status, 429);
	assert.equal(over.headers['retry-after'], '900');
	assert.match(main(over.body), /Too many confirmation mails/);
	assert.equal(mailCount(email, 'Confirm your crowdcart email address'), 4, 'the sign-up mail and three resends');
});

// ---- what an unconfirmed address holds back -----------------------------------------------

test('a brand cannot open its catalog to creators until its address is confirmed', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'brand', { verify: false });
	const open = { marketplace_open: 'yes', commission_percent: '10', approval_required: 'no' };
	let r = await c.submit('/studio/marketplace', open);
	assert.equal(r.status, 403);
	assert.match(main(r.body), /Confirm your email address before you open your catalog to creators/);
	assert.equal(sql(`SELECT marketplace_open FROM brands b JOIN users u ON u.id = b.owner_user_id
		WHERE u.email = ${lit(acct.email)}`)[0][0], '0');
	r = await c.submit('/studio/marketplace', { ...open, marketplace_open: 'no' });
	assert.equal(r.status, 303, 'settings that open nothing are saved');
	await verifyEmail(new Client(), acct.email);
	r = await c.submit('/studio/marketplace', open);
	assert.equal(r.status, 303);
	assert.equal(sql(`SELECT marketplace_open FROM brands b JOIN users u ON u.id = b.owner_user_id
		WHERE u.email = ${lit(acct.email)}`)[0][0], '1');
});

test('a creator whose address is not confirmed is held out of payouts, with the reason shown', async () => {
	const b = await newBrand({ price: 15000, stock: 10 });
	const [[slug, productHandle]] = sql(`SELECT b.slug, p.handle FROM brands b JOIN products p ON p.brand_id = b.id
		WHERE p.id = ${b.productId}`);
	sql(`UPDATE brands SET return_window_days = 0 WHERE id = ${b.id}`);
	const cc = new Client();
	const cr = await newAccount(cc, 'creator', { verify: false });
	const [[handle, creatorId]] = sql(`SELECT c.handle, c.id FROM creators c JOIN users u ON u.id = c.user_id
		WHERE u.email = ${lit(cr.email)}`);
	sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
		VALUES (${creatorId}, ${b.productId}, 2000, 'approved', 1, UTC_TIMESTAMP())`);
	assert.equal((await cc.submit('/studio/creator/payouts/details', { method: 'paypal', paypal_email: `pay-${handle}@example.com` },
		{ formPath: '/studio/creator/payouts' })).status, 303);
	assert.equal((await b.client.submit('/studio/brand/payouts/tax-forms', { creator_id: creatorId, received: 'yes' },
		{ formPath: '/studio/brand/payouts' })).status, 303);

	const shopper = new Client();
	assert.equal((await shopper.get(`/p/${slug}/${productHandle}?via=${handle}`)).status, 200);
	const { fields: place } = await reviewed(shopper, [[b.variantId, 1]], address(uniqueEmail('buyer'), 'offline'));
	const placed = await shopper.post('/checkout/place', place);
	assert.equal(placed.status, 303);
	const [number] = orderNumbers((await shopper.get(placed.headers.location)).body);
	await payOffline(number);

	const row = (html) => new RegExp(`<tr class="payout-creator" data-handle="${handle}">(.*?)</tr>`, 's').exec(html)?.[1] ?? '';
	let page = (await b.client.get('/studio/brand/payouts')).body;
	assert.match(row(page), /held: the creator has not confirmed their email address/);
	const run = await b.client.submit('/studio/brand/payouts/run', {}, { formPath: '/studio/brand/payouts' });
	assert.equal(run.headers.location, '/studio/brand/payouts?done=nothing', 'nobody is paid');
	await verifyEmail(new Client(), cr.email);
	page = (await b.client.get('/studio/brand/payouts')).body;
	assert.match(row(page), /paid in this run/);
});

// ---- a sign-up that reveals nothing --------------------------------------------------------

test('sign-up with a registered address answers like a new one; the owner is mailed the way to reset the password', async () => {
	const fresh = fields('shopper'), owner = fields('shopper');
	assert.equal((await new Client().signup(owner)).status, 303);
	const before = mailCount(owner.email);

	const a = new Client(), b = new Client();
	await a.startSession();
	await b.startSession();
	const cookies = [a.cookie(), b.cookie()];
	const taken = await a.signup(fields('creator', { email: owner.email }));
	const made = await b.signup(fresh);
	for (const r of [taken, made]) {
		assert.equal(r.status, 303);
		assert.equal(r.headers.location, '/signup/sent');
		assert.deepEqual(r.setCookies, [], 'no cookie says who was signed in');
	}
	assert.deepEqual([a.cookie(), b.cookie()], cookies);
	const [sentA, sentB] = [await a.get('/signup/sent'), await b.get('/signup/sent')];
	assert.equal(main(sentA.body), main(sentB.body), 'the same page either way');

	assert.equal(mailCount(owner.email), before + 1);
	const notice = lastMail(owner.email, 'You already have a crowdcart account');
	assert.match(notice, /You already have an account with it, so nothing new was made\./);
	assert.match(notice, /reset it here:\n\nhttp:\/\/[^\s]+\/login\/forgot\n/);
	assert.equal(mailCount(fresh.email, 'Confirm your crowdcart email address'), 1);
});

test('sign-up notices to a registered address stop after three in 15 minutes, and the answer stays the same', async () => {
	const owner = fields('shopper');
	assert.equal((await new Client().signup(owner)).status, 303);
	for (let i = 0; i < 4; i++) {
		const r = await new Client().signup(fields('shopper', { email: owner.email }));
		assert.equal(r.status, 303);
		assert.equal(r.headers.location, '/signup/sent');
	}
	assert.equal(mailCount(owner.email, 'You already have a crowdcart account'), 2, 'the sign-up mail counted too: 1 + 2');
});

test('a taken handle is refused the same way whatever the address', async () => {
	for (const email of [LENA, uniqueEmail('h')]) {
		const r = await new Client().signup(fields('creator', { email, handle: 'marco' }));
		assert.equal(r.status, 409, email);
		assert.match(main(r.body), /That handle is taken\./);
	}
});

// ---- changing the address -----------------------------------------------------------------

test('changing the address asks the password, tells the old address, and takes effect only when the new one confirms', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'shopper');
	const id = idOf(acct.email), next = uniqueEmail('moved');

	let r = await c.submit('/studio/account/email', { email: next, current_password: 'not my password!' }, { formPath: '/studio/account' });
	assert.equal(r.status, 401);
	assert.equal(mailCount(next), 0);
	r = await c.submit('/studio/account/email', { email: 'nope', current_password: acct.password }, { formPath: '/studio/account' });
	assert.equal(r.status, 422);

	r = await c.submit('/studio/account/email', { email: next, current_password: acct.password }, { formPath: '/studio/account' });
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, '/studio/account?done=email_sent');
	const page = main((await c.get('/studio/account?done=email_sent')).body);
	assert.match(page, new RegExp(`Waiting for confirmation: ${next.replace(/[.]/g, '\\.')}`));

	const told = lastMail(acct.email, 'Your crowdcart email address is being changed');
	assert.ok(told, 'the old address is told');
	assert.ok(told.includes(next), 'with the new address named');
	assert.match(told, /takes effect only when that address confirms it/);
	assert.equal(userRow(id).email, acct.email, 'nothing changed yet');
	assert.equal((await new Client().login(next, acct.password)).status, 401, 'the new address does not log in yet');

	const link = mailedLink(next, 'verify');
	const done = await new Client().submit(link, {});
	assert.equal(done.status, 200);
	assert.match(main(done.body), /it is now the address of your account/);
	assert.equal(userRow(id).email, next);
	assert.equal(userRow(id).verified, true);
	assert.equal((await new Client().login(next, acct.password)).status, 303);
	assert.equal((await new Client().login(acct.email, acct.password)).status, 401, 'the old address no longer logs in');
});

test('a confirmation link mailed to the old address cannot confirm a new one', async () => {
	const c = new Client(), f = fields('shopper');
	assert.equal((await c.signup(f)).status, 303);
	const oldLink = mailedLink(f.email, 'verify');
	assert.equal((await c.login(f.email, f.password)).status, 303);
	const next = uniqueEmail('other');
	assert.equal((await c.submit('/studio/account/email', { email: next, current_password: f.password },
		{ formPath: '/studio/account' })).status, 303);
	const r = await new Client().submit(oldLink, {});
	assert.equal(r.status, 200, 'it still confirms the address it was sent to');
	const id = idOf(f.email);
	assert.equal(userRow(id).email, f.email, 'and only that one');
	assert.equal(sql(`SELECT pending_email FROM users WHERE id = ${id}`)[0][0], next);
});

test('a new address another account took meanwhile is refused when confirmed, and nothing changes', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'shopper');
	const wanted = uniqueEmail('wanted');
	assert.equal((await c.submit('/studio/account/email', { email: wanted, current_password: acct.password },
		{ formPath: '/studio/account' })).status, 303);
	const link = mailedLink(wanted, 'verify');
	assert.equal((await new Client().signup(fields('shopper', { email: wanted }))).status, 303);
	const r = await new Client().submit(link, {});
	assert.equal(r.status, 409);
	assert.match(main(r.body), /Another account uses that address now/);
	assert.equal(userRow(idOf(acct.email)).email, acct.email);
});

// ---- export and delete ---------------------------------------------------------------------

test('download my data: a JSON attachment with the account, orders, leads with consent text, follows, saved, picks and earnings', async () => {
	const c = await demoClient(LENA);
	const r = await c.get('/studio/account/export.json');
	assert.equal(r.status, 200);
	assert.match(r.headers['content-type'], /^application\/json/);
	assert.match(r.headers['content-disposition'], /^attachment; filename="crowdcart-account\.json"$/);
	const data = JSON.parse(r.body);
	assert.equal(data.account.email, LENA);
	for (const key of ['orders', 'order_lines', 'leads', 'followed_creators', 'saved_products', 'picks', 'earnings'])
		assert.ok(Array.isArray(data[key]), key);
	assert.equal(data.creator_profile.handle, 'lena');
	assert.ok(data.picks.length > 0, 'lena has picks');
	assert.ok(!r.body.includes('password'), 'no credential is exported');

	const s = await demoClient('shopper@demo.crowdcart.test');
	const mine = JSON.parse((await s.get('/studio/account/export.json')).body);
	assert.ok(mine.orders.some((o) => o.number === 'D3M00000000000000002' && o.tracking_number === 'DEMO-1Z000000002'));
	assert.ok(mine.order_lines.length >= mine.orders.length);
	assert.equal(mine.creator_profile, undefined, 'a shopper has no creator part');
});

test('the export lists leads sent under the confirmed account address with the consent text agreed to, and none unconfirmed', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'shopper');
	const [[formId, brandId, consent]] = sql(`SELECT id, brand_id, consent_text FROM lead_forms WHERE slug = 'northwind-wholesale'`);
	sql(`INSERT INTO leads (form_id, brand_id, email, consent_text, consented_at, ip_hash, created_at, updated_at)
		VALUES (${formId}, ${brandId}, ${lit(acct.email)}, ${lit(consent)}, UTC_TIMESTAMP(), REPEAT('x', 32), UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
	const data = JSON.parse((await c.get('/studio/account/export.json')).body);
	assert.equal(data.leads.length, 1);
	assert.equal(data.leads[0].consent_text, consent);

	// An account that has not proved the address gets nobody's leads sent under it.
	const squatter = new Client(), victim = uniqueEmail('victim');
	sql(`INSERT INTO leads (form_id, brand_id, email, consent_text, consented_at, ip_hash, created_at, updated_at)
		VALUES (${formId}, ${brandId}, ${lit(victim)}, ${lit(consent)}, UTC_TIMESTAMP(), REPEAT('y', 32), UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
	const f = fields('shopper', { email: victim });
	assert.equal((await squatter.signup(f)).status, 303);
	assert.equal((await squatter.login(f.email, f.password)).status, 303);
	const theirs = JSON.parse((await squatter.get('/studio/account/export.json')).body);
	assert.equal(theirs.leads, undefined, 'no leads before the address is confirmed');
});

test('deleting a creator account asks the password, ends its sessions, takes the storefront away and keeps the ledger pseudonymised', async () => {
	const c = new Client(), other = new Client(), fan = new Client();
	const acct = await newAccount(c, 'creator');
	await newAccount(fan, 'shopper');
	assert.equal((await other.login(acct.email, acct.password)).status, 303);
	const id = idOf(acct.email);
	const [[creatorId, handle]] = sql(`SELECT id, handle FROM creators WHERE user_id = ${id}`);
	sql(`INSERT INTO commission_entries (creator_id, brand_id, amount, currency, kind, created_at)
		VALUES (${creatorId}, 1, 123, 'USD', 'accrual', UTC_TIMESTAMP())`);
	assert.equal((await new Client().get(`/@${handle}`)).status, 200);
	assert.equal((await fan.submit(`/studio/follow/${creatorId}`, {})).status, 303);

	const page = await c.get('/studio/account/delete');
	assert.equal(page.status, 200);
	const text = main(page.body);
	assert.match(text, /What goes/);
	assert.match(text, /What stays/);
	assert.match(text, new RegExp(`deleted creator #${creatorId}`));
	assert.match(text, /brands must keep their accounting records/);

	let r = await c.submit('/studio/account/delete', { current_password: 'wrong password, sorry' });
	assert.equal(r.status, 401);
	assert.equal(userRow(id).deleted, false);

	r = await c.submit('/studio/account/delete', { current_password: acct.password });
	assert.equal(r.status, 200);
	assert.match(main(r.body), /Your account is deleted/);
	assert.equal((await c.get('/studio')).status, 303, 'this browser is signed out');
	assert.equal((await other.get('/studio')).status, 303, 'and every other session ended');
	assert.equal((await new Client().login(acct.email, acct.password)).status, 401);

	const u = userRow(id);
	assert.equal(u.deleted, true);
	assert.equal(u.email, `deleted-${id}@deleted.invalid`);
	assert.equal(u.name, `deleted account #${id}`);
	const [[newHandle, name]] = sql(`SELECT handle, display_name FROM creators WHERE id = ${creatorId}`);
	assert.equal(name, `deleted creator #${creatorId}`);
	assert.equal(newHandle, `deleted/${creatorId}`);
	assert.equal(sql(`SELECT COUNT(*) FROM commission_entries WHERE creator_id = ${creatorId}`)[0][0], '1', 'the ledger keeps its rows');
	// Within the shop workers' cache time (cache_ttl_ms): some worker may still hold the page.
	await eventually(async () => assert.equal((await new Client().get(`/@${handle}`)).status, 404, 'the storefront is gone'));
	const smuggled = await new Client().get(`/@deleted%2F${creatorId}`);
	assert.ok([400, 404].includes(smuggled.status), `the new handle is no path either: ${smuggled.status}`);
	assert.equal((await fan.get(`/studio/follow/${creatorId}`)).status, 404, 'nobody follows a deleted creator');
	assert.match(main((await fan.get('/studio')).body), /None yet: use &quot;Follow&quot;|None yet: use "Follow"/);
});

test('deleting a shopper keeps its orders; a brand account is closed by the operator, not here', async () => {
	const c = new Client();
	const acct = await newAccount(c, 'shopper');
	const p = makeProduct({ price: 1200 });
	const { fields: place } = await reviewed(c, [[p.variantId, 1]], address(acct.email));
	assert.equal((await c.post('/checkout/place', place)).status, 303);
	const id = idOf(acct.email);
	const [[orders]] = sql(`SELECT COUNT(*) FROM orders WHERE user_id = ${id}`);
	assert.equal(orders, '1');
	assert.equal((await c.submit('/studio/account/delete', { current_password: acct.password })).status, 200);
	assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE user_id = ${id}`)[0][0], '1', 'the order keeps its row');

	const b = new Client();
	await newAccount(b, 'brand');
	const page = await b.get('/studio/account/delete');
	assert.match(main(page.body), /closed by the site's operator/);
	assert.doesNotMatch(page.body, /action="\/studio\/account\/delete"/);
	const r = await b.post('/studio/account/delete', { csrf: /name="csrf" value="([^"]+)"/.exec(page.body)[1], current_password: 'x' });
	assert.equal(r.status, 409);
});

// ---- the shopper's home --------------------------------------------------------------------

test("the shopper's studio lists their orders with status and tracking", async () => {
	const c = await demoClient('shopper@demo.crowdcart.test');
	const home = main((await c.get('/studio')).body);
	assert.match(home, /<h2 id="orders">Your orders<\/h2>/);
	assert.match(home, /<strong>D3M00000000000000002<\/strong> from Northwind Goods, [0-9-]{10}: \$53\.04, <span class="status">[^<]+<\/span>; shipped with UPS, tracking number DEMO-1Z000000002/);
	const fresh = new Client();
	await newAccount(fresh, 'shopper');
	assert.match(main((await fresh.get('/studio')).body), /No orders yet\./);
});

test("guest orders under the account's address join the shopper's home and export once the address is confirmed", async () => {
	const c = new Client();
	const acct = await newAccount(c, 'shopper', { verify: false });
	const guest = new Client(), p = makeProduct({ price: 700 });
	const { fields: place } = await reviewed(guest, [[p.variantId, 1]], address(acct.email));
	const placed = await guest.post('/checkout/place', place);
	assert.equal(placed.status, 303);
	const [number] = orderNumbers((await guest.get(placed.headers.location)).body);
	assert.match(main((await c.get('/studio')).body), /No orders yet\./, 'not before the address is proved');
	assert.equal(JSON.parse((await c.get('/studio/account/export.json')).body).guest_orders, undefined);
	await verifyEmail(new Client(), acct.email);
	assert.match(main((await c.get('/studio')).body), new RegExp(`<strong>${number}</strong> from Northwind Goods`));
	const data = JSON.parse((await c.get('/studio/account/export.json')).body);
	assert.deepEqual(data.guest_orders.map((o) => o.number), [number]);
});

test('follow a creator and save a product: the pages link to a form in the studio; anonymous visitors are sent to log in', async () => {
	const [[lenaId]] = sql(`SELECT id FROM creators WHERE handle = 'lena'`);
	const store = await new Client().get('/@lena');
	assert.match(store.body, new RegExp(`<a class="button secondary" href="/studio/follow/${lenaId}" rel="nofollow">Follow Lena Park</a>`));
	const anon = await new Client().get(`/studio/follow/${lenaId}`);
	assert.equal(anon.status, 303);
	assert.equal(anon.headers.location, `/login?next=/studio/follow/${lenaId}`);

	const c = new Client();
	await newAccount(c, 'shopper');
	let r = await c.submit(`/studio/follow/${lenaId}`, {});
	assert.equal(r.status, 303);
	assert.equal(r.headers.location, `/studio/follow/${lenaId}`);
	assert.match(main((await c.get(r.headers.location)).body), /You follow Lena Park\./);
	assert.equal((await c.submit(`/studio/follow/${lenaId}`, {})).status, 303, 'following twice is harmless');
	let home = main((await c.get('/studio')).body);
	assert.match(home, /<a href="\/@lena">Lena Park<\/a>/);

	const p = makeProduct();
	const product = await new Client().get(`/p/northwind/${p.handle}`);
	assert.match(product.body, new RegExp(`href="/studio/save/${p.productId}"`));
	r = await c.submit(`/studio/save/${p.productId}`, {});
	assert.equal(r.status, 303);
	home = main((await c.get('/studio')).body);
	assert.match(home, new RegExp(`<a href="/p/northwind/${p.handle}">${p.title}</a> by Northwind Goods`));

	r = await c.submit(`/studio/follow/${lenaId}/remove`, {}, { formPath: '/studio' });
	assert.equal(r.status, 303);
	r = await c.submit(`/studio/save/${p.productId}/remove`, {}, { formPath: '/studio' });
	assert.equal(r.status, 303);
	home = main((await c.get('/studio')).body);
	assert.doesNotMatch(home, /<a href="\/@lena">/);
	assert.match(home, /None yet: use "Save for later"|None yet: use &quot;Save for later&quot;/);
	assert.equal((await c.get('/studio/follow/999999999')).status, 404);
});
