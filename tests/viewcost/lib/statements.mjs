// statements.mjs: what a shop program of a test's own (startProgram) asks of MariaDB, read from
// performance_schema: the threads of its database connections, then the statements they executed
// and the rows those examined, so that a test can take the difference over some requests.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sql } from '../../http/lib/commerce.mjs';

const one = (text) => String(sql(text)[0][0]);

// The stack's MariaDB counts statements only with performance_schema on (scripts/db.sh).
export const perfSchemaOn = () => one('SELECT @@performance_schema') === '1';

// The performance_schema threads of the program's connections (its processes' client pids).
export function programThreads(sock) {
	const pids = execFileSync('pgrep', ['-f', '--', `--listen ${sock}`], { encoding: 'utf8' }).trim().split('\n');
	const ids = one(`SELECT GROUP_CONCAT(t.THREAD_ID) FROM performance_schema.session_connect_attrs a
		JOIN performance_schema.threads t ON t.PROCESSLIST_ID = a.PROCESSLIST_ID
		WHERE a.ATTR_NAME = '_pid' AND a.ATTR_VALUE IN (${pids.map((p) => `'${Number(p)}'`).join(', ')})`);
	assert.notEqual(ids, 'NULL', 'the shop program has a database connection');
	return ids;
}

// Statements executed (prepared and plain SELECTs) and rows examined so far by those threads.
export function statementCounts(ids) {
	const [[s, r]] = sql(`SELECT COALESCE(SUM(COUNT_STAR), 0), COALESCE(SUM(SUM_ROWS_EXAMINED), 0)
		FROM performance_schema.events_statements_summary_by_thread_by_event_name
		WHERE THREAD_ID IN (${ids}) AND EVENT_NAME IN ('statement/com/Execute', 'statement/sql/select')`);
	return { statements: Number(s), rows: Number(r) };
}
