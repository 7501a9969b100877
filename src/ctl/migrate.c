/* migrate.c: apply the numbered files of sql/ in order, each once, and load the demo files of
 * sql/demo/ once; every applied file is recorded in schema_migrations with its checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "lib/config.h"
#include "lib/session_limits.h"
#include "ctl/ctl.h"
#include "ctl/migrate_status.h"
#include "ctl/migration_files.h"
#include "ctl/demo_password.h"
#include "lib/password.h"
#include "lib/sql_split.h"
#include "domain/search/search_index.h"

/* More than the demo has: one pass indexes all of it. */
#define DEMO_SEARCH_INDEX_MAX 10000

#define MAX_STATEMENTS 4096

static const char create_table[] =
	"CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR(190) NOT NULL PRIMARY KEY,"
	" applied_at DATETIME NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
/* The file's SHA-256 as applied, so `migrate --status` can tell a file edited after the fact;
 * NULL for files applied before checksums were kept. */
static const char add_checksum[] =
	"ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum CHAR(64) CHARACTER SET ascii NULL";
static const struct db_stmt q_applied = {
	"SELECT COUNT(*) FROM schema_migrations WHERE name = ?", "s", "i" };
static const struct db_stmt q_record = {
	"INSERT INTO schema_migrations (name, applied_at, checksum) VALUES (?, UTC_TIMESTAMP(), ?)", "ss", "" };
static const struct db_stmt q_demo_users = {
	"SELECT id FROM users WHERE password_hash = '!demo'", "", "i" };
static const struct db_stmt q_set_password = {
	"UPDATE users SET password_hash = ? WHERE id = ?", "si", "" };
static const struct db_stmt q_purge_sessions = {
	"DELETE FROM sessions WHERE (user_id IS NULL AND (last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND"
	" OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND)) OR (user_id IS NOT NULL AND"
	" (last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND))",
	"iiii", "" };
static const struct db_stmt q_purge_failures = {
	"DELETE FROM sign_in_failures WHERE failed_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };
/* Emailed links a day past their expiry, used or not, and the requests that asked for them. */
static const struct db_stmt q_purge_links = {
	"DELETE FROM account_tokens WHERE expires_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };
static const struct db_stmt q_purge_link_requests = {
	"DELETE FROM account_mail_requests WHERE requested_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };
/* Two-step sign-ins left at the code, expired: nobody can finish them any more. */
static const struct db_stmt q_purge_second_steps = {
	"DELETE FROM login_second_steps WHERE expires_at < UTC_TIMESTAMP()", "", "" };

static bool applied(struct db *db, struct arena *a, const char *name)
{
	struct db_res res;
	return db_query(db, a, &q_applied, (struct db_param[]){ DB_S(name) }, &res) == DB_OK &&
	       db_at(&res, 0, 0)->i > 0;
}

struct file_job {
	const char *name;
	const char *checksum;
	char **stmts;
	size_t n;
};

static enum db_status run_file(struct db *db, void *ctx)
{
	struct file_job *job = ctx;
	for (size_t i = 0; i < job->n; i++) {
		enum db_status rc = db_exec_trusted(db, job->stmts[i], strlen(job->stmts[i]));
		if (rc != DB_OK) {
			fprintf(stderr, "crowdcartctl: %s, statement %zu failed: %.120s\n", job->name, i + 1,
				job->stmts[i]);
			return rc;
		}
	}
	return db_query(db, NULL, &q_record, (struct db_param[]){ DB_S(job->name), DB_S(job->checksum) }, NULL);
}

/* Applies every file of dir (numbered ones only) not yet recorded under prefix+name. DDL commits
 * implicitly in MariaDB, so migrations are written to be re-runnable (IF NOT EXISTS). */
static int apply_dir(struct db *db, const char *dir, const char *prefix)
{
	char **files;
	int n = migration_files_list(dir, &files);
	if (n < 0)
		return 1;
	struct arena *a = arena_new(65536);
	int rc = 0;
	for (int i = 0; i < n; i++) {
		const char *name = arena_printf(a, "%s%s", prefix, files[i]);
		if (rc == 0 && !applied(db, a, name)) {
			char *text = migration_files_read(arena_printf(a, "%s/%s", dir, files[i]));
			char checksum[MIGRATION_FILES_CHECKSUM_LEN + 1] = "";
			if (text)
				migration_files_checksum(text, checksum);
			char **stmts = xcalloc(MAX_STATEMENTS, sizeof *stmts);
			struct file_job job = { name, checksum, stmts, text ? sql_split(text, stmts, MAX_STATEMENTS) : 0 };
			if (!text || job.n > MAX_STATEMENTS || db_txn(db, run_file, &job) != DB_OK)
				rc = 1;
			else
				printf("applied %s (%zu statements)\n", name, job.n);
			/* Each line as its file is done, also into a pipe or a journal: a long migration shows progress. */
			fflush(stdout);
			free(stmts);
			free(text);
		}
		free(files[i]);
	}
	free(files);
	arena_free(a);
	return rc;
}

/* [--status | --dry-run]: apply what is pending, or only say what is applied and pending, or
 * what would run; the last two write nothing. */
int ctl_migrate(struct db *db, int argc, char **argv)
{
	const char *dir = config_str("sql_dir", "sql");
	if (argc == 1 && strcmp(argv[0], "--status") == 0)
		return migrate_status_report(db, dir, false);
	if (argc == 1 && strcmp(argv[0], "--dry-run") == 0)
		return migrate_status_report(db, dir, true);
	if (argc != 0) {
		fprintf(stderr, "usage: crowdcartctl migrate [--status | --dry-run]\n");
		return 2;
	}
	db_set_read_timeout(db, 0);
	if (db_exec_trusted(db, create_table, sizeof create_table - 1) != DB_OK ||
	    db_exec_trusted(db, add_checksum, sizeof add_checksum - 1) != DB_OK)
		return 1;
	return apply_dir(db, dir, "");
}

int ctl_demo(struct db *db)
{
	struct arena *a = arena_new(65536);
	int rc = apply_dir(db, arena_printf(a, "%s/demo", config_str("sql_dir", "sql")), "demo/");
	/* After the rows, so a failed file leaves no clip behind; before them would not matter either:
	 * each clip is made only when it is missing, so a second run changes nothing. */
	if (rc == 0)
		rc = ctl_demo_media();
	/* The demo's ledger rows are plain INSERTs: put them in their brands' hash chains. */
	if (rc == 0)
		rc = ctl_ledger_chain_all(db);
	/* The demo's products are plain INSERTs too: index them for search (docs/SEARCH.md). */
	long long indexed;
	if (rc == 0 && search_index_stale(db, a, 0, DEMO_SEARCH_INDEX_MAX, &indexed) != DB_OK)
		rc = 1;
	struct db_res users;
	const char *pw = demo_password_choose(a);
	if (rc == 0 && db_query(db, a, &q_demo_users, NULL, &users) == DB_OK) {
		for (size_t i = 0; i < users.nrows && rc == 0; i++) {
			char hash[crypto_pwhash_STRBYTES];
			if (!password_hash(pw, hash) ||
			    db_query(db, a, &q_set_password,
				     (struct db_param[]){ DB_S(hash), DB_I(db_at(&users, i, 0)->i) }, NULL) != DB_OK)
				rc = 1;
		}
		if (users.nrows)
			printf("demo accounts: %zu, password: %s\n", users.nrows, pw);
	}
	arena_free(a);
	return rc;
}

int ctl_purge(struct db *db)
{
	struct session_limits anon = session_limits(false), login = session_limits(true);
	if (db_query(db, NULL, &q_purge_sessions, (struct db_param[]){ DB_I(anon.idle_s), DB_I(anon.max_s),
		     DB_I(login.idle_s), DB_I(login.max_s) }, NULL) != DB_OK)
		return 1;
	printf("purged %llu sessions\n", db_affected(db));
	return db_query(db, NULL, &q_purge_failures, NULL, NULL) == DB_OK &&
	       db_query(db, NULL, &q_purge_links, NULL, NULL) == DB_OK &&
	       db_query(db, NULL, &q_purge_link_requests, NULL, NULL) == DB_OK &&
	       db_query(db, NULL, &q_purge_second_steps, NULL, NULL) == DB_OK ? ctl_lead_purge(db) : 1;
}
