/* orders_refund.c: "POST /studio/orders/{number}/refund" — refund the whole order or some units
 * of its lines: refunded quantities and amounts per line, the order's refunded total and status
 * (refunded or partially refunded), the commission reversal of the refunded part and the event
 * row, all in one transaction. Refunded goods are not restocked (they may never come back). An
 * order paid on a provider's hosted page is first refunded at the provider (refund_pay.h): a dry
 * run of the transaction says how much, and the order changes only once the provider accepted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/buf.h"
#include "lib/money.h"
#include "studio/orders.h"
#include "studio/refund_pay.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

/* A line's refundable amount is what the buyer paid for it: its total less its share of a
 * discount code (order_lines.discount), which is also what its commission was accrued on. */
static const struct db_stmt q_lines = {
	"SELECT id, quantity, refunded_quantity, line_total - discount, refunded_amount, commission_bps"
	" FROM order_lines WHERE order_id = ? ORDER BY id FOR UPDATE", "i", "iiiiii" };
static const struct db_stmt q_tax = {
	"SELECT tax_rate_bps, prices_include_tax FROM orders WHERE id = ?", "i", "ii" };
static const struct db_stmt q_line_refund = {
	"UPDATE order_lines SET refunded_quantity = ?, refunded_amount = ?"
	" WHERE id = ? AND refunded_quantity = ?", "iiii", "" };
static const struct db_stmt q_ledger = {
	"SELECT MIN(creator_id), CAST(SUM(IF(kind = 'accrual', amount, 0)) AS SIGNED),"
	" CAST(SUM(IF(kind IN ('reversal', 'clawback'), -amount, 0)) AS SIGNED) FROM commission_entries"
	" WHERE order_line_id = ? AND kind IN ('accrual', 'reversal', 'clawback')", "i", "iii" };
static const struct db_stmt q_pay_refunded = {
	"UPDATE payments SET status = 'refunded', updated_at = UTC_TIMESTAMP()"
	" WHERE order_id = ? AND status = 'succeeded'", "i", "" };

struct refund_ask {
	long long line_id, units;
};

struct refund {
	const char *number, *brand;
	long long brand_id, seen_event, actor;
	bool full;
	const struct refund_ask *ask;
	size_t nask;
	struct arena *a;
	/* set by the transaction when it refuses */
	int http;
	const char *why;
	enum order_status from;
	/* a dry run computes the amount and rolls back; the provider's refund is recorded with the real one */
	bool dry, dry_done;
	long long amount;
	const struct refund_pay *paid_back;
};

static enum db_status refund_refuse(struct refund *f, int http, const char *why)
{
	f->http = http;
	f->why = why;
	return DB_CONFLICT;
}

/* Units asked for line_id (the form may name a line once). */
static long long refund_units_for(const struct refund *f, long long line_id, long long left)
{
	if (f->full)
		return left;
	for (size_t i = 0; i < f->nask; i++)
		if (f->ask[i].line_id == line_id)
			return f->ask[i].units;
	return 0;
}

/* One line: its refunded quantity and amount, and the reversal of the commission on it. */
static enum db_status refund_line(struct db *db, struct refund *f, const struct db_res *l, size_t i,
				  long long units, const struct orders_locked *o)
{
	long long id = db_at(l, i, 0)->i, qty = db_at(l, i, 1)->i, done = db_at(l, i, 2)->i;
	long long total = db_at(l, i, 3)->i;
	long long after = done + units, amount_after = order_line_share(total, qty, after);
	enum db_status rc = db_query(db, NULL, &q_line_refund, (struct db_param[]){ DB_I(after), DB_I(amount_after),
					DB_I(id), DB_I(done) }, NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) != 1)
		return refund_refuse(f, 409, NULL);
	struct db_res led;
	if ((rc = db_query(db, f->a, &q_ledger, (struct db_param[]){ DB_I(id) }, &led)) != DB_OK)
		return rc;
	if (led.nrows == 0 || db_at(&led, 0, 0)->null)
		return DB_OK;	/* no creator, or nothing accrued */
	long long due = order_reversal_due(total, qty, after, (unsigned)db_at(l, i, 5)->i, db_at(&led, 0, 1)->i,
					   db_at(&led, 0, 2)->i);
	return due > 0 ? orders_reverse(db, f->a, id, db_at(&led, 0, 0)->i, f->brand_id, due, o->currency, f->actor) : DB_OK;
}

static enum db_status refund_run(struct db *db, void *ctx)
{
	struct refund *f = ctx;
	f->http = 0;
	f->why = NULL;
	struct orders_locked o;
	bool found;
	struct db_res lines, tax;
	enum db_status rc = orders_lock(db, f->a, f->number, f->brand_id, &o, &found);
	if (rc != DB_OK)
		return rc;
	if (!found)
		return refund_refuse(f, 404, "There is no order with that number.");
	f->from = o.status;
	if (f->seen_event >= 0 && f->seen_event != o.last_event)
		return refund_refuse(f, 409, "This order changed after you opened it, so nothing was refunded. "
					     "Here it is as it is now; check it and try again if still needed.");
	if ((rc = db_query(db, f->a, &q_lines, (struct db_param[]){ DB_I(o.id) }, &lines)) != DB_OK ||
	    (rc = db_query(db, f->a, &q_tax, (struct db_param[]){ DB_I(o.id) }, &tax)) != DB_OK)
		return rc;
	/* Check every asked line before writing any. */
	for (size_t k = 0; k < f->nask; k++) {
		size_t i = 0;
		while (i < lines.nrows && db_at(&lines, i, 0)->i != f->ask[k].line_id)
			i++;
		if (i == lines.nrows)
			return refund_refuse(f, 422, "That line is not part of this order.");
		if (f->ask[k].units > db_at(&lines, i, 1)->i - db_at(&lines, i, 2)->i)
			return refund_refuse(f, 422, "You asked to refund more units of a line than are left to refund.");
	}
	bool complete = true;
	long long asked = 0, lines_refunded = 0;
	for (size_t i = 0; i < lines.nrows; i++) {
		long long left = db_at(&lines, i, 1)->i - db_at(&lines, i, 2)->i;
		long long units = refund_units_for(f, db_at(&lines, i, 0)->i, left);
		asked += units;
		complete &= units == left;
	}
	if (asked == 0 && order_next(o.status, o.stage, ORDER_REFUND, complete) != ORDER_INVALID)
		return refund_refuse(f, 422, "Choose at least one unit to refund.");
	struct orders_change c = { .action = ORDER_REFUND, .actor = f->actor,
				   .to = order_next(o.status, o.stage, ORDER_REFUND, complete) };
	if (c.to == ORDER_INVALID)
		return refund_refuse(f, 409, NULL);
	for (size_t i = 0; i < lines.nrows; i++) {
		long long left = db_at(&lines, i, 1)->i - db_at(&lines, i, 2)->i;
		long long units = refund_units_for(f, db_at(&lines, i, 0)->i, left);
		if (units > 0 && (rc = refund_line(db, f, &lines, i, units, &o)) != DB_OK)
			return rc;
		lines_refunded += order_line_share(db_at(&lines, i, 3)->i, db_at(&lines, i, 1)->i,
						   db_at(&lines, i, 2)->i + units);
	}
	c.refunded_total = order_refund_total(o.total, lines_refunded, (unsigned)db_at(&tax, 0, 0)->i,
					      db_at(&tax, 0, 1)->i != 0, complete);
	if (c.refunded_total < o.refunded_total)
		c.refunded_total = o.refunded_total;	/* a refund never gives back less than before */
	long long amount = c.refunded_total - o.refunded_total;
	char money[64];
	if (!money_format(money, sizeof money, amount, o.currency))
		snprintf(money, sizeof money, "%lld (minor units)", amount);
	c.note = arena_printf(f->a, "Refunded %lld unit%s: %s", asked, asked == 1 ? "" : "s", money);
	if (f->dry) {
		f->amount = amount;
		f->dry_done = true;
		return DB_CONFLICT;	/* rolls back */
	}
	if (f->paid_back) {
		c.note = arena_printf(f->a, "%s; %s refund %.100s", c.note, f->paid_back->provider, f->paid_back->refund_id);
		if ((rc = refund_pay_done(db, f->paid_back)) != DB_OK)
			return rc;
	}
	if ((rc = orders_move(db, &o, &c)) != DB_OK)
		return rc == DB_CONFLICT ? refund_refuse(f, 409, NULL) : rc;
	if (complete && (rc = db_query(db, NULL, &q_pay_refunded, (struct db_param[]){ DB_I(o.id) }, NULL)) != DB_OK)
		return rc;
	struct notify_text mail;
	notify_text_init(&mail, f->a);
	notify_text_add(&mail, complete ? "#COMPLETE" : "#PART", "");
	notify_text_add(&mail, "AMOUNT", money);
	notify_text_add(&mail, "COUNT", arena_printf(f->a, "%lld", asked));
	if (asked != 1)
		notify_text_add(&mail, "#PLURAL", "");
	return orders_notify(db, f->a, &o, f->brand, "order_refund", &mail);
}

/* What was asked, as text ("all", or "<line>:<units>,..."): part of the provider's idempotency key. */
static const char *refund_asked_text(const struct refund *f)
{
	if (f->full)
		return "all";
	struct buf b;
	buf_init(&b, f->a, 64);
	for (size_t i = 0; i < f->nask; i++)
		buf_printf(&b, "%s%lld:%lld", i ? "," : "", f->ask[i].line_id, f->ask[i].units);
	return buf_cstr(&b);
}

/* The per-line form: "line" and "qty" fields in pairs, in order; a qty of 0 or "" asks nothing. */
static bool refund_parse_lines(struct req *r, struct refund *f)
{
	size_t nl = kv_count(&r->form, "line"), nq = kv_count(&r->form, "qty");
	if (nl != nq || nl > ORDERS_MAX_LINES)
		return false;
	struct refund_ask *ask = arena_zalloc(r->arena, (nl + 1) * sizeof *ask);
	size_t n = 0, li = 0, qi = 0;
	for (size_t i = 0; i < r->form.n; i++) {
		const struct kv *kv = &r->form.items[i];
		bool is_line = strcmp(kv->key, "line") == 0, is_qty = strcmp(kv->key, "qty") == 0;
		if (!is_line && !is_qty)
			continue;
		/* Blank is 0 (a line not refunded); otherwise a whole number of the declared range. */
		long long v = 0;
		if (*kv->val && !req_int_value(r, kv->key, kv->val, &v))
			return false;
		if (is_line)
			ask[li++].line_id = v;
		else
			ask[qi++].units = v;
	}
	for (size_t i = 0; i < nl; i++) {
		for (size_t k = 0; k < i; k++)
			if (ask[k].line_id == ask[i].line_id)
				return false;
		if (ask[i].units > 0)
			ask[n++] = ask[i];
	}
	f->ask = ask;
	f->nask = n;
	return true;
}

int page_order_refund(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *number = req_param(r, "number");
	if (!orders_number_ok(number)) {
		response_error(r, 404, "There is no order with that number.");
		return REQ_DONE;
	}
	const char *mode = req_form(r, "mode");
	struct refund f = { .number = number, .brand = b->name, .brand_id = b->id, .seen_event = orders_seen_event(r),
			    .actor = r->sess.user_id, .a = r->arena, .full = mode && strcmp(mode, "full") == 0 };
	if (f.seen_event == -2 || !mode || (!f.full && strcmp(mode, "lines") != 0) ||
	    (!f.full && !refund_parse_lines(r, &f))) {
		response_error(r, 400, "The refund form is not valid: give mode=full, or mode=lines with a line "
				   "and a whole number of units for each line.");
		return REQ_DONE;
	}
	struct refund_pay pay;
	bool hosted;
	enum db_status rc = refund_pay_lookup(r->db, r->arena, number, b->id, &pay, &hosted);
	if (rc == DB_OK && hosted) {
		f.dry = true;
		rc = db_txn(r->db, refund_run, &f);
		f.dry = false;
		if (rc == DB_CONFLICT && f.dry_done) {
			const char *request = arena_printf(r->arena, "%s:%lld:%s", mode, f.seen_event, refund_asked_text(&f));
			if (!refund_pay_send(r->db, r->arena, &pay, f.amount, request, &rc)) {
				if (rc != DB_OK)
					return req_db_fail(rc);
				return orders_detail_render(r, number, pay.http, pay.message);
			}
			f.paid_back = &pay;
			rc = DB_OK;
		}
	}
	if (rc == DB_OK)
		rc = db_txn(r->db, refund_run, &f);
	if (rc != DB_OK && f.paid_back)	/* the money went back, the order changed meanwhile: say so */
		fprintf(stderr, "studio: %s refund %.100s for order %s was made but not recorded on the order (%s)\n",
			pay.provider, pay.refund_id, number, db_status_str(rc));
	if (rc == DB_CONFLICT && f.http == 404) {
		response_error(r, 404, f.why);
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT) {
		const char *why = f.why ? f.why : arena_printf(r->arena, "An order that is %s cannot be refunded.",
							       order_status_label(f.from));
		return orders_detail_render(r, number, f.http ? f.http : 409, why);
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/orders/%s?done=refund", number));
	return REQ_DONE;
}
