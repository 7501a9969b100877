/* sign_in_network.h: a sign-in from a network an account has not used before is told to its
 * owner by mail (ASVS 2.2.3), with the time, the network prefix and the browser, and the way to
 * act if it was not them. Only network prefixes are kept (lib/netprefix.h). An account's first
 * recorded sign-in is no news: it only starts the account's list, so accounts from before this
 * feature and new ones are not mailed for the network they always use. */
#ifndef CC_SIGN_IN_NETWORK_H
#define CC_SIGN_IN_NETWORK_H
#include "db/db.h"

/* After a completed sign-in of user_id from remote_addr (agent: the browser's User-Agent, may be
 * NULL): records the network and queues the mail when it is new for an account that had others. */
enum db_status sign_in_network_note(struct db *db, struct arena *a, long long user_id, const char *remote_addr,
				    const char *agent) DB_MUST_CHECK;

#endif
