/* lease.c: claim-then-work passes over due rows (see lease.h). */
#include <time.h>
#include "ctl/lease.h"

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000L + (now.tv_nsec - since->tv_nsec) / 1000000L;
}

int lease_claim(struct db *db, const struct db_stmt *claim, long long id)
{
	enum db_status rc = db_query(db, NULL, claim, (struct db_param[]){ DB_I(id) }, NULL);
	if (rc == DB_RETRY)
		return 0;
	if (rc != DB_OK)
		return -1;
	return db_affected(db) == 1;
}

long lease_pass(struct db *db, struct arena *a, const struct lease_job *job)
{
	long worked = 0;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		arena_reset(a);
		struct db_res due;
		if (db_query(db, a, job->due, NULL, &due) != DB_OK)
			return -1;
		size_t claimed = 0;
		for (size_t i = 0; i < due.nrows; i++) {
			if (job->budget_ms > 0 && elapsed_ms(&start) >= job->budget_ms)
				return worked;
			long long id = db_at(&due, i, 0)->i;
			int c = lease_claim(db, job->claim, id);
			if (c < 0)
				return -1;
			if (c == 0)
				continue;
			claimed++;
			if (!job->work(db, a, id, job->ctx))
				return -1;
			worked++;
		}
		if (due.nrows < job->batch || claimed == 0)
			return worked;
	}
}
