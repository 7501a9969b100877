// helpers.mjs: for the simulator's own tests: a simulator on a free port, a webhook receiver
// that records what it was sent, and form encoding in Stripe's bracket notation.
import http from 'node:http';
import { readBody } from './http.mjs';
import { configFrom, startSim } from './server.mjs';

export async function receiver(answer = () => 200) {
	const got = [];
	const server = http.createServer(async (req, res) => {
		const body = await readBody(req);
		const entry = { method: req.method, url: req.url, headers: req.headers, body };
		got.push(entry);
		const status = await answer(entry);
		res.writeHead(status, { 'Content-Type': 'text/plain' });
		res.end('ok');
	});
	await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
	return { got, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise(r => { server.closeAllConnections(); server.close(r); }) };
}

export async function sim(flags = []) {
	return startSim(configFrom(['--port', '0', ...flags], {}));
}

export function form(obj, prefix = '', out = new URLSearchParams()) {
	for (const [k, v] of Object.entries(obj)) {
		const key = prefix ? `${prefix}[${k}]` : k;
		if (v !== null && typeof v === 'object')
			form(v, key, out);
		else if (v !== undefined)
			out.append(key, String(v));
	}
	return out;
}

export const STRIPE_KEY = 'sk_test_simulator0000000000000000';
export const stripeAuth = { Authorization: 'Basic ' + Buffer.from(STRIPE_KEY + ':').toString('base64') };

export async function stripePost(base, path, params, headers = {}) {
	const r = await fetch(base + path, { method: 'POST', body: form(params),
		headers: { ...stripeAuth, 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
	return { status: r.status, headers: r.headers, body: await r.json() };
}

export async function getJson(url, headers = {}) {
	const r = await fetch(url, { headers });
	return { status: r.status, body: await r.json() };
}
