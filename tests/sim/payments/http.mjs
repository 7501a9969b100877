// http.mjs: what the three provider simulators share: a small router, body parsing (JSON, plain
// form and Stripe's bracket-notation form), ids, idempotent replays, the misbehaviour rules and
// the outbound webhook sender. Node's standard library only, so the test stack needs no npm.
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export const MAX_BODY = 1 << 20;

// A route pattern like '/v1/checkout/sessions/:id/expire' becomes a regex with named groups.
export class Router {
	constructor() { this.routes = []; }
	add(method, pattern, handler) {
		const re = new RegExp('^' + pattern.replace(/:(\w+)/g, '(?<$1>[^/]+)') + '$');
		this.routes.push({ method, re, handler });
	}
	match(method, path) {
		let pathMatched = false;
		for (const r of this.routes) {
			const m = r.re.exec(path);
			if (!m)
				continue;
			pathMatched = true;
			if (r.method === method)
				return { handler: r.handler, params: m.groups || {} };
		}
		return { pathMatched };
	}
}

export function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', c => {
			size += c.length;
			if (size > MAX_BODY) {
				reject(Object.assign(new Error('body too large'), { status: 413 }));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

// Stripe's encoding: a[b][0][c]=v nests; all-numeric keys make arrays. Stripe also accepts a[]=v.
export function parseBracketForm(text) {
	const root = {};
	for (const [rawKey, value] of new URLSearchParams(text)) {
		const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
		if (!m)
			continue;
		const keys = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map(x => x[1])];
		let node = root;
		for (let i = 0; i < keys.length; i++) {
			let k = keys[i];
			const last = i === keys.length - 1;
			if (k === '')
				k = String(Object.keys(node).length);
			if (last)
				node[k] = value;
			else
				node = node[k] ??= {};
		}
	}
	return arrayify(root);
}

function arrayify(v) {
	if (v === null || typeof v !== 'object')
		return v;
	const keys = Object.keys(v);
	for (const k of keys)
		v[k] = arrayify(v[k]);
	if (keys.length && keys.every(k => /^\d+$/.test(k))) {
		const arr = [];
		for (const k of keys.sort((a, b) => a - b))
			arr[Number(k)] = v[k];
		return arr;
	}
	return v;
}

export function parseJson(text) {
	if (text === '')
		return {};
	return JSON.parse(text);
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomId(prefix, length = 24, alphabet = ALNUM) {
	const bytes = crypto.randomBytes(length);
	let s = '';
	for (const b of bytes)
		s += alphabet[b % alphabet.length];
	return prefix + s;
}

export function nowSeconds() { return Math.floor(Date.now() / 1000); }

export function send(res, status, body, headers = {}) {
	const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
	const type = headers['Content-Type'] ?? (typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json');
	res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

export function redirect(res, status, location) {
	res.writeHead(status, { Location: location, 'Content-Length': 0 });
	res.end();
}

export function basicAuth(req) {
	const h = req.headers.authorization || '';
	const m = /^Basic\s+(\S+)$/i.exec(h);
	if (!m)
		return null;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	return i < 0 ? { user: decoded, password: '' } : { user: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

export function bearer(req) {
	const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
	return m ? m[1] : null;
}

export function escapeHtml(s) {
	return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// A hosted page: plain HTML, no script, one form per choice, readable on a phone.
export function hostedPage(title, lines, buttons) {
	const forms = buttons.map(b => `<form method="post" action="${escapeHtml(b.action)}">` +
		`<button type="submit" name="choice" value="${escapeHtml(b.value ?? b.label)}">${escapeHtml(b.label)}</button></form>`).join('\n');
	return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>\n` +
		`<body><h1>${escapeHtml(title)}</h1>\n${lines.map(l => `<p>${escapeHtml(l)}</p>`).join('\n')}\n${forms}\n</body></html>\n`;
}

// Idempotent replays: a key's first answer is kept with a digest of what was asked, per scope
// (provider + credentials). Server errors are not kept, as none of the providers keep them.
export class IdempotencyStore {
	constructor() { this.map = new Map(); }
	lookup(scope, key, fingerprint) {
		const hit = this.map.get(scope + '\0' + key);
		if (!hit)
			return null;
		return { ...hit, sameRequest: hit.fingerprint === fingerprint };
	}
	save(scope, key, fingerprint, status, body) {
		if (status >= 500)
			return;
		this.map.set(scope + '\0' + key, { fingerprint, status, body });
	}
}

export function fingerprint(method, path, body) {
	return crypto.createHash('sha256').update(method + ' ' + path + '\n' + body).digest('hex');
}

// Misbehaviour on demand. A rule matches calls by provider, operation and the object's tags (the
// reference and e-mail the caller sent), so tests running side by side each scope their own
// rules to their own orders. `times` limits how many calls it affects (unlimited when absent).
export class Rules {
	constructor() { this.rules = []; this.nextId = 1; }
	add(rule) {
		const r = { id: this.nextId++, provider: rule.provider, op: rule.op, match: rule.match || {},
			effect: rule.effect || {}, remaining: Number.isFinite(rule.times) ? rule.times : Infinity, hits: 0 };
		if (!Object.keys(r.match).length)
			throw Object.assign(new Error('a rule needs a match (reference, email, description or id) so it cannot disturb other tests'), { status: 400 });
		this.rules.push(r);
		return r;
	}
	remove(id) { this.rules = this.rules.filter(r => r.id !== id); }
	// The first live rule for (provider, op) whose match holds on tags; consumes one use.
	take(provider, op, tags, wanted = () => true) {
		for (const r of this.rules) {
			if (r.remaining <= 0 || (r.provider && r.provider !== provider))
				continue;
			// A rule naming no operation is for API calls, never for webhooks or hosted pages.
			if (r.op ? ![].concat(r.op).includes(op) : !API_OP.test(op))
				continue;
			if (!filterMatch(r.match, tags) || !wanted(r.effect))
				continue;
			r.remaining--;
			r.hits++;
			return r.effect;
		}
		return null;
	}
	list() { return this.rules.map(r => ({ ...r, remaining: r.remaining === Infinity ? null : r.remaining })); }
}

const API_OP = /^(?!webhook$|pay$|approve$|checkout$)/;

// Applies an API-level effect before the handler runs: slow answers, resets, silence, 5xx.
// Returns true when the request was consumed (nothing more to send).
export async function applyApiEffect(effect, req, res, errorBody) {
	if (!effect)
		return false;
	if (effect.delay_ms)
		await sleep(effect.delay_ms);
	if (effect.down === 'reset' || effect.down === true) {
		req.socket.destroy();
		return true;
	}
	if (effect.down === 'silent') {
		// Never answers: the client's own timeout must end the call. The socket closes with the server.
		return true;
	}
	if (effect.status) {
		send(res, effect.status, errorBody(effect.status));
		return true;
	}
	return false;
}

// Outbound webhooks, with a log of every delivery so tests and the storm report can read what
// the receiver acknowledged. Retries a non-2xx answer like the providers do, only faster.
export class Deliveries {
	constructor({ retries = 2, retryDelayMs = 300 } = {}) {
		this.log = [];
		this.retries = retries;
		this.retryDelayMs = retryDelayMs;
	}
	async post(url, body, headers, meta, { retries = this.retries } = {}) {
		for (let attempt = 1; ; attempt++) {
			const entry = { ...meta, url, attempt, at: new Date().toISOString(), status: null, error: null };
			this.log.push(entry);
			try {
				const r = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(10000) });
				entry.status = r.status;
				entry.response = (await r.text()).slice(0, 500);
			} catch (e) {
				entry.error = String(e.cause?.code || e.message);
			}
			if ((entry.status >= 200 && entry.status < 300) || attempt > retries)
				return entry;
			await sleep(this.retryDelayMs * attempt);
		}
	}
}

export function shuffle(arr) {
	for (let i = arr.length - 1; i > 0; i--) {
		const j = crypto.randomInt(i + 1);
		[arr[i], arr[j]] = [arr[j], arr[i]];
	}
	return arr;
}

export async function runConcurrently(tasks, concurrency) {
	const results = new Array(tasks.length);
	let next = 0;
	async function worker() {
		while (next < tasks.length) {
			const i = next++;
			results[i] = await tasks[i]();
		}
	}
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
	return results;
}

// What a rule can do to an API call itself (the rest is for webhooks, captures, refunds...).
export function isApiEffect(e) {
	return !!(e.delay_ms || e.down || e.status);
}

// A filter value is matched exactly, or as a substring when written {contains: "..."} (for a
// rule that must match before the caller knows the id or number it will be given).
export function filterMatch(filter, tags) {
	for (const [k, v] of Object.entries(filter)) {
		const have = [].concat(tags[k] ?? []);
		const hit = v && typeof v === 'object' ? have.some(h => typeof h === 'string' && h.includes(v.contains)) : have.includes(v);
		if (!hit)
			return false;
	}
	return true;
}
