/* live_event.h: appending to a live session's event log, shared by the shop (questions, votes)
 * and the studio (state, pins, answers, hides). Call inside the db_txn that makes the change, so
 * the change and its event commit together; the seq comes from live_sessions.last_seq under the
 * session row's lock, never from auto-increment (Galera-safe, gap-free, in commit order). */
#ifndef CC_LIVE_EVENT_H
#define CC_LIVE_EVENT_H
#include "db/db.h"

/* kind: "state", "pin", "question", "answer", "vote" or "hide"; ref_id: the row it is about (0 for
 * state). *seq receives the event's number (may be NULL). DB_CONFLICT if the session is gone. */
enum db_status live_event_add(struct db *db, struct arena *a, long long session_id, const char *kind,
			      long long ref_id, long long *seq);

#endif
