/* domain_schedule.c: the re-check schedule and the loss rule of verified domains (see domain_schedule.h). */
#include "domain/ads/domain_schedule.h"

long long domain_schedule_backoff(unsigned n, long long age)
{
	static const long long first[] = { 60, 300, 1800 };
	if (n >= 1 && n <= sizeof first / sizeof first[0])
		return first[n - 1];
	return age < DOMAIN_HOURLY_SECONDS ? 3600 : 86400;
}

struct domain_step domain_schedule(const struct domain_state *s, enum domain_verdict v)
{
	struct domain_step st = { DOMAIN_KEEP, s->failures, s->missing, DOMAIN_SINCE_KEEP, DOMAIN_RECHECK_SECONDS };
	if (v == DOMAIN_FOUND) {
		st.action = s->verified ? DOMAIN_KEEP : DOMAIN_VERIFY;
		st.failures = st.missing = 0;
		st.missing_since = DOMAIN_SINCE_CLEAR;
		return st;
	}
	if (!s->verified) {
		st.failures = s->failures + 1;
		st.next_in = domain_schedule_backoff(st.failures, s->age);
		return st;
	}
	/* Verified: a failed lookup is no evidence either way, so it neither counts nor resets. */
	if (v == DOMAIN_LOOKUP_FAILED) {
		st.next_in = DOMAIN_RETRY_SECONDS;
		return st;
	}
	st.missing = s->missing + 1;
	st.missing_since = DOMAIN_SINCE_START;
	long long span = s->missing_for < 0 ? 0 : s->missing_for;
	if (st.missing >= DOMAIN_LOSS_CHECKS && span >= DOMAIN_LOSS_SECONDS) {
		/* Withdrawn: from here on it is retried like a new domain, in case the record returns. */
		st.action = DOMAIN_UNVERIFY;
		st.missing = 0;
		st.missing_since = DOMAIN_SINCE_CLEAR;
		st.failures = 1;
		st.next_in = domain_schedule_backoff(1, s->age);
	}
	return st;
}
