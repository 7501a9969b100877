/* orders_common.c: the signed-in brand, list filters, and the locked read, conditional update,
 * event row and ledger reversal that every order transition is made of. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "studio/orders.h"
#include "domain/commerce/order_ref.h"
#include "domain/mail/notify.h"
#include "domain/creators/ledger_reverse.h"
#include "web/response.h"
#include "studio/studio.h"

/* "line" and "qty" repeat, once per order line (ORDERS_MAX_LINES at most). */

static const char *orders_query_or_empty(struct req *r, const char *name)
{
	const char *v = req_query(r, name);
	return v ? v : "";
}

bool orders_filter_parse(struct req *r, struct orders_filter *f)
{
	f->status = orders_query_or_empty(r, "status");
	f->from = orders_query_or_empty(r, "from");
	f->to = orders_query_or_empty(r, "to");
	f->creator = orders_query_or_empty(r, "creator");
	if (*f->status && order_status_parse(f->status) == ORDER_INVALID) {
		response_error(r, 400, "That status filter is not one of the order statuses.");
		return false;
	}
	/* Declared as dates (1970 to 9998, so the SQL bound one day later exists). */
	if (req_invalid(r, "from") || req_invalid(r, "to")) {
		response_error(r, 400, "Dates are written like 2026-11-25 (year-month-day, UTC).");
		return false;
	}
	if (*f->from && *f->to && strcmp(f->from, f->to) > 0) {
		response_error(r, 400, "The \"from\" date is after the \"to\" date.");
		return false;
	}
	f->from_sql = *f->from ? f->from : "1970-01-01";
	f->to_sql = *f->to ? f->to : "9999-12-30";
	f->page = 1;
	if (*orders_query_or_empty(r, "page") && !req_int(r, "page", &f->page)) {
		response_error(r, 400, "That page number is not valid.");
		return false;
	}
	return true;
}

static void orders_url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.')
			buf_putc(b, (char)*p);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

const char *orders_filter_query(struct req *r, const struct orders_filter *f)
{
	struct buf b;
	buf_init(&b, r->arena, 128);
	const char *names[] = { "status", "from", "to", "creator" };
	const char *vals[] = { f->status, f->from, f->to, f->creator };
	for (size_t i = 0; i < 4; i++) {
		if (!*vals[i])
			continue;
		if (b.len)
			buf_putc(&b, '&');
		buf_puts(&b, names[i]);
		buf_putc(&b, '=');
		orders_url_encode(&b, vals[i]);
	}
	return buf_cstr(&b);
}

void orders_where_params(const struct orders_filter *f, long long brand_id, struct db_param *p)
{
	p[0] = DB_I(brand_id);
	p[1] = DB_S(f->status);
	p[2] = DB_S(f->status);
	p[3] = DB_S(f->from_sql);
	p[4] = DB_S(f->to_sql);
	p[5] = DB_S(f->creator);
	p[6] = DB_S(f->creator);
}

bool orders_number_ok(const char *number)
{
	size_t n = number ? strlen(number) : 0;
	if (n == 0 || n > 20)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((number[i] >= 'A' && number[i] <= 'Z') || (number[i] >= 'a' && number[i] <= 'z') ||
		      (number[i] >= '0' && number[i] <= '9')))
			return false;
	return true;
}

long long orders_seen_event(struct req *r)
{
	const char *v = req_str(r, "version");
	long long n;
	if (!v || !*v)
		return -1;
	return req_int(r, "version", &n) ? n : -2;
}

/* The row lock on the order serialises every studio transition of it (and the shop's webhook,
 * which updates the same row); the last event id tells a page that is out of date. */
static const struct db_stmt q_lock = {
	"SELECT o.id, o.status, o.revision, o.total, o.refunded_total, o.currency,"
	" o.shipped_at IS NOT NULL, o.delivered_at IS NOT NULL,"
	" (SELECT COALESCE(MAX(e.id), 0) FROM order_events e WHERE e.order_id = o.id), o.email, o.ship_name,"
	" COALESCE(o.reference, o.number)"
	" FROM orders o WHERE o.number = ? AND o.brand_id = ? FOR UPDATE", "si", "isiiisiiisss" };

enum db_status orders_lock(struct db *db, struct arena *a, const char *number, long long brand_id,
			   struct orders_locked *o, bool *found)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_lock, (struct db_param[]){ DB_S(number), DB_I(brand_id) }, &res);
	*found = rc == DB_OK && res.nrows == 1;
	if (!*found)
		return rc;
	o->id = db_at(&res, 0, 0)->i;
	o->status = order_status_parse(db_at(&res, 0, 1)->s);
	o->revision = db_at(&res, 0, 2)->i;
	o->total = db_at(&res, 0, 3)->i;
	o->refunded_total = db_at(&res, 0, 4)->i;
	o->currency = db_at(&res, 0, 5)->s;
	o->stage = db_at(&res, 0, 7)->i ? ORDER_ARRIVED : db_at(&res, 0, 6)->i ? ORDER_IN_TRANSIT : ORDER_UNSHIPPED;
	o->last_event = db_at(&res, 0, 8)->i;
	o->number = arena_strdup(a, number);
	o->email = db_at(&res, 0, 9)->s;
	o->ship_name = db_at(&res, 0, 10)->s;
	char shown[ORDER_REF_SHOW_SIZE];
	order_ref_show(db_at(&res, 0, 11)->s, shown);
	o->reference = arena_strdup(a, shown);
	return DB_OK;
}

#define MOVE_SET "UPDATE orders SET status = ?, revision = revision + 1, updated_at = UTC_TIMESTAMP()"
#define MOVE_WHERE " WHERE id = ? AND status = ? AND revision = ?"
static const struct db_stmt q_paid = {
	MOVE_SET ", paid_at = COALESCE(paid_at, UTC_TIMESTAMP())" MOVE_WHERE, "sisi", "" };
static const struct db_stmt q_ship = {
	MOVE_SET ", carrier = ?, tracking_number = ?, shipped_at = UTC_TIMESTAMP()" MOVE_WHERE
	" AND shipped_at IS NULL", "sssisi", "" };
static const struct db_stmt q_deliver = {
	MOVE_SET ", delivered_at = UTC_TIMESTAMP()" MOVE_WHERE " AND shipped_at IS NOT NULL"
	" AND delivered_at IS NULL", "sisi", "" };
static const struct db_stmt q_cancel = {
	MOVE_SET ", cancelled_at = UTC_TIMESTAMP()" MOVE_WHERE, "sisi", "" };
static const struct db_stmt q_refund = {
	MOVE_SET ", refunded_total = ?" MOVE_WHERE, "siisi", "" };
static const struct db_stmt q_event = {
	"INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, note, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "issis", "" };

enum db_status orders_move(struct db *db, const struct orders_locked *o, const struct orders_change *c)
{
	const char *to = order_status_name(c->to), *from = order_status_name(o->status);
	struct db_param head = DB_S(to);
	struct db_param tail[] = { DB_I(o->id), DB_S(from), DB_I(o->revision) };
	struct db_param p[6];
	const struct db_stmt *st;
	size_t n = 0;
	p[n++] = head;
	switch (c->action) {
	case ORDER_MARK_PAID: st = &q_paid; break;
	case ORDER_SHIP:
		st = &q_ship;
		p[n++] = DB_S(c->carrier);
		p[n++] = DB_S(c->tracking);
		break;
	case ORDER_DELIVER: st = &q_deliver; break;
	case ORDER_CANCEL: st = &q_cancel; break;
	case ORDER_REFUND:
		st = &q_refund;
		p[n++] = DB_I(c->refunded_total);
		break;
	default:
		return DB_ERR;
	}
	memcpy(p + n, tail, sizeof tail);
	enum db_status rc = db_query(db, NULL, st, p, NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) != 1)
		return DB_CONFLICT;
	return db_query(db, NULL, &q_event, (struct db_param[]){ DB_I(o->id), DB_S(from), DB_S(to),
				DB_I(c->actor), DB_S(c->note ? c->note : "") }, NULL);
}

enum db_status orders_reverse(struct db *db, struct arena *a, long long line_id, long long creator_id,
			      long long brand_id, long long amount, const char *currency, long long actor)
{
	return ledger_reverse(db, a, line_id, creator_id, brand_id, amount, currency, actor);
}

enum db_status orders_notify(struct db *db, struct arena *a, const struct orders_locked *o, const char *brand,
			     const char *section, struct notify_text *t)
{
	notify_text_add(t, "NAME", o->ship_name);
	notify_text_add(t, "NUMBER", o->reference);
	notify_text_add(t, "BRAND", brand);
	return notify_owed(db, a, o->email, section, t, 0, o->id);
}
