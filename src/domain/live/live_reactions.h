/* live_reactions.h: reactions a worker counts in memory and writes at most once a second
 * (db/tally.h), one row per session, second and emoji: 200 taps a second cost a handful of
 * upserts, not 200 transactions. The rows of a second may land up to about a second after it
 * ends, so readers take seconds at least LIVE_REACTIONS_SETTLE_S old. */
#ifndef CC_LIVE_REACTIONS_H
#define CC_LIVE_REACTIONS_H
#include <stdbool.h>
#include "db/db.h"

#define LIVE_REACTIONS_SETTLE_S 2

/* One tap of `emoji` (live_reaction_ok) in session `session_id` at unix second `at_s`. */
void live_reactions_count(struct db *db, long long session_id, long long at_s, const char *emoji);
/* Writes what is pending if a second has passed (or `force`): the shop's after-request hook. */
void live_reactions_flush(struct db *db, bool force);

#endif
