/* rate_change.c: see rate_change.h. One statement per changed pick and one notice and mail per
 * creator: a settings change, not a page view. */
#include <time.h>
#include "domain/creators/commission_rate.h"
#include "domain/creators/rate_change.h"
#include "domain/mail/notify.h"
#include "lib/buf.h"

#define UNIX_OF(col) "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', " col ")"
/* A notice lists this many picks by name, then counts the rest. */
#define NOTICE_MAX_PICKS 20

static const struct db_stmt q_brand = {
	"SELECT name, rate_notice_days, " UNIX_OF("UTC_TIMESTAMP()") " FROM brands WHERE id = ? FOR UPDATE",
	"i", "sii" };
/* The rate each pick is offered now: the product's own, else the brand's. Ordered by creator so
 * each creator's cuts are told together. */
static const struct db_stmt q_picks = {
	"SELECT pk.id, pk.creator_id, pk.status, pk.commission_bps, COALESCE(pk.pending_bps, -1),"
	" COALESCE(" UNIX_OF("pk.pending_at") ", 0), COALESCE(p.commission_bps, b.default_commission_bps),"
	" p.title, COALESCE(u.email, '')"
	" FROM picks pk JOIN products p ON p.id = pk.product_id JOIN brands b ON b.id = p.brand_id"
	" JOIN creators cr ON cr.id = pk.creator_id LEFT JOIN users u ON u.id = cr.user_id"
	" WHERE p.brand_id = ? AND pk.status IN ('approved', 'requested')"
	" AND (p.id = ? OR (? = 0 AND p.commission_bps IS NULL))"
	" ORDER BY pk.creator_id, pk.id LIMIT 100000 FOR UPDATE", "iii", "iisiiiiss" };
static const struct db_stmt q_set = {
	"UPDATE picks SET commission_bps = ?, pending_bps = ?,"
	" pending_at = IF(? IS NULL, NULL, DATE_ADD('1970-01-01 00:00:00', INTERVAL ? SECOND)) WHERE id = ?",
	"iiiii", "" };
static const struct db_stmt q_notice = {
	"INSERT INTO creator_notices (creator_id, brand_id, body, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	"iis", "" };

static const char *percent(struct arena *a, long long bps)
{
	return bps % 100 ? arena_printf(a, "%lld.%02lld%%", bps / 100, bps % 100) : arena_printf(a, "%lld%%", bps / 100);
}

static const char *utc_day(struct arena *a, long long at)
{
	time_t t = (time_t)at;
	struct tm tm;
	char *s = arena_alloc(a, 24);
	strftime(s, 24, "%Y-%m-%d %H:%M UTC", gmtime_r(&t, &tm));
	return s;
}

/* One creator's announcement, built as their picks come: the studio notice's text, and the same
 * picks as rows of the mail's template section. */
struct told {
	long long creator_id;
	const char *email;
	long long picks;
	struct buf body;
	struct notify_text mail;
};

static enum db_status tell(struct db *db, long long brand_id, struct told *t,
			   struct rate_change_count *out)
{
	if (t->picks == 0)
		return DB_OK;
	if (t->picks > NOTICE_MAX_PICKS)
		buf_printf(&t->body, "…and %lld more of your picks.\n", t->picks - NOTICE_MAX_PICKS);
	buf_printf(&t->body, "Sales until each date earn the rate they earn today; each order keeps the rate of its sale.\n");
	const char *body = buf_cstr(&t->body);
	enum db_status rc = db_query(db, NULL, &q_notice, (struct db_param[]){ DB_I(t->creator_id), DB_I(brand_id),
				     DB_S(body) }, NULL);
	/* A creator without an account address still sees the notice in the studio. */
	if (rc == DB_OK && *t->email) {
		if (t->picks > NOTICE_MAX_PICKS)
			notify_text_add(&t->mail, "#MORE", arena_printf(t->mail.a, "%lld", t->picks - NOTICE_MAX_PICKS));
		rc = notify_owed(db, t->mail.a, t->email, "rate_change", &t->mail, 0, 0);
	}
	out->creators_told++;
	t->picks = 0;
	return rc;
}

enum db_status rate_change_apply(struct db *db, struct arena *a, long long brand_id, long long product_id,
				 struct rate_change_count *out)
{
	*out = (struct rate_change_count){ 0, 0, 0 };
	struct db_res b, ps;
	enum db_status rc = db_query(db, a, &q_brand, (struct db_param[]){ DB_I(brand_id) }, &b);
	if (rc != DB_OK)
		return rc;
	if (b.nrows == 0)
		return DB_ERR;
	const char *brand = db_at(&b, 0, 0)->s;
	long long notice = db_at(&b, 0, 1)->i, now = db_at(&b, 0, 2)->i;
	rc = db_query(db, a, &q_picks, (struct db_param[]){ DB_I(brand_id), DB_I(product_id), DB_I(product_id) }, &ps);
	struct told t = { 0, "", 0, { 0 }, { 0 } };
	for (size_t i = 0; rc == DB_OK && i < ps.nrows; i++) {
		long long creator = db_at(&ps, i, 1)->i;
		if (creator != t.creator_id && (rc = tell(db, brand_id, &t, out)) != DB_OK)
			break;
		struct commission_schedule cur = { db_at(&ps, i, 3)->i, db_at(&ps, i, 4)->i, db_at(&ps, i, 5)->i };
		long long offered = db_at(&ps, i, 6)->i;
		/* A pick still waiting for approval has earned nothing yet: it takes the offer as it is. */
		bool waiting = db_at(&ps, i, 2)->s[0] == 'r';
		struct commission_change ch = waiting
			? (struct commission_change){ offered == cur.bps && cur.pending_bps < 0 ? COMMISSION_UNCHANGED
							: COMMISSION_RAISED, { offered, -1, 0 } }
			: commission_rate_change(cur, offered, now, notice);
		if (ch.what == COMMISSION_UNCHANGED)
			continue;
		bool pending = ch.next.pending_bps >= 0;
		rc = db_query(db, NULL, &q_set, (struct db_param[]){ DB_I(ch.next.bps),
			pending ? DB_I(ch.next.pending_bps) : DB_NULL, pending ? DB_I(1) : DB_NULL,
			DB_I(pending ? ch.next.pending_at : 0), DB_I(db_at(&ps, i, 0)->i) }, NULL);
		if (ch.what == COMMISSION_RAISED) {
			out->raised++;
			continue;
		}
		out->cut++;
		if (t.creator_id != creator) {
			t = (struct told){ creator, db_at(&ps, i, 8)->s, 0, { 0 }, { 0 } };
			buf_init(&t.body, a, 1024);
			buf_printf(&t.body, "%s is lowering the commission on some of your picks.\n\n", brand);
			notify_text_init(&t.mail, a);
			notify_text_add(&t.mail, "BRAND", brand);
		}
		if (++t.picks <= NOTICE_MAX_PICKS) {
			const char *line = arena_printf(a, "%s: %s on a sale today; %s on sales from %s.", db_at(&ps, i, 7)->s,
				   percent(a, ch.next.bps), percent(a, ch.next.pending_bps), utc_day(a, ch.next.pending_at));
			buf_printf(&t.body, "%s\n", line);
			notify_text_add(&t.mail, "#PICK", line);
		}
	}
	if (rc == DB_OK)
		rc = tell(db, brand_id, &t, out);
	return rc;
}
