/* health.h: is this program fit to serve? The database answers on the worker's own connection,
 * the migrations applied are those shipped, and the outboxes are being worked off. */
#ifndef CC_HEALTH_H
#define CC_HEALTH_H
#include <stdbool.h>
#include "lib/buf.h"
#include "db/db.h"

/* Lists the numbered migrations of sql_dir (config sql_dir): called once by the parent before
 * the first fork, as the workers' system call filter does not let them read a directory. A
 * directory that cannot be read is said on stderr, and the migrations check fails with that. */
void health_init(void);

struct health_report {
	bool db_ok;
	/* Migrations: how many files sql_dir ships and the last one's name; how many of those
	 * names schema_migrations records and its last. */
	long long shipped, applied;	/* shipped < 0: sql_dir could not be read */
	const char *last_shipped, *last_applied;
	bool migrations_read, migrations_ok;
	/* Mail waiting in outbox and lead webhooks waiting in webhook_deliveries, and how long the
	 * oldest has waited past its time (seconds). The outbox is judged only where mail is sent
	 * (sendmail_path set); elsewhere mail stays there for the operator, by design. */
	long long outbox_pending, outbox_waited_s, webhooks_pending, webhooks_overdue_s;
	bool outbox_read, webhooks_read;	/* false: the statement failed (grants missing?) */
	bool outbox_judged, outbox_ok, webhooks_ok;
	long stuck_after_s;	/* config health_queue_minutes, as seconds */
};

/* Asks the database; fields it could not learn stay zero, and db_ok false. */
void health_probe(struct db *db, struct arena *a, struct health_report *out);
bool health_ok(const struct health_report *h);
/* "ok" or "fail", then one line per check with what it found (no secrets, no addresses). */
void health_text(const struct health_report *h, struct buf *out);
/* The same findings as Prometheus gauges (program label given). */
void health_metrics(const struct health_report *h, const char *program, struct buf *out);

#endif
