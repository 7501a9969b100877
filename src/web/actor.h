/* actor.h: who acts in a request, loaded once by the dispatcher before the handler runs. */
#ifndef CC_ACTOR_H
#define CC_ACTOR_H
#include <stdbool.h>
#include "web/http.h"

/* For routes that need a brand, a creator or either (NEED_BRAND, NEED_CREATOR, NEED_OWNER):
 * sets r->brand or r->creator. false with a response made: 403 when a brand account owns no
 * brand, 404 when a creator account has no creator profile, 503/500 on a database error. Under
 * NEED_OWNER an account that is neither creator nor brand gets neither, and no response. */
bool actor_load(struct req *r);
/* For NEED_API_KEY: authenticates the bearer key, counts the request against the key's rate
 * limit (fixed one-minute windows in the database, so every worker and web node counts together
 * without locks) and sets r->brand and r->api_key_id. false with a response made: 401 with
 * WWW-Authenticate, 429 with Retry-After, 503/500. */
bool actor_api_key(struct req *r);

#endif
