/* abuse_limit.h: budgets for anonymous actions (questions, votes, reminders, lead forms, order
 * lookups), counted per subject in fixed windows in a table every node shares. A subject is one of
 * what an attacker would have to change to get a fresh budget: the session (free: a new cookie),
 * the client's host prefix and network prefix (lib/netprefix.h: costly to change), and for mail
 * the target address. Every subject's budget must hold; a fresh cookie alone gains nothing once
 * the address has spent its budget. Subjects are keyed hashes, never the address or email. */
#ifndef CC_ABUSE_LIMIT_H
#define CC_ABUSE_LIMIT_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

enum abuse_limit_scope {
	ABUSE_LIMIT_SESSION,	/* who.session */
	ABUSE_LIMIT_HOST,	/* who.address as IPv4 /32 or IPv6 /64 */
	ABUSE_LIMIT_NETWORK,	/* who.address as IPv4 /24 or IPv6 /48 */
	ABUSE_LIMIT_TARGET,	/* who.target, e.g. the lower-cased email a mail would go to */
};

/* At most `max` actions per subject of `scope` in each `window_s` seconds (at most one day). */
struct abuse_limit_rule {
	enum abuse_limit_scope scope;
	long long max, window_s;
};

struct abuse_limit_who {
	const uint8_t *session;	/* 32 bytes (a session or viewer hash); NULL counts as one shared subject */
	const char *address;	/* the client address as the web server gives it */
	const char *target;	/* NULL or "" when no rule has ABUSE_LIMIT_TARGET */
};

struct abuse_limit_verdict {
	bool over;
	long long retry_after_s;	/* when over: until the refusing window ends */
};

/* The subject hash of one rule, from the action's name (keeps one action's budgets apart from
 * another's) and who acts. */
void abuse_limit_subject(const uint8_t secret[32], const char *action, enum abuse_limit_scope scope,
			 const struct abuse_limit_who *who, uint8_t out[32]);

/* Multiplies the address budgets (host and network) of rules by scale; session and target budgets
 * stay: they protect one visitor's and one inbox's share, whatever the network looks like. */
void abuse_limit_scale(struct abuse_limit_rule *rules, size_t nrules, long long scale);

/* The window `now` falls in: its start, and the seconds until it ends. */
long long abuse_limit_window(long long now, long long window_s, long long *remaining_s);

/* Counts one action against every rule's subject (in one transaction, retried like any other)
 * and says whether any budget is now exceeded. Refused actions count too, so hammering keeps a
 * subject refused until its window ends. Old windows are purged along the way, best effort. */
enum db_status abuse_limit_take(struct db *db, const uint8_t secret[32], const char *action,
				const struct abuse_limit_rule *rules, size_t nrules,
				const struct abuse_limit_who *who, struct abuse_limit_verdict *v) DB_MUST_CHECK;

#endif
