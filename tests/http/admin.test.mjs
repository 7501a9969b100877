// admin.test.mjs: /admin for the admin role only: every route refused to anyone else; user search;
// suspension (sessions end, sign-in refused, storefront and catalog gone) and reinstatement; role
// changes; resending a verification link and turning off two-step sign-in for an owner locked out;
// every action in the append-only audit log, in the same transaction; the system page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { Client, ROOT, csrfOf, newAccount, unique } from './lib/http.mjs';
import { demoClient, lit, newBrand, sql } from './lib/fulfilment.mjs';
import { ctl } from './lib/catalog_import.mjs';
import { api, createKey } from './lib/catalog.mjs';
import { mailCount, mailedLink } from './lib/account_mail.mjs';
import { setUpTwoStep } from './lib/totp.mjs';
import { eventually } from './lib/eventually.mjs';

const ADMIN = 'admin@demo.crowdcart.test';

function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

function userId(email) {
	return Number(sql(`SELECT id FROM users WHERE email = ${lit(email)}`)[0][0]);
}

function auditRows(targetId) {
	return sql(`SELECT action, reason, address_prefix, actor_user_id FROM admin_audit
		WHERE target_kind = 'user' AND target_id = ${targetId} ORDER BY id`)
		.map(([action, reason, prefix, actor]) => ({ action, reason, prefix, actor: Number(actor) }));
}

// Posts one of the user page's forms, with the page's own CSRF token.
async function act(admin, id, what, fields) {
	const page = await admin.get(`/admin/users/${id}`);
	assert.equal(page.status, 200);
	return admin.post(`/admin/users/${id}/${what}`, { csrf: csrfOf(page.body), ...fields });
}

// Every /admin route of the studio's routing table, read from it so a new one is walked too; path
// parameters are ids (1 is the demo admin, or the first of anything).
const ROUTES = [...fs.readFileSync(path.join(ROOT, 'src/studio/main.c'), 'utf8')
	.matchAll(/HTTP_(GET|POST), "(\/admin(?:\/[^"]*)?)"/g)].map(([, method, p]) => ({ method, path: p.replace(/\{[a-z_]+\}/g, '1') }));
const GETS = [...ROUTES.filter((r) => r.method === 'GET').map((r) => r.path),
	'/admin/users?q=demo&role=creator&state=active&page=2', '/admin/audit?action=user.suspend&target=1'];
const POSTS = ROUTES.filter((r) => r.method === 'POST').map((r) => r.path);

test('every /admin route sends the anonymous to sign in and refuses shoppers, creators and brands', async () => {
	assert.ok(GETS.length >= 7 && POSTS.length >= 3, 'the routes were found in the table');
	const anonymous = new Client();
	for (const p of GETS) {
		const res = await anonymous.get(p);
		assert.equal(res.status, 303, p);
		assert.match(res.headers.location, /^\/login\?next=\/admin/, p);
	}
	const others = [await demoClient('shopper@demo.crowdcart.test'), await demoClient('lena@demo.crowdcart.test'),
		await demoClient('brand-owner@northwind.demo.crowdcart.test')];
	const before = Number(sql('SELECT COUNT(*) FROM admin_audit')[0][0]);
	const user1 = sql('SELECT suspended_at IS NULL, role FROM users WHERE id = 1')[0].join();
	for (const c of others) {
		const csrf = await c.csrf('/studio/account');
		for (const p of GETS)
			assert.equal((await c.get(p)).status, 403, p);
		for (const p of POSTS)
			assert.equal((await c.post(p, { csrf, reason: 'not mine to give', role: 'admin' })).status, 403, p);
	}
	assert.equal(sql('SELECT suspended_at IS NULL, role FROM users WHERE id = 1')[0].join(), user1);
	assert.equal(Number(sql('SELECT COUNT(*) FROM admin_audit')[0][0]), before, 'nothing was written');
	const admin = await demoClient(ADMIN);
	for (const p of GETS)
		assert.equal((await admin.get(p)).status, 200, p);
	const studio = await admin.get('/studio');
	assert.match(main(studio.body), /<a href="\/admin">/, 'the studio links an admin to /admin');
});

test('the admin finds accounts by part of the email or name, by role and by state, a page at a time', async () => {
	const admin = await demoClient(ADMIN);
	const c = new Client();
	const account = await newAccount(c, 'creator');
	const part = account.email.slice(0, account.email.indexOf('@')).slice(-8);
	let res = await admin.get(`/admin/users?q=${encodeURIComponent(part)}`);
	assert.equal(res.status, 200);
	assert.match(main(res.body), new RegExp(`>${account.email.replace(/[.]/g, '\\.')}</a>`));
	assert.match(main(res.body), /aria-current="page">Users</, 'the navigation marks the section');
	res = await admin.get(`/admin/users?q=${encodeURIComponent(part)}&role=brand`);
	assert.match(main(res.body), /id="no-users"/, 'not a brand');
	res = await admin.get(`/admin/users?q=${encodeURIComponent(account.display_name)}&role=creator&state=active`);
	assert.match(main(res.body), new RegExp(account.email.replace(/[.]/g, '\\.')));
	res = await admin.get('/admin/users?q=%25');
	assert.match(main(res.body), /id="no-users"/, 'a % is a literal character, not a wildcard');
	// 51 accounts written directly (sign-ups are slow): one page of 50 and one of 1.
	const batch = `page${unique()}`;
	sql(`INSERT INTO users (email, password_hash, display_name, role) SELECT CONCAT(${lit(batch)}, '-', seq, '@test.crowdcart.test'),
		'x', 'Paged', 'shopper' FROM seq_1_to_51`);
	res = await admin.get(`/admin/users?q=${batch}&role=shopper`);
	assert.equal([...main(res.body).matchAll(/<tr data-user=/g)].length, 50);
	const next = /<a href="([^"]+)" rel="next">/.exec(res.body)[1].replace(/&amp;/g, '&');
	assert.equal(next, `/admin/users?q=${batch}&role=shopper&state=&page=2`);
	res = await admin.get(next);
	assert.equal([...main(res.body).matchAll(/<tr data-user=/g)].length, 1);
	assert.doesNotMatch(res.body, /rel="next"/);
	assert.match(res.body, /rel="prev"/);
	assert.equal((await admin.get('/admin/users?role=root')).status, 400, 'an unknown role is refused');
	assert.equal((await admin.get('/admin/users?page=0')).status, 400);
	assert.equal((await admin.get('/admin/users/999999999999')).status, 404);
});

test('suspending a creator ends its sessions, refuses its sign-in and takes its storefront, videos and live sessions down; reinstating undoes it', async () => {
	const creator = new Client();
	const account = await newAccount(creator, 'creator');
	const id = userId(account.email);
	const [[video, live]] = sql(`SET @c = (SELECT id FROM creators WHERE handle = ${lit(account.handle)});
		INSERT INTO videos (creator_id, src_url, caption, created_at) VALUES (@c, '/media/x.mp4', 'Unboxing', UTC_TIMESTAMP());
		SET @v = LAST_INSERT_ID();
		INSERT INTO live_sessions (creator_id, title, starts_at, stream_url, created_at)
		  VALUES (@c, 'Desk tour', UTC_TIMESTAMP() + INTERVAL 1 DAY, 'https://stream.example/x.m3u8', UTC_TIMESTAMP());
		SELECT @v, LAST_INSERT_ID();`);
	const pages = [`/@${account.handle}`, `/v/${video}`, `/live/${live}`];
	for (const p of pages)
		assert.equal((await new Client().get(p)).status, 200, p);
	const admin = await demoClient(ADMIN);

	let res = await act(admin, id, 'suspend', { reason: '  ' });
	assert.equal(res.status, 422, 'a reason is required');
	assert.match(main(res.body), /Say why the account is suspended/);
	assert.deepEqual(auditRows(id), [], 'a refused action writes nothing');

	res = await act(admin, id, 'suspend', { reason: 'Sold counterfeit <b>goods</b>' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/admin/users/${id}?done=suspended`);
	const page = await admin.get(res.headers.location);
	assert.match(main(page.body), /id="user-state">suspended since [0-9-]+ [0-9:]+ UTC: Sold counterfeit &lt;b&gt;goods&lt;\/b&gt;</);
	assert.match(main(page.body), /id="user-sessions">0</);

	assert.equal((await creator.get('/studio')).status, 303, 'the creator was signed out');
	res = await new Client().login(account.email, account.password);
	assert.equal(res.status, 403);
	assert.match(main(res.body), /This account is suspended\./);
	res = await new Client().login(account.email, 'a wrong password here');
	assert.equal(res.status, 401, 'a wrong password learns nothing of the suspension');
	const byMail = new Client();
	await byMail.submit('/login/link', { email: account.email });
	const link = mailedLink(account.email, 'link');
	assert.ok(link, 'the link is mailed as to anyone (the answer says nothing of the account)');
	const open = await byMail.get(link);
	res = await byMail.post(link, { csrf: csrfOf(open.body) });
	assert.equal(res.status, 410, 'the emailed link does not sign it in');
	assert.equal((await byMail.get('/studio')).status, 303);
	for (const p of pages)
		await eventually(async () => assert.equal((await new Client().get(p)).status, 404, p));
	const gone = await new Client().get(`/@${account.handle}`);
	assert.doesNotMatch(gone.body, /suspend/i, 'the public page does not say why');

	const [[prefix]] = sql(`SELECT address_prefix FROM admin_audit WHERE target_id = ${id}`);
	assert.match(prefix, /^127\.\d+\.\d+\.0\/24$/, 'the network, not the address');
	assert.deepEqual(auditRows(id), [{ action: 'user.suspend', reason: 'Sold counterfeit <b>goods</b>', prefix, actor: userId(ADMIN) }]);

	res = await act(admin, id, 'suspend', { reason: 'again' });
	assert.equal(res.headers.location, `/admin/users/${id}?done=unchanged`, 'suspending twice changes nothing');
	assert.equal(auditRows(id).length, 1);

	res = await act(admin, id, 'reinstate', { reason: 'Appeal upheld' });
	assert.equal(res.headers.location, `/admin/users/${id}?done=reinstated`);
	assert.equal((await new Client().login(account.email, account.password)).status, 303, 'signs in again');
	for (const p of pages)
		await eventually(async () => assert.equal((await new Client().get(p)).status, 200, p));
	assert.deepEqual(auditRows(id).map((r) => `${r.action}: ${r.reason}`),
		['user.suspend: Sold counterfeit <b>goods</b>', 'user.reinstate: Appeal upheld']);
});

test('suspending a brand takes its products and feed out of the shop and stops its API keys', async () => {
	const b = await newBrand();
	const { key } = await createKey(b.client);
	assert.equal((await api('GET', '/api/v1/products', { key })).status, 200);
	const [[slug, handle]] = sql(`SELECT b.slug, p.handle FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id = ${b.productId}`);
	const product = `/p/${slug}/${handle}`;
	assert.equal((await new Client().get(product)).status, 200);
	const feed = `/b/${slug}/feed.tsv`;
	assert.equal((await new Client().get(feed)).status, 200);
	const admin = await demoClient(ADMIN);
	const id = userId(b.account.email);
	assert.equal((await act(admin, id, 'suspend', { reason: 'Chargebacks' })).status, 303);
	await eventually(async () => assert.equal((await new Client().get(product)).status, 404));
	assert.equal((await new Client().get(feed)).status, 404);
	assert.equal((await b.client.get('/studio/products')).status, 303, 'the brand was signed out');
	assert.equal((await api('GET', '/api/v1/products', { key })).status, 401, 'its API key is refused');
	assert.equal((await act(admin, id, 'reinstate', { reason: 'Settled' })).status, 303);
	await eventually(async () => assert.equal((await new Client().get(product)).status, 200));
	assert.equal((await api('GET', '/api/v1/products', { key })).status, 200, 'the key works again');
});

test('the admin changes a role, with the change in the audit log; not their own', async () => {
	const c = new Client();
	const account = await newAccount(c, 'shopper');
	const id = userId(account.email);
	const admin = await demoClient(ADMIN);
	let res = await act(admin, id, 'role', { role: 'creator', reason: 'Asked by mail' });
	assert.equal(res.headers.location, `/admin/users/${id}?done=role`);
	assert.equal(sql(`SELECT role FROM users WHERE id = ${id}`)[0][0], 'creator');
	assert.match(main((await admin.get(`/admin/users/${id}`)).body), /id="user-role">creator</);
	assert.deepEqual(auditRows(id).map((r) => `${r.action}: ${r.reason}`), ['user.change_role: shopper to creator: Asked by mail']);
	res = await act(admin, id, 'role', { role: 'superuser' });
	assert.equal(res.status, 400, 'an unknown role is refused');
	const self = userId(ADMIN);
	res = await act(admin, self, 'role', { role: 'shopper' });
	assert.equal(res.status, 403);
	res = await act(admin, self, 'suspend', { reason: 'oops' });
	assert.equal(res.status, 403);
	assert.equal(sql(`SELECT role, suspended_at IS NULL FROM users WHERE id = ${self}`)[0].join(), 'admin,1');
});

test('the demo holds one suspended account, in the audit log by the demo admin', async () => {
	const admin = await demoClient(ADMIN);
	let res = await admin.get('/admin/users?state=suspended&q=spam-reviews');
	assert.match(main(res.body), /spam-reviews@demo\.crowdcart\.test<\/a><\/td><td>Quick Deals 4U<\/td><td>shopper<\/td><td>suspended<\/td>/);
	res = await admin.get('/admin/audit?action=user.suspend&actor=admin%40demo.crowdcart.test&from=2024-04-03&to=2024-04-03');
	assert.match(main(res.body), /Posted the same link in every live chat \(demo data\)<\/td><td>203\.0\.113\.0\/24<\/td>/);
	res = await admin.get('/admin');
	const suspended = Number(/id="figure-suspended"><a href="[^"]+">(\d+)</.exec(res.body)[1]);
	assert.ok(suspended >= 1, 'the home page counts it');
	assert.equal((await new Client().login('spam-reviews@demo.crowdcart.test', 'crowdcart-demo')).status, 403);
});

test('the audit log lists the actions with filters, and the programs can only append to it', async () => {
	const c = new Client();
	const account = await newAccount(c, 'shopper');
	const id = userId(account.email);
	const admin = await demoClient(ADMIN);
	await act(admin, id, 'suspend', { reason: 'Spam reviews' });
	let res = await admin.get(`/admin/audit?kind=user&target=${id}`);
	assert.equal(res.status, 200);
	const rows = [...main(res.body).matchAll(/<tr data-entry="\d+"><td>[^<]+<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td><a href="\/admin\/users\/(\d+)">user #\d+<\/a><\/td><td>([^<]*)<\/td>/g)];
	assert.deepEqual(rows.map((m) => [m[1], m[2], Number(m[3]), m[4]]), [[ADMIN, 'user.suspend', id, 'Spam reviews']]);
	res = await admin.get(`/admin/audit?action=user.reinstate&target=${id}`);
	assert.match(main(res.body), /id="no-entries"/);
	res = await admin.get(`/admin/audit?actor=${encodeURIComponent(ADMIN)}&action=user.suspend`);
	assert.match(main(res.body), new RegExp(`/admin/users/${id}"`));
	const today = new Date().toISOString().slice(0, 10);
	res = await admin.get(`/admin/audit?from=${today}&to=${today}&target=${id}&kind=user`);
	assert.match(main(res.body), /Spam reviews/);
	res = await admin.get(`/admin/audit?to=2000-01-01&target=${id}&kind=user`);
	assert.match(main(res.body), /id="no-entries"/);
	assert.equal((await admin.get('/admin/audit?from=yesterday')).status, 400);

	const grants = sql(`SHOW GRANTS FOR 'cc_studio'@'127.0.0.1'`).map((r) => r[0]).filter((g) => /`admin_audit`/.test(g));
	assert.deepEqual(grants, ["GRANT SELECT, INSERT ON `crowdcart`.`admin_audit` TO `cc_studio`@`127.0.0.1`"]);
	const shop = sql(`SHOW GRANTS FOR 'cc_shop'@'127.0.0.1'`).map((r) => r[0]).filter((g) => /`admin_audit`/.test(g));
	assert.deepEqual(shop, []);
});

test('the system page shows the version, the migrations, the queues, the worker and the database', async () => {
	const admin = await demoClient(ADMIN);
	ctl('worker', '--once');
	sql(`INSERT INTO outbox (to_addr, subject, body_text, status, attempts, last_error, created_at)
		VALUES ('gone@test.crowdcart.test', 'Given up', 'x', 'dead', 5, '550 no such user', UTC_TIMESTAMP())`);
	const res = await admin.get('/admin/system');
	assert.equal(res.status, 200);
	const body = main(res.body);
	const version = fs.readFileSync(path.join(ROOT, 'VERSION'), 'utf8').trim();
	assert.match(body, new RegExp(`id="system-version">crowdcart ${version.replace(/\./g, '\\.')}`));
	const shipped = fs.readdirSync(path.join(ROOT, 'sql')).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
	assert.match(body, new RegExp(`Current: ${shipped.length} applied, the last ${shipped.at(-1)};\\s*this build ships ${shipped.length}, the last ${shipped.at(-1)}\\.`));
	// Other test files queue and send mail meanwhile: the figures are read as numbers, and the
	// given-up count (which only grows) holds at least the dead letter made above.
	const queue = /<tr id="queue-outbox"><td>Mail \(outbox\)<\/td><td>(\d+)<\/td><td>[^<]+<\/td><td>(\d+)<\/td>/.exec(body);
	assert.ok(queue, 'the outbox row shows waiting and given-up counts');
	assert.ok(Number(queue[2]) >= 1, 'the dead letter is counted as given up');
	assert.match(body, /id="outbox-dead">Mail given up on \(dead letters\): <code>crowdcartctl mail --dead<\/code>/);
	assert.match(body, /<tr id="queue-webhooks"><td>Lead webhooks<\/td><td>\d+<\/td>/);
	assert.match(body, /<tr class="worker-row"><td>[^<]+<\/td><td>[0-9-]+ [0-9:]+<\/td><td>\d+ s<\/td><td>\d+ s<\/td><td>\d+<\/td><td>\d+<\/td><td>ok<\/td><\/tr>/,
		'the worker pass just run');
	assert.match(body, /id="system-database">Reachable: a single node/);
});

test('the user page shows whether the address is verified; resending a link mails it and is audited', async () => {
	const c = new Client();
	const account = await newAccount(c, 'shopper');
	const id = userId(account.email);
	sql(`UPDATE users SET email_verified_at = NULL WHERE id = ${id}`);
	const admin = await demoClient(ADMIN);
	let page = main((await admin.get(`/admin/users/${id}`)).body);
	assert.match(page, /id="user-verified">no</);
	assert.match(page, /action="\/admin\/users\/\d+\/resend-verification"/);
	const before = mailCount(account.email, 'Confirm your crowdcart email address');
	const noCsrf = await admin.post(`/admin/users/${id}/resend-verification`, {});
	assert.equal(noCsrf.status, 403, 'a POST without the CSRF token is refused');
	let res = await act(admin, id, 'resend-verification', {});
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/admin/users/${id}?done=verification`);
	assert.equal(mailCount(account.email, 'Confirm your crowdcart email address'), before + 1);
	assert.deepEqual(auditRows(id).map((r) => r.action), ['user.resend_verification']);
	// the mailed link proves the address, and the page then says so with the date
	const link = mailedLink(account.email, 'verify');
	const open = await c.get(link);
	assert.equal((await c.post(link, { csrf: csrfOf(open.body) })).status, 200);
	page = main((await admin.get(`/admin/users/${id}`)).body);
	assert.match(page, /id="user-verified">yes \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)</);
	assert.doesNotMatch(page, /resend-verification/, 'nothing to resend once verified');
	res = await act(admin, id, 'resend-verification', {});
	assert.equal(res.headers.location, `/admin/users/${id}?done=unchanged`);
	assert.equal(auditRows(id).length, 1, 'nothing done, nothing logged');
});

test('the admin turns off two-step sign-in for an owner who lost it: with a reason, audited, the owner mailed', async () => {
	const owner = new Client();
	const account = await newAccount(owner, 'brand');
	const id = userId(account.email);
	const admin = await demoClient(ADMIN);
	assert.match(main((await admin.get(`/admin/users/${id}`)).body), /id="user-two-step">off</);
	await setUpTwoStep(owner);
	let page = main((await admin.get(`/admin/users/${id}`)).body);
	assert.match(page, /id="user-two-step">on</);
	assert.match(page, /action="\/admin\/users\/\d+\/two-step-off"/);
	const step = await new Client().login(account.email, account.password);
	assert.equal(step.status, 200, 'the password alone no longer signs in: the code form');

	let res = await act(admin, id, 'two-step-off', { reason: '' });
	assert.equal(res.status, 422);
	assert.equal(auditRows(id).length, 0);
	res = await act(admin, id, 'two-step-off', { reason: 'Called in, answered the recovery questions' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/admin/users/${id}?done=two_step_off`);
	assert.deepEqual(auditRows(id).map((r) => [r.action, r.reason]),
		[['user.two_step_off', 'Called in, answered the recovery questions']]);
	assert.equal(Number(sql(`SELECT COUNT(*) FROM account_totp WHERE user_id = ${id}`)[0][0]), 0);
	assert.equal(Number(sql(`SELECT COUNT(*) FROM account_recovery_codes WHERE user_id = ${id}`)[0][0]), 0);
	assert.equal(mailCount(account.email, 'Two-step sign-in was turned off for your account'), 1, 'the owner is told');
	assert.equal((await new Client().login(account.email, account.password)).status, 303, 'the password signs in again');
	page = main((await admin.get(`/admin/users/${id}`)).body);
	assert.match(page, /id="user-two-step">off</);
	assert.doesNotMatch(page, /two-step-off"/);
});
