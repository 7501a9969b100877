/* live_tail.h: the latest events of a live session as JSON, cached per worker for at most
 * live_cache_ms (default 250). The events poll is the one request every viewer makes each second,
 * so a worker asks the database at most once per TTL per session however many viewers poll it.
 * Not dbcache.h: that keeps rows for a global TTL (1 s), too stale for a 2-second delivery goal,
 * and every poll would still turn rows into JSON; this keeps the JSON objects themselves. Like
 * dbcache it holds only what any node would read from the database, at most one TTL old. */
#ifndef CC_LIVE_TAIL_H
#define CC_LIVE_TAIL_H
#include <jansson.h>
#include "shop/live_now.h"

struct live_tail {
	json_t *events;		/* array, ascending seq, borrowed from the cache: do not decref */
	json_t *now;		/* live_now_json's object, borrowed likewise */
	long long first_seq, last_seq;	/* 0 when there are no events */
	bool full;		/* LIVE_EVENTS_MAX were read: older ones exist */
	bool found;		/* false: no such session */
	char state[12];
};

/* The tail of session `id`; out->found is false if there is no such session. */
enum db_status live_tail_get(struct req *r, long long id, struct live_tail *out);

/* The answer already made for cursor `after` from session `id`'s current tail, or NULL. Call
 * right after live_tail_get: the string lives until the tail is next refreshed. */
const char *live_tail_answer(long long id, long long after);
/* Keeps `text` (malloc'd, e.g. by json_dumps; owned from now on) as the answer for `after`. */
void live_tail_answer_keep(long long id, long long after, char *text);

#endif
