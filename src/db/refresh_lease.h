/* refresh_lease.h: a cluster-wide lease on a periodic job that runs inside the web programs (a
 * row of refresh_leases), and the per-worker timer that decides when a worker asks for it. */
#ifndef CC_REFRESH_LEASE_H
#define CC_REFRESH_LEASE_H
#include <stdbool.h>
#include "db/db.h"

/* One UPDATE that moves lease `name` on by period_s seconds if it is due; *won is true when it
 * did, so exactly one worker of the whole cluster wins each period (on Galera the loser of a
 * conflict is rolled back, and its retry finds the lease no longer due). With early_gap_s > 0 it
 * also wins a lease that is not due but was last claimed at least early_gap_s seconds ago: for a
 * job whose result someone is waiting for. */
enum db_status refresh_lease_claim(struct db *db, const char *name, long period_s, long early_gap_s, bool *won);
/* Seconds until lease `name` is due (0 if it is), -1 if there is no such lease. */
enum db_status refresh_lease_left(struct db *db, struct arena *a, const char *name, long long *left);

/* When this worker asks next; monotonic milliseconds. Zeroed, it asks at once. */
struct refresh_timer {
	long long next_ms;		/* the next regular look */
	long long next_early_ms;	/* before this, a waiting result does not bring a look forward */
};

/* Whether to ask now; `early`: someone is waiting for the job's result. Pure. */
bool refresh_lease_timer_due(const struct refresh_timer *t, long long now_ms, bool early);
/* After asking at now_ms: the next look when the lease is due again (left_s, as from
 * refresh_lease_left; -1 for unknown), but at least once a period, plus jitter_ms so that the
 * workers that lost do not all ask at the same moment again; no early look for early_gap_s. Pure. */
void refresh_lease_timer_looked(struct refresh_timer *t, long long now_ms, long period_s, long long left_s,
			  long early_gap_s, unsigned jitter_ms);

#endif
