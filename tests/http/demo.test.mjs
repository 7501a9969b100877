// demo.test.mjs: a newcomer reaches every feature of the demo from the home page alone (a video
// that plays, live sessions, an ad, a lead form, a short link), the demo creators and brand have
// figures from their first sign-in, and a second `crowdcartctl demo` changes nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Client, confValue } from './lib/http.mjs';
import { ctl } from './lib/catalog_import.mjs';
import { demoClient, sql } from './lib/fulfilment.mjs';

async function get(path, status = 200) {
	const res = await new Client().get(path);
	assert.equal(res.status, status, `GET ${path}`);
	return res;
}

function main(html) {
	const m = /<main id="main">([\s\S]*)<\/main>/.exec(html);
	assert.ok(m, 'the page has a <main id="main">');
	return m[1];
}

// The hrefs of a page's <main> (or of a piece of it) that match re, in page order.
function links(html, re) {
	const part = html.includes('<main id="main">') ? main(html) : html;
	return [...part.matchAll(/href="([^"]*)"/g)].map(([, u]) => u.replaceAll('&amp;', '&')).filter((u) => re.test(u));
}

test('from the home page a newcomer reaches a shoppable video that plays, with its tagged products', async () => {
	const home = (await get('/')).body;
	assert.match(main(home), /<h2 id="video-feed-h">Shoppable videos<\/h2>/);
	// Other test files publish videos beside this one: take lena's (on a fresh demo, the only one).
	const video = [...main(home).matchAll(/<a href="(\/v\/\d+)">[\s\S]*?<\/a> <span class="muted">by Lena Park<\/span>/g)].map((m) => m[1]);
	assert.ok(video.length > 0, 'the home page links a video by lena');
	const page = main((await get(video[video.length - 1])).body);
	const src = /<video[^>]* src="([^"]+)"/.exec(page)?.[1] ?? /<source src="([^"]+)"/.exec(page)?.[1];
	assert.ok(src, 'the video page has a <video> with a source');
	const media = await get(src);
	assert.match(media.headers['content-type'], /^video\/mp4/);
	assert.ok(media.raw.length > 1000 && media.raw.subarray(4, 8).toString('latin1') === 'ftyp', 'an MP4 file');
	const tagged = links(page, /^\/v\/\d+\/p\/\d+$/);
	assert.ok(new Set(tagged).size >= 3, `three tagged products, got ${tagged}`);
});

// The live pages a page links to, fetched.
async function livePages(from) {
	const html = (await get(from)).body;
	assert.match(main(html), /<h2 id="live-list-h">Live shopping<\/h2>/, from);
	return Promise.all([...new Set(links(html, /^\/live\/\d+$/))].map(async (u) => main((await get(u)).body)));
}

test('the home page and /@lena link to a session that is coming and to a replay', async () => {
	// On the home page other test files' sessions may sit beside lena's: any of each kind will do,
	// and sessions those files left live come first (live now, then the next to start), so there
	// a live one stands in for the coming one once four are live.
	for (const from of ['/', '/@lena']) {
		const pages = await livePages(from);
		const coming = (p) => /data-state="scheduled"/.test(p) && /id="live-countdown"/.test(p) && /Remind me/.test(p);
		const live = (p) => /data-state="live"/.test(p);
		assert.ok(pages.some(coming) || (from === '/' && pages.filter(live).length >= 4),
			`${from}: a scheduled session with a countdown and a reminder`);
		assert.ok(pages.some((p) => /data-state="ended"/.test(p) && /<video id="live-replay"/.test(p)),
			`${from}: an ended session with its replay`);
	}
	const replay = (await livePages('/@lena')).find((p) => /data-state="ended"/.test(p));
	assert.ok([...replay.matchAll(/class="live-moment" data-offset="\d+"/g)].length >= 3, 'pins on the replay timeline');
	const src = /<video id="live-replay"[^>]* src="([^"]+)"/.exec(replay)[1];
	assert.match((await get(src)).headers['content-type'], /^video\/mp4/);
});

test('the home page links a collection ad with products and a signed click-out', async () => {
	const home = (await get('/')).body;
	assert.match(main(home), /<h2 id="ads-list-h">Collection ads<\/h2>/);
	const ad = links(home, /^\/ad\/[a-z0-9-]+$/);
	assert.ok(ad.includes('/ad/northwind-desk-with-lena'), `the demo ad is on the home page: ${ad}`);
	const page = main((await get('/ad/northwind-desk-with-lena')).body);
	assert.match(page, /Lena Park/, 'the ad credits lena');
	assert.ok([...page.matchAll(/<form class="ad-card-buy"/g)].length >= 3, 'a row of products to buy');
	const go = links(page, /^\/go\//);
	assert.ok(go.length > 0, 'a click-out');
	const out = await new Client().get(go[0]);
	assert.ok([302, 303].includes(out.status), `the click-out answered ${out.status}`);
	assert.match(out.headers.location, /^https:\/\/northwind\.example\//);
});

test('/@lena shows a brand lead form with its privacy link, also at its own address', async () => {
	const store = (await get('/@lena')).body;
	const forms = links(store, /^\/@lena\/f\/[a-z0-9-]+$/);
	assert.ok(forms.includes('/@lena/f/northwind-wholesale'), `the wholesale form is on /@lena: ${forms}`);
	for (const u of ['/@lena/f/northwind-wholesale', '/f/northwind-wholesale']) {
		const page = main((await get(u)).body);
		assert.match(page, /Wholesale enquiries/);
		assert.match(page, /<form[^>]* method="post"/);
		assert.ok(links(page, /^https:\/\/northwind\.example\/privacy$/).length, `${u} links the privacy notice`);
	}
});

test('/@lena offers a short link to share, and it leads back to her storefront', async () => {
	const share = links((await get('/@lena')).body, /^\/s\/[a-z2-7]{16}$/);
	assert.equal(share.length, 1, 'one short link to share');
	const res = await new Client().get(share[0]);
	assert.equal(res.status, 303);
	assert.match(res.headers.location, /\/@lena$/);
});

test("lena's studio lists her short links with their visits, and her marketplace has products to pick", async () => {
	const lena = await demoClient('lena@demo.crowdcart.test');
	const mine = (await lena.get('/studio/creator/links')).body;
	for (const code of ['lenastorefront22', 'lenasummerdemo22', 'lenadesksetupdm2', 'lenagiftsdemo222'])
		assert.ok(mine.includes(`/s/${code}`), `${code} is listed`);
	const visits = new RegExp('href="/s/lenadesksetupdm2">[^<]*</a></td><td>Collection: My Desk Setup</td><td>[^<]*</td>'
		+ '<td class="link-visits-30">(\\d+)</td><td class="link-visits">(\\d+)</td>').exec(mine);
	assert.ok(visits && +visits[1] > 0 && +visits[2] >= +visits[1], 'the desk setup link shows its visits');
	const market = (await lena.get('/studio/creator/marketplace')).body;
	assert.doesNotMatch(market, /No brand has opened products to creators yet/);
	assert.ok([...market.matchAll(/name="product_id"/g)].length >= 3, 'products that can be picked');
	for (const brand of ['Northwind Goods', 'Fernhill Outdoor', 'Atelier Lumen'])
		assert.ok(market.includes(brand), `${brand} opened products`);
});

test('one pick request waits for northwind', async () => {
	const nw = await demoClient('brand-owner@northwind.demo.crowdcart.test');
	const page = (await nw.get('/studio/brand/pick-requests')).body;
	assert.match(page, /Ergonomic Footrest/);
});

test('the demo creators and brand see figures on their dashboards from the first sign-in', async () => {
	for (const email of ['lena@demo.crowdcart.test', 'marco@demo.crowdcart.test']) {
		const page = (await (await demoClient(email)).get('/studio/creator/dashboard')).body;
		assert.ok(+/<span class="visits-total">(\d+)<\/span>/.exec(page)[1] > 0, `${email}: visits`);
		assert.match(page, /<svg/, `${email}: a chart`);
		assert.match(page, /<td class="pending">[^<]*[1-9][^<]*<\/td>/, `${email}: commission pending`);
	}
	const brand = (await (await demoClient('brand-owner@northwind.demo.crowdcart.test')).get('/studio/brand/dashboard')).body;
	assert.ok(+/<dd class="total-orders">(\d+)<\/dd>/.exec(brand)[1] > 0, 'northwind: orders through creators');
	const orders = (await (await demoClient('brand-owner@fernhill.demo.crowdcart.test')).get('/studio/orders')).body;
	assert.match(orders, /refunded/, 'fernhill has the refunded demo order');
});

// What the demo wrote. Other test files run beside this one and add rows of their own (some for
// lena and northwind), so each count is scoped to the demo's own rows: the ids its files give, or
// the demo rows they hang from. Rows with fixed keys could not be written twice anyway (the
// second INSERT would fail), so the counts that matter are those of auto-numbered rows and the
// values an UPDATE would move again (stock, passwords), and the generated clips.
function demoState() {
	const q = (text) => sql(text).map((r) => r.join(' ')).join('\n');
	const clips = ['demo-lena-desk-tour.mp4', 'demo-lena-desk-tour.jpg', 'demo-lena-live-replay.mp4']
		.map((f) => { const s = fs.statSync(path.join(confValue('media_dir'), f)); return `${f} ${s.size} ${s.mtimeMs}`; });
	return {
		migrations: q("SELECT COUNT(*) FROM schema_migrations WHERE name LIKE 'demo/%'"),
		passwords: q('SELECT GROUP_CONCAT(password_hash ORDER BY id) FROM users WHERE id <= 11'),
		stock: q('SELECT GROUP_CONCAT(stock ORDER BY id) FROM variants WHERE id IN (16, 34, 49, 59, 79)'),
		stockTotal: q('SELECT GROUP_CONCAT(stock_total ORDER BY id) FROM products WHERE id IN (7, 15, 23, 27, 36)'),
		formFields: q('SELECT COUNT(*) FROM lead_form_fields WHERE form_id = 1'),
		ledger: q('SELECT COUNT(*), SUM(amount) FROM commission_entries WHERE order_line_id <= 5'),
		events: q('SELECT COUNT(*) FROM order_events WHERE order_id <= 5'),
		showcases: q("SELECT COUNT(*) FROM showcases WHERE title IN ('Best sellers', 'Desk favourites') AND (brand_id = 1 OR creator_id = 1)"),
		marketplace: q("SELECT COUNT(*), SUM(commission_bps) FROM products WHERE id <= 63 AND marketplace = 'open'"),
		clips,
	};
}

test('running crowdcartctl demo a second time changes nothing', () => {
	const before = demoState();
	const out = ctl('demo');
	assert.doesNotMatch(out, /applied|demo video|demo poster|demo accounts/, 'nothing to load, make or set');
	assert.deepEqual(demoState(), before);
});
