// covers.test.mjs: the picture columns uploaded like product pictures (docs/IMAGES.md): a
// storefront's cover, a collection's cover, an ad's hero and a video's poster. Each upload is
// checked by its first bytes, shows a placeholder until the worker made its renditions, then a
// <picture> with srcset, sizes, width and height, names the page's og:image, and keeps its files
// through a sweep while the column names it (a removed cover loses them). A video uploaded here may take its poster frame at a
// chosen second; choosing another makes a new poster. An address typed for one of them is fetched
// by the worker like an imported product picture and never put in a page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, it } from 'node:test';
import { eventually } from './lib/eventually.mjs';
import { Client, VAR, csrfOf, newAccount } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { sql } from './lib/catalog.mjs';
import { multipart } from './lib/catalog_import.mjs';
import { creatorWithPicks, publish } from './lib/video.mjs';
import { demoClient } from './lib/fulfilment.mjs';
import { saveAd } from './lib/ads.mjs';
import { assetStatus, images, pictureFiles, whilePending } from './lib/pictures.mjs';

usesDatabase();

const NORTHWIND = 'brand-owner@northwind.demo.crowdcart.test';
const { dir, jpeg: picture, confWith } = pictureFiles('cc-covers-');
// Each test's pictures are other pictures: a random moment of the pattern.
const jpeg = (name, w, h) => picture(name, w, h, { at: Math.random() * 1.5 });

const one = (q) => sql(q).trim();
const keyOf = (url) => /^\/media\/img\/([0-9a-f]{32})$/.exec(url)?.[1];

// Posts `data` as the `file` of the upload form at `action`, the CSRF token read from `formPath`.
async function uploadTo(client, formPath, action, data, { name = 'cover.jpg', type = 'image/jpeg' } = {}) {
	const csrf = csrfOf((await client.get(formPath)).body);
	const { body, type: ct } = multipart({ csrf }, { name, data, type });
	return client.request('POST', action, { headers: { 'content-type': ct }, body });
}

// The page's <picture class="cover"> (or the ad's hero <picture>), as markup.
const coverOf = (html) => /<picture class="cover">[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';

// The steps of a 1600 x 600 picture a page-wide slot offers (none narrower than a 360 px phone), as a WebP srcset.
const webpSet = (key, widths) => widths.map((w) => `/media/img/${key}-${w}\\.webp ${w}w`).join(', ');

function assertCover(html, key) {
	const cover = coverOf(html);
	assert.match(cover, new RegExp(`<source type="image/webp" srcset="${webpSet(key, [640, 1080, 1600])}" sizes="\\(min-width: 72rem\\) 72rem, 100vw">`));
	assert.match(cover, new RegExp(`<img class="cover-img" src="/media/img/${key}-1080\\.jpg" alt="" loading="eager" fetchpriority="high" decoding="async" width="1080" height="405">`));
	assert.match(html, new RegExp(`<meta property="og:image" content="https?://[^"/]+/media/img/${key}-og\\.jpg"`));
}

describe('covers, heroes and posters, uploaded', { concurrency: 1 }, () => {
	it('a storefront cover: refused like any picture upload, a placeholder, then a sized <picture> and the og:image; kept by the sweep', async (t) => {
		const client = new Client();
		const account = await newAccount(client, 'creator');
		const svg = await uploadTo(client, '/studio/creator/profile', '/studio/creator/profile/cover',
			Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), { name: 'c.svg', type: 'image/svg+xml' });
		assert.equal(svg.status, 415);
		assert.match(svg.body, /SVG pictures are not accepted/);
		const empty = await uploadTo(client, '/studio/creator/profile', '/studio/creator/profile/cover', Buffer.alloc(0));
		assert.equal(empty.status, 422);
		assert.equal(one(`SELECT cover_url FROM creators WHERE handle = '${account.handle}'`), '', 'nothing stored');

		const res = await uploadTo(client, '/studio/creator/profile', '/studio/creator/profile/cover', jpeg('sf.jpg', 1600, 600));
		assert.equal(res.status, 303, res.body);
		assert.equal(res.headers.location, '/studio/creator/profile?saved=1');
		const key = keyOf(one(`SELECT cover_url FROM creators WHERE handle = '${account.handle}'`));
		assert.ok(key);
		await whilePending(t, key, async () => {
			const page = (await new Client().get(`/@${account.handle}`)).body;
			const studio = (await client.get('/studio/creator/profile')).body;
			return () => {
				assert.match(coverOf(page), /<img class="cover-img" src="\/static\/img\/placeholder\.svg"[^>]* width="1200" height="400">/);
				assert.doesNotMatch(coverOf(page), /\/media\/img\//);
				assert.match(studio, /Being processed/);
			};
		});
		await images();
		await eventually(async () => assertCover((await new Client().get(`/@${account.handle}`)).body, key));
		// the studio shows its thumbnail
		assert.match((await client.get('/studio/creator/profile')).body, new RegExp(`<img class="studio-thumb" src="/media/img/${key}-160\\.jpg"`));
		// saving the profile form keeps it (the form does not carry it)
		const saved = await client.submit('/studio/creator/profile', { display_name: 'Cover Tester', bio: '', avatar_url: '',
			...Object.fromEntries([1, 2, 3, 4, 5].flatMap((n) => [[`link_label_${n}`, ''], [`link_url_${n}`, '']])) });
		assert.equal(saved.status, 303, saved.body);
		await images(confWith('image_sweep_after_seconds = 0'));
		assert.ok(existsSync(path.join(VAR, 'media', 'img', `${key}-1080.webp`)), 'a cover in use keeps its files');
		assert.equal(assetStatus(key), 'ready');
	});

	it('a collection cover: on the collection page, beside its name on the storefront, its og:image; only its creator uploads it', async () => {
		const client = new Client();
		const account = await newAccount(client, 'creator');
		const made = await client.submit('/studio/creator/collections', { title: 'Cover Shelf', description: 'Things with a cover' });
		assert.equal(made.status, 303);
		const edit = made.headers.location;
		const id = /collections\/(\d+)$/.exec(edit)[1];
		assert.equal((await client.submit(edit, { title: 'Cover Shelf', description: 'Things with a cover', published: '1' })).status, 303);
		const pic = jpeg('col.jpg', 1600, 600);
		const other = new Client();
		await newAccount(other, 'creator');
		const stranger = await uploadTo(other, '/studio/creator/profile', `/studio/creator/collections/${id}/cover`, pic);
		assert.equal(stranger.status, 404, 'another creator cannot set it');
		assert.equal(one(`SELECT cover_url FROM collections WHERE id = ${id}`), '');

		const res = await uploadTo(client, edit, `/studio/creator/collections/${id}/cover`, pic);
		assert.equal(res.status, 303, res.body);
		assert.equal(res.headers.location, edit);
		const key = keyOf(one(`SELECT cover_url FROM collections WHERE id = ${id}`));
		assert.ok(key);
		await images();
		await eventually(async () => assertCover((await new Client().get(`/@${account.handle}/cover-shelf`)).body, key));
		await eventually(async () => assert.match((await new Client().get(`/@${account.handle}`)).body, new RegExp(
			`<a href="/@${account.handle}/cover-shelf"><img class="collection-cover" src="/media/img/${key}-160\\.jpg" srcset="/media/img/${key}-160\\.jpg 160w" sizes="48px" alt="" loading="lazy" decoding="async" width="48" height="48">Cover Shelf</a>`)));
		// saving the collection's form keeps the cover
		assert.equal((await client.submit(edit, { title: 'Cover Shelf', description: 'Still', published: '1' })).status, 303);
		assert.equal(keyOf(one(`SELECT cover_url FROM collections WHERE id = ${id}`)), key);
		await images(confWith('image_sweep_after_seconds = 0'));
		assert.ok(existsSync(path.join(VAR, 'media', 'img', `${key}-640.jpg`)), 'a collection cover in use keeps its files');
		// removed (only by its creator): the page goes without it, and the sweep deletes its files
		assert.match((await client.get(edit)).body, new RegExp(`action="/studio/creator/collections/${id}/cover/remove"`));
		assert.equal((await other.submit(`/studio/creator/collections/${id}/cover/remove`, {}, { formPath: '/studio/creator/profile' })).status, 404);
		const removed = await client.submit(`/studio/creator/collections/${id}/cover/remove`, {}, { formPath: edit });
		assert.equal(removed.status, 303);
		assert.equal(one(`SELECT cover_url FROM collections WHERE id = ${id}`), '');
		await eventually(async () => assert.doesNotMatch((await new Client().get(`/@${account.handle}/cover-shelf`)).body, /<picture class="cover">/));
		await images(confWith('image_sweep_after_seconds = 0'));
		assert.ok(!existsSync(path.join(VAR, 'media', 'img', `${key}-640.jpg`)), 'a removed cover loses its files');
		assert.ok(!existsSync(path.join(VAR, 'media', 'img', `${key}-320.avif`)));
		assert.equal(one(`SELECT COUNT(*) FROM image_assets WHERE akey = '${key}'`), '0');
	});

	it('an ad hero: uploaded for a saved ad, a sized <picture> and the og:image; the ad form keeps it; kept by the sweep', async () => {
		const brand = await demoClient(NORTHWIND);
		const { products: [a] } = await creatorWithPicks(1);
		const { id, slug } = await saveAd(brand, { products: a.handle });
		assert.ok(id);
		const res = await uploadTo(brand, `/studio/ads/${id}`, `/studio/ads/${id}/hero`, jpeg('hero.jpg', 1600, 600));
		assert.equal(res.status, 303, res.body);
		assert.equal(res.headers.location, `/studio/ads/${id}?saved=1`);
		const key = keyOf(one(`SELECT image_url FROM ads WHERE id = ${id}`));
		assert.ok(key);
		await images();
		await eventually(async () => {
			const page = (await new Client().get(`/ad/${slug}`)).body;
			assert.match(page, new RegExp(`<picture><source type="image/webp" srcset="${webpSet(key, [640, 1080, 1600])}" sizes="\\(min-width: 72rem\\) 72rem, 100vw"><img class="ad-image" src="/media/img/${key}-1080\\.jpg" alt="Ad ${slug}" loading="eager" fetchpriority="high" decoding="async" width="1080" height="405"></picture>`));
			assert.match(page, new RegExp(`<meta property="og:image" content="https?://[^"/]+/media/img/${key}-og\\.jpg"`));
		});
		// the edit form carries the upload as its path, and saving it again is accepted
		const form = (await brand.get(`/studio/ads/${id}`)).body;
		assert.match(form, new RegExp(`name="image_url"[^>]* value="/media/img/${key}"`));
		assert.match(form, new RegExp(`<img class="studio-thumb" src="/media/img/${key}-160\\.jpg"`));
		assert.equal((await saveAd(brand, { slug, products: a.handle, image_url: `/media/img/${key}` }, id)).res.status, 303);
		// a creator cannot set a brand's ad's hero, through either route
		const { client: creator } = await creatorWithPicks(1);
		assert.equal((await uploadTo(creator, '/studio/creator/ads/new', `/studio/creator/ads/${id}/hero`, jpeg('x.jpg', 300, 200))).status, 404);
		await images(confWith('image_sweep_after_seconds = 0'));
		assert.ok(existsSync(path.join(VAR, 'media', 'img', `${key}-1080.jpg`)), 'an ad hero in use keeps its files');
	});

	it('an ad hero given as an address is fetched through the outbound guard, never linked: the placeholder, then our renditions and og:image', async () => {
		const served = [];
		const picture = jpeg('typed-hero.jpg', 1600, 600);
		const server = http.createServer((req, res) => {
			served.push({ url: req.url, agent: req.headers['user-agent'] });
			res.writeHead(200, { 'content-type': 'image/jpeg' });
			res.end(picture);
		});
		await new Promise((r) => server.listen(0, '127.0.0.1', r));
		try {
			const host = `127.0.0.1:${server.address().port}`;
			const url = `http://${host}/heroes/typed-${Date.now()}.jpg`;
			const brand = await demoClient(NORTHWIND);
			const { products: [a] } = await creatorWithPicks(1);
			const { res, id, slug } = await saveAd(brand, { products: a.handle, image_url: url });
			assert.equal(res.status, 303, res.body);
			assert.equal(one(`SELECT image_url FROM ads WHERE id = ${id}`), url, 'the address is kept as typed');
			// before it is fetched: the placeholder, and nothing of the picture's host in the page
			const before = (await new Client().get(`/ad/${slug}`)).body;
			assert.ok(!before.includes(host), 'no hotlink to the address in the page, og:image included');
			assert.match(before, /<img class="ad-image" src="\/static\/img\/placeholder\.svg"/);
			// waiting for the worker, or already refused by it: another file's `images --once`, with the
			// stack's default policy, may take the address on before this test's own run
			assert.match((await brand.get(`/studio/ads/${id}`)).body, /Being processed|Refused: blocked address 127\.0\.0\.1 \(loopback\)/);

			// the stack's worker (default policy) refuses a loopback address before connecting; this
			// run lets it through, as a shop whose pictures sit on its own network would
			const allowed = confWith('image_fetch_allow_private = 127.0.0.0/8');
			for (let tries = 0; served.length === 0 && tries < 5; tries++) {
				sql(`UPDATE image_fetches SET status = 'pending', attempts = 0, next_attempt_at = UTC_TIMESTAMP() WHERE url = '${url}'`);
				await images(allowed);	// take the address on, fetch, then process
			}
			await images(allowed);
			assert.equal(served.length, 1, 'fetched once');
			assert.match(served[0].agent, /^crowdcart-images\//);
			const key = one(`SELECT akey FROM image_fetches WHERE url = '${url}'`);
			assert.match(key, /^[0-9a-f]{32}$/);
			await eventually(async () => {
				const page = (await new Client().get(`/ad/${slug}`)).body;
				assert.match(page, new RegExp(`<picture><source type="image/webp" srcset="${webpSet(key, [640, 1080, 1600])}" sizes="\\(min-width: 72rem\\) 72rem, 100vw"><img class="ad-image" src="/media/img/${key}-1080\\.jpg"`));
				assert.match(page, new RegExp(`<meta property="og:image" content="https?://[^"/]+/media/img/${key}-og\\.jpg"`));
				assert.ok(!page.includes(host));
			}, { timeout: 15000 });
			assert.match((await brand.get(`/studio/ads/${id}`)).body, new RegExp(`<img class="studio-thumb" src="/media/img/${key}-160\\.jpg"`));
			// the sweep keeps the fetch and its files while the ad names the address
			await images(confWith('image_sweep_after_seconds = 0'));
			assert.equal(one(`SELECT COUNT(*) FROM image_fetches WHERE url = '${url}'`), '1');
			assert.ok(existsSync(path.join(VAR, 'media', 'img', `${key}-1080.jpg`)));
		} finally {
			server.close();
		}
	});

	it('a video poster: uploaded, or the frame at a chosen second; choosing another second makes a new poster', async () => {
		const { client, products: [p] } = await creatorWithPicks(1);
		const mp4 = path.join(dir, 'clip.mp4');
		// three seconds whose frames differ (the pattern moves), so each second is another picture
		execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:duration=3:rate=10',
			'-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', mp4]);
		const csrf = csrfOf((await client.get('/studio/videos')).body);
		const up = multipart({ csrf }, { name: 'clip.mp4', data: readFileSync(mp4), type: 'video/mp4' });
		const sent = await client.request('POST', '/studio/videos/upload', { headers: { 'content-type': up.type }, body: up.body });
		assert.equal(sent.status, 303);
		const name = /\?uploaded=([0-9a-f]{32}\.mp4)$/.exec(sent.headers.location)[1];
		const { id } = await publish(client, { src_url: `/media/${name}`, caption: 'A clip with a chosen frame', tags: [[p.productId, 0, 3]] });
		assert.ok(id);
		assert.match((await client.get('/studio/videos')).body, new RegExp(`href="/studio/videos/${id}/poster"`));
		await images();
		const first = await eventually(async () => keyOf(one(`SELECT poster_url FROM videos WHERE id = ${id}`)) ?? assert.fail('no poster yet'));

		// the frame at 2 s: the poster goes, the worker takes that frame, a new picture
		const page = `/studio/videos/${id}/poster`;
		assert.match((await client.get(page)).body, /name="second"[^>]* value="1"/);
		for (const bad of ['-1', '36001', 'two'])
			assert.equal((await client.submit(`${page}-frame`, { second: bad }, { formPath: page })).status, 422, bad);
		const chose = await client.submit(`${page}-frame`, { second: '2' }, { formPath: page });
		assert.equal(chose.status, 303);
		assert.equal(chose.headers.location, page);
		assert.equal(one(`SELECT poster_second FROM videos WHERE id = ${id}`), '2');
		await images();
		const second = await eventually(async () => keyOf(one(`SELECT poster_url FROM videos WHERE id = ${id}`)) ?? assert.fail('no poster yet'));
		assert.notEqual(second, first, 'another frame, another picture');
		await eventually(async () => assert.match((await new Client().get(`/v/${id}`)).body,
			new RegExp(`<video id="video-player"[^>]* poster="/media/img/${second}-640\\.jpg"`)));
		assert.match((await client.get(page)).body, /name="second"[^>]* value="2"/);

		// a second past the end: the studio says so
		assert.equal((await client.submit(`${page}-frame`, { second: '30' }, { formPath: page })).status, 303);
		// another file's `images --once` may hold that job when ours runs: wait for whichever takes it
		await images();
		await eventually(async () => assert.match((await client.get(page)).body, /No frame at 30 s: is the video that long\?/),
			{ timeout: 20000 });

		// an uploaded poster replaces any frame
		const res = await uploadTo(client, page, page, jpeg('poster.jpg', 1280, 720));
		assert.equal(res.status, 303, res.body);
		assert.equal(res.headers.location, page);
		const uploaded = keyOf(one(`SELECT poster_url FROM videos WHERE id = ${id}`));
		assert.ok(uploaded);
		await images();
		await eventually(async () => assert.match((await new Client().get(`/v/${id}`)).body,
			new RegExp(`poster="/media/img/${uploaded}-1080\\.jpg"`)));
		await images(confWith('image_sweep_after_seconds = 0'));
		assert.ok(existsSync(path.join(VAR, 'media', 'img', `${uploaded}-640.jpg`)), 'the poster in use keeps its files');

		// someone else's video: 404; a video linked from elsewhere has no frame to choose
		const { client: other } = await creatorWithPicks(1);
		assert.equal((await other.get(page)).status, 404);
		assert.equal((await uploadTo(other, '/studio/videos', page, jpeg('o.jpg', 300, 200))).status, 404);
		const linked = await publish(client, { src_url: 'https://cdn.example.test/clip.mp4', caption: 'Linked', tags: [[p.productId, 0, 2]] });
		const linkedPage = `/studio/videos/${linked.id}/poster`;
		assert.doesNotMatch((await client.get(linkedPage)).body, /name="second"/);
		assert.equal((await client.submit(`${linkedPage}-frame`, { second: '1' }, { formPath: linkedPage })).status, 422);
	});
});
