/* throttle.h: failures counted per subject in a 15-minute window, in a table every node shares,
 * so guesses (passwords, order numbers) slow down whichever worker they reach. A subject is a
 * keyed hash of a name (an email) or of the client address, never the value itself. */
#ifndef CC_THROTTLE_H
#define CC_THROTTLE_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

/* One table of (subject_hash, time) rows and its limits. */
struct throttle_kind {
	const char *prefix;		/* keeps this kind's subject hashes apart from another's */
	const struct db_stmt *count;	/* COUNT(*) of a subject's rows in the window: "b" -> "i" */
	const struct db_stmt *record;	/* one row for a subject, now: "b" */
	const struct db_stmt *purge;	/* a batch of rows too old to count: no parameters */
	long long max_per_name, max_per_address;
};

/* The two subjects of one attempt. */
struct throttle {
	uint8_t name[32], address[32];
};

void throttle_subjects(const struct throttle_kind *k, const uint8_t secret[32], const char *name,
		       const char *address, struct throttle *t);
/* *over: either subject has reached its limit. */
enum db_status throttle_over(struct db *db, struct arena *a, const struct throttle_kind *k,
			     const struct throttle *t, bool *over) DB_MUST_CHECK;
/* Counts one failure against both subjects. A failure that cannot be counted must not be answered
 * as one (that would let guesses run past the throttle while the writes fail): the caller answers
 * the status instead. Old rows are purged along the way, best effort. */
enum db_status throttle_record(struct db *db, const struct throttle_kind *k, const struct throttle *t)
	DB_MUST_CHECK;

#endif
