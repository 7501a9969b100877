/* heartbeat.h: the worker's note after each pass (worker_heartbeats), which the admin's system
 * page reads to say when the worker last ran on each host and how it went. */
#ifndef CC_CTL_HEARTBEAT_H
#define CC_CTL_HEARTBEAT_H
#include <stdbool.h>
#include "db/db.h"

/* One row per host, replaced each pass: the pass took `seconds`, delivered webhooks, and ok is
 * false when it met a database error. A failure to write it is said on stderr only: the pass
 * itself has been done. */
void heartbeat_write(struct db *db, long long seconds, long delivered, bool ok);

#endif
