// asvs_config.test.mjs: how the software ships (ASVS 4.0.3 V14.1.2, V14.2.5, V2.10.3, V2.10.4, V8.2.2): the
// programs are built with the hardening the compiler and linker offer, the example configuration
// holds no secret (the demo accounts' random password is unit-tested: test_password_policy.c), a
// configuration everyone can read is reported, the pages' scripts keep nothing in browser storage, and
// scripts/sbom.sh tells what the programs run on.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, VAR } from './lib/http.mjs';

const PROGRAMS = ['cgi-bin/shop.fcgi', 'cgi-bin/studio.fcgi', 'cgi-bin/api.fcgi', 'bin/crowdcartctl'];
const readelf = (args, file) => execFileSync('readelf', [...args, path.join(ROOT, file)], { encoding: 'utf8' });

for (const program of PROGRAMS) {
	test(`${program} is built position-independent, with full RELRO, a non-executable stack, canaries and fortified calls`, () => {
		assert.match(readelf(['-h'], program), /Type:\s+DYN/, 'PIE (address randomisation)');
		const dynamic = readelf(['-d'], program);
		assert.match(dynamic, /\(FLAGS\)\s+BIND_NOW|\(FLAGS_1\)[^\n]*\bNOW\b/, 'immediate binding (full RELRO)');
		const segments = readelf(['-lW'], program);
		assert.match(segments, /GNU_RELRO/, 'RELRO');
		assert.match(segments, /GNU_STACK\s+(\S+\s+){5}RW\s/, 'the stack is not executable');
		const symbols = readelf(['--dyn-syms', '-W'], program);
		assert.match(symbols, /__stack_chk_fail/, 'stack protector');
		assert.match(symbols, /__\w+_chk\b/, '_FORTIFY_SOURCE checked calls');
	});
}

test('the example configuration holds no secret: each is commented out or the CHANGE-ME placeholder', () => {
	const text = readFileSync(path.join(ROOT, 'crowdcart.conf.example'), 'utf8');
	const set = text.split('\n').filter((l) => /^\s*[a-z_]*(secret|password|api_key)[a-z_]*\s*=/.test(l));
	assert.ok(set.length >= 4, 'the example names the secrets an operator must set');
	for (const line of set)
		assert.match(line, /=\s*CHANGE-ME$/, `${line}: a placeholder, never a usable value`);
	// The keys must be hex: the placeholder cannot become a key by being left in place.
	assert.doesNotMatch('CHANGE-ME', /^[0-9a-f]+$/i);
});

test('the scripts the pages load keep nothing in browser storage and evaluate no strings', () => {
	const dir = path.join(ROOT, 'static/js');
	for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
		const js = readFileSync(path.join(dir, name), 'utf8');
		assert.doesNotMatch(js, /localStorage|sessionStorage|indexedDB|document\.cookie/, `${name}: no browser storage`);
		assert.doesNotMatch(js, /\beval\s*\(|new Function\s*\(|setTimeout\s*\(\s*['"`]/, `${name}: no string evaluation`);
	}
});

test('scripts/sbom.sh lists every library the programs load, by Debian package and installed version (V14.2.5)', () => {
	const bom = JSON.parse(execFileSync(path.join(ROOT, 'scripts/sbom.sh'), { encoding: 'utf8' }));
	assert.equal(bom.bomFormat, 'CycloneDX');
	const names = bom.components.map((c) => c.name);
	for (const lib of [/^libsodium/, /^libmariadb/, /^libfcgi/, /^libjansson/, /^libctemplate/, /^libxml2$/, /^libcurl/,
		/^libseccomp/, /^libcsv/, /^libc6$/])
		assert.ok(names.some((n) => lib.test(n)), `${lib} is listed`);
	for (const c of bom.components) {
		const installed = execFileSync('dpkg-query', ['-W', '-f=${Version}', c.name], { encoding: 'utf8' });
		assert.equal(c.version, installed, `${c.name}: the version installed`);
		assert.match(c.purl, new RegExp(`^pkg:deb/debian/${c.name.replace(/[+.]/g, '\\$&')}@`));
	}
});

test('a configuration every account can read is reported at start-up, and one kept private is not (V2.10.3)', (t) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'cc-conf-'));
	t.after(() => rmSync(dir, { recursive: true, force: true }));
	const conf = path.join(dir, 'crowdcart.conf');
	writeFileSync(conf, readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8'), { mode: 0o644 });
	chmodSync(conf, 0o644);
	const run = () => spawnSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', conf, 'purge'],
		{ encoding: 'utf8', env: { ...process.env, CROWDCART_CONF: '' } });
	const open = run();
	assert.equal(open.status, 0, open.stderr);
	assert.match(open.stderr, /can be read by every account on the host \(mode 644\); it holds passwords and the server secret: chmod o-rwx it/);
	for (const mode of [0o600, 0o640]) {	// 0640: root:crowdcart, as a package lets the programs in
		chmodSync(conf, mode);
		const kept = run();
		assert.equal(kept.status, 0, kept.stderr);
		assert.doesNotMatch(kept.stderr, /can be read by every account/, mode.toString(8));
	}
});
