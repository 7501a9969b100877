/* commission_rate.h: which commission rate an order line earns, and what a brand's rate change does
 * to an existing pick. Pure; rates are basis points, times unix seconds (UTC).
 *
 * A line of the brand whose sale is attributed to a creator earns:
 *  - direct, if the creator has an approved pick of the product: the highest of the pick's rate
 *    today, the brand's first-order rate (on the buyer's first order with the brand, when the
 *    brand has one) and the brand's indirect rate, so that picking a product or bringing a new
 *    buyer never earns less;
 *  - indirect, for the brand's other products in the same attributed visit: the brand's indirect
 *    rate, when it is above 0;
 *  - nothing otherwise (the creator is still recorded on the line).
 * The pick's rate today is its pending rate once that rate's date has come, else its rate.
 *
 * A raised rate applies to existing picks at once (and drops a cut still waiting); a lowered rate
 * waits notice_days from the change. A cut milder than one already announced keeps the announced
 * date; a deeper one starts a new notice. docs/CREATORS.md has worked examples. */
#ifndef CC_COMMISSION_RATE_H
#define CC_COMMISSION_RATE_H
#include <stdbool.h>

#define COMMISSION_NOTICE_DEFAULT_DAYS 30
#define COMMISSION_NOTICE_MIN_DAYS 7
#define COMMISSION_NOTICE_MAX_DAYS 90

/* A pick's rate and the change waiting for it. pending_bps < 0: nothing waiting. */
struct commission_schedule {
	long long bps;
	long long pending_bps;
	long long pending_at;
};

/* The brand's rules for one attributed order. first_order_bps < 0: the brand has none. */
struct commission_terms {
	long long indirect_bps;
	long long first_order_bps;
	bool returning_buyer;	/* the buyer has ordered from the brand before */
};

enum commission_kind { COMMISSION_NONE, COMMISSION_DIRECT, COMMISSION_INDIRECT };

struct commission_choice {
	long long bps;
	enum commission_kind kind;
	bool first_order;	/* the first-order rate was the one applied */
};

enum commission_change_kind {
	COMMISSION_UNCHANGED,
	COMMISSION_RAISED,	/* applies now (also: a waiting cut was withdrawn) */
	COMMISSION_CUT,		/* waits until next.pending_at; the creator is told */
};

struct commission_change {
	enum commission_change_kind what;
	struct commission_schedule next;
};

/* The rate a sale made at `now` earns under the schedule. */
long long commission_rate_today(const struct commission_schedule *s, long long now);

/* The rate and kind of one line. pick NULL: the attributed creator has no approved pick of it. */
struct commission_choice commission_rate_choose(const struct commission_schedule *pick,
						const struct commission_terms *t, long long now);

/* What the brand setting the rate to new_bps at `now` does to a pick with schedule `cur`. */
struct commission_change commission_rate_change(struct commission_schedule cur, long long new_bps, long long now,
						long long notice_days);

/* "direct", "indirect" or "" (the order_lines.commission_kind values). */
const char *commission_kind_name(enum commission_kind k);

/* The same rule in SQL, for pages that show a pick's rate today (a lower rate waiting in
 * pending_bps takes over at pending_at): `pk` names the picks row. */
#define COMMISSION_RATE_TODAY_SQL(pk) "IF(" pk ".pending_at <= UTC_TIMESTAMP(), " pk ".pending_bps, " pk ".commission_bps)"

#endif
