/* db.h: one MariaDB connection per worker, prepared statements with declared types, prepared once
 * per connection, reconnect with bounded backoff, and transactions retried on deadlock. */
#ifndef CC_DB_H
#define CC_DB_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include "lib/arena.h"

/* A statement is declared once, as a static object, with one type letter per parameter and per
 * result column: 'i' = 64-bit integer, 's' = text (dates come back as "YYYY-MM-DD hh:mm:ss"),
 * 'b' = binary. The counts are checked against the server's at prepare time. */
struct db_stmt {
	const char *sql;
	const char *params;
	const char *cols;
};

struct db_param {
	char type;		/* 'i', 's', 'b' or 'n' (NULL) */
	long long i;
	const void *s;
	size_t len;
};

#define DB_I(v) ((struct db_param){ .type = 'i', .i = (long long)(v) })
#define DB_S(str) ((struct db_param){ .type = 's', .s = (str), .len = strlen(str) })
#define DB_SN(p, n) ((struct db_param){ .type = 's', .s = (p), .len = (n) })
#define DB_B(p, n) ((struct db_param){ .type = 'b', .s = (p), .len = (n) })
#define DB_NULL ((struct db_param){ .type = 'n' })

struct db_val {
	long long i;
	const char *s;		/* NUL-terminated, in the caller's arena ("" for NULL) */
	size_t len;
	bool null;
};

struct db_res {
	size_t nrows, ncols;
	struct db_val *v;	/* row-major: v[row * ncols + col] */
};

static inline const struct db_val *db_at(const struct db_res *r, size_t row, size_t col)
{
	return &r->v[row * r->ncols + col];
}

enum db_status {
	DB_OK = 0,
	DB_DOWN,	/* no connection, or the server is read-only/not ready: answer 503 */
	DB_RETRY,	/* deadlock (1213) or lock wait timeout (1205): db_txn retries */
	DB_DUP,		/* duplicate key (1062) */
	DB_CONFLICT,	/* a condition of the caller's (e.g. sold out) made the transaction stop */
	DB_ERR,		/* anything else: logged, answer 500 */
};

struct db;

/* Every status a call returns must be looked at: a dropped failure has turned a throttle off
 * before. A write whose failure truly changes nothing for the request goes through
 * db_best_effort(), with a comment saying why (GCC does not let a (void) cast silence this). */
#define DB_MUST_CHECK __attribute__((warn_unused_result))
static inline void db_best_effort(enum db_status s)
{
	(void)s;
}

/* Reads db_hosts, db_name, <prog>_db_user and <prog>_db_password from the config. Does not
 * connect: the first db_ready() does. */
struct db *db_open(const char *prog);
void db_close(struct db *db);

/* How long a statement may take to answer, 10 s unless set: a request that waits longer is better
 * answered 503. crowdcartctl migrate sets 0 (no limit): an index build or a batched backfill on a
 * large table takes minutes, and a timeout would cut the connection while the server works on.
 * Drops the connection: the next call opens one with the new timeout. */
void db_set_read_timeout(struct db *db, unsigned seconds);
/* Connects if needed. While the database is away, retries at most every 100 ms growing to 1 s,
 * and returns DB_DOWN without waiting in between. */
enum db_status db_ready(struct db *db) DB_MUST_CHECK;

/* Runs a statement. `out` may be NULL when the statement returns no rows. Result text lives in
 * arena `a`. Outside a transaction, a connection found closed before the statement is re-opened
 * first; one lost under a statement that returns rows is re-opened and the statement tried once
 * more (a write whose answer was lost answers DB_DOWN: it may have been applied). */
enum db_status db_query(struct db *db, struct arena *a, const struct db_stmt *st,
			const struct db_param *params, struct db_res *out) DB_MUST_CHECK;

unsigned long long db_insert_id(struct db *db);
unsigned long long db_affected(struct db *db);

/* START TRANSACTION; fn; COMMIT. On DB_RETRY (from fn or from COMMIT) rolls back, waits a short
 * randomised backoff and runs fn again, up to 6 times. fn must be safe to re-run. A connection
 * lost before COMMIT fails every later statement of fn with DB_DOWN, and the whole transaction is
 * run again on a fresh connection (at most twice); lost during COMMIT, it answers DB_DOWN. */
enum db_status db_txn(struct db *db, enum db_status (*fn)(struct db *db, void *ctx), void *ctx) DB_MUST_CHECK;

/* Trusted SQL from the migration files only: prepare, execute once, close. */
enum db_status db_exec_trusted(struct db *db, const char *sql, size_t len) DB_MUST_CHECK;

const char *db_status_str(enum db_status s);

/* What this process's connections have met since it started, read by the metrics (web/metrics.c)
 * after each request: failed connects and lost connections, statements answered DB_ERR,
 * conflicts answered DB_RETRY (deadlocks, Galera certification, a node out of the cluster), and
 * the statements or transactions run again after one. */
struct db_counts {
	unsigned long long down, errors, conflicts, retries;
};
const struct db_counts *db_counts(void);

/* A failure the same request will likely not meet a moment later: the database away, or
 * conflicts that outlasted every retry (a hot row on a busy cluster, a node out of the primary
 * component on every try). Answered 503 with Retry-After, never 500. */
static inline bool db_transient(enum db_status s)
{
	return s == DB_DOWN || s == DB_RETRY;
}

#endif
