// migrate_status.test.mjs: `crowdcartctl migrate --status` and `--dry-run` say what is applied,
// pending, changed since it was applied, or unknown, and write nothing; `migrate` records each
// file's checksum and runs a batched backfill (a DELIMITER block). Each test works on a database
// of its own (made through the root socket, granted to the stack's cc_admin), so the stack's own
// migration record, which other suites read, is never touched.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROOT, VAR } from './lib/http.mjs';
import { socketPath } from './lib/fulfilment.mjs';

const SQL_DIR = path.join(ROOT, 'sql');
const SHIPPED = readdirSync(SQL_DIR).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
const work = mkdtempSync(path.join(tmpdir(), 'cc-migrate-'));
const databases = [];

function root(sqlText, db = '') {
	return execFileSync('mariadb', ['--no-defaults', `--socket=${socketPath()}`, '--batch', '--skip-column-names',
		...(db ? [db] : [])], { input: sqlText, encoding: 'utf8' }).trim();
}

// An empty database for cc_admin and a config pointing the stack's settings at it and at sqlDir.
function scratch(sqlDir) {
	const name = `cc_migrate_${randomBytes(4).toString('hex')}`;
	databases.push(name);
	root(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		GRANT ALL ON ${name}.* TO 'cc_admin'@'127.0.0.1';`);
	const conf = path.join(work, `${name}.conf`);
	const base = readFileSync(path.join(VAR, 'crowdcart.conf'), 'utf8');
	writeFileSync(conf, `${base}\ndb_name = ${name}\nsql_dir = ${sqlDir}\n`, { mode: 0o600 });
	return { name, conf };
}

function ctl(conf, ...args) {
	const r = spawnSync(path.join(ROOT, 'bin/crowdcartctl'), ['--conf', conf, 'migrate', ...args], { encoding: 'utf8' });
	return { status: r.status, out: r.stdout, err: r.stderr };
}

// A copy of sql/ holding the first n shipped files, to edit freely.
function sqlCopy(n = SHIPPED.length) {
	const dir = mkdtempSync(path.join(work, 'sql-'));
	for (const f of SHIPPED.slice(0, n))
		cpSync(path.join(SQL_DIR, f), path.join(dir, f));
	return dir;
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

after(() => {
	for (const db of databases)
		root(`DROP DATABASE IF EXISTS ${db}`);
	rmSync(work, { recursive: true, force: true });
});

test('a fresh database: --status lists every shipped file pending and --dry-run what each would run, writing nothing', () => {
	const { name, conf } = scratch(SQL_DIR);
	const status = ctl(conf, '--status');
	assert.equal(status.status, 1, 'pending migrations: not current');
	for (const f of SHIPPED)
		assert.match(status.out, new RegExp(`^pending  ${f}$`, 'm'));
	assert.match(status.out, new RegExp(`^0 applied, ${SHIPPED.length} pending, 0 changed, 0 unknown$`, 'm'));
	const dry = ctl(conf, '--dry-run');
	assert.equal(dry.status, 1);
	assert.match(dry.out, /^would apply 0001_foundation\.sql \(\d+ statements\):$/m);
	assert.match(dry.out, /^ +1 {2}CREATE TABLE IF NOT EXISTS users/m);
	assert.match(dry.out, /\(dry run: nothing written\)$/m);
	assert.equal(root(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${name}'`), '0',
		'neither --status nor --dry-run creates a table, not even schema_migrations');
});

test('migrate records a checksum per file, then --status is current and --dry-run has nothing to apply', () => {
	const { name, conf } = scratch(SQL_DIR);
	const run = ctl(conf);
	assert.equal(run.status, 0, run.err);
	const recorded = root(`SELECT name, checksum FROM schema_migrations ORDER BY name`, name).split('\n').map((l) => l.split('\t'));
	assert.deepEqual(recorded.map(([n]) => n), SHIPPED);
	for (const [n, sum] of recorded)
		assert.equal(sum, sha256(path.join(SQL_DIR, n)), `${n}: the recorded checksum is the file's SHA-256`);
	const status = ctl(conf, '--status');
	assert.equal(status.status, 0, status.out);
	assert.match(status.out, new RegExp(`^applied  ${SHIPPED[0]}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$`, 'm'));
	assert.match(status.out, new RegExp(`^${SHIPPED.length} applied, 0 pending, 0 changed, 0 unknown$`, 'm'));
	const dry = ctl(conf, '--dry-run');
	assert.equal(dry.status, 0);
	assert.match(dry.out, /^nothing to apply$/m);
});

test('a file edited after it was applied is "changed", one with no file "unknown", a new one "pending"; none is applied by looking', () => {
	const dir = sqlCopy();
	const { name, conf } = scratch(dir);
	assert.equal(ctl(conf).status, 0);
	const last = SHIPPED.at(-1), edited = SHIPPED[2];
	appendFileSync(path.join(dir, edited), '\n-- edited after it was applied\n');
	unlinkSync(path.join(dir, last));
	writeFileSync(path.join(dir, '9990_later.sql'), 'CREATE TABLE IF NOT EXISTS later_probe (id INT PRIMARY KEY);\n');
	const status = ctl(conf, '--status');
	assert.equal(status.status, 1);
	assert.match(status.out, new RegExp(`^changed  ${edited}  applied .*; the file is not the one applied`, 'm'));
	assert.match(status.out, new RegExp(`^unknown  ${last}  applied .*; no such file in`, 'm'));
	assert.match(status.out, /^pending  9990_later\.sql$/m);
	assert.match(status.out, new RegExp(`^${SHIPPED.length - 2} applied, 1 pending, 1 changed, 1 unknown$`, 'm'));
	const dry = ctl(conf, '--dry-run');
	assert.match(dry.out, /^would apply 9990_later\.sql \(1 statements\):\n +1 {2}CREATE TABLE IF NOT EXISTS later_probe \(id INT PRIMARY KEY\)$/m);
	assert.equal(root(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${name}' AND table_name = 'later_probe'`), '0');
	assert.equal(root(`SELECT COUNT(*) FROM schema_migrations WHERE name = '9990_later.sql'`, name), '0');
});

test('files applied by a crowdcartctl that kept no checksums read as applied, never as changed', () => {
	const { name, conf } = scratch(SQL_DIR);
	assert.equal(ctl(conf).status, 0);
	root(`ALTER TABLE schema_migrations DROP COLUMN checksum`, name);
	const status = ctl(conf, '--status');
	assert.equal(status.status, 0, status.out);
	assert.match(status.out, new RegExp(`^applied  ${SHIPPED[0]}  .*\\(no checksum recorded\\)$`, 'm'));
});

test('a backfill written as a DELIMITER block runs in batches and leaves every row as one UPDATE would', () => {
	const dir = sqlCopy(1);
	const { name, conf } = scratch(dir);
	writeFileSync(path.join(dir, '9991_rows.sql'), `CREATE TABLE IF NOT EXISTS backfill_probe (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL, kind VARCHAR(8) NOT NULL DEFAULT '');
INSERT INTO backfill_probe (n) SELECT seq FROM seq_1_to_12345;
`);
	writeFileSync(path.join(dir, '9992_backfill.sql'), `-- one comment; with a semicolon
DELIMITER //
BEGIN NOT ATOMIC
  DECLARE next_id BIGINT UNSIGNED DEFAULT (SELECT COALESCE(MIN(id), 1) FROM backfill_probe);
  DECLARE last_id BIGINT UNSIGNED DEFAULT (SELECT COALESCE(MAX(id), 0) FROM backfill_probe);
  WHILE next_id <= last_id DO
    UPDATE backfill_probe SET kind = 'even' WHERE id >= next_id AND id < next_id + 1000 AND n MOD 2 = 0;
    COMMIT;
    SET next_id = next_id + 1000;
  END WHILE;
END//
DELIMITER ;
INSERT INTO backfill_probe (n, kind) VALUES (0, 'after');
`);
	const run = ctl(conf);
	assert.equal(run.status, 0, run.err);
	assert.match(run.out, /^applied 9992_backfill\.sql \(2 statements\)$/m);
	assert.equal(root(`SELECT CONCAT(SUM(kind = 'even'), ' ', SUM(kind = ''), ' ', SUM(kind = 'after')) FROM backfill_probe`, name),
		'6172 6173 1');
});
