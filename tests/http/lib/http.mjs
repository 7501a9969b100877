// http.mjs: a tiny HTTP client for the suites: one cookie jar and one loopback address per simulated visitor.
// Importing it holds the database shared for this test process (see dblock.mjs).
import http from 'node:http';
import { randomBytes, randomInt } from 'node:crypto';
import { holdShared } from './dblock.mjs';
import { BASE_URL } from './env.mjs';

export { BASE_URL, ROOT, SERVER, STUDIO_LOG, VAR, confValue } from './env.mjs';
export const DEMO_PASSWORD = 'crowdcart-demo';

await holdShared();

const base = new URL(BASE_URL);

// A fresh suffix for emails and handles, so runs never collide with each other or with leftovers.
export function unique() {
	return Date.now().toString(36) + randomBytes(3).toString('hex');
}

export function uniqueEmail(tag = 't') {
	return `${tag}-${unique()}@test.crowdcart.test`;
}

// The value of the hidden csrf input on a page, or undefined.
export function csrfOf(html) {
	return /<input type="hidden" name="csrf" value="([^"]*)">/.exec(html)?.[1];
}

// Each visitor connects from its own address in 127/8: log-in throttling counts failures per
// address, and visitors sharing 127.0.0.1 would throttle each other across tests and runs.
function randomLoopback() {
	return `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
}

// The csrf of the form on a page that posts to `action` (a path), or undefined. Without a session
// each form's token is good for its own action only; with one, every form carries the session's.
export function csrfFor(html, action) {
	const at = html.indexOf(`action="${action.replace(/&/g, '&amp;')}"`);
	if (at < 0)
		return undefined;
	return csrfOf(html.slice(at, html.indexOf('</form>', at)));
}

export class Client {
	constructor({ address = randomLoopback() } = {}) {
		this.address = address;
		this.cookies = new Map();
	}

	cookie(name = 'cc_session') {
		return this.cookies.get(name);
	}

	// Sends one request on a fresh connection. `path` goes on the wire exactly as given.
	async request(method, path, opts = {}) {
		path = path.replace(/#.*$/s, '');	// as a browser: a fragment is never sent (Apache answers 400 to one)
		try {
			return await this.#send(method, path, opts);
		} catch (e) {
			if (e.code !== 'EADDRNOTAVAIL' || !this.address)
				throw e;
			this.address = undefined;	// a loopback without all of 127/8: share 127.0.0.1
			return this.#send(method, path, opts);
		}
	}

	#send(method, path, { headers = {}, body } = {}) {
		const h = { ...headers };
		if (this.cookies.size && !('cookie' in h))
			h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		if (body !== undefined && !('content-length' in h))
			h['content-length'] = Buffer.byteLength(body);
		return new Promise((resolve, reject) => {
			const req = http.request(
				{ host: base.hostname, port: base.port, method, path, headers: h, localAddress: this.address, agent: false },
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					res.on('error', reject);
					res.on('end', () => {
						const raw = Buffer.concat(chunks);
						const setCookies = res.headers['set-cookie'] ?? [];
						this.#remember(setCookies);
						resolve({ status: res.statusCode, headers: res.headers, raw, body: raw.toString('utf8'), setCookies });
					});
				},
			);
			req.setTimeout(15000, () => req.destroy(new Error(`${method} ${path}: no answer in 15 s`)));
			req.on('error', reject);
			req.end(body);
		});
	}

	#remember(setCookies) {
		for (const line of setCookies) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim(), value = pair.slice(eq + 1).trim();
			if (value === '' || attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)))
				this.cookies.delete(name);
			else
				this.cookies.set(name, value);
		}
	}

	get(path, opts) {
		return this.request('GET', path, opts);
	}

	head(path, opts) {
		return this.request('HEAD', path, opts);
	}

	// POSTs fields (an object, or an already encoded string) as application/x-www-form-urlencoded.
	post(path, fields, { headers = {} } = {}) {
		const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
		return this.request('POST', path, {
			headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
			body,
		});
	}

	// GETs a page with a form (starting a session if there is none) and returns its csrf token.
	async csrf(path) {
		const res = await this.get(path);
		if (res.status !== 200)
			throw new Error(`GET ${path}: expected 200, got ${res.status}`);
		const token = csrfOf(res.body);
		if (!token)
			throw new Error(`GET ${path}: no csrf field on the page`);
		return token;
	}

	// Starts a session as a visitor does, with the first form sent (a page read starts none): the
	// order lookup's, empty, answered 422 with nothing looked up.
	async startSession() {
		if (this.cookie())
			return;
		const started = await this.post('/orders/lookup', { csrf: await this.csrf('/orders/lookup') });
		if (!this.cookie())
			throw new Error(`the first form sent started no session (${started.status})`);
	}

	// Fills in the csrf of the form that posts to path (else the page's first) and POSTs it.
	async submit(path, fields, { formPath = path } = {}) {
		const page = await this.get(formPath);
		if (page.status !== 200)
			throw new Error(`GET ${formPath}: expected 200, got ${page.status}`);
		const csrf = csrfFor(page.body, path.split('?')[0]) ?? csrfOf(page.body);
		if (!csrf)
			throw new Error(`GET ${formPath}: no csrf field on the page`);
		return this.post(path, { csrf, ...fields });
	}

	async signup(fields) {
		return this.submit('/signup', fields);
	}

	async login(email, password, extra = {}) {
		return this.submit('/login', { email, password, ...extra });
	}
}

// Signs a new account up and returns its details; the client is then signed in as it. Sign-up signs
// nobody in and answers alike whether the address is taken, so this confirms the address by the
// mailed link (unless verify is false) and logs in, as a new user would.
export async function newAccount(client, role = 'shopper', { verify = true } = {}) {
	const u = unique();
	const account = {
		role,
		email: `${role}-${u}@test.crowdcart.test`,
		password: `pw-${u}-long-enough`,
		display_name: `Test ${role} ${u}`,
		handle: role === 'creator' ? `t${u}` : '',
		brand_name: role === 'brand' ? `Test Brand ${u}` : '',
	};
	const res = await client.signup(account);
	if (res.status !== 303)
		throw new Error(`sign-up of a ${role} answered ${res.status}, not 303`);
	if (verify)
		await verifyEmail(client, account.email);
	const login = await client.login(account.email, account.password);
	if (login.status !== 303)
		throw new Error(`log-in of the new ${role} answered ${login.status}, not 303`);
	return account;
}

// Uses the latest confirmation link mailed to email, as its owner would.
export async function verifyEmail(client, email) {
	const { mailedLink } = await import('./account_mail.mjs');
	const link = mailedLink(email, 'verify');
	if (!link)
		throw new Error(`no confirmation link was mailed to ${email}`);
	const res = await client.submit(link, {});
	if (res.status !== 200)
		throw new Error(`confirming ${email} answered ${res.status}, not 200`);
}
