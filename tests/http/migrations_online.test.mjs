// migrations_online.test.mjs: every shipped migration is written so it never copies or rebuilds a
// table (docs/UPGRADING.md): applied with alter_algorithm = NOCOPY, under which MariaDB refuses
// any ALTER that would, they all pass; and applied a second time, they change nothing (a failed
// migration is recovered by running it again). On a database of its own, through the root socket.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from './lib/http.mjs';
import { socketPath } from './lib/fulfilment.mjs';

const SQL_DIR = path.join(ROOT, 'sql');
const SHIPPED = readdirSync(SQL_DIR).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
const db = `cc_online_${randomBytes(4).toString('hex')}`;

// Runs the script in one session of the mariadb client (which reads DELIMITER and SOURCE itself)
// and keeps going past an error, so stderr lists every statement that failed.
function client(script) {
	const r = spawnSync('mariadb', ['--no-defaults', `--socket=${socketPath()}`, '--batch', '--skip-column-names'],
		{ input: script, encoding: 'utf8' });
	return { out: r.stdout.trim(), err: r.stderr.trim() };
}

function applyAll() {
	return client([`USE ${db};`, "SET SESSION alter_algorithm = 'NOCOPY';",
		...SHIPPED.map((f) => `SOURCE ${path.join(SQL_DIR, f)};`)].join('\n'));
}

after(() => client(`DROP DATABASE IF EXISTS ${db};`));

test('every migration applies with alter_algorithm = NOCOPY: none copies or rebuilds a table', () => {
	client(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`);
	const { err } = applyAll();
	assert.equal(err, '', 'a migration needs a table copy or rebuild; see docs/UPGRADING.md for how to write it');
	const tables = client(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${db}'`).out;
	assert.ok(Number(tables) > 50, `the migrations made the tables (${tables})`);
});

test('applied again, every migration runs without error and leaves the schema as it was', () => {
	const schema = () => client(`SELECT table_name, column_name, column_type, is_nullable, COALESCE(column_default, '')
		FROM information_schema.columns WHERE table_schema = '${db}' ORDER BY table_name, ordinal_position;
		SELECT table_name, index_name, seq_in_index, column_name FROM information_schema.statistics
		WHERE table_schema = '${db}' ORDER BY table_name, index_name, seq_in_index;
		SELECT constraint_name, table_name FROM information_schema.table_constraints
		WHERE constraint_schema = '${db}' ORDER BY table_name, constraint_name;`).out;
	const before = schema();
	const { err } = applyAll();
	assert.equal(err, '');
	assert.equal(schema(), before);
});
