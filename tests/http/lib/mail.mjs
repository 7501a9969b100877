// mail.mjs: reading what the SMTP test server received as a mail client would: headers unfolded,
// RFC 2047 words and quoted-printable decoded, multipart/alternative split into its parts;
// and running crowdcartctl send-mail against a config of the test's own.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, VAR } from './env.mjs';

const run = promisify(execFile);

// { headers: [[name lowercased, raw value unfolded]], header(name), body } of a CRLF message.
export function parseMessage(raw) {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split), body = raw.slice(split + 4);
	const headers = [];
	for (const line of head.split('\r\n')) {
		if (/^[ \t]/.test(line))
			headers[headers.length - 1][1] += line;
		else
			headers.push([line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]);
	}
	return { headers, head, body, header: (name) => headers.find(([n]) => n === name.toLowerCase())?.[1] };
}

// Header text with its encoded words decoded (whitespace between two words dropped, RFC 2047 6.2).
export function decodeWords(value) {
	return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc, text) =>
		enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8')
			: Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

export function decodeQP(text) {
	const bytes = text.replace(/=\r?\n/g, '').replace(/\r\n/g, '\n');
	const out = [];
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === '=' && /^[0-9A-F]{2}$/.test(bytes.slice(i + 1, i + 3))) {
			out.push(parseInt(bytes.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			out.push(bytes.charCodeAt(i));
		}
	}
	return Buffer.from(out).toString('utf8');
}

// The parts of a multipart message: [{ type, encoding, raw, text }] with text decoded.
export function parts(msg) {
	const boundary = /boundary="([^"]+)"/.exec(msg.header('content-type') ?? '')?.[1];
	if (!boundary)
		throw new Error(`not multipart: ${msg.header('content-type')}`);
	const chunks = msg.body.split(`--${boundary}`);
	if (!chunks.at(-1).startsWith('--'))
		throw new Error('the closing boundary is missing');
	return chunks.slice(1, -1).map((c) => {
		const p = parseMessage(c.replace(/^\r\n/, ''));
		return { type: p.header('content-type'), encoding: p.header('content-transfer-encoding'), raw: p.body,
			text: decodeQP(p.body) };
	});
}

// A copy of the stack's config with `extra` lines appended (they win); removed with the test.
export function confWith(t, extra) {
	const dir = mkdtempSync(path.join(tmpdir(), 'cc-mail-'));
	t.after(() => rmSync(dir, { recursive: true, force: true }));
	const file = path.join(dir, 'crowdcart.conf');
	writeFileSync(file, `${readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8')}\n${extra}\n`);
	return file;
}

// Runs crowdcartctl (not blocking the loop, so the in-process SMTP server can answer it):
// { code, stdout, stderr }.
export async function ctl(conf, ...args) {
	try {
		const { stdout, stderr } = await run(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', conf, ...args],
			{ env: { ...process.env, CROWDCART_CONF: '' }, encoding: 'utf8' });
		return { code: 0, stdout, stderr };
	} catch (e) {
		if (typeof e.code !== 'number')
			throw e;
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}
