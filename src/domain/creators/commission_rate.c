/* commission_rate.c: see commission_rate.h. */
#include "domain/creators/commission_rate.h"

static bool has_pending(const struct commission_schedule *s)
{
	return s->pending_bps >= 0;
}

long long commission_rate_today(const struct commission_schedule *s, long long now)
{
	return has_pending(s) && s->pending_at <= now ? s->pending_bps : s->bps;
}

struct commission_choice commission_rate_choose(const struct commission_schedule *pick,
						const struct commission_terms *t, long long now)
{
	if (!pick)
		return t->indirect_bps > 0 ? (struct commission_choice){ t->indirect_bps, COMMISSION_INDIRECT, false }
					   : (struct commission_choice){ 0, COMMISSION_NONE, false };
	struct commission_choice c = { commission_rate_today(pick, now), COMMISSION_DIRECT, false };
	if (t->first_order_bps >= 0 && !t->returning_buyer && t->first_order_bps > c.bps) {
		c.bps = t->first_order_bps;
		c.first_order = true;
	}
	if (t->indirect_bps > c.bps) {
		c.bps = t->indirect_bps;
		c.first_order = false;
	}
	return c;
}

struct commission_change commission_rate_change(struct commission_schedule cur, long long new_bps, long long now,
						long long notice_days)
{
	/* A cut whose date has come is the rate now. */
	struct commission_schedule s = { commission_rate_today(&cur, now), -1, 0 };
	if (has_pending(&cur) && cur.pending_at > now)
		s = cur;
	if (new_bps >= s.bps) {
		bool same = new_bps == s.bps && !has_pending(&s);
		return (struct commission_change){ same ? COMMISSION_UNCHANGED : COMMISSION_RAISED, { new_bps, -1, 0 } };
	}
	if (has_pending(&s) && new_bps == s.pending_bps)
		return (struct commission_change){ COMMISSION_UNCHANGED, s };
	/* Milder than the cut already announced: the creator keeps the date they were given. */
	long long at = has_pending(&s) && new_bps > s.pending_bps ? s.pending_at : now + notice_days * 86400;
	return (struct commission_change){ COMMISSION_CUT, { s.bps, new_bps, at } };
}

const char *commission_kind_name(enum commission_kind k)
{
	return k == COMMISSION_DIRECT ? "direct" : k == COMMISSION_INDIRECT ? "indirect" : "";
}
