// env.mjs: where the stack under test is, from the variables tests/run.sh exports (defaults: the t-http stack).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8370').replace(/\/+$/, '');
export const SERVER = process.env.SERVER ?? 'lighttpd';
export const ROOT = process.env.ROOT ?? fileURLToPath(new URL('../../..', import.meta.url));
export const VAR = path.resolve(ROOT, process.env.VAR ?? 'var');
// Where the studio program's stderr goes behind the server under test: lighttpd's FastCGI log, or
// the studio.log of the daemon Apache reaches.
export const STUDIO_LOG = path.join(VAR, 'log', SERVER === 'apache' ? 'studio.log' : 'lighttpd-fcgi.log');

// A setting of the stack under test, from $VAR/crowdcart.conf ("key = value" lines). A missing file
// or key throws, naming both: a test that needs a setting fails, it never skips.
export function confValue(key) {
	const file = path.join(VAR, 'crowdcart.conf');
	let text;
	try {
		text = readFileSync(file, 'utf8');
	} catch (e) {
		throw new Error(`cannot read the stack's config ${file} (${e.code}): set VAR to the stack under test (tests/run.sh uses var/test)`);
	}
	const m = new RegExp(`^${key}\\s*=\\s*(.*?)\\s*$`, 'm').exec(text);
	if (!m)
		throw new Error(`${key} is not set in ${file} (scripts/db.sh writes it when it sets a stack up)`);
	return m[1];
}
