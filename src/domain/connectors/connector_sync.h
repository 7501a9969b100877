/* connector_sync.h: the full sync of a connected shop, run by crowdcartctl worker and never in a
 * page request: a page of products at a time, each page written (the import's write side, matched
 * by handle so a page written twice makes no duplicate) and then checkpointed, so a worker that
 * dies mid-sync is followed by one that goes on from the last checkpoint. */
#ifndef CC_CONNECTOR_SYNC_H
#define CC_CONNECTOR_SYNC_H
#include "db/db.h"
#include "domain/connectors/shopify_api.h"

/* Runs the syncs that are due for at most budget_ms (a sync left unfinished is queued again at
 * its checkpoint for the next pass). The products written, or -1 when the database failed. */
long connector_sync_due(struct db *db, struct arena *a, const struct connector_http *http, long budget_ms);

#endif
