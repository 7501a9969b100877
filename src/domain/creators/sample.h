/* sample.h: product samples as pure rules: a request's statuses, who may move it where, the
 * brand's limits on one creator's requests, the carriers a parcel goes with and the tracking
 * numbers a form may hold. No I/O, table-tested (tests/unit/test_sample.c). */
#ifndef CC_SAMPLE_H
#define CC_SAMPLE_H
#include <stdbool.h>
#include <stddef.h>

enum sample_status {
	SAMPLE_INVALID = -1,
	SAMPLE_REQUESTED = 0,
	SAMPLE_APPROVED,
	SAMPLE_DECLINED,
	SAMPLE_SHIPPED,
	SAMPLE_DELIVERED,
	SAMPLE_CANCELLED,
	SAMPLE__NSTATUS
};

enum sample_action {
	SAMPLE_NO_ACTION = -1,
	SAMPLE_APPROVE = 0,
	SAMPLE_DECLINE,
	SAMPLE_SHIP,
	SAMPLE_DELIVER,
	SAMPLE_CANCEL,
	SAMPLE__NACTION
};

/* Who asks for a move: the creator who made the request or the brand it was made to. */
enum sample_actor { SAMPLE_BY_CREATOR, SAMPLE_BY_BRAND };

/* Database names ("requested", ...) and back; SAMPLE_INVALID for anything else. */
const char *sample_status_name(enum sample_status s);
enum sample_status sample_status_parse(const char *s);
/* For people: "waiting for the brand", "on its way"... */
const char *sample_status_label(enum sample_status s);
/* Form values ("approve", "decline", "ship", "deliver", "cancel") and back. */
const char *sample_action_name(enum sample_action a);
enum sample_action sample_action_parse(const char *s);

/* The status after `who` does `a` from `from`, or SAMPLE_INVALID when the rules refuse it:
 *   approve  brand    requested -> approved
 *   decline  brand    requested | approved -> declined (with a reason)
 *   ship     brand    approved -> shipped (with carrier and tracking number)
 *   deliver  either   shipped -> delivered (the brand's tracking, or the creator's "it came")
 *   cancel   creator  requested -> cancelled
 * declined, delivered and cancelled are final. */
enum sample_status sample_next(enum sample_status from, enum sample_action a, enum sample_actor who);

/* Counts against the brand's limit of open requests: requested, approved, shipped. */
bool sample_is_open(enum sample_status s);
/* A delivered sample makes the creator's pick of the product "Gifted by {brand}". A shipped one
 * does not yet: the parcel may never arrive, and nothing was received until it does. */
bool sample_is_gift(enum sample_status s);

/* The same rule in SQL, for the queries that show a creator's picks: 1 when `creator` received
 * `product` as a delivered sample (both SQL expressions: a column or "?"; a NULL creator is never
 * gifted). An indexed probe of sample_requests_gift per row. */
#define SAMPLE_GIFT_SQL(creator, product) \
	" EXISTS (SELECT 1 FROM sample_requests sr WHERE sr.creator_id = " creator \
	" AND sr.product_id = " product " AND sr.status = 'delivered')"

/* A brand's limits per creator; open 0 turns sample requests off. */
struct sample_limits {
	long long open_max, monthly_max;
};
#define SAMPLE_DEFAULT_OPEN 2
#define SAMPLE_DEFAULT_MONTHLY 4
#define SAMPLE_LIMIT_MAX 50
#define SAMPLE_MONTH_DAYS 30

/* One creator's requests to one brand, counted in the transaction that adds the next. */
struct sample_usage {
	long long open;			/* sample_is_open */
	long long last_30_days;		/* made in the last SAMPLE_MONTH_DAYS days, cancelled ones aside */
	long long open_same_product;	/* open, of the product asked for now */
};

enum sample_verdict {
	SAMPLE_ALLOWED = 0,
	SAMPLE_OFF,		/* the brand takes no sample requests */
	SAMPLE_ALREADY_OPEN,	/* an open request of the same product */
	SAMPLE_TOO_MANY_OPEN,
	SAMPLE_TOO_MANY_MONTH,
};

/* Whether one more request fits, checked in that order. */
enum sample_verdict sample_limit_check(const struct sample_limits *l, const struct sample_usage *u);
/* A sentence for the creator saying why a request was refused ("" for SAMPLE_ALLOWED). */
const char *sample_verdict_text(enum sample_verdict v);

/* A carrier a brand may ship with: its form value, its name and where its tracking page is
 * (the number is appended; "" for "other", which has no link). */
struct sample_carrier {
	const char *code, *name, *track_prefix;
};
/* The carriers in the order a form lists them, ending with "other"; *n set to the count. */
const struct sample_carrier *sample_carriers(size_t *n);
/* The carrier with form value `code`, or NULL. */
const struct sample_carrier *sample_carrier_find(const char *code);

#define SAMPLE_TRACKING_MIN 5
#define SAMPLE_TRACKING_MAX 40
/* A tracking number as typed ("1Z 999-AA1 0123456784") written into out as stored and linked:
 * letters uppercased, spaces and '-' dropped, SAMPLE_TRACKING_MIN..MAX letters and digits.
 * False (out undefined) for anything else. */
bool sample_tracking_normalise(const char *in, char out[SAMPLE_TRACKING_MAX + 1]);

#endif
