/* heartbeat.c: writes the worker's heartbeat row for this host. */
#include <stdio.h>
#include <unistd.h>
#include "ctl/heartbeat.h"

static const struct db_stmt q_beat = {
	"INSERT INTO worker_heartbeats (host, started_at, finished_at, passes, delivered, ok)"
	" VALUES (?, UTC_TIMESTAMP() - INTERVAL ? SECOND, UTC_TIMESTAMP(), 1, ?, ?)"
	" ON DUPLICATE KEY UPDATE started_at = VALUES(started_at), finished_at = VALUES(finished_at),"
	" passes = passes + 1, delivered = VALUES(delivered), ok = VALUES(ok)",
	"siii", "" };

void heartbeat_write(struct db *db, long long seconds, long delivered, bool ok)
{
	char host[256];
	if (gethostname(host, sizeof host) != 0)
		snprintf(host, sizeof host, "unknown");
	host[sizeof host - 1] = '\0';
	if (db_query(db, NULL, &q_beat, (struct db_param[]){ DB_S(host), DB_I(seconds), DB_I(delivered),
		     DB_I(ok) }, NULL) != DB_OK)
		fprintf(stderr, "crowdcartctl worker: could not write the heartbeat\n");
}
