/* order_notify.c: the notices of a paid order, to its brand and to the creators who sold it. */
#include <stdio.h>
#include "domain/commerce/order_notify.h"
#include "domain/mail/notify.h"
#include "lib/money.h"
#include "domain/commerce/order_ref.h"

static const struct db_stmt q_order = {
	"SELECT o.number, o.total, o.currency, o.brand_id, COALESCE(o.reference, o.number), COALESCE(b.owner_user_id, 0)"
	" FROM orders o JOIN brands b ON b.id = o.brand_id WHERE o.id = ?", "i", "sisisi" };
/* Grouped by creator, for one notice each. */
static const struct db_stmt q_lines = {
	"SELECT quantity, title, variant_title, COALESCE(creator_id, 0) FROM order_lines WHERE order_id = ?"
	" ORDER BY creator_id, id", "i", "issi" };

static void order_notify_line(struct notify_text *t, const struct order_notify_line *l)
{
	const char *variant = l->variant_title;
	notify_text_add(t, "#LINE", arena_printf(t->a, "%lld x %s%s%s%s", l->quantity, l->title,
		*variant ? " (" : "", variant, *variant ? ")" : ""));
}

enum db_status order_notify_paid(struct db *db, struct arena *a, long long order_id)
{
	struct db_res o, l;
	enum db_status rc = db_query(db, a, &q_order, (struct db_param[]){ DB_I(order_id) }, &o);
	if (rc != DB_OK || o.nrows == 0)
		return rc;
	if ((rc = db_query(db, a, &q_lines, (struct db_param[]){ DB_I(order_id) }, &l)) != DB_OK)
		return rc;
	struct order_notify_order order = { .number = db_at(&o, 0, 0)->s, .reference = db_at(&o, 0, 4)->s,
					    .currency = db_at(&o, 0, 2)->s, .total = db_at(&o, 0, 1)->i,
					    .brand_id = db_at(&o, 0, 3)->i, .brand_owner = db_at(&o, 0, 5)->i };
	struct order_notify_line *lines = arena_alloc(a, (l.nrows ? l.nrows : 1) * sizeof *lines);
	for (size_t i = 0; i < l.nrows; i++)
		lines[i] = (struct order_notify_line){ .quantity = db_at(&l, i, 0)->i, .creator_id = db_at(&l, i, 3)->i,
						       .title = db_at(&l, i, 1)->s, .variant_title = db_at(&l, i, 2)->s };
	return order_notify_paid_known(db, a, &order, lines, l.nrows, NULL);
}

enum db_status order_notify_paid_known(struct db *db, struct arena *a, const struct order_notify_order *o,
				       const struct order_notify_line *lines, size_t n, struct notify_mail *brand)
{
	char shown[ORDER_REF_SHOW_SIZE];	/* the reference the shopper quotes; the number names the studio page */
	order_ref_show(o->reference, shown);
	char money[64];
	if (!money_format(money, sizeof money, o->total, o->currency))
		snprintf(money, sizeof money, "%lld %s", o->total, o->currency);

	struct notify_text t;
	notify_text_init(&t, a);
	notify_text_add(&t, "NUMBER", o->number);
	notify_text_add(&t, "REF", shown);
	notify_text_add(&t, "TOTAL", arena_printf(a, "%s", money));
	for (size_t i = 0; i < n; i++)
		order_notify_line(&t, &lines[i]);
	enum db_status rc = DB_OK;
	if (brand)
		notify_user_render(a, o->brand_owner, NOTIFY_BRAND_ORDER, &t, brand);
	else if (o->brand_owner)
		rc = notify_user(db, a, o->brand_owner, NOTIFY_BRAND_ORDER, &t);

	for (size_t i = 0; rc == DB_OK && i < n;) {
		long long creator = lines[i].creator_id;
		if (!creator) {
			i++;
			continue;
		}
		struct notify_text c;
		notify_text_init(&c, a);
		notify_text_add(&c, "REF", shown);
		for (; i < n && lines[i].creator_id == creator; i++)
			order_notify_line(&c, &lines[i]);
		rc = notify_creator(db, a, creator, NOTIFY_CREATOR_SALE, &c);
	}
	return rc;
}
