/* live_transition.h: a live session moves scheduled -> live -> ended, from the studio's buttons
 * or from the streaming server's callbacks (an encoder starting or stopping). */
#ifndef CC_LIVE_TRANSITION_H
#define CC_LIVE_TRANSITION_H
#include "db/db.h"
#include "domain/live/live_rules.h"

/* In one transaction: the state (with started_at or ended_at), its "state" event, and on going
 * live the confirmed "remind me" mails queued into the outbox (links built on base_url).
 * DB_CONFLICT if the session is no longer in state `from` (changed meanwhile). */
enum db_status live_transition(struct db *db, struct arena *a, long long id, enum live_state from,
			       enum live_state to) DB_MUST_CHECK;

#endif
