/* session_limits.h: how long a session lives, idle and in all, read in one place for the programs
 * that refuse expired sessions and for crowdcartctl purge, which deletes them. */
#ifndef CC_SESSION_LIMITS_H
#define CC_SESSION_LIMITS_H
#include <stdbool.h>

struct session_limits {
	long idle_s, max_s;
};

/* A signed-in session: login_idle_seconds (default 30 minutes) and login_max_seconds (default
 * 12 hours), ASVS 3.3.2 at Level 2. An anonymous one, which holds only a cart and form tokens:
 * session_idle_seconds (7 days) and session_max_seconds (30 days). */
struct session_limits session_limits(bool signed_in);

#endif
