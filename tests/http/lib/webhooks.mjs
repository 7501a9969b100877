// webhooks.mjs: fixtures for the https/SSRF webhook suite: a throwaway CA and certificates made
// with the openssl CLI, signature-checking receivers (http or https) with scripted answers, a
// copy of the conf pointing webhook_ca_file at the test CA, and crowdcartctl worker runs with it.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROOT, VAR, unique } from './http.mjs';

const openssl = (dir, ...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

// A CA, a server certificate it signed for 127.0.0.1 and localhost, and a self-signed "rogue"
// certificate for the same names that no configured CA vouches for. Files under $VAR.
export function makeTls() {
	const dir = path.join(VAR, `webhook-tls-${unique()}`);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	openssl(dir, 'req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=crowdcart test CA',
		'-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
	openssl(dir, 'req', ...EC, '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=localhost');
	writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
	openssl(dir, 'x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'srv.pem',
		'-days', '2', '-extfile', 'ext.cnf');
	openssl(dir, 'req', '-x509', ...EC, '-keyout', 'rogue.key', '-out', 'rogue.pem', '-days', '2', '-subj', '/CN=localhost',
		'-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
	const read = (f) => readFileSync(path.join(dir, f));
	return {
		dir, ca: path.join(dir, 'ca.pem'),
		trusted: { key: read('srv.key'), cert: read('srv.pem') },
		rogue: { key: read('rogue.key'), cert: read('rogue.pem') },
		remove: () => rmSync(dir, { recursive: true, force: true }),
	};
}

// A copy of the stack's conf with webhook_ca_file set (and webhook_allow_private replaced if given).
export function workerConf(tls, { allow } = {}) {
	let text = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8');
	if (allow !== undefined)
		text = text.replace(/^webhook_allow_private = .*$/m, '') + `webhook_allow_private = ${allow}\n`;
	const file = path.join(tls.dir, `worker-${unique()}.conf`);
	writeFileSync(file, `${text}webhook_ca_file = ${tls.ca}\n`, { mode: 0o600 });
	return file;
}

// Asynchronous, so a receiver served by this same process can answer while it runs.
export async function worker(conf) {
	const { stdout } = await promisify(execFile)(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', conf, 'worker', '--once'],
		{ encoding: 'utf8' });
	return stdout;
}

// A CRM receiver: records each request with whether its signature checks out against secret(),
// and answers with answers[i] (the last one repeats): a status, or [status, headers].
export function receiver({ secret = () => '', answers = [204], tls } = {}) {
	const got = [];
	const handler = (req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const want = 'sha256=' + createHmac('sha256', secret()).update(`${req.headers['x-crowdcart-timestamp']}.${body}`).digest('hex');
			const sig = req.headers['x-crowdcart-signature'] ?? '';
			got.push({ valid: sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want)), body, headers: req.headers });
			const a = answers[Math.min(got.length, answers.length) - 1];
			const [status, headers] = Array.isArray(a) ? a : [a, {}];
			res.writeHead(status, headers);
			res.end('ok');
		});
	};
	const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
	const tlsErrors = [];
	server.on('tlsClientError', (e) => tlsErrors.push(e.message));
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
		resolve({ server, got, tlsErrors, port: server.address().port, close: () => server.close() })));
}

// `crowdcartctl worker --once` delivers every brand's due webhooks, so two test files running it
// side by side would each claim (lease) the other's deliveries. Tests that run the worker hold
// this lock (a directory, made atomically) while they do; a holder that died leaves a stale pid.
const WORKER_LOCK = path.join(VAR, 'run', 'webhook-worker-lock');
export async function holdWorkerLock() {
	mkdirSync(path.dirname(WORKER_LOCK), { recursive: true });
	for (const end = Date.now() + 120_000; ;) {
		try {
			mkdirSync(WORKER_LOCK);
			writeFileSync(path.join(WORKER_LOCK, 'pid'), String(process.pid));
			return;
		} catch (e) {
			if (e.code !== 'EEXIST')
				throw e;
		}
		let pid = 0;
		try {
			pid = Number(readFileSync(path.join(WORKER_LOCK, 'pid'), 'utf8'));
		} catch {
			// being made or removed right now
		}
		if (pid && !alive(pid))
			rmSync(WORKER_LOCK, { recursive: true, force: true });
		if (Date.now() > end)
			throw new Error(`waited 120 s for ${WORKER_LOCK}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
export function dropWorkerLock() {
	rmSync(WORKER_LOCK, { recursive: true, force: true });
}
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}
