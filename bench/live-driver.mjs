// live-driver.mjs: the load generator of bench/live.sh. VIEWERS viewers poll
// /live/{id}/events?after=SEQ every second at a fixed rate, each with its own cursor and keep-alive
// connection, starting spread over the first second; POSTERS viewer sessions (enough that none
// exceeds the rate limit) take turns asking QPS questions per second through the real form. Each
// event a viewer receives is timed from its server timestamp ("at", UTC ms from MariaDB on this
// host) to its arrival; a gap in a viewer's seqs counts as a missed event, any non-200 poll or
// refused question as an error. CHAT messages a second come from chatter sessions in turn (each
// at most one a second, the chat's floor), REACT reactions a second from the same sessions, and
// every viewer posts the page's heartbeat every 20 s (its session starts with the first one).
// Usage: node live-driver.mjs BASE_URL SESSION SECS VIEWERS QPS CHAT REACT
import http from 'node:http';

const [base, session, secsArg = '30', viewersArg = '300', qpsArg = '5', chatArg = '0', reactArg = '0'] = process.argv.slice(2);
const url = new URL(base);
const SECS = Number(secsArg), VIEWERS = Number(viewersArg), QPS = Number(qpsArg), CHAT = Number(chatArg), REACT = Number(reactArg);
// One question per 10 s and 5 a minute per viewer: with P posters in turn, each asks every P/QPS s.
const POSTERS = Math.ceil(QPS * 16);
// One chat message a second per viewer at most: chatters take turns, each posting every 8 s
// (every 8 s: under load a request can wait seconds for a worker, and two of one chatter's
// messages reaching the database closer than 1 s apart would be refused by the floor)
const CHATTERS = Math.ceil(CHAT * 8);
const HEARTBEAT_MS = 20000;
const agent = new http.Agent({ keepAlive: true, maxSockets: VIEWERS + POSTERS + CHATTERS + 50 });
const run = Date.now().toString(36);

// A keep-alive connection the server closed just as it was reused fails before any answer; like a
// browser, that request is sent once more on a new connection (counted as "retried", not an error).
let retried = 0;
async function request(method, p, cookie, body) {
	try {
		return await send(method, p, cookie, body);
	} catch (e) {
		if (!e.reused)
			throw e;
		retried++;
		return send(method, p, cookie, body, false);
	}
}

function send(method, p, cookie, body, via = agent) {
	const headers = { cookie: cookie ?? '' };
	if (body !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		headers['content-length'] = Buffer.byteLength(body);
	}
	return new Promise((resolve, reject) => {
		const req = http.request({ host: url.hostname, port: url.port, method, path: p, headers, agent: via }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
			res.on('error', reject);
		});
		req.setTimeout(10000, () => req.destroy(new Error('no answer in 10 s')));
		req.on('error', (e) => {
			e.reused = req.reusedSocket && (e.code === 'ECONNRESET' || e.message === 'socket hang up');
			reject(e);
		});
		req.end(body);
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stats = { polls: 0, pollErrors: 0, asks: 0, askErrors: 0, missed: 0, resets: 0, delays: [], pollMs: [], askMs: [],
	skipped: 0, chats: 0, chatErrors: 0, chatMs: [], reacts: 0, reactErrors: 0, reactMs: [], beats: 0, beatErrors: 0, viewersSeen: 0 };
const errorKinds = {};
function error(kind) {
	errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
}

async function prepareposter(i) {
	// A page read starts no session; the first form sent does (the order lookup's, empty: a 422).
	const lookup = await request('GET', '/orders/lookup');
	const started = await request('POST', '/orders/lookup', '',
		new URLSearchParams({ csrf: /name="csrf" value="([^"]+)"/.exec(lookup.body)[1] }).toString());
	const cookie = started.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
	const page = await request('GET', `/live/${session}`, cookie);
	if (page.status !== 200)
		throw new Error(`GET /live/${session}: ${page.status}`);
	const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)[1];
	return { cookie, csrf, name: `Bench ${run} ${i}` };
}

// The heartbeat a viewer's page posts: with the page's anonymous token the first one starts the
// viewer's session (its cookie is kept for the next ones).
async function heartbeats(csrf, stopAt) {
	let cookie = '';
	await sleep(Math.random() * HEARTBEAT_MS);
	while (Date.now() < stopAt) {
		const started = Date.now();
		try {
			const res = await request('POST', `/live/${session}/here`, cookie, new URLSearchParams({ csrf }).toString());
			stats.beats++;
			if (res.headers['set-cookie'])
				cookie = res.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
			if (res.status !== 204) {
				stats.beatErrors++;
				error(`heartbeat ${res.status}`);
			}
		} catch (e) {
			stats.beatErrors++;
			error(`heartbeat ${e.message}`);
		}
		await sleep(Math.max(0, started + HEARTBEAT_MS - Date.now()));
	}
}

async function viewer(startSeq, stopAt, anonCsrf) {
	let seq = startSeq;
	const beating = CHAT || REACT ? heartbeats(anonCsrf, stopAt) : null;
	await sleep(Math.random() * 1000);
	while (Date.now() < stopAt) {
		const started = Date.now();
		try {
			const res = await request('GET', `/live/${session}/events?after=${seq}`);
			stats.polls++;
			stats.pollMs.push(Date.now() - started);
			if (res.status !== 200) {
				stats.pollErrors++;
				error(`poll ${res.status}`);
			} else {
				const data = JSON.parse(res.body);
				const now = Date.now();
				if (data.reset)
					stats.resets++;
				for (const e of data.events) {
					if (e.seq <= seq)
						continue;
					stats.missed += e.seq - seq - 1;
					seq = e.seq;
					stats.delays.push(now - e.at);
				}
				// A cursor ahead of the last event received skips events without a gap to see.
				if (data.seq > seq && !data.reset)	/* a reset (counted above) skips by design */
					stats.skipped += data.seq - seq;
				seq = Math.max(seq, data.seq);
				stats.viewersSeen = Math.max(stats.viewersSeen, data.now?.viewers ?? 0);
			}
		} catch (e) {
			stats.pollErrors++;
			error(`poll ${e.message}`);
		}
		await sleep(Math.max(0, started + 1000 - Date.now()));
	}
	await beating;
}

// Posts `rate` forms a second to `path` from `who` in turn; `fields(k, p)` is the form, `ok` the
// status expected.
async function steady(rate, who, path, fields, ok, kind, stopAt) {
	if (!rate)
		return;
	const gap = 1000 / rate;
	const t0 = Date.now();
	const inflight = [];
	for (let k = 0; t0 + k * gap < stopAt; k++) {
		await sleep(Math.max(0, t0 + k * gap - Date.now()));
		const p = who[k % who.length];
		const body = new URLSearchParams({ csrf: p.csrf, ...fields(k, p) }).toString();
		inflight.push((async () => {
			const started = Date.now();
			try {
				const res = await request('POST', path, p.cookie, body);
				stats[`${kind}s`]++;
				stats[`${kind}Ms`].push(Date.now() - started);
				if (res.status !== ok) {
					stats[`${kind}Errors`]++;
					error(`${kind} ${res.status}`);
				}
			} catch (e) {
				stats[`${kind}Errors`]++;
				error(`${kind} ${e.message}`);
			}
		})());
	}
	await Promise.all(inflight);
}

async function poster(posters, stopAt) {
	const gap = 1000 / QPS;
	const t0 = Date.now();
	const inflight = [];
	for (let k = 0; t0 + k * gap < stopAt; k++) {
		await sleep(Math.max(0, t0 + k * gap - Date.now()));
		const p = posters[k % posters.length];
		const body = new URLSearchParams({ csrf: p.csrf, name: p.name, text: `Question ${k} from ${p.name}: what size is it?` }).toString();
		inflight.push((async () => {
			const started = Date.now();
			try {
				const res = await request('POST', `/live/${session}/ask`, p.cookie, body);
				stats.asks++;
				stats.askMs.push(Date.now() - started);
				if (res.status !== 303) {
					stats.askErrors++;
					error(`ask ${res.status}`);
				}
			} catch (e) {
				stats.askErrors++;
				error(`ask ${e.message}`);
			}
		})());
	}
	await Promise.all(inflight);
}

function pct(list, p) {
	const s = [...list].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN;
}

const posters = [];
for (let i = 0; i < POSTERS + CHATTERS; i += 20)
	posters.push(...await Promise.all(Array.from({ length: Math.min(20, POSTERS + CHATTERS - i) }, (_, k) => prepareposter(i + k))));
const chatters = posters.splice(POSTERS);
// The page as a proxy would cache it: its anonymous token is what viewers' heartbeats carry.
const anonCsrf = /data-csrf="([^"]+)"/.exec((await request('GET', `/live/${session}`)).body)?.[1] ?? '';
const first = JSON.parse((await request('GET', `/live/${session}/events?after=0`)).body);
const stopAt = Date.now() + SECS * 1000;
const EMOJI = ['heart', 'fire', 'clap', 'laugh', 'wow'];
await Promise.all([
	...Array.from({ length: VIEWERS }, () => viewer(first.seq, stopAt + 1500, anonCsrf)),
	QPS ? poster(posters, stopAt) : null,
	steady(CHAT, chatters, `/live/${session}/chat`, (k, p) => ({ name: p.name, text: `Chat ${k}: love the walnut one` }), 303, 'chat', stopAt),
	steady(REACT, chatters, `/live/${session}/react`, (k) => ({ emoji: EMOJI[k % EMOJI.length], js: '1' }), 204, 'react', stopAt),
]);
const last = JSON.parse((await request('GET', `/live/${session}/events?after=0`)).body);
const events = last.seq - first.seq;
const errors = stats.pollErrors + stats.askErrors + stats.missed + stats.skipped + stats.resets + stats.chatErrors + stats.reactErrors + stats.beatErrors;
console.log(`events: ${events} (questions asked: ${stats.asks}, chat messages: ${stats.chats}), deliveries: ${stats.delays.length} (expected ${events * VIEWERS})`);
console.log(`requests: ${stats.polls} polls (${(stats.polls / SECS).toFixed(0)}/s over the ${SECS} s, p50 ${pct(stats.pollMs, 0.5)} ms, p99 ${pct(stats.pollMs, 0.99)} ms) + ${stats.asks} questions (p50 ${pct(stats.askMs, 0.5)} ms, p99 ${pct(stats.askMs, 0.99)} ms)`);
console.log(`  + ${stats.chats} chat (${(stats.chats / SECS).toFixed(1)}/s, p50 ${pct(stats.chatMs, 0.5)} ms, p99 ${pct(stats.chatMs, 0.99)} ms) + ${stats.reacts} reactions (${(stats.reacts / SECS).toFixed(0)}/s, p50 ${pct(stats.reactMs, 0.5)} ms, p99 ${pct(stats.reactMs, 0.99)} ms) + ${stats.beats} heartbeats; viewer count seen: ${stats.viewersSeen}`);
console.log(`delay event -> viewer: p50 ${pct(stats.delays, 0.5)} ms, p99 ${pct(stats.delays, 0.99)} ms, max ${stats.delays.reduce((m, d) => Math.max(m, d), 0)} ms`);
console.log(`errors: ${errors} (poll ${stats.pollErrors}, ask ${stats.askErrors}, chat ${stats.chatErrors}, reaction ${stats.reactErrors}, heartbeat ${stats.beatErrors}, missed events ${stats.missed}, skipped by the cursor ${stats.skipped}, resets ${stats.resets}; requests retried on a closed keep-alive connection: ${retried})${Object.keys(errorKinds).length ? ` ${JSON.stringify(errorKinds)}` : ''}`);
agent.destroy();
process.exitCode = errors === 0 && pct(stats.delays, 0.99) < 2000 ? 0 : 1;
