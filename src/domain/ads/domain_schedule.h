/* domain_schedule.h: after a DNS check of a brand domain, when to check it again and whether its
 * verification is granted, kept or withdrawn. Pure, unit-tested; the rules are in docs/ADS.md. */
#ifndef CC_DOMAIN_SCHEDULE_H
#define CC_DOMAIN_SCHEDULE_H
#include <stdbool.h>

#define DOMAIN_RECHECK_SECONDS 86400		/* a verified domain is re-checked daily */
#define DOMAIN_RETRY_SECONDS 3600		/* ... or an hour after a lookup that failed */
#define DOMAIN_LOSS_CHECKS 3			/* withdrawn after this many failed re-checks in a row */
#define DOMAIN_LOSS_SECONDS (48 * 3600)		/* spanning at least this long */
#define DOMAIN_HOURLY_SECONDS (7 * 86400)	/* an unverified domain is tried hourly for its first week */

enum domain_verdict {
	DOMAIN_FOUND,		/* the record is there */
	DOMAIN_MISSING,		/* the answer says it is not: no TXT record, or another value */
	DOMAIN_LOOKUP_FAILED,	/* no answer that says either (timeout, SERVFAIL...): never evidence */
};

struct domain_state {
	bool verified;
	unsigned failures;	/* checks that did not find the record since it was added or last verified */
	unsigned missing;	/* while verified: re-checks in a row that found the record missing */
	long long missing_for;	/* seconds since the first of those, -1 if none */
	long long age;		/* seconds since the domain was added */
};

enum domain_action { DOMAIN_KEEP, DOMAIN_VERIFY, DOMAIN_UNVERIFY };
enum domain_since { DOMAIN_SINCE_CLEAR, DOMAIN_SINCE_START, DOMAIN_SINCE_KEEP };

struct domain_step {
	enum domain_action action;
	unsigned failures, missing;
	enum domain_since missing_since;	/* START: now, unless already set */
	long long next_in;			/* seconds until the next check */
};

/* Seconds to wait after the n-th check (n >= 1) in a row that did not verify a domain of this
 * age: 1 min, 5 min, 30 min, then hourly until it is a week old, then daily. */
long long domain_schedule_backoff(unsigned n, long long age);
struct domain_step domain_schedule(const struct domain_state *s, enum domain_verdict v);

#endif
