/* lease.h: one pass over due rows of an outbox-like table (webhook deliveries, domain checks), each
 * claimed with a lease first so that workers on several nodes never work on the same row at once. */
#ifndef CC_LEASE_H
#define CC_LEASE_H
#include "db/db.h"

struct lease_job {
	const struct db_stmt *due;	/* no parameters; the ids of due rows, at most `batch` */
	size_t batch;
	const struct db_stmt *claim;	/* one parameter, the id: changes the row only while it is still due */
	bool (*work)(struct db *db, struct arena *a, long long id, void *ctx);	/* false: a database failure */
	void *ctx;
	long budget_ms;	/* 0: until none is due; else no row is claimed after this long (slow work, */
			/* such as fetching from other hosts, leaves the rest for the next pass) */
};

/* Claims and works every due row, batch after batch, until a batch comes back short, none of it
 * was won, or the job's time budget is spent. The number of rows worked, or -1 on a database failure. Resets `a` for each batch. */
long lease_pass(struct db *db, struct arena *a, const struct lease_job *job);
/* Claims one row with `claim` (parameter: the id): 1 won, 0 another worker holds it or it is not
 * due any more (a Galera certification conflict means another node won it), -1 a database failure. */
int lease_claim(struct db *db, const struct db_stmt *claim, long long id);

#endif
