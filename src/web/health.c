/* health.c: the checks behind /_health, three cheap statements on indexed columns: a count of the
 * recorded migrations, and the oldest pending row of each outbox. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/config.h"
#include "web/health.h"

/* schema_migrations also records the demo files, under "demo/" (ctl/migrate.c). */
static const struct db_stmt q_migrations = {
	"SELECT COUNT(*), COALESCE(MAX(name), '') FROM schema_migrations WHERE name NOT LIKE 'demo/%'",
	"", "is" };
static const struct db_stmt q_outbox = {
	"SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(created_at), UTC_TIMESTAMP()), 0)"
	" FROM outbox WHERE status = 'pending'", "", "ii" };
static const struct db_stmt q_webhooks = {
	"SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(next_attempt_at), UTC_TIMESTAMP()), 0)"
	" FROM webhook_deliveries WHERE status = 'pending'", "", "ii" };

static long long shipped_count;
static char last_shipped[256];

static int numbered_sql(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 9 && e->d_name[0] >= '0' && e->d_name[0] <= '9' && e->d_name[4] == '_' &&
	       strcmp(e->d_name + n - 4, ".sql") == 0;
}

void health_init(void)
{
	const char *dir = config_str("sql_dir", "sql");
	struct dirent **list;
	int n = scandir(dir, &list, numbered_sql, alphasort);
	if (n < 0) {
		fprintf(stderr, "health: sql_dir %s: %s; /_health will fail its migrations check\n", dir,
			strerror(errno));
		shipped_count = -1;
		return;
	}
	shipped_count = n;
	for (int i = 0; i < n; i++) {
		if (i == n - 1)
			snprintf(last_shipped, sizeof last_shipped, "%s", list[i]->d_name);
		free(list[i]);
	}
	free(list);
}

void health_probe(struct db *db, struct arena *a, struct health_report *h)
{
	memset(h, 0, sizeof *h);
	h->shipped = shipped_count;
	h->last_shipped = last_shipped;
	h->last_applied = "";
	h->stuck_after_s = config_int("health_queue_minutes", 15, 1, 7 * 24 * 60) * 60;
	h->outbox_judged = *config_str("sendmail_path", "") != '\0';
	struct db_res m, o, w;
	enum db_status rc = db_ready(db);
	if (rc == DB_OK)
		rc = db_query(db, a, &q_migrations, NULL, &m);
	if (db_transient(rc))
		return;
	/* Any other failure is this statement's (a grant missing), not the database's. */
	h->db_ok = true;
	if (rc == DB_OK) {
		h->migrations_read = true;
		h->applied = db_at(&m, 0, 0)->i;
		h->last_applied = db_at(&m, 0, 1)->s;
	}
	/* Names sort in number order, so the same count and the same last name are the same set,
	 * unless a file was renamed: migrate would apply it again, so it shows as missing there. */
	h->migrations_ok = h->migrations_read && h->shipped >= 0 && h->applied == h->shipped &&
			   strcmp(h->last_applied, h->last_shipped) == 0;
	if (db_query(db, a, &q_outbox, NULL, &o) == DB_OK) {
		h->outbox_read = true;
		h->outbox_pending = db_at(&o, 0, 0)->i;
		h->outbox_waited_s = db_at(&o, 0, 1)->i;
		h->outbox_ok = !h->outbox_judged || h->outbox_waited_s <= h->stuck_after_s;
	}
	if (db_query(db, a, &q_webhooks, NULL, &w) == DB_OK) {
		h->webhooks_read = true;
		h->webhooks_pending = db_at(&w, 0, 0)->i;
		h->webhooks_overdue_s = db_at(&w, 0, 1)->i;
		h->webhooks_ok = h->webhooks_overdue_s <= h->stuck_after_s;
	}
}

bool health_ok(const struct health_report *h)
{
	return h->db_ok && h->migrations_ok && h->outbox_ok && h->webhooks_ok;
}

void health_text(const struct health_report *h, struct buf *out)
{
	buf_puts(out, health_ok(h) ? "ok\n" : "fail\n");
	if (!h->db_ok) {
		buf_puts(out, "database: unreachable\n");
		return;
	}
	buf_puts(out, "database: ok\n");
	if (h->shipped < 0)
		buf_puts(out, "migrations: unknown (sql_dir could not be read when the program started)\n");
	else if (!h->migrations_read)
		buf_puts(out, "migrations: could not be read\n");
	else if (h->migrations_ok)
		buf_printf(out, "migrations: ok (%lld applied, last %s)\n", h->applied, h->last_applied);
	else
		buf_printf(out, "migrations: not current (%lld of %lld shipped applied, last %s; the "
				"programs expect %s: run crowdcartctl migrate)\n",
			   h->applied, h->shipped, *h->last_applied ? h->last_applied : "none", h->last_shipped);
	long mins = h->stuck_after_s / 60;
	if (!h->outbox_read)
		buf_puts(out, "outbox: could not be read\n");
	else if (!h->outbox_judged)
		buf_printf(out, "outbox: ok (%lld pending; sendmail_path is not set, so mail stays there)\n",
			   h->outbox_pending);
	else if (h->outbox_ok)
		buf_printf(out, "outbox: ok (%lld pending)\n", h->outbox_pending);
	else
		buf_printf(out, "outbox: stuck (%lld pending, the oldest for %lld min, over %ld: is "
				"crowdcartctl send-mail running?)\n", h->outbox_pending, h->outbox_waited_s / 60, mins);
	if (!h->webhooks_read)
		buf_puts(out, "webhooks: could not be read\n");
	else if (h->webhooks_ok)
		buf_printf(out, "webhooks: ok (%lld pending)\n", h->webhooks_pending);
	else
		buf_printf(out, "webhooks: stuck (%lld pending, the oldest due %lld min ago, over %ld: is "
				"crowdcartctl worker running?)\n", h->webhooks_pending, h->webhooks_overdue_s / 60, mins);
}

void health_metrics(const struct health_report *h, const char *program, struct buf *out)
{
	buf_printf(out, "# HELP crowdcart_up 1 when /_health would answer 200.\n# TYPE crowdcart_up gauge\n"
			"crowdcart_up{program=\"%s\"} %d\n", program, health_ok(h) ? 1 : 0);
	buf_printf(out, "# HELP crowdcart_db_up 1 when the worker's database connection answers.\n"
			"# TYPE crowdcart_db_up gauge\ncrowdcart_db_up{program=\"%s\"} %d\n", program, h->db_ok ? 1 : 0);
	if (!h->db_ok)
		return;
	buf_printf(out, "# HELP crowdcart_migrations_pending Shipped migrations the database has not "
			"recorded.\n# TYPE crowdcart_migrations_pending gauge\n"
			"crowdcart_migrations_pending{program=\"%s\"} %lld\n", program,
		   h->migrations_ok ? 0 : h->shipped > h->applied ? h->shipped - h->applied : 1);
	buf_printf(out, "# HELP crowdcart_queue_depth Items waiting in a queue.\n"
			"# TYPE crowdcart_queue_depth gauge\n"
			"crowdcart_queue_depth{program=\"%s\",queue=\"outbox\"} %lld\n"
			"crowdcart_queue_depth{program=\"%s\",queue=\"webhooks\"} %lld\n",
		   program, h->outbox_pending, program, h->webhooks_pending);
	buf_printf(out, "# HELP crowdcart_queue_oldest_seconds How long the oldest item has waited past "
			"its time.\n# TYPE crowdcart_queue_oldest_seconds gauge\n"
			"crowdcart_queue_oldest_seconds{program=\"%s\",queue=\"outbox\"} %lld\n"
			"crowdcart_queue_oldest_seconds{program=\"%s\",queue=\"webhooks\"} %lld\n",
		   program, h->outbox_pending ? h->outbox_waited_s : 0, program,
		   h->webhooks_pending && h->webhooks_overdue_s > 0 ? h->webhooks_overdue_s : 0);
}
