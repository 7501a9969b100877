// live.mjs: fixtures for the live shopping suites: a creator with picks scheduling a session
// through the studio form, the panel's buttons, viewers with their own sessions, and the events
// poll (answered from a 250 ms per-worker cache, so readers wait for what they expect).
import { until } from './eventually.mjs';
import { Client, csrfOf, unique } from './http.mjs';
import { creatorWithPicks } from './video.mjs';

export { creatorWithPicks };

// A start time a day ahead, as <input type="datetime-local"> sends it (UTC).
export function tomorrow() {
	return new Date(Date.now() + 86400_000).toISOString().slice(0, 16);
}

// Schedules a session on the creator's client; returns { res, id }.
export async function schedule(client, { title = `Live ${unique()}`, starts_at = tomorrow(), stream_url = 'https://stream.example.test/live.m3u8',
	replay_url = 'https://stream.example.test/replay.mp4', blocked_words = '', products = [] } = {}) {
	const body = new URLSearchParams({ title, starts_at, stream_url, replay_url, blocked_words });
	for (const p of products)
		body.append('product', String(p));
	body.set('csrf', await client.csrf('/studio/live'));
	const res = await client.post('/studio/live', body.toString());
	const id = /^\/studio\/live\/(\d+)$/.exec(res.headers.location ?? '')?.[1];
	return { res, id: id && Number(id), title };
}

// One creator with two picks shared by this process's tests: each test schedules its own session,
// and signing up (an Argon2id hash) a creator per test made a loaded machine time out.
let shared;
export function sharedCreator() {
	shared ??= creatorWithPicks(2);
	return shared;
}

// A scheduled session of the shared creator with both picks as the lineup: { creator, products, id, title }.
export async function liveSession(opts = {}) {
	const { client, account, products } = await sharedCreator();
	const { res, id, title } = await schedule(client, { products: products.map((p) => p.productId), ...opts });
	if (res.status !== 303)
		throw new Error(`scheduling answered ${res.status}: ${res.body.slice(0, 300)}`);
	return { creator: client, account, products, id, title };
}

// POSTs a control-panel form of session `id` (path after /studio/live/{id}/).
export async function panel(client, id, action, fields = {}) {
	const csrf = await client.csrf(`/studio/live/${id}`);
	return client.post(`/studio/live/${id}/${action}`, { csrf, ...fields });
}

export const goLive = (client, id) => panel(client, id, 'state', { to: 'live' });
export const end = (client, id) => panel(client, id, 'state', { to: 'ended' });
export const pin = (client, id, product) => panel(client, id, 'pin', { product: String(product) });

// A viewer: a client with a session of its own (a page read starts none) that has opened the page
// and kept its csrf token.
export async function viewer(id) {
	const client = new Client();
	await client.startSession();
	const page = await client.get(`/live/${id}`);
	client.csrfToken = csrfOf(page.body);
	return client;
}

export async function ask(client, id, text, name = `Viewer ${unique()}`) {
	return client.post(`/live/${id}/ask`, { csrf: client.csrfToken, text, name });
}

export async function vote(client, id, q) {
	return client.post(`/live/${id}/questions/${q}/vote`, { csrf: client.csrfToken });
}

// The question id a successful ask redirected to.
export function questionId(res) {
	return Number(/#q-(\d+)$/.exec(res.headers.location ?? '')?.[1]);
}

export async function events(client, id, after = 0) {
	const res = await client.get(`/live/${id}/events?after=${after}`);
	return { res, data: res.status === 200 ? JSON.parse(res.body) : null };
}

// Polls the events until `ok(data)` holds (the per-worker cache may be up to 250 ms old); returns
// the last data seen, held or not, for the caller's assertion to report.
export async function eventsUntil(client, id, ok, { after = 0, timeoutMs = 3000 } = {}) {
	return until(async () => (await events(client, id, after)).data, (data) => data && ok(data), { timeout: timeoutMs, interval: 100 });
}
