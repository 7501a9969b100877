// dns.mjs: fixtures for the DNS verification suite: a tiny DNS server on a loopback UDP port (node's
// dgram) that answers TXT questions for the names it is given, and a copy of the stack's conf whose
// dns_resolver points at it, for crowdcartctl runs.
import dgram from 'node:dgram';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, VAR, unique } from './http.mjs';

const RCODE = { noerror: 0, servfail: 2, nxdomain: 3, refused: 5 };

// The stack's conf, and the UDP port its dns_resolver names: scripts/db.sh points dev and test
// stacks at 127.0.0.1:<DB port>, a UDP port no one else uses (MariaDB listens on TCP only), where
// nothing answers unless this server does.
function stackConf() {
	return readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8');
}
export function dnsPort() {
	const text = stackConf();
	const m = /^dns_resolver = 127\.0\.0\.1:(\d+)$/m.exec(text) ?? /^db_hosts = 127\.0\.0\.1:(\d+)/m.exec(text);
	if (!m)
		throw new Error(`no loopback dns_resolver or db_hosts in ${path.join(VAR, 'crowdcart.conf')}`);
	return Number(m[1]);
}

// A copy of the stack's conf with dns_resolver = 127.0.0.1:port.
export function dnsConf(port) {
	const file = path.join(VAR, `dns-${unique()}.conf`);
	writeFileSync(file, `${stackConf().replace(/^dns_resolver = .*$/m, '')}dns_resolver = 127.0.0.1:${port}\n`, { mode: 0o600 });
	return file;
}

// `crowdcartctl --conf conf ARGS...`; its stdout.
export async function ctlWith(conf, ...args) {
	const { stdout } = await promisify(execFile)(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', conf, ...args], { encoding: 'utf8' });
	return stdout;
}

// The name in a question at offset 12 (queries carry no compression), lower-cased, and where it ends.
function readName(msg) {
	const labels = [];
	let at = 12;
	while (at < msg.length && msg[at] !== 0) {
		const n = msg[at];
		labels.push(msg.subarray(at + 1, at + 1 + n).toString('latin1'));
		at += 1 + n;
	}
	return { name: labels.join('.').toLowerCase(), end: at + 1 };
}

function encodeName(name) {
	return Buffer.concat([...name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')])), Buffer.from([0])]);
}

// Answers TXT questions for names under `zone` from set(name, spec), where spec is
//   { txt: [[string, ...], ...] }  one record per inner array, its character-strings in order
//                                  (ownerCase: 'upper' names the owner in upper case)
//   'nxdomain' | 'servfail'        that answer code
//   'silent'                       no answer at all (the client times out)
// Other names in the zone are NXDOMAIN. Names outside it are REFUSED, as a server that is not
// authoritative for them would say: crowdcartctl worker checks every due domain of the stack, and
// other suites' domains must come out as failed lookups, which never count against a domain.
export async function dnsServer({ port, zone }) {
	const records = new Map();
	const queries = [];
	const sock = dgram.createSocket('udp4');
	sock.on('message', (msg, rinfo) => {
		if (msg.length < 17)
			return;
		const { name, end } = readName(msg);
		const qtype = msg.readUInt16BE(end);
		queries.push(name);
		const inZone = name === zone || name.endsWith(`.${zone}`);
		const spec = inZone ? records.get(name) ?? 'nxdomain' : 'refused';
		if (spec === 'silent')
			return;
		const rcode = typeof spec === 'string' ? RCODE[spec] : 0;
		const answers = typeof spec === 'object' && qtype === 16 ? spec.txt.map((strings) => {
			const owner = spec.ownerCase === 'upper' ? encodeName(name.toUpperCase()) : Buffer.from([0xc0, 0x0c]);
			const rdata = Buffer.concat(strings.map((s) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)])));
			const fixed = Buffer.alloc(10);
			fixed.writeUInt16BE(16, 0);
			fixed.writeUInt16BE(1, 2);
			fixed.writeUInt32BE(60, 4);
			fixed.writeUInt16BE(rdata.length, 8);
			return Buffer.concat([owner, fixed, rdata]);
		}) : [];
		const header = Buffer.alloc(12);
		header.writeUInt16BE(msg.readUInt16BE(0), 0);
		header.writeUInt16BE(0x8000 | 0x0400 | (msg.readUInt16BE(2) & 0x0100) | rcode, 2);
		header.writeUInt16BE(1, 4);
		header.writeUInt16BE(answers.length, 6);
		sock.send(Buffer.concat([header, msg.subarray(12, end + 4), ...answers]), rinfo.port, rinfo.address);
	});
	await new Promise((resolve, reject) => {
		sock.once('error', reject);
		sock.bind(port, '127.0.0.1', () => {
			sock.off('error', reject);
			resolve();
		});
	});
	return {
		queries,
		set: (name, spec) => records.set(name, spec),
		close: () => new Promise((resolve) => sock.close(resolve)),
	};
}
