/* migrate.c: apply the numbered files of sql/ in order, each once, and load the demo files of
 * sql/demo/ once; every applied file is recorded in schema_migrations. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "lib/config.h"
#include "ctl/ctl.h"
#include "lib/password.h"
#include "lib/sql_split.h"

#define MAX_STATEMENTS 4096

static const char create_table[] =
	"CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR(190) NOT NULL PRIMARY KEY,"
	" applied_at DATETIME NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
static const struct db_stmt q_applied = {
	"SELECT COUNT(*) FROM schema_migrations WHERE name = ?", "s", "i" };
static const struct db_stmt q_record = {
	"INSERT INTO schema_migrations (name, applied_at) VALUES (?, UTC_TIMESTAMP())", "s", "" };
static const struct db_stmt q_demo_users = {
	"SELECT id FROM users WHERE password_hash = '!demo'", "", "i" };
static const struct db_stmt q_set_password = {
	"UPDATE users SET password_hash = ? WHERE id = ?", "si", "" };
static const struct db_stmt q_purge_sessions = {
	"DELETE FROM sessions WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND"
	" OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND", "ii", "" };
static const struct db_stmt q_purge_failures = {
	"DELETE FROM login_failures WHERE failed_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };
/* Emailed links a day past their expiry, used or not, and the requests that asked for them. */
static const struct db_stmt q_purge_links = {
	"DELETE FROM account_tokens WHERE expires_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };
static const struct db_stmt q_purge_link_requests = {
	"DELETE FROM account_mail_requests WHERE requested_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = 65536, len = 0;
	char *s = xmalloc(cap);
	size_t n;
	while ((n = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len - 1 == 0)
			s = realloc(s, cap *= 2);
		if (!s)
			abort();
	}
	fclose(f);
	s[len] = '\0';
	return s;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int numbered_sql(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 9 && e->d_name[0] >= '0' && e->d_name[0] <= '9' && e->d_name[4] == '_' &&
	       strcmp(e->d_name + n - 4, ".sql") == 0;
}

static bool applied(struct db *db, struct arena *a, const char *name)
{
	struct db_res res;
	return db_query(db, a, &q_applied, (struct db_param[]){ DB_S(name) }, &res) == DB_OK &&
	       db_at(&res, 0, 0)->i > 0;
}

struct file_job {
	const char *name;
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
	return db_query(db, NULL, &q_record, (struct db_param[]){ DB_S(job->name) }, NULL);
}

/* Applies every file of dir (numbered ones only) not yet recorded under prefix+name. DDL commits
 * implicitly in MariaDB, so migrations are written to be re-runnable (IF NOT EXISTS). */
static int apply_dir(struct db *db, const char *dir, const char *prefix)
{
	struct dirent **list;
	int n = scandir(dir, &list, numbered_sql, by_name);
	if (n < 0) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	struct arena *a = arena_new(65536);
	int rc = 0;
	for (int i = 0; i < n; i++) {
		const char *name = arena_printf(a, "%s%s", prefix, list[i]->d_name);
		if (rc == 0 && !applied(db, a, name)) {
			char *text = read_file(arena_printf(a, "%s/%s", dir, list[i]->d_name));
			char **stmts = xcalloc(MAX_STATEMENTS, sizeof *stmts);
			struct file_job job = { name, stmts, text ? sql_split(text, stmts, MAX_STATEMENTS) : 0 };
			if (!text || job.n > MAX_STATEMENTS || db_txn(db, run_file, &job) != DB_OK)
				rc = 1;
			else
				printf("applied %s (%zu statements)\n", name, job.n);
			free(stmts);
			free(text);
		}
		free(list[i]);
	}
	free(list);
	arena_free(a);
	return rc;
}

int ctl_migrate(struct db *db)
{
	if (db_exec_trusted(db, create_table, sizeof create_table - 1) != DB_OK)
		return 1;
	return apply_dir(db, config_str("sql_dir", "sql"), "");
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
	struct db_res users;
	const char *pw = config_str("demo_password", "crowdcart-demo");
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
	long idle = config_int("session_idle_seconds", 7 * 86400, 60, 365 * 86400);
	long max = config_int("session_max_seconds", 30 * 86400, 60, 365 * 86400);
	if (db_query(db, NULL, &q_purge_sessions, (struct db_param[]){ DB_I(idle), DB_I(max) }, NULL) != DB_OK)
		return 1;
	printf("purged %llu sessions\n", db_affected(db));
	return db_query(db, NULL, &q_purge_failures, NULL, NULL) == DB_OK &&
	       db_query(db, NULL, &q_purge_links, NULL, NULL) == DB_OK &&
	       db_query(db, NULL, &q_purge_link_requests, NULL, NULL) == DB_OK ? 0 : 1;
}
