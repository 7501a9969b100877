/* session_limits.c: a signed-in session reaches brands' orders, payouts and API keys, so it asks
 * for the password again after half an hour unused or twelve hours in all (ASVS 4.0.3 3.3.2,
 * Level 2); an anonymous one keeps a cart and may live for weeks. Operators may set either. */
#include "lib/config.h"
#include "lib/session_limits.h"

#define DAY (86400L)

struct session_limits session_limits(bool signed_in)
{
	if (signed_in)
		return (struct session_limits){
			.idle_s = config_int("login_idle_seconds", 30 * 60, 60, 365 * DAY),
			.max_s = config_int("login_max_seconds", 12 * 3600, 60, 365 * DAY),
		};
	return (struct session_limits){
		.idle_s = config_int("session_idle_seconds", 7 * DAY, 60, 365 * DAY),
		.max_s = config_int("session_max_seconds", 30 * DAY, 60, 365 * DAY),
	};
}
