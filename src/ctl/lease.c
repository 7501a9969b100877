/* lease.c: claim-then-work passes over due rows (see lease.h). */
#include "ctl/lease.h"

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
	for (;;) {
		arena_reset(a);
		struct db_res due;
		if (db_query(db, a, job->due, NULL, &due) != DB_OK)
			return -1;
		size_t claimed = 0;
		for (size_t i = 0; i < due.nrows; i++) {
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
