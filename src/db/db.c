/* db.c: MariaDB Connector/C behind typed prepared statements, reconnects and deadlock retries. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include <sodium.h>
#include "lib/config.h"
#include "db/db.h"

#define DB_MAX_HOSTS 8
#define DB_MAX_STMTS 2048	/* distinct statements one program prepares (scripts/codecheck.sh keeps the whole
				 * source under half of it): a fixed table is enough */
#define DB_MAX_BIND 64
#define DB_TXN_TRIES 6
#define DB_TXN_RECONNECTS 2	/* a body cut by a lost connection is re-run at most this often */

struct db_slot {
	const struct db_stmt *def;
	MYSQL_STMT *stmt;	/* NULL while unprepared or after a failed prepare */
};

struct db {
	MYSQL *conn;
	char *hosts[DB_MAX_HOSTS];
	unsigned ports[DB_MAX_HOSTS];
	size_t nhosts, current;
	const char *name, *user, *password;
	struct db_slot slots[DB_MAX_STMTS];
	long long next_try_ms;
	long backoff_ms;
	bool in_txn;	/* inside db_txn's body: survives db_drop, so a lost connection fails the rest */
	unsigned retry_errno;	/* the last error answered DB_RETRY, for the log when retries run out */
	unsigned read_timeout;	/* seconds to wait for an answer; 0: as long as the server works */
	unsigned long long insert_id, affected;
};

/* Per process, not per connection: a worker has one connection, ctl may open several. */
static struct db_counts counts;

const struct db_counts *db_counts(void)
{
	return &counts;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

struct db *db_open(const char *prog)
{
	struct db *db = xcalloc(1, sizeof *db);
	char *list = xstrdup(config_str("db_hosts", "127.0.0.1:3306"));
	for (char *save = NULL, *h = strtok_r(list, ", ", &save); h && db->nhosts < DB_MAX_HOSTS;
	     h = strtok_r(NULL, ", ", &save)) {
		char *colon = strrchr(h, ':');
		db->ports[db->nhosts] = colon ? (unsigned)atoi(colon + 1) : 3306;
		if (colon)
			*colon = '\0';
		db->hosts[db->nhosts++] = xstrdup(h);
	}
	free(list);
	db->name = config_str("db_name", "crowdcart");
	db->user = config_prog(prog, "db_user", "crowdcart");
	db->password = config_prog(prog, "db_password", "");
	db->read_timeout = 10;
	return db;
}

static void db_drop(struct db *db)
{
	for (size_t i = 0; i < DB_MAX_STMTS; i++) {
		struct db_slot *s = &db->slots[i];
		if (s->stmt)
			mysql_stmt_close(s->stmt);
		memset(s, 0, sizeof *s);
	}
	if (db->conn)
		mysql_close(db->conn);
	db->conn = NULL;
}

void db_close(struct db *db)
{
	db_drop(db);
	for (size_t i = 0; i < db->nhosts; i++)
		free(db->hosts[i]);
	free(db);
}

void db_set_read_timeout(struct db *db, unsigned seconds)
{
	db->read_timeout = seconds;
	db_drop(db);	/* the timeout is the socket's, set when it connects */
}

static bool db_connect_one(struct db *db, size_t h)
{
	MYSQL *c = mysql_init(NULL);
	if (!c)
		abort();
	unsigned int connect_timeout = 1, rw_timeout = 10;
	my_bool no = 0;
	mysql_optionsv(c, MYSQL_OPT_CONNECT_TIMEOUT, &connect_timeout);
	mysql_optionsv(c, MYSQL_OPT_READ_TIMEOUT, &db->read_timeout);
	mysql_optionsv(c, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	mysql_optionsv(c, MYSQL_OPT_RECONNECT, &no);	/* we re-prepare ourselves after a reconnect */
	mysql_optionsv(c, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_optionsv(c, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	if (!mysql_real_connect(c, db->hosts[h], db->user, db->password, db->name, db->ports[h], NULL, 0)) {
		fprintf(stderr, "db: connect %s:%u: %s\n", db->hosts[h], db->ports[h], mysql_error(c));
		mysql_close(c);
		return false;
	}
	db->conn = c;
	db->current = h;
	return true;
}

/* True if the server closed this idle connection (a restart, wait_timeout, a node killed): with
 * no answer owed to us, a socket that reads as ready can only hold its end or a farewell error.
 * One poll() instead of a round trip, so a write is never sent into a dead connection, where its
 * fate could not be known. */
static bool db_conn_closed(struct db *db)
{
	struct pollfd p = { .fd = mysql_get_socket(db->conn), .events = POLLIN | POLLRDHUP };
	return poll(&p, 1, 0) != 0;
}

enum db_status db_ready(struct db *db)
{
	if (db->conn && (db->in_txn || !db_conn_closed(db)))
		return DB_OK;
	if (db->conn)
		db_drop(db);
	long long now = now_ms();
	if (now < db->next_try_ms)
		return DB_DOWN;
	/* Start with the node that worked last, then the others: a dead node costs one timeout. */
	for (size_t k = 0; k < db->nhosts; k++)
		if (db_connect_one(db, (db->current + k) % db->nhosts)) {
			db->backoff_ms = 0;
			db->next_try_ms = 0;
			return DB_OK;
		}
	counts.down++;
	db->backoff_ms = db->backoff_ms ? db->backoff_ms * 2 : 100;
	if (db->backoff_ms > 1000)
		db->backoff_ms = 1000;
	db->next_try_ms = now_ms() + db->backoff_ms;
	return DB_DOWN;
}

static bool errno_is_connection(unsigned e)
{
	switch (e) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_LOST_EXTENDED:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
	case ER_NORMAL_SHUTDOWN:
	case 4031:		/* ER_CLIENT_INTERACTION_TIMEOUT */
		return true;
	default:
		return false;
	}
}

/* An answer the same Galera node would give again: drop the connection and try the next node
 * (with backoff, as for a deadlock; a transaction is run again whole). */
static enum db_status db_next_node(struct db *db, unsigned e)
{
	db_drop(db);
	if (db->nhosts)
		db->current = (db->current + 1) % db->nhosts;
	db->retry_errno = e;
	return DB_RETRY;
}

/* Maps a server error to a status; a lost connection is dropped so the next call reconnects. */
static enum db_status db_classify_uncounted(struct db *db, unsigned e, const char *msg, const char *sql)
{
	if (errno_is_connection(e)) {
		db_drop(db);
		return DB_DOWN;
	}
	switch (e) {
	case ER_LOCK_DEADLOCK:
	/* InnoDB's answer when two INSERT ... SELECT race for a table's AUTO-INC lock: a lost lock,
	 * not a broken table (seen with files of the HTTP suite running side by side). */
	case ER_AUTOINC_READ_FAILED:
		db->retry_errno = e;
		return DB_RETRY;
	/* The node is out of the primary component, or not ready (joining): 1047 for most
	 * statements; 1205 for a read, whose wsrep_sync_wait cannot complete (seen when a restarted
	 * node rejoined a loaded cluster; on one server it follows innodb_lock_wait_timeout, and a
	 * reconnect then costs nothing that matters); 1180 for a commit that could not be
	 * replicated, and was rolled back. */
	case ER_UNKNOWN_COM_ERROR:
	case ER_LOCK_WAIT_TIMEOUT:
	case ER_ERROR_DURING_COMMIT:
		return db_next_node(db, e);
	case ER_DUP_ENTRY:
		return DB_DUP;
	case ER_OPTION_PREVENTS_STATEMENT:	/* read_only */
	case ER_LOCK_OR_ACTIVE_TRANSACTION:
	/* A full disk or tablespace passes once space is freed: 503 with Retry-After, not a 500. */
	case ER_RECORD_FILE_FULL:
	case ER_DISK_FULL:
		return DB_DOWN;
	default:
		fprintf(stderr, "db: error %u: %s in: %.200s\n", e, msg, sql);
		return DB_ERR;
	}
}

static enum db_status db_classify(struct db *db, unsigned e, const char *msg, const char *sql)
{
	enum db_status rc = db_classify_uncounted(db, e, msg, sql);
	if (rc == DB_DOWN)
		counts.down++;
	else if (rc == DB_RETRY)
		counts.conflicts++;
	else if (rc == DB_ERR)
		counts.errors++;
	return rc;
}

static struct db_slot *db_slot(struct db *db, const struct db_stmt *def)
{
	/* Open addressing on the statement's address: each static definition gets one slot. */
	size_t h = ((uintptr_t)def >> 4) % DB_MAX_STMTS;
	for (size_t k = 0; k < DB_MAX_STMTS; k++) {
		struct db_slot *s = &db->slots[(h + k) % DB_MAX_STMTS];
		if (s->def == def || !s->def) {
			s->def = def;
			return s;
		}
	}
	abort();	/* more distinct statements than DB_MAX_STMTS: raise the constant */
}

static enum db_status db_prepare(struct db *db, struct db_slot *s)
{
	const struct db_stmt *d = s->def;
	MYSQL_STMT *st = mysql_stmt_init(db->conn);
	if (!st)
		abort();
	if (mysql_stmt_prepare(st, d->sql, strlen(d->sql)) != 0) {
		enum db_status rc = db_classify(db, mysql_stmt_errno(st), mysql_stmt_error(st), d->sql);
		mysql_stmt_close(st);
		return rc == DB_OK ? DB_ERR : rc;
	}
	size_t np = strlen(d->params), nc = strlen(d->cols);
	if (mysql_stmt_param_count(st) != np || mysql_stmt_field_count(st) != nc ||
	    np > DB_MAX_BIND || nc > DB_MAX_BIND) {
		/* A declaration that disagrees with its SQL is a programming error, caught by tests. */
		fprintf(stderr, "db: statement declares %zu params/%zu cols, server says %lu/%u: %s\n",
			np, nc, mysql_stmt_param_count(st), mysql_stmt_field_count(st), d->sql);
		abort();
	}
	my_bool on = 1;
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	s->stmt = st;
	return DB_OK;
}

static enum db_status db_fetch(struct db *db, struct db_slot *s, struct arena *a, struct db_res *out)
{
	MYSQL_STMT *st = s->stmt;
	const char *cols = s->def->cols;
	size_t nc = strlen(cols);
	if (mysql_stmt_store_result(st) != 0)
		return db_classify(db, mysql_stmt_errno(st), mysql_stmt_error(st), s->def->sql);
	MYSQL_FIELD *fields = st->fields;	/* max_length is filled in by store_result */
	MYSQL_BIND b[DB_MAX_BIND];
	unsigned long len[DB_MAX_BIND];
	my_bool isnull[DB_MAX_BIND], err[DB_MAX_BIND];
	long long ints[DB_MAX_BIND];
	memset(b, 0, sizeof b);
	for (size_t c = 0; c < nc; c++) {
		b[c].length = &len[c];
		b[c].is_null = &isnull[c];
		b[c].error = &err[c];
		if (cols[c] == 'i') {
			b[c].buffer_type = MYSQL_TYPE_LONGLONG;
			b[c].buffer = &ints[c];
		} else {
			b[c].buffer_type = cols[c] == 'b' ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
			b[c].buffer_length = fields[c].max_length + 1 > 64 ? fields[c].max_length + 1 : 64;
			b[c].buffer = arena_alloc(a, b[c].buffer_length);
		}
	}
	if (mysql_stmt_bind_result(st, b) != 0) {
		mysql_stmt_free_result(st);
		return db_classify(db, mysql_stmt_errno(st), mysql_stmt_error(st), s->def->sql);
	}
	out->nrows = mysql_stmt_num_rows(st);
	out->ncols = nc;
	out->v = arena_zalloc(a, (out->nrows ? out->nrows : 1) * (nc ? nc : 1) * sizeof *out->v);
	enum db_status rc = DB_OK;
	for (size_t r = 0; r < out->nrows; r++) {
		int f = mysql_stmt_fetch(st);
		if (f == 1 || f == MYSQL_NO_DATA) {
			rc = f == 1 ? db_classify(db, mysql_stmt_errno(st), mysql_stmt_error(st), s->def->sql) : DB_ERR;
			break;
		}
		for (size_t c = 0; c < nc; c++) {
			struct db_val *v = &out->v[r * nc + c];
			v->null = isnull[c];
			v->s = "";
			if (isnull[c])
				continue;
			if (cols[c] == 'i') {
				v->i = ints[c];
			} else if (!err[c]) {
				v->s = arena_strndup(a, b[c].buffer, len[c]);
				v->len = len[c];
			} else {
				/* Truncated: never use a cut value; fetch the whole column instead. */
				char *full = arena_alloc(a, len[c] + 1);
				MYSQL_BIND one = b[c];
				one.buffer = full;
				one.buffer_length = len[c] + 1;
				if (mysql_stmt_fetch_column(st, &one, (unsigned)c, 0) != 0) {
					rc = DB_ERR;
					break;
				}
				full[len[c]] = '\0';
				v->s = full;
				v->len = len[c];
			}
		}
		if (rc != DB_OK)
			break;
	}
	mysql_stmt_free_result(st);
	return rc;
}

static enum db_status db_run(struct db *db, struct arena *a, const struct db_stmt *def,
			     const struct db_param *params, struct db_res *out)
{
	/* The transaction died with its connection: a fresh one would run the rest of the body in
	 * autocommit, on another node, against rows the lost transaction never committed. */
	if (db->in_txn && !db->conn)
		return DB_DOWN;
	enum db_status rc = db_ready(db);
	if (rc != DB_OK)
		return rc;
	struct db_slot *s = db_slot(db, def);
	if (!s->stmt && (rc = db_prepare(db, s)) != DB_OK)
		return rc;
	size_t np = strlen(def->params);
	MYSQL_BIND b[DB_MAX_BIND];
	my_bool null_flag = 1;
	memset(b, 0, sizeof b);
	for (size_t i = 0; i < np; i++) {
		const struct db_param *p = &params[i];
		switch (p->type) {
		case 'i':
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p->i;
			break;
		case 's':
		case 'b':
			b[i].buffer_type = p->type == 's' ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)p->s;
			b[i].buffer_length = p->len;
			break;
		default:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			b[i].is_null = &null_flag;
		}
	}
	MYSQL_STMT *st = s->stmt;
	if ((np && mysql_stmt_bind_param(st, b) != 0) || mysql_stmt_execute(st) != 0)
		return db_classify(db, mysql_stmt_errno(st), mysql_stmt_error(st), def->sql);
	db->affected = mysql_stmt_affected_rows(st);
	db->insert_id = mysql_stmt_insert_id(st);
	if (def->cols[0] == '\0') {
		if (out)
			memset(out, 0, sizeof *out);
		return DB_OK;
	}
	struct db_res scratch;
	return db_fetch(db, s, a, out ? out : &scratch);
}

/* Randomised so that two conflicting writers do not collide again; bounded by DB_TXN_TRIES. */
static void db_backoff(int attempt)
{
	counts.retries++;
	sleep_ms((5L << attempt) + (long)randombytes_uniform(10u << attempt));
}

enum db_status db_query(struct db *db, struct arena *a, const struct db_stmt *st,
			const struct db_param *params, struct db_res *out)
{
	bool was_connected = db->conn != NULL;
	enum db_status rc = db_run(db, a, st, params, out);
	/* The connection died under the statement (db_ready catches one that died while idle). A
	 * read is simply asked again; a write may have been applied before the answer was lost, so
	 * running it again could apply it twice: DB_DOWN, and the visitor's retry decides. Inside a
	 * transaction, db_txn runs the whole transaction again instead. */
	if (rc == DB_DOWN && was_connected && !db->in_txn && !db->conn && st->cols[0])
		rc = db_run(db, a, st, params, out);
	/* A lone statement that lost a deadlock or a Galera certification conflict was rolled back
	 * whole, so it is safe to run again; inside a transaction db_txn re-runs everything. */
	for (int attempt = 1; rc == DB_RETRY && !db->in_txn && attempt < DB_TXN_TRIES; attempt++) {
		db_backoff(attempt);
		rc = db_run(db, a, st, params, out);
	}
	if (rc == DB_RETRY && !db->in_txn)
		fprintf(stderr, "db: error %u after %d tries in: %.200s\n", db->retry_errno, DB_TXN_TRIES, st->sql);
	return rc;
}

unsigned long long db_insert_id(struct db *db)
{
	return db->insert_id;
}

unsigned long long db_affected(struct db *db)
{
	return db->affected;
}

/* Transaction control: the one fixed text statement, then Connector/C's own commit/rollback;
 * everything else goes through prepared statements. */
static enum db_status db_begin(struct db *db)
{
	if (mysql_real_query(db->conn, "START TRANSACTION", sizeof "START TRANSACTION" - 1) != 0)
		return db_classify(db, mysql_errno(db->conn), mysql_error(db->conn), "START TRANSACTION");
	return DB_OK;
}

static enum db_status db_commit(struct db *db)
{
	if (mysql_commit(db->conn) != 0)
		return db_classify(db, mysql_errno(db->conn), mysql_error(db->conn), "COMMIT");
	return DB_OK;
}

enum db_status db_txn(struct db *db, enum db_status (*fn)(struct db *db, void *ctx), void *ctx)
{
	enum db_status rc = DB_ERR;
	int reconnects = 0;
	for (int attempt = 0; attempt < DB_TXN_TRIES; attempt++) {
		if (attempt && rc == DB_RETRY)
			db_backoff(attempt);
		if ((rc = db_ready(db)) != DB_OK)
			return rc;
		db->in_txn = true;
		rc = db_begin(db);
		if (rc == DB_OK)
			rc = fn(db, ctx);
		if (!db->conn) {
			/* Lost before COMMIT was sent (an idle connection that died, a node killed mid-body):
			 * the server rolled everything back, so running it again on the next node is safe. */
			db->in_txn = false;
			if (reconnects++ < DB_TXN_RECONNECTS)
				continue;
			return DB_DOWN;
		}
		if (rc == DB_OK)
			rc = db_commit(db);	/* lost here: the outcome is unknown, so DB_DOWN, never again */
		if (rc != DB_OK && db->conn)
			mysql_rollback(db->conn);
		db->in_txn = false;
		if (rc != DB_RETRY)
			return rc;
	}
	if (rc == DB_RETRY)
		fprintf(stderr, "db: transaction gave up after %d tries, last error %u\n", DB_TXN_TRIES, db->retry_errno);
	return rc;
}

enum db_status db_exec_trusted(struct db *db, const char *sql, size_t len)
{
	enum db_status rc = db_ready(db);
	if (rc != DB_OK)
		return rc;
	MYSQL_STMT *st = mysql_stmt_init(db->conn);
	if (!st)
		abort();
	/* A compound statement (BEGIN NOT ATOMIC ... END: a batched backfill) cannot be prepared;
	 * it is the one kind of migration text sent as a plain query, and it returns no rows. */
	int prepare_rc = mysql_stmt_prepare(st, sql, len);
	if (prepare_rc != 0 && mysql_stmt_errno(st) == ER_UNSUPPORTED_PS) {
		mysql_stmt_close(st);
		if (mysql_real_query(db->conn, sql, len) != 0) {
			fprintf(stderr, "db: %s\n", mysql_error(db->conn));
			rc = db_classify(db, mysql_errno(db->conn), mysql_error(db->conn), sql);
			return rc == DB_OK ? DB_ERR : rc;
		}
		return DB_OK;
	}
	if (prepare_rc != 0 || mysql_stmt_execute(st) != 0) {
		fprintf(stderr, "db: %s\n", mysql_stmt_error(st));
		rc = db_classify(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
		mysql_stmt_close(st);
		return rc == DB_OK ? DB_ERR : rc;
	}
	mysql_stmt_close(st);
	return DB_OK;
}

const char *db_status_str(enum db_status s)
{
	static const char *const names[] = { "ok", "down", "retry", "duplicate", "conflict", "error" };
	return s <= DB_ERR ? names[s] : "?";
}
