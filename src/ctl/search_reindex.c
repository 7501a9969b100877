/* search_reindex.c: `crowdcartctl search-index` — every product whose search row is missing or
 * older than the product, indexed now rather than 500 a worker pass (after an upgrade, say). */
#include <stdio.h>
#include "ctl/ctl.h"
#include "domain/search/search_index.h"

/* Products a batch: each batch is its own statements, so the work shows progress and a
 * failure loses nothing already indexed. */
#define REINDEX_BATCH 1000

int ctl_search_index(struct db *db)
{
	struct arena *a = arena_new(1 << 16);
	long long done, total = 0;
	enum db_status rc;
	do {
		arena_reset(a);
		rc = search_index_stale(db, a, 0, REINDEX_BATCH, &done);
		total += done;
		if (done)
			printf("indexed %lld product(s)\n", total);
	} while (rc == DB_OK && done == REINDEX_BATCH);
	arena_free(a);
	if (rc != DB_OK) {
		fprintf(stderr, "crowdcartctl search-index: %s\n", db_status_str(rc));
		return 1;
	}
	return 0;
}
