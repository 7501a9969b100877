/* abuse_guard.h: the shop's anonymous actions (questions, votes, reminders, lead forms, order
 * lookups) take a budget (db/abuse_limit.h) keyed by the session as well as the client address
 * prefixes, so a fresh cookie per request gains nothing. Budgets and why: docs/SECURITY.md. */
#ifndef CC_ABUSE_GUARD_H
#define CC_ABUSE_GUARD_H
#include "db/abuse_limit.h"
#include "shop/shop.h"

#define ABUSE_GUARD_RULES(...) (const struct abuse_limit_rule[]){ __VA_ARGS__ }, \
	sizeof (struct abuse_limit_rule[]){ __VA_ARGS__ } / sizeof (struct abuse_limit_rule)

/* Counts the request's action against rules (address budgets times the config abuse_limit_scale,
 * default 1). session: the 32-byte key of who acts (NULL: the
 * request's session); target: the email a mail would go to, or NULL. When a budget is spent,
 * *wait is a sentence saying how long to wait (Retry-After is set): the page answers 429 with
 * it, shown where the form was. A database failure is returned for req_db_fail. */
enum db_status abuse_guard_take(struct req *r, const char *action, const struct abuse_limit_rule *rules,
				size_t nrules, const uint8_t *session, const char *target, const char **wait)
	DB_MUST_CHECK;

#endif
