// fcgi.mjs: one of our programs started on a config of a test's own and spoken to over FastCGI on a
// unix socket, with no web server between: for what the stack's programs, started on the stack's
// config, cannot show (a setting left out, another log format).
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT, VAR, unique } from './http.mjs';

const running = new Set();
process.on('exit', () => {
	for (const p of running)
		p.kill('SIGTERM');
});

// Starts cgi-bin/<program>.fcgi with one worker on confText (written 0600 beside the stack's
// state); resolves once its workers are ready. stderr() is what it logged so far; stop() ends it.
export function startProgram(confText, { program = 'shop', name = program } = {}) {
	const base = path.join(VAR, `${name}-${unique()}`);
	const conf = `${base}.conf`, sock = `${base}.sock`;
	writeFileSync(conf, confText, { mode: 0o600 });
	const proc = spawn(path.join(ROOT, `cgi-bin/${program}.fcgi`), ['--conf', conf, '--listen', sock, '--workers', '1'],
		{ stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH } });
	running.add(proc);
	let log = '';
	proc.stderr.on('data', (c) => { log += c; });
	const stop = () => {
		running.delete(proc);
		if (proc.exitCode === null)
			proc.kill('SIGTERM');
		rmSync(conf, { force: true });
		rmSync(sock, { force: true });
	};
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${program}.fcgi not ready in 10 s: ${log}`)), 10_000);
		const ready = () => {
			if (!/workers ready/.test(log))
				return;
			clearTimeout(timer);
			proc.stderr.off('data', ready);
			resolve({ sock, conf, stderr: () => log, stop });
		};
		proc.stderr.on('data', ready);
		proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${program}.fcgi exited ${code}: ${log}`)); });
	});
}

function record(type, body = Buffer.alloc(0)) {
	const h = Buffer.from([1, type, 0, 1, body.length >> 8, body.length & 255, 0, 0]);
	return Buffer.concat([h, body]);
}

// A stream's content as records of at most 65535 bytes each, then the empty one that ends it.
function stream(type, data) {
	const out = [];
	for (let at = 0; at < data.length; at += 65535)
		out.push(record(type, data.subarray(at, at + 65535)));
	out.push(record(type));
	return out;
}

function nameValue(k, v) {
	const len = (n) => (n < 128 ? Buffer.from([n]) : Buffer.from([(n >>> 24) | 128, (n >> 16) & 255, (n >> 8) & 255, n & 255]));
	return Buffer.concat([len(Buffer.byteLength(k)), len(Buffer.byteLength(v)), Buffer.from(k), Buffer.from(v)]);
}

// One request in the responder role. params are CGI variables (HTTP_* for headers) over the
// defaults below; resolves with the program's stdout as text (bytes: a Buffer) once it ends the request.
export function fcgiRaw(sock, { method = 'GET', uri, params = {}, body = '', bytes = false }) {
	const [p, q = ''] = uri.split('?');
	const data = Buffer.from(body);
	const all = {
		REQUEST_METHOD: method, REQUEST_URI: uri, SCRIPT_NAME: '', PATH_INFO: p, QUERY_STRING: q,
		SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.1', HTTP_HOST: '127.0.0.1',
		...(data.length ? { CONTENT_LENGTH: String(data.length) } : {}), ...params,
	};
	const pairs = Buffer.concat(Object.entries(all).map(([k, v]) => nameValue(k, v)));
	return new Promise((resolve, reject) => {
		const s = net.connect(sock);
		const chunks = [];
		s.setTimeout(10_000, () => s.destroy(new Error(`no answer to ${method} ${uri} in 10 s`)));
		s.on('data', (d) => chunks.push(d));
		s.on('error', reject);
		s.on('close', () => {
			const got = Buffer.concat(chunks), out = [];
			for (let at = 0; at + 8 <= got.length;) {
				const type = got[at + 1], n = got.readUInt16BE(at + 4), pad = got[at + 6];
				if (type === 6)
					out.push(got.subarray(at + 8, at + 8 + n));
				at += 8 + n + pad;
			}
			resolve(bytes ? Buffer.concat(out) : Buffer.concat(out).toString('utf8'));
		});
		s.end(Buffer.concat([record(1, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0])),
			...stream(4, pairs), ...stream(5, data)]));
	});
}

// The answer as { status, headers (lower-case names; set-cookie a list), body }.
export function parseAnswer(raw) {
	const cut = raw.indexOf('\r\n\r\n');
	const head = cut < 0 ? raw : raw.slice(0, cut), body = cut < 0 ? '' : raw.slice(cut + 4);
	const headers = { 'set-cookie': [] };
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon <= 0)
			continue;
		const k = line.slice(0, colon).toLowerCase(), v = line.slice(colon + 1).trim();
		if (k === 'set-cookie')
			headers[k].push(v);
		else
			headers[k] = v;
	}
	return { status: Number(/^\d+/.exec(headers.status ?? '200')[0]), headers, body };
}

// A browser of one program: keeps the cookies it is given and sends them back.
export class FcgiClient {
	constructor(sock, params = {}) {
		this.sock = sock;
		this.params = params;
		this.cookies = new Map();
	}

	async request(method, uri, { params = {}, body = '' } = {}) {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = parseAnswer(await fcgiRaw(this.sock, {
			method, uri, body, params: { ...this.params, ...(cookie ? { HTTP_COOKIE: cookie } : {}), ...params },
		}));
		for (const c of res.headers['set-cookie']) {
			const [, k, v] = /^([^=;\s]+)=([^;]*)/.exec(c) ?? [];
			if (!k)
				continue;
			if (v === '' || /;\s*max-age=0\b/i.test(c))
				this.cookies.delete(k);
			else
				this.cookies.set(k, v);
		}
		return res;
	}

	get(uri, params) {
		return this.request('GET', uri, { params });
	}

	post(uri, form, params) {
		return this.request('POST', uri, {
			body: new URLSearchParams(form).toString(),
			params: { CONTENT_TYPE: 'application/x-www-form-urlencoded', ...params },
		});
	}
}
