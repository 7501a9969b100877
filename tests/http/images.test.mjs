// images.test.mjs: the image pipeline through the real stack. A brand uploads a product picture in
// the studio; the shop shows a placeholder until `crowdcartctl images` has made the renditions,
// then a <picture> with WebP and JPEG srcsets whose files are served as static files with a year
// of caching. Refused uploads get a 4xx with a sentence and store nothing; a picture the worker
// refuses says why in the studio. A product picture given as an address (as imports give them) is
// never put in a page: it is fetched through the outbound guard (a private address only when
// image_fetch_allow_private lets it) and shown from our own files. A picture nothing uses any more
// loses its files; an uploaded video without a poster gets one from ffmpeg. Fixtures are made at
// test time with ffmpeg.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { eventually } from './lib/eventually.mjs';
import { Client, VAR, csrfOf, newAccount } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { main, newBrand, postProduct, productForm, sql } from './lib/catalog.mjs';
import { multipart } from './lib/catalog_import.mjs';
import { creatorWithPicks, publish } from './lib/video.mjs';
import { images, pictureFiles, whilePending } from './lib/pictures.mjs';

usesDatabase();

const { dir, jpeg: picture, confWith } = pictureFiles('cc-images-');
// A test pattern's first frame: every size (or pattern) is a different picture.
const jpeg = (name, w, h, pattern) => picture(name, w, h, { pattern });

const tray = (images = []) => ({
	title: `Picture Tray ${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
	options: [], variants: [{ sku: 'PIC-1', price: '12', stock: '5' }], images,
});

// A published product of a new brand: its id, its public path and the brand's client.
async function publishedProduct(images = []) {
	const b = await newBrand();
	const res = await postProduct(b.client, '/studio/products', productForm(tray(images)));
	assert.equal(res.status, 303, main(res.body));
	const id = /^\/studio\/products\/(\d+)\?saved=1$/.exec(res.headers.location)[1];
	const st = await b.client.submit(`/studio/products/${id}/status`, { action: 'publish' }, { formPath: `/studio/products/${id}` });
	assert.equal(st.status, 303);
	const edit = (await b.client.get(`/studio/products/${id}`)).body;
	const publicPath = /<a class="public-link" href="([^"]+)"/.exec(edit)[1];
	return { ...b, id, publicPath };
}

async function upload(client, id, data, { name = 'photo.jpg', type = 'image/jpeg', alt = 'A tray on a desk' } = {}) {
	const csrf = csrfOf((await client.get(`/studio/products/${id}`)).body);
	const { body, type: ct } = multipart({ csrf, alt }, { name, data, type });
	return client.request('POST', `/studio/products/${id}/images`, { headers: { 'content-type': ct }, body });
}

// The gallery of a product page: its first slide's <picture>.
async function firstSlide(publicPath) {
	const page = await new Client().get(publicPath);
	assert.equal(page.status, 200);
	return /<figure class="gallery-slide" id="picture-1"[^>]*>([\s\S]*?)<\/figure>/.exec(page.body)?.[1] ?? '';
}

// The single value a query returns.
const one = (q) => sql(q).trim();
// The pictures uploaded by the owners of these brands (other files upload theirs meanwhile).
const assetsOf = (...slugs) => +one(`SELECT COUNT(*) FROM image_assets a JOIN brands b ON b.owner_user_id = a.owner_user_id
	WHERE b.slug IN (${slugs.map((s) => `'${s}'`).join(', ')})`);

describe('product pictures', { concurrency: 1 }, () => {
	let big;
	before(() => {
		big = jpeg('big.jpg', 1200, 800);
	});

	it('an upload shows a placeholder, then its renditions, served as static files cached for a year', async (t) => {
		const p = await publishedProduct();
		const res = await upload(p.client, p.id, big);
		assert.equal(res.status, 303, res.body);
		assert.equal(res.headers.location, `/studio/products/${p.id}?saved=1`);
		const key = one(`SELECT SUBSTRING(url, 12) FROM product_images WHERE product_id = ${p.id}`);
		assert.match(key, /^[0-9a-f]{32}$/);
		// the stack's own worker may take the picture first: what a page showed is checked only when
		// the picture was still pending after the page was read
		await whilePending(t, key, async () => {
			const slide = await firstSlide(p.publicPath);
			const studio = (await p.client.get(`/studio/products/${p.id}`)).body;
			return () => {
				assert.match(slide, /src="\/static\/img\/placeholder\.svg"/);
				assert.doesNotMatch(slide, /\/media\/img\//, 'nothing links renditions that are not there yet');
				assert.match(studio, /Being processed/);
			};
		});

		await images();
		const ready = await eventually(async () => {
			const s = await firstSlide(p.publicPath);
			assert.match(s, /<source type="image\/webp"/);
			return s;
		});
		const widths = [640, 1080, 1200];	// no step narrower than a 360 px phone's screen
		assert.match(ready, new RegExp(`srcset="${widths.map((w) => `/media/img/${key}-${w}\\.webp ${w}w`).join(', ')}"`));
		// browsers without WebP take the JPEG fallback: one srcset per picture keeps cards small
		assert.match(ready, /sizes="\(min-width: 48rem\) 36rem, 100vw"/);
		// the fallback and the intrinsic size: the 640 rendition of a 3:2 picture
		assert.match(ready, new RegExp(`<img src="/media/img/${key}-640\\.jpg" alt=`));
		assert.match(ready, /alt="A tray on a desk" loading="eager" decoding="async" width="640" height="427"/);

		for (const [file, type] of [[`${key}-640.webp`, 'image/webp'], [`${key}-1200.jpg`, 'image/jpeg'], [`${key}-og.jpg`, 'image/jpeg']]) {
			const got = await new Client().get(`/media/img/${file}`);
			assert.equal(got.status, 200, file);
			assert.equal(got.headers['content-type'], type, file);
			assert.equal(got.headers['cache-control'], 'public, max-age=31536000, immutable', file);
			assert.ok(got.raw.length > 500, file);
		}
		// the shared-link picture is 1200 x 630 (JPEG SOF0 height then width)
		const og = (await new Client().get(`/media/img/${key}-og.jpg`)).raw;
		const sof = og.indexOf(Buffer.from([0xff, 0xc2])) >= 0 ? og.indexOf(Buffer.from([0xff, 0xc2])) : og.indexOf(Buffer.from([0xff, 0xc0]));
		assert.deepEqual([og.readUInt16BE(sof + 7), og.readUInt16BE(sof + 5)], [1200, 630]);
		// and a shared link of the product shows it
		await eventually(async () => {
			const page = (await new Client().get(p.publicPath)).body;
			assert.match(page, new RegExp(`<meta property="og:image" content="https?://[^"/]+/media/img/${key}-og\\.jpg"`));
		});
		// the studio shows the thumbnail
		await eventually(async () => {
			const edit = (await p.client.get(`/studio/products/${p.id}`)).body;
			assert.match(edit, new RegExp(`<img class="studio-thumb" src="/media/img/${key}-160\\.jpg"`));
		});
	});

	it('AVIF for the steps up to 640 px: offered first where the slot needs no wider step, served as image/avif', async () => {
		const p = await publishedProduct();
		assert.equal((await upload(p.client, p.id, jpeg('avif.jpg', 1000, 500, 'rgbtestsrc'))).status, 303);
		const key = one(`SELECT SUBSTRING(url, 12) FROM product_images WHERE product_id = ${p.id}`);
		await images();
		await eventually(async () => assert.equal(one(`SELECT avif FROM image_assets WHERE akey = '${key}'`), '1'), { timeout: 20000 });
		for (const w of [160, 320, 640]) {
			const got = await new Client().get(`/media/img/${key}-${w}.avif`);
			assert.equal(got.status, 200, `${w}`);
			assert.equal(got.headers['content-type'], 'image/avif');
			assert.equal(got.headers['cache-control'], 'public, max-age=31536000, immutable');
			assert.equal(got.raw.subarray(4, 12).toString('latin1'), 'ftypavif');
		}
		assert.equal((await new Client().get(`/media/img/${key}-1000.avif`)).status, 404, 'no AVIF past 640 px');
		// a thumbnail (5rem, at most 320 px): AVIF, else the JPEG (no WebP: every browser with
		// AVIF has WebP, and one source fewer keeps a grid of cards light)
		const edit = (await p.client.get(`/studio/products/${p.id}`)).body;
		assert.match(edit, new RegExp(`<picture><source type="image/avif" srcset="/media/img/${key}-160\\.avif 160w, /media/img/${key}-320\\.avif 320w" sizes="5rem"><img class="studio-thumb"`));
		assert.doesNotMatch(edit, new RegExp(`${key}-\\d+\\.webp`));
		// the product page's main picture needs the wider steps: WebP only
		const slide = await firstSlide(p.publicPath);
		assert.match(slide, /<source type="image\/webp"/);
		assert.doesNotMatch(slide, /image\/avif/);
		// the sweep takes the AVIF files with the others
		const form = productForm({ ...tray([{ url: '' }]), title: /name="title" maxlength="255" required value="([^"]+)"/.exec(edit)[1],
			variants: [{ id: /name="v_id" value="(\d+)"/.exec(edit)[1], sku: 'PIC-1', price: '12', stock: '5' }] });
		assert.equal((await postProduct(p.client, `/studio/products/${p.id}`, form, `/studio/products/${p.id}`)).status, 303);
		await images(confWith('image_sweep_after_seconds = 0'));
		assert.ok(!existsSync(path.join(VAR, 'media', 'img', `${key}-320.avif`)), 'the AVIF files go too');
	});

	it('uploads that are not a picture we take are refused with a 4xx and a sentence, storing nothing', async () => {
		const p = await publishedProduct();
		const png30000 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
			0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 6, 0, 0, 0, 0x5d, 0x9a, 0x2a, 0x5b]);
		const cases = [
			[Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml', 415, /SVG pictures are not accepted/],
			[Buffer.from('GIF89a not one of ours'), 'image/gif', 415, /not a JPEG, PNG or WebP picture/],
			[Buffer.alloc(0), 'image/jpeg', 422, /Choose a picture to upload/],
			[png30000, 'image/png', 422, /larger than 12000 pixels on a side/],
			[Buffer.concat([big.subarray(0, 4096), Buffer.alloc((12 << 20) + 1 - 4096)]), 'image/jpeg', 413, /larger than 12 MiB/],
		];
		for (const [data, type, status, message] of cases) {
			const res = await upload(p.client, p.id, data, { type });
			assert.equal(res.status, status, `${type} ${data.length}`);
			assert.match(res.body, message);
		}
		// beyond the route's body cap the dispatcher answers before the handler
		assert.equal((await upload(p.client, p.id, Buffer.alloc((12 << 20) + 200000))).status, 413);
		// another brand's product, and a shopper
		const other = await newBrand();
		assert.equal((await upload(other.client, p.id, big).catch(() => ({ status: 404 }))).status, 404);
		assert.equal(+one(`SELECT COUNT(*) FROM brands WHERE slug IN ('${p.slug}', '${other.slug}')`), 2);
		assert.equal(assetsOf(p.slug, other.slug), 0, 'nothing stored');
		assert.equal(+one(`SELECT COUNT(*) FROM product_images WHERE product_id = ${p.id}`), 0);
	});

	it('a picture the worker cannot decode is refused, and the studio says why', async () => {
		const p = await publishedProduct();
		const cut = jpeg('cut.jpg', 900, 600, 'smptehdbars');
		assert.equal((await upload(p.client, p.id, cut.subarray(0, Math.floor(cut.length / 2)))).status, 303);
		await images();
		await eventually(async () => {
			const edit = (await p.client.get(`/studio/products/${p.id}`)).body;
			assert.match(edit, /Refused: The picture could not be read: the file is damaged or incomplete\./);
		});
		assert.match(await firstSlide(p.publicPath), /src="\/static\/img\/placeholder\.svg"/);
	});

	it('an image address is never put in a page: it is fetched through the outbound guard and shown from our files', async () => {
		const served = [];
		const lamp = jpeg('lamp.jpg', 700, 700, 'smptebars');
		const server = http.createServer((req, res) => {
			served.push({ url: req.url, agent: req.headers['user-agent'] });
			res.writeHead(200, { 'content-type': 'image/jpeg' });
			res.end(lamp);
		});
		await new Promise((r) => server.listen(0, '127.0.0.1', r));
		try {
			const port = server.address().port;
			const url = `http://127.0.0.1:${port}/cdn/lamp-${Date.now()}.jpg?v=2`;
			const p = await publishedProduct([{ url, alt: 'A lamp' }]);
			const slide = await eventually(async () => {
				const s = await firstSlide(p.publicPath);
				assert.match(s, /placeholder\.svg/);
				return s;
			});
			const page = (await new Client().get(p.publicPath)).body;
			assert.ok(!page.includes(`127.0.0.1:${port}`), 'no hotlink to the source shop in the page');
			assert.doesNotMatch(slide, /http:/);

			// with the default policy a loopback address is refused before any connection (by this
			// run or by the stack's worker, which has the same policy)
			await images();
			await eventually(() => assert.match(one(`SELECT CONCAT(status, ' ', error) FROM image_fetches WHERE url = '${url}'`),
				/^failed .*/), { timeout: 15000 });
			assert.equal(served.length, 0);

			// let through (as a shop whose supplier sits on its own network would), it is fetched once;
			// the worker, still refusing, may take the row back first: then it is offered again
			const allowed = confWith('image_fetch_allow_private = 127.0.0.0/8');
			for (let tries = 0; served.length === 0 && tries < 5; tries++) {
				sql(`UPDATE image_fetches SET status = 'pending', attempts = 0, next_attempt_at = UTC_TIMESTAMP() WHERE url = '${url}'`);
				await images(allowed);	// fetch, then process
			}
			await images(allowed);
			assert.equal(served.length, 1);
			assert.match(served[0].agent, /^crowdcart-images\//);
			const ready = await eventually(async () => {
				const s = await firstSlide(p.publicPath);
				assert.match(s, /<source type="image\/webp" srcset="\/media\/img\/[0-9a-f]{32}-640\.webp 640w, \/media\/img\/[0-9a-f]{32}-700\.webp 700w"/);
				return s;
			});
			assert.match(ready, /width="640" height="640"/);
			assert.ok(!(await new Client().get(p.publicPath)).body.includes(`127.0.0.1:${port}`));
		} finally {
			server.close();
		}
	});

	it('pictures are reordered by their positions in the editor; the first is the card\'s', async () => {
		const p = await publishedProduct();
		assert.equal((await upload(p.client, p.id, jpeg('first.jpg', 400, 300, 'testsrc'), { alt: 'first' })).status, 303);
		assert.equal((await upload(p.client, p.id, jpeg('second.jpg', 400, 300, 'smptebars'), { alt: 'second' })).status, 303);
		const order = () => one(`SELECT GROUP_CONCAT(alt ORDER BY position, id) FROM product_images WHERE product_id = ${p.id}`);
		assert.equal(order(), 'first,second');
		const edit = (await p.client.get(`/studio/products/${p.id}`)).body;
		const urls = [...edit.matchAll(/<option value="(\/media\/img\/[0-9a-f]{32})" selected>keep/g)].map((m) => m[1]);
		assert.equal(urls.length, 2);
		assert.match(edit, /name="i_pos" inputmode="numeric" maxlength="3" size="3" value="2"/);
		const form = productForm({ ...tray([{ url: urls[0], alt: 'first' }, { url: urls[1], alt: 'second' }]),
			title: /name="title" maxlength="255" required value="([^"]+)"/.exec(edit)[1],
			variants: [{ id: /name="v_id" value="(\d+)"/.exec(edit)[1], sku: 'PIC-1', price: '12', stock: '5' }] });
		form.append('i_pos', '2');
		form.append('i_pos', '1');
		assert.equal((await postProduct(p.client, `/studio/products/${p.id}`, form, `/studio/products/${p.id}`)).status, 303);
		assert.equal(order(), 'second,first');
		await eventually(async () => assert.match(await firstSlide(p.publicPath), /alt="second"/));
	});

	it('a creator uploads an avatar: a placeholder, then its renditions on the storefront; the profile keeps it', async (t) => {
		const client = new Client();
		const account = await newAccount(client, 'creator');
		const csrf = csrfOf((await client.get('/studio/creator/profile')).body);
		const svg = multipart({ csrf }, { name: 'a.svg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: 'image/svg+xml' });
		const refused = await client.request('POST', '/studio/creator/profile/avatar', { headers: { 'content-type': svg.type }, body: svg.body });
		assert.equal(refused.status, 415);
		assert.match(refused.body, /SVG pictures are not accepted/);
		const { body, type } = multipart({ csrf }, { name: 'me.jpg', data: jpeg('avatar.jpg', 500, 500, 'rgbtestsrc'), type: 'image/jpeg' });
		const res = await client.request('POST', '/studio/creator/profile/avatar', { headers: { 'content-type': type }, body });
		assert.equal(res.status, 303);
		const key = one(`SELECT SUBSTRING(avatar_url, 12) FROM creators WHERE handle = '${account.handle}'`);
		assert.match(key, /^[0-9a-f]{32}$/);
		await whilePending(t, key, async () => {
			const page = (await new Client().get(`/@${account.handle}`)).body;
			return () => assert.match(page, /<img class="avatar-lg" src="\/static\/img\/placeholder\.svg" alt=""/);
		});
		await images();
		await eventually(async () => assert.match((await new Client().get(`/@${account.handle}`)).body, new RegExp(
			`<img class="avatar-lg" src="/media/img/${key}-160\\.jpg" srcset="/media/img/${key}-160\\.jpg 160w, /media/img/${key}-320\\.jpg 320w, /media/img/${key}-500\\.jpg 500w" sizes="8\\.5rem"`)));
		// the profile form round-trips the uploaded avatar
		const form = (await client.get('/studio/creator/profile')).body;
		assert.match(form, new RegExp(`name="avatar_url" maxlength="500" value="/media/img/${key}"`));
		const saved = await client.submit('/studio/creator/profile', { display_name: 'Avatar Tester', bio: '', avatar_url: `/media/img/${key}`,
			...Object.fromEntries([1, 2, 3, 4, 5].flatMap((n) => [[`link_label_${n}`, ''], [`link_url_${n}`, '']])) });
		assert.equal(saved.status, 303, saved.body);
		// nothing sweeps a picture an avatar still uses
		await images(confWith('image_sweep_after_seconds = 0'));
		assert.ok(existsSync(path.join(VAR, 'media', 'img', `${key}-320.jpg`)));
	});

	it('an uploaded video without a poster gets one from its frame at 1 s, through the pipeline', async () => {
		const { client, products: [p] } = await creatorWithPicks(1);
		const mp4 = path.join(dir, 'clip.mp4');
		execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:duration=2:rate=10',
			'-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', mp4]);
		const csrf = csrfOf((await client.get('/studio/videos')).body);
		const up = multipart({ csrf }, { name: 'clip.mp4', data: readFileSync(mp4), type: 'video/mp4' });
		const res = await client.request('POST', '/studio/videos/upload', { headers: { 'content-type': up.type }, body: up.body });
		assert.equal(res.status, 303);
		const name = /\?uploaded=([0-9a-f]{32}\.mp4)$/.exec(res.headers.location)[1];
		const { id } = await publish(client, { src_url: `/media/${name}`, poster_url: '', caption: 'A clip without a poster',
			tags: [[p.productId, 0, 2]] });
		assert.ok(id);
		const page = await new Client().get(`/v/${id}`);
		// unless the stack's worker made the poster before the page was read
		if (one(`SELECT poster_url FROM videos WHERE id = ${id}`) === '')
			assert.doesNotMatch(page.body, /poster=/, 'no poster yet');
		// The pass takes every video due, other files' too (admin.test.mjs's has no file behind it):
		// only a complaint about this one counts. Another file's pass may hold this video's lease
		// when ours runs, which then skips it: passes until the poster is there, whoever made it.
		const key = await eventually(async () => {
			const ran = await images();
			assert.doesNotMatch(ran, new RegExp(`crowdcartctl: video ${id} `), ran);
			const made = one(`SELECT SUBSTRING(poster_url, 12) FROM videos WHERE id = ${id}`);
			assert.match(made, /^[0-9a-f]{32}$/);
			return made;
		}, { timeout: 20000, interval: 200 });
		await eventually(async () => assert.match((await new Client().get(`/v/${id}`)).body,
			new RegExp(`<video id="video-player"[^>]* poster="/media/img/${key}-640\\.jpg"`)));
		const poster = await new Client().get(`/media/img/${key}-640.jpg`);
		assert.equal(poster.status, 200);
		assert.equal(poster.headers['content-type'], 'image/jpeg');
		// a poster address its owner typed is kept, and fetched by the worker: never put in the page
		// (this one's host does not resolve, so the video shows no poster), nor made from a frame
		const typed = await publish(client, { src_url: `/media/${name}`, poster_url: 'https://cdn.example.test/p.jpg',
			caption: 'With its own poster', tags: [[p.productId, 0, 2]] });
		await images();
		const shown = (await new Client().get(`/v/${typed.id}`)).body;
		assert.ok(!shown.includes('cdn.example.test/p.jpg'), 'no hotlink, og:image included');
		assert.doesNotMatch(shown, /<video id="video-player"[^>]* poster=/);
		assert.equal(one(`SELECT poster_url FROM videos WHERE id = ${typed.id}`), 'https://cdn.example.test/p.jpg');
		assert.equal(one(`SELECT COUNT(*) FROM image_fetches WHERE url = 'https://cdn.example.test/p.jpg'`), '1');
	});

	it('a picture nothing uses any more loses its files; one still used elsewhere keeps them', async () => {
		const a = await publishedProduct();
		const b = await publishedProduct();
		const pic = jpeg('shared.jpg', 500, 400, 'rgbtestsrc');
		assert.equal((await upload(a.client, a.id, pic)).status, 303);
		assert.equal((await upload(b.client, b.id, pic)).status, 303);
		const key = one(`SELECT SUBSTRING(url, 12) FROM product_images WHERE product_id = ${a.id}`);
		const file = path.join(VAR, 'media', 'img', `${key}-320.webp`);
		// A pass takes the ten oldest pictures due, other files' first (a connector sync queues
		// thousands): pass again until this one is made.
		await eventually(async () => {
			await images();
			assert.ok(existsSync(file));
		}, { timeout: 60000, interval: 200 });
		// each account's upload counts against its quota (the video uploads' records), once
		const quota = () => +one(`SELECT COUNT(*) FROM media_uploads WHERE name LIKE 'img-${key}-%'`);
		assert.equal(quota(), 2);
		assert.equal((await upload(a.client, a.id, pic)).status, 303);	// the same bytes again
		assert.equal(quota(), 2);
		const sweep = confWith('image_sweep_after_seconds = 0');

		// a removes it (the editor's "remove"): b still shows it
		const edit = (await a.client.get(`/studio/products/${a.id}`)).body;
		assert.match(edit, new RegExp(`<option value="/media/img/${key}" selected>keep</option><option value="">remove</option>`));
		const form = productForm({ ...tray([{ url: '', alt: 'A tray on a desk' }]), title: /name="title" maxlength="255" required value="([^"]+)"/.exec(edit)[1],
			variants: [{ id: /name="v_id" value="(\d+)"/.exec(edit)[1], sku: 'PIC-1', price: '12', stock: '5' }] });
		assert.equal((await postProduct(a.client, `/studio/products/${a.id}`, form, `/studio/products/${a.id}`)).status, 303);
		assert.equal(+one(`SELECT COUNT(*) FROM product_images WHERE product_id = ${a.id}`), 0);
		await images(sweep);
		assert.ok(existsSync(file), 'b still uses it');

		// b removes it too: the files and the asset go
		const editB = (await b.client.get(`/studio/products/${b.id}`)).body;
		const formB = productForm({ ...tray([{ url: '' }]), title: /name="title" maxlength="255" required value="([^"]+)"/.exec(editB)[1],
			variants: [{ id: /name="v_id" value="(\d+)"/.exec(editB)[1], sku: 'PIC-1', price: '12', stock: '5' }] });
		assert.equal((await postProduct(b.client, `/studio/products/${b.id}`, formB, `/studio/products/${b.id}`)).status, 303);
		await eventually(async () => {
			await images(sweep);
			assert.ok(!existsSync(file), 'the renditions are deleted');
		}, { timeout: 60000, interval: 200 });
		assert.equal((await new Client().get(`/media/img/${key}-320.webp`)).status, 404);
		assert.equal(+one(`SELECT COUNT(*) FROM image_assets WHERE akey = '${key}'`), 0);
		assert.equal(quota(), 0, 'the quota records go with the files');
	});
});
