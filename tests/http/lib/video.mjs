// video.mjs: fixtures for the shoppable-video suites: a new creator with an approved pick of a
// throwaway product, publishing a video through the studio, and waiting for worker-aggregated
// video counters to reach the database.
import { counted } from './eventually.mjs';
import { Client, newAccount } from './http.mjs';
import { lit, makeProduct, sql } from './commerce.mjs';

// A new creator (signed in on its own client) with `count` new northwind products as approved picks.
export async function creatorWithPicks(count = 1, productOpts = {}) {
	const client = new Client();
	const account = await newAccount(client, 'creator');
	const products = [];
	for (let i = 0; i < count; i++) {
		const p = makeProduct(productOpts);
		sql(`INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)
			SELECT id, ${p.productId}, 1000, 'approved', ${i + 1}, UTC_TIMESTAMP() FROM creators WHERE handle = ${lit(account.handle)}`);
		products.push(p);
	}
	return { client, account, products };
}

// The publish and edit forms' fields: src_url, poster_url, caption and tags [[productId, start, end,
// hotspot]], the hotspot { x, y, label } or absent.
export function videoForm({ src_url = 'https://cdn.example.test/clip.mp4', poster_url = '', caption = 'A video', tags = [] }) {
	const form = { src_url, poster_url, caption };
	for (let n = 1; n <= 5; n++) {
		const t = tags[n - 1];
		form[`tag${n}_product`] = t ? String(t[0]) : '';
		form[`tag${n}_start`] = t ? String(t[1]) : '';
		form[`tag${n}_end`] = t ? String(t[2]) : '';
		form[`tag${n}_x`] = t?.[3] ? String(t[3].x) : '';
		form[`tag${n}_y`] = t?.[3] ? String(t[3].y) : '';
		form[`tag${n}_label`] = t?.[3]?.label ?? '';
	}
	return form;
}

// Posts the studio's publish form (videoForm's fields).
export async function publish(client, video) {
	const res = await client.submit('/studio/videos', videoForm(video));
	const id = /\/studio\/videos\?published=(\d+)/.exec(res.headers.location ?? '')?.[1];
	return { res, id: id && Number(id) };
}

// Counters are held in each worker and written within about two seconds (lib/eventually.mjs);
// waits until video `id`'s `column` (views, clicks, adds) reaches `want`.
export function videoCount(id, column, want, timeoutMs = 8000) {
	return counted(() => Number(sql(`SELECT COALESCE(SUM(${column}), 0) FROM video_stats WHERE video_id = ${Number(id)}`)[0][0]), want,
		{ timeout: timeoutMs });
}
