// moderation.test.mjs: an admin takes down a storefront, collection, video, ad, live session or
// lead form with a reason (the public gets a neutral 410, the owner reads the reason in the
// studio) and restores it; shoppers' reports queue at /admin/moderation and are acted on or
// dismissed; a brand waiting for approval (as brand_approval = required leaves one that signs up)
// has no public catalog until an admin approves it; every admin action leaves its audit row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client, DEMO_PASSWORD, ROOT, VAR, csrfOf, unique } from './lib/http.mjs';
import { eventually } from './lib/eventually.mjs';
import { newBrand, main } from './lib/catalog.mjs';
import { newCreator } from './lib/creators.mjs';
import { lit, makeProduct, sql } from './lib/commerce.mjs';

const GONE = 'This page has been removed.';

async function admin() {
	const c = new Client();
	const res = await c.login('admin@demo.crowdcart.test', DEMO_PASSWORD);
	assert.equal(res.status, 303, 'the demo admin signs in');
	return c;
}

function one(text) {
	return sql(text)[0]?.[0];
}

// A creator with a published collection, a video and a scheduled live session, and a brand with a
// live ad and a live lead form: one of each kind, each with its public page and its owner's list.
async function fixtures() {
	const u = unique();
	const creator = await newCreator();
	const handle = creator.account.handle;
	const creatorId = Number(one(`SELECT id FROM creators WHERE handle = ${lit(handle)}`));
	const collectionId = Number(one(`INSERT INTO collections (creator_id, slug, title, description, published, position, created_at)
		VALUES (${creatorId}, 'mod-col', 'Moderated collection', '', 1, 1, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()`));
	const videoId = Number(one(`INSERT INTO videos (creator_id, src_url, caption, created_at)
		VALUES (${creatorId}, 'https://cdn.example.test/mod.mp4', 'Moderated video', UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()`));
	const liveId = Number(one(`INSERT INTO live_sessions (creator_id, title, starts_at, stream_url, created_at)
		VALUES (${creatorId}, 'Moderated live', UTC_TIMESTAMP() + INTERVAL 1 DAY, 'https://stream.example.test/mod.m3u8',
		UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()`));
	const brand = await newBrand();
	const brandId = Number(one(`SELECT id FROM brands WHERE slug = ${lit(brand.slug)}`));
	const adSlug = `mod-ad-${u}`, formSlug = `mod-form-${u}`;
	const adId = Number(one(`INSERT INTO ads (brand_id, slug, title, state, created_at, updated_at)
		VALUES (${brandId}, ${lit(adSlug)}, 'Moderated ad', 'live', UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()`));
	const formId = Number(one(`INSERT INTO lead_forms (brand_id, slug, title, intro, consent_text, thanks_text, status, created_at, updated_at)
		VALUES (${brandId}, ${lit(formSlug)}, 'Moderated form', '', 'I agree', 'Thanks', 'live', UTC_TIMESTAMP(), UTC_TIMESTAMP());
		SELECT LAST_INSERT_ID()`));
	return {
		creator, brand, handle,
		kinds: [
			{ kind: 'collection', id: collectionId, url: `/@${handle}/mod-col`, owner: creator.client, studio: '/studio/creator/collections' },
			{ kind: 'video', id: videoId, url: `/v/${videoId}`, owner: creator.client, studio: '/studio/videos' },
			{ kind: 'live', id: liveId, url: `/live/${liveId}`, owner: creator.client, studio: '/studio/live' },
			{ kind: 'ad', id: adId, url: `/ad/${adSlug}`, owner: brand.client, studio: '/studio/ads' },
			{ kind: 'form', id: formId, url: `/f/${formSlug}`, owner: brand.client, studio: '/studio/forms' },
			{ kind: 'storefront', id: creatorId, url: `/@${handle}`, owner: creator.client, studio: '/studio/creator/profile' },
		],
	};
}

const publicStatus = (url, want) => eventually(async () => {
	const res = await new Client().get(url);
	assert.equal(res.status, want, `${url}: ${main(res.body).slice(0, 200)}`);
	return res;
}, { timeout: 8000 });

function audit(kind, id) {
	return sql(`SELECT action, reason, address_prefix <> '' FROM admin_audit WHERE target_kind = ${lit(kind)} AND target_id = ${id}
		ORDER BY id`);
}

test('each kind taken down answers 410 with a neutral text, its owner reads the reason in the studio, and a restore brings it back', async () => {
	const f = await fixtures();
	const a = await admin();
	const adminId = one(`SELECT id FROM users WHERE email = 'admin@demo.crowdcart.test'`);
	for (const k of f.kinds) {
		await publicStatus(k.url, 200);
		const reason = `Breaks rule 4 (${k.kind} ${unique()}) <b>really</b>`;
		const res = await a.submit('/admin/moderation/take-down', { kind: k.kind, target: String(k.id), reason }, { formPath: '/admin/moderation' });
		assert.equal(res.status, 303, `${k.kind}: ${main(res.body).slice(0, 300)}`);
		assert.equal(res.headers.location, '/admin/moderation?done=taken_down');

		const gone = await publicStatus(k.url, 410);
		assert.ok(gone.body.includes(GONE), `${k.kind}: the neutral text`);
		assert.ok(!gone.body.includes('rule 4'), `${k.kind}: the public never reads the reason`);

		const studio = await k.owner.get(k.studio);
		assert.equal(studio.status, 200, k.studio);
		assert.ok(studio.body.includes('Taken down by the site&#39;s moderators'), `${k.kind}: the owner is told in ${k.studio}`);
		assert.ok(studio.body.includes(reason.replace('<b>', '&lt;b&gt;').replace('</b>', '&lt;/b&gt;')),
			`${k.kind}: the owner reads the reason, escaped`);

		const list = await a.get('/admin/moderation');
		assert.ok(list.body.includes(`id="down-${k.kind}-${k.id}"`), `${k.kind}: listed as down`);

		const again = await a.submit('/admin/moderation/take-down', { kind: k.kind, target: String(k.id), reason: 'twice' }, { formPath: '/admin/moderation' });
		assert.equal(again.headers.location, '/admin/moderation?done=unchanged', 'a second takedown changes nothing');

		const restored = await a.submit('/admin/moderation/restore', { kind: k.kind, target: String(k.id) }, { formPath: '/admin/moderation' });
		assert.equal(restored.status, 303);
		assert.equal(restored.headers.location, '/admin/moderation?done=restored');
		await publicStatus(k.url, 200);
		assert.ok(!(await k.owner.get(k.studio)).body.includes('Taken down by the site'), `${k.kind}: the note goes with the restore`);

		assert.deepEqual(audit(k.kind, k.id), [[`${k.kind}.take_down`, reason, '1'], [`${k.kind}.restore`, '', '1']],
			`${k.kind}: one audit row per change, none for the repeated takedown`);
		assert.deepEqual(sql(`SELECT COUNT(*) FROM admin_audit WHERE target_kind = ${lit(k.kind)} AND target_id = ${k.id}
			AND actor_user_id = ${adminId}`), [['2']]);
	}
});

test('a storefront taken down takes its collections with it', async () => {
	const f = await fixtures();
	const a = await admin();
	const store = f.kinds.find((k) => k.kind === 'storefront'), col = f.kinds.find((k) => k.kind === 'collection');
	await publicStatus(col.url, 200);
	const res = await a.submit('/admin/moderation/take-down', { kind: 'storefront', target: String(store.id), reason: 'Impersonation' },
		{ formPath: '/admin/moderation' });
	assert.equal(res.status, 303);
	await publicStatus(store.url, 410);
	await publicStatus(col.url, 410);
});

test('a take-down without a reason, of an unknown kind or number, is refused with a message and writes nothing', async () => {
	const f = await fixtures();
	const a = await admin();
	const video = f.kinds.find((k) => k.kind === 'video');
	const noReason = await a.submit('/admin/moderation/take-down', { kind: 'video', target: String(video.id), reason: '' }, { formPath: '/admin/moderation' });
	assert.equal(noReason.status, 422);
	assert.match(noReason.body, /Write the reason the owner will read/);
	const missing = await a.submit('/admin/moderation/take-down', { kind: 'video', target: '999999999', reason: 'x' }, { formPath: '/admin/moderation' });
	assert.equal(missing.status, 404);
	const badKind = await a.submit('/admin/moderation/take-down', { kind: 'user', target: '1', reason: 'x' }, { formPath: '/admin/moderation' });
	assert.equal(badKind.status, 400);
	assert.deepEqual(audit('video', video.id), []);
	await publicStatus(video.url, 200);
});

test('the moderation and brand pages and their actions are for admins only', async () => {
	const f = await fixtures();
	const anon = new Client();
	assert.equal((await anon.get('/admin/moderation')).status, 303);
	assert.equal((await anon.get('/admin/brands')).status, 303);
	for (const c of [f.creator.client, f.brand.client]) {
		assert.equal((await c.get('/admin/moderation')).status, 403);
		assert.equal((await c.get('/admin/brands')).status, 403);
		const csrf = await c.csrf('/studio');
		const video = f.kinds.find((k) => k.kind === 'video');
		const res = await c.post('/admin/moderation/take-down', { csrf, kind: 'video', target: String(video.id), reason: 'mine now' });
		assert.equal(res.status, 403);
		assert.equal((await c.post('/admin/brands/1/approve', { csrf })).status, 403);
	}
	const video = f.kinds.find((k) => k.kind === 'video');
	assert.deepEqual(audit('video', video.id), []);
});

test('a shopper reports a page: the report queues with the page linked, and taking the page down resolves it', async () => {
	const f = await fixtures();
	const video = f.kinds.find((k) => k.kind === 'video');
	const shopper = new Client();
	const page = await publicStatus(video.url, 200);
	const link = /<p class="report-link"><a href="([^"]+)"/.exec(page.body)?.[1];
	assert.equal(link, `/report/video/${video.id}`, 'the page links its report form');
	const form = await shopper.get(link);
	assert.equal(form.status, 200);
	assert.match(form.body, /Report this video/);
	const text = `Fake goods ${unique()} <script>alert(1)</script>`;

	const none = await shopper.post(link, { csrf: csrfOf(form.body), body: text });
	assert.equal(none.status, 422, 'a reason must be chosen');
	assert.match(none.body, /Choose what is wrong with the page/);
	assert.equal((await shopper.post(link, { body: text, category: 'scam' })).status, 403, 'no CSRF token, no report');

	const sent = await shopper.post(link, { csrf: csrfOf(form.body), category: 'counterfeit', body: text });
	assert.equal(sent.status, 201, main(sent.body).slice(0, 300));
	assert.match(sent.body, /Thank you/);
	const [[reportId, state, reporter]] = sql(`SELECT id, state, reporter_user_id IS NULL FROM moderation_reports
		WHERE kind = 'video' AND target_id = ${video.id}`);
	assert.equal(state, 'open');
	assert.equal(reporter, '1', 'anonymous');

	const a = await admin();
	const queue = await a.get('/admin/moderation');
	const item = new RegExp(`<li class="moderation-report" id="report-${reportId}">[\\s\\S]*?</li>`).exec(queue.body)?.[0] ?? '';
	assert.ok(item.includes('Counterfeit or unsafe products'), 'the category');
	assert.ok(item.includes(`<a href="${video.url}">`), 'the page, linked');
	assert.ok(item.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text, escaped');
	assert.ok(!queue.body.includes('<script>alert(1)'));

	const taken = await a.post('/admin/moderation/take-down', { csrf: csrfOf(queue.body), kind: 'video', target: String(video.id), reason: 'Counterfeit goods' });
	assert.equal(taken.status, 303);
	assert.deepEqual(sql(`SELECT state, resolved_by IS NOT NULL FROM moderation_reports WHERE id = ${reportId}`), [['actioned', '1']]);
	await publicStatus(video.url, 410);
	const later = await new Client().post(link, { csrf: csrfOf((await shopper.get(link)).body), category: 'spam' });
	assert.equal(later.status, 403, 'a fresh visitor without the form session has no CSRF token');
	const again = await shopper.post(link, { csrf: csrfOf((await shopper.get(link)).body), category: 'spam' });
	assert.equal(again.status, 404, 'a page taken down can no longer be reported');
});

test('an admin dismisses a report: it leaves the queue, the page stays, the audit log says who', async () => {
	const f = await fixtures();
	const form = f.kinds.find((k) => k.kind === 'form');
	const shopper = new Client();
	const link = `/report/form/${form.id}`;
	const sent = await shopper.post(link, { csrf: csrfOf((await shopper.get(link)).body), category: 'other', body: 'Not sure' });
	assert.equal(sent.status, 201);
	const reportId = one(`SELECT id FROM moderation_reports WHERE kind = 'form' AND target_id = ${form.id}`);
	const a = await admin();
	const res = await a.submit(`/admin/moderation/reports/${reportId}/dismiss`, {}, { formPath: '/admin/moderation' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/admin/moderation?done=dismissed');
	assert.equal(one(`SELECT state FROM moderation_reports WHERE id = ${reportId}`), 'dismissed');
	assert.ok(!(await a.get('/admin/moderation')).body.includes(`id="report-${reportId}"`));
	assert.deepEqual(sql(`SELECT action FROM admin_audit WHERE target_kind = 'report' AND target_id = ${reportId}`), [['report.dismiss']]);
	await publicStatus(form.url, 200);
	const twice = await a.submit(`/admin/moderation/reports/${reportId}/dismiss`, {}, { formPath: '/admin/moderation' });
	assert.equal(twice.headers.location, '/admin/moderation?done=unchanged');
});

test('reports of pages that are not there are refused, and a flood of reports from one visitor is cut off', async () => {
	const f = await fixtures();
	const shopper = new Client();
	await shopper.startSession();	// its token is good for every report form
	assert.equal((await shopper.get('/report/user/1')).status, 404, 'not a kind of page');
	const csrf = csrfOf((await shopper.get(`/report/video/999999999`)).body);
	assert.equal((await shopper.post('/report/video/999999999', { csrf, category: 'spam' })).status, 404);
	const ad = f.kinds.find((k) => k.kind === 'ad');
	const statuses = [];
	for (let i = 0; i < 7; i++)
		statuses.push((await shopper.post(`/report/ad/${ad.id}`, { csrf, category: 'spam', body: `flood ${i}` })).status);
	// The unknown page above counted too: five per session and hour.
	assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429, 429]);
	const refused = await shopper.post(`/report/ad/${ad.id}`, { csrf, category: 'spam' });
	assert.match(refused.headers['retry-after'] ?? '', /^\d+$/);
	assert.match(refused.body, /Too many reports/);
	assert.equal(one(`SELECT COUNT(*) FROM moderation_reports WHERE kind = 'ad' AND target_id = ${ad.id}`), '4');
});

test('a brand waiting for approval has no public product or feed until an admin approves it; its studio says so', async () => {
	const b = await newBrand();
	assert.equal(one(`SELECT approved FROM brands WHERE slug = ${lit(b.slug)}`), '1', 'brand_approval = open (the default): public at once');
	const p = makeProduct({ brand: b.slug });
	await publicStatus(`/p/${b.slug}/${p.handle}`, 200);
	// As brand_approval = required leaves a brand that signs up.
	sql(`UPDATE brands SET approved = 0 WHERE slug = ${lit(b.slug)}`);
	await publicStatus(`/p/${b.slug}/${p.handle}`, 404);
	await publicStatus(`/b/${b.slug}/feed.tsv`, 404);
	const home = await b.client.get('/studio');
	assert.match(home.body, /id="awaiting-approval"/);

	const a = await admin();
	const list = await a.get('/admin/brands');
	assert.equal(list.status, 200);
	const id = one(`SELECT id FROM brands WHERE slug = ${lit(b.slug)}`);
	assert.ok(list.body.includes(`id="brand-${id}"`), 'listed as waiting');
	const res = await a.post(`/admin/brands/${id}/approve`, { csrf: csrfOf(list.body) });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/admin/brands?done=approved');
	await publicStatus(`/p/${b.slug}/${p.handle}`, 200);
	assert.doesNotMatch((await b.client.get('/studio')).body, /awaiting-approval/);
	assert.deepEqual(sql(`SELECT action FROM admin_audit WHERE target_kind = 'brand' AND target_id = ${id}`), [['brand.approve']]);
	assert.ok(!(await a.get('/admin/brands')).body.includes(`id="brand-${id}"`));
	const twice = await a.post(`/admin/brands/${id}/approve`, { csrf: csrfOf(list.body) });
	assert.equal(twice.status, 404, 'nothing is waiting any more');
});

// One FastCGI request (the responder role) on a unix socket: the program's answer as text.
function fcgi(sock, method, uri, { cookie = '', body = '' } = {}) {
	const record = (type, content) => {
		const h = Buffer.alloc(8);
		h.writeUInt8(1, 0);
		h.writeUInt8(type, 1);
		h.writeUInt16BE(1, 2);
		h.writeUInt16BE(content.length, 4);
		return Buffer.concat([h, content]);
	};
	const len = (n) => (n < 128 ? Buffer.from([n]) : Buffer.from([((n >>> 24) & 0x7f) | 0x80, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]));
	const params = { REQUEST_METHOD: method, REQUEST_URI: uri, QUERY_STRING: '', REMOTE_ADDR: '127.0.0.1', SERVER_PROTOCOL: 'HTTP/1.1',
		HTTP_COOKIE: cookie, CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(Buffer.byteLength(body)) };
	const pairs = Buffer.concat(Object.entries(params).map(([k, v]) => Buffer.concat([len(Buffer.byteLength(k)), len(Buffer.byteLength(v)), Buffer.from(k), Buffer.from(v)])));
	return new Promise((resolve, reject) => {
		const c = net.connect({ path: sock });
		const chunks = [];
		c.on('data', (d) => chunks.push(d));
		c.on('error', reject);
		c.on('end', () => {
			const all = Buffer.concat(chunks), out = [];
			for (let at = 0; at + 8 <= all.length;) {
				const type = all[at + 1], n = all.readUInt16BE(at + 4), pad = all[at + 6];
				if (type === 6)
					out.push(all.subarray(at + 8, at + 8 + n));
				at += 8 + n + pad;
			}
			resolve(Buffer.concat(out).toString('utf8'));
		});
		const stdin = body ? [record(5, Buffer.from(body))] : [];
		c.end(Buffer.concat([record(1, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0])), record(4, pairs), record(4, Buffer.alloc(0)), ...stdin, record(5, Buffer.alloc(0))]));
	});
}

test('with brand_approval = required, a brand that signs up waits for approval', async () => {
	const conf = path.join(VAR, `approval-${unique()}.conf`);
	writeFileSync(conf, `${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\nbrand_approval = required\n`, { mode: 0o600 });
	const sock = path.join(VAR, `approval-${unique()}.sock`);
	const studio = spawn(path.join(ROOT, 'cgi-bin/studio.fcgi'), ['--conf', conf, '--listen', sock, '--workers', '1'],
		{ stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CROWDCART_CONF: conf } });
	let log = '';
	try {
		await new Promise((resolve, reject) => {
			studio.stderr.on('data', (c) => {
				log += c;
				if (/workers ready/.test(log))
					resolve();
			});
			studio.on('exit', (code) => reject(new Error(`studio.fcgi exited ${code}: ${log}`)));
			setTimeout(() => reject(new Error(`studio.fcgi not ready in 10 s: ${log}`)), 10000).unref();
		});
		const form = await eventually(async () => {
			const res = await fcgi(sock, 'GET', '/signup');
			assert.match(res, /^Status: 200/m);
			return res;
		});
		assert.doesNotMatch(form, /^Set-Cookie: (__Host-)?cc_session=/mi, 'reading the sign-up form starts no session');
		const u = unique(), name = `Waiting Brand ${u}`;
		const body = new URLSearchParams({ csrf: csrfOf(form), email: `brand-${u}@test.crowdcart.test`, password: `pw-${u}-long-enough`,
			display_name: `Owner ${u}`, role: 'brand', brand_name: name, handle: '' }).toString();
		const res = await fcgi(sock, 'POST', '/signup', { body });
		assert.match(res, /^Status: 303/m, res.slice(0, 400));
		assert.equal(one(`SELECT approved FROM brands WHERE name = ${lit(name)}`), '0');
	} finally {
		studio.kill('SIGTERM');
		rmSync(conf, { force: true });
		rmSync(sock, { force: true });
	}
});
