// totp.mjs: an authenticator app for the suites: RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits) from the
// base32 key the two-step page shows, and the set-up a test account goes through.
import { createHmac } from 'node:crypto';
import { csrfOf } from './http.mjs';

export function base32Decode(text) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = 0, value = 0;
	const out = [];
	for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
		const v = alphabet.indexOf(ch);
		if (v < 0)
			throw new Error(`not base32: ${ch}`);
		value = (value << 5) | v;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

export function nowStep() {
	return Math.floor(Date.now() / 1000 / 30);
}

// The code of key (bytes) at a 30-second step.
export function codeAt(key, step, digits = 6) {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(step));
	const mac = createHmac('sha1', key).update(counter).digest();
	const off = mac[mac.length - 1] & 0x0f;
	const bin = mac.readUInt32BE(off) & 0x7fffffff;
	return String(bin % 10 ** digits).padStart(digits, '0');
}

export function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

// Sets two-step sign-in up for the account client is signed in as: the key from the page, confirmed
// with the code of the current step. Returns the key, the recovery codes and the step used.
export async function setUpTwoStep(client) {
	const start = await client.get('/studio/account/two-step');
	const begun = await client.post('/studio/account/two-step/begin', { csrf: csrfOf(start.body) });
	if (begun.status !== 303)
		throw new Error(`two-step begin answered ${begun.status}`);
	const page = await client.get('/studio/account/two-step');
	const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)?.[1];
	if (!secret)
		throw new Error('no key on the two-step page');
	const key = base32Decode(secret);
	const step = nowStep();
	const done = await client.post('/studio/account/two-step/confirm', { csrf: csrfOf(page.body), code: codeAt(key, step) });
	if (done.status !== 200)
		throw new Error(`two-step confirm answered ${done.status}`);
	const codes = [...main(done.body).matchAll(/<li><code>([a-z2-9-]+)<\/code><\/li>/g)].map((m) => m[1]);
	return { key, codes, step, secret, page: page.body, confirmed: done.body };
}

// The code form's token, from the page answered after the first factor.
export function codeToken(html) {
	return /<input type="hidden" name="token" value="([^"]*)">/.exec(html)?.[1];
}
