/* tally.h: counts a worker aggregates in memory and writes at most once a second with multi-row
 * upserts, so a page view never waits on a database write (creator visits, video and ad stats).
 * The trade-off: a worker that crashes loses at most about a second of counts; an idle worker's
 * after-request hook runs after a second without a request (web/worker.c); no other node needs
 * them. Worker-lifetime state, on purpose: one struct tally per kind of count. */
#ifndef CC_TALLY_H
#define CC_TALLY_H
#include <stdbool.h>
#include <stddef.h>
#include "db/db.h"

#define TALLY_ROWS_PER_STMT 4	/* the upserts of 1 to 4 rows keep the binds under the db layer's limit */

/* The upserts of 1 to 4 rows: "INSERT ... VALUES " head, one row's placeholders and types, and
 * the ON DUPLICATE KEY tail. */
#define TALLY_UPSERTS(head, row, types, on_dup) { \
	{ head row on_dup, types, "" }, \
	{ head row ", " row on_dup, types types, "" }, \
	{ head row ", " row ", " row on_dup, types types types, "" }, \
	{ head row ", " row ", " row ", " row on_dup, types types types types, "" }, \
}

struct tally {
	const struct db_stmt *upsert;	/* [TALLY_ROWS_PER_STMT]: the upsert of 1, 2, 3 and 4 rows */
	size_t ncols;			/* parameters per row */
	/* The parameters of pending row i, ncols of them, into p. */
	void (*row)(size_t i, struct db_param *p);
	void *rows;			/* the owner's array of pending rows, */
	size_t row_size;		/* and the size of one: rows the database refuses are taken out */
	size_t n;			/* pending rows */
	long long last_ms;		/* monotonic time of the last write */
};

/* The UTC day of unix time `now` as YYYY-MM-DD, the day a count goes to. */
void tally_day(long long now, char out[11]);

/* Writes the pending rows in one transaction if a second has passed since the last write (or
 * `force`); they are cleared only once written, so a write that failed for a while (the database
 * away, a conflict) is tried again later. A row the database refuses outright (the link, video or
 * session it counts for deleted since) is dropped, and the rest are written without it. */
void tally_flush(struct db *db, struct tally *t, bool force);

#endif
