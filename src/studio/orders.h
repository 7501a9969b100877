/* orders.h: what the studio's order pages (orders_*.c) share: the signed-in brand, the list
 * filters, one order loaded under lock, and the writes every transition makes. */
#ifndef CC_STUDIO_ORDERS_H
#define CC_STUDIO_ORDERS_H
#include "web/http.h"
#include "domain/commerce/order_state.h"
#include "domain/mail/notify.h"

#define ORDERS_PER_PAGE 50
#define ORDERS_MAX_PAGE 2000
#define ORDERS_CSV_MAX_ROWS 20000	/* the export is built in the request arena */
#define ORDERS_MAX_LINES 99	/* lines a refund form may name: two fields each, 200 fields a form */

/* The list and CSV filters, from the query string, as the SQL wants them ("" = no filter). */
struct orders_filter {
	const char *status, *from, *to, *creator;	/* as typed, for the form and links */
	const char *from_sql, *to_sql;			/* bounds: "1970-01-01", "9999-12-30" */
	long long page;					/* 1-based */
};

/* Reads and checks status, from, to, creator and page; false after a 400 page naming the
 * problem. */
bool orders_filter_parse(struct req *r, struct orders_filter *f);
/* "status=paid&from=..." for links that keep the filters (percent-encoded), "" for none. */
const char *orders_filter_query(struct req *r, const struct orders_filter *f);

/* The WHERE clause shared by the list, its totals and the CSV: brand, status, date range and
 * creator, with ORDERS_WHERE_NPARAMS parameters bound by orders_where_params. */
#define ORDERS_WHERE \
	" WHERE o.brand_id = ? AND (? = '' OR o.status = ?) AND o.created_at >= ?" \
	" AND o.created_at < DATE_ADD(?, INTERVAL 1 DAY) AND (? = '' OR EXISTS (SELECT 1 FROM" \
	" order_lines fl JOIN creators fc ON fc.id = fl.creator_id WHERE fl.order_id = o.id" \
	" AND fc.handle = ?))"
#define ORDERS_WHERE_TYPES "issssss"
#define ORDERS_WHERE_NPARAMS 7
void orders_where_params(const struct orders_filter *f, long long brand_id, struct db_param *p);

/* An order number as it may appear in a path: 1 to 20 letters and digits. */
bool orders_number_ok(const char *number);

/* One order of the brand, read at the start of a transition with its row locked. */
struct orders_locked {
	long long id, revision, total, refunded_total, last_event;
	const char *currency, *number, *email, *ship_name;
	const char *reference;	/* what the shopper quotes: "CC-7KQ4-M2XP", an old order's number */
	enum order_status status;
	enum order_stage stage;
};

/* SELECT ... FOR UPDATE of the brand's order `number`: DB_OK with *found false when there is
 * none (or it is another brand's). */
enum db_status orders_lock(struct db *db, struct arena *a, const char *number, long long brand_id,
			   struct orders_locked *o, bool *found);
/* What a transition changes besides the status. */
struct orders_change {
	enum order_action action;
	enum order_status to;
	long long actor;		/* the signed-in user, for the event and ledger rows */
	const char *carrier, *tracking;	/* ship */
	long long refunded_total;	/* refund: the order's new refunded_total */
	const char *note;		/* for the event row, at most 500 bytes */
};

/* The conditional UPDATE that moves the order (WHERE status and revision are as read, see
 * 0006_fulfilment.sql), plus its order_events row; DB_CONFLICT when no row changed. */
enum db_status orders_move(struct db *db, const struct orders_locked *o, const struct orders_change *c);
/* The negative ledger entries for `amount` (> 0) of one line's commission: a 'reversal', and a
 * 'clawback' for any part already paid out (ledger_reverse.h). */
enum db_status orders_reverse(struct db *db, struct arena *a, long long line_id, long long creator_id,
			      long long brand_id, long long amount, const char *currency, long long actor);

/* Queues the shopper's mail about a move, in the move's transaction: section `section` of
 * mail_notice.tpl (notify_owed), filled with t and the order's NAME, NUMBER (its reference) and BRAND. */
enum db_status orders_notify(struct db *db, struct arena *a, const struct orders_locked *o, const char *brand,
			     const char *section, struct notify_text *t);

/* The last event id the form's page showed (field "version"): -1 when absent, -2 when not a
 * number. A transition is refused when the order has had an event since. */
long long orders_seen_event(struct req *r);

/* The detail page, also shown again (with `status`, a message and the typed carrier and
 * tracking number) when a transition or refund is refused. */
int orders_detail_render(struct req *r, const char *number, int status, const char *error);

#endif
