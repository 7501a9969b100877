/* dbcache.h: a small per-worker cache of public catalog reads, each entry kept for at most
 * cache_ttl_ms (default 1000). It is the only thing a worker keeps between requests, and no other
 * worker or web node needs it: it holds only what any node would read from the database, at most
 * one TTL old. Pages that show personal data or take money never read through it. */
#ifndef CC_DBCACHE_H
#define CC_DBCACHE_H
#include "db/db.h"

/* Like db_query, but a hit younger than the TTL is answered from the cache without asking the
 * database: `out` then points into the cache's own copy, which stays valid until the next request
 * and must not be written (results are only read: sort or filter into arena copies). Only results
 * with rows are cached, so a new creator or product shows up at once; changes to existing rows
 * show up within the TTL. */
enum db_status db_query_cached(struct db *db, struct arena *a, const struct db_stmt *st,
			       const struct db_param *params, struct db_res *out) DB_MUST_CHECK;
/* The same, but an empty result is cached too: for lists where "none yet" is as common as
 * "some" (a video feed) and showing a new row a TTL late is fine. */
enum db_status db_query_cached_list(struct db *db, struct arena *a, const struct db_stmt *st,
				    const struct db_param *params, struct db_res *out) DB_MUST_CHECK;

/* A page whose lists must be no older than a cursor it read first (the live page's last event
 * seq, so that polling from it misses no event) reads the cursor with db_query_cached_stamped,
 * which also gives when that answer was complete (this worker's CLOCK_MONOTONIC, ns), and each
 * list with db_query_cached_since that time: a cached list the database was asked for earlier
 * counts as a miss. Each list is then as new as if all were read uncached in that order. */
enum db_status db_query_cached_stamped(struct db *db, struct arena *a, const struct db_stmt *st,
				       const struct db_param *params, long long *done_at, struct db_res *out) DB_MUST_CHECK;
enum db_status db_query_cached_since(struct db *db, struct arena *a, const struct db_stmt *st,
				     const struct db_param *params, long long since, struct db_res *out) DB_MUST_CHECK;

/* Pages rendered from cached reads may be kept (fragment.c) only as long as those reads: the
 * dispatcher calls dbcache_mark() before every request, and dbcache_expiry() is the earliest
 * expiry (CLOCK_MONOTONIC ms) of the entries read or stored since; LLONG_MAX when none. */
void dbcache_mark(void);
long long dbcache_expiry(void);

/* Reads answered from this process's cache and reads it had to ask the database for, since it
 * started (for the metrics). */
void dbcache_counts(unsigned long long *hits, unsigned long long *misses);

#endif
