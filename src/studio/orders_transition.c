/* orders_transition.c: "POST /studio/orders/{number}/transition" — mark paid, ship (carrier and
 * tracking number), deliver or cancel (restock every line, reverse all commission), each with
 * its event row, in one transaction. */
#include <string.h>
#include <strings.h>
#include "domain/commerce/code_release.h"
#include "domain/creators/accrual.h"
#include "domain/creators/sample.h"
#include "studio/orders.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/validate.h"

/* A cancelled line goes back on the shelf: the variant and its product's denormalised total,
 * together, by exactly the units that left. */
static const struct db_stmt q_lines = {
	"SELECT id, variant_id, quantity - refunded_quantity FROM order_lines WHERE order_id = ?"
	" ORDER BY id FOR UPDATE", "i", "iii" };
static const struct db_stmt q_restock = {
	"UPDATE variants v JOIN products p ON p.id = v.product_id"
	" SET v.stock = v.stock + ?, p.stock_total = p.stock_total + ? WHERE v.id = ?", "iii", "" };
static const struct db_stmt q_ledger = {
	"SELECT ce.order_line_id, MIN(ce.creator_id),"
	" CAST(SUM(IF(ce.kind = 'accrual', ce.amount, 0)) AS SIGNED),"
	" CAST(SUM(IF(ce.kind IN ('reversal', 'clawback'), -ce.amount, 0)) AS SIGNED)"
	" FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id"
	" WHERE l.order_id = ? AND ce.kind IN ('accrual', 'reversal', 'clawback') GROUP BY ce.order_line_id", "i", "iiii" };
static const struct db_stmt q_pay_ok = {
	"UPDATE payments SET status = 'succeeded', updated_at = UTC_TIMESTAMP()"
	" WHERE order_id = ? AND status = 'pending'", "i", "" };
/* A cancelled order's payment: one that was never made failed; one that was is given back. */
static const struct db_stmt q_pay_cancel = {
	"UPDATE payments SET status = IF(status = 'pending', 'failed', 'refunded'), updated_at = UTC_TIMESTAMP()"
	" WHERE order_id = ? AND status IN ('pending', 'succeeded')", "i", "" };

struct transition {
	const char *number, *brand;
	long long brand_id, seen_event;	/* seen_event < 0: the form did not say */
	struct orders_change change;
	struct arena *a;
	/* set by the transaction when it refuses */
	int http;
	const char *why;
	enum order_status from;
};

static enum db_status transition_refuse(struct transition *t, int http, const char *why)
{
	t->http = http;
	t->why = why;
	return DB_CONFLICT;
}

/* Runs only after the conditional update has moved the order to cancelled, so however many
 * cancels race, the stock comes back and the commission is reversed once. */
static enum db_status transition_cancel_lines(struct db *db, struct transition *t, const struct orders_locked *o)
{
	struct db_res lines, ledger;
	enum db_status rc = db_query(db, t->a, &q_lines, (struct db_param[]){ DB_I(o->id) }, &lines);
	for (size_t i = 0; rc == DB_OK && i < lines.nrows; i++) {
		long long units = db_at(&lines, i, 2)->i;
		/* A variant deleted since the sale has no shelf to return to. */
		if (db_at(&lines, i, 1)->null || units <= 0)
			continue;
		rc = db_query(db, NULL, &q_restock, (struct db_param[]){ DB_I(units), DB_I(units),
				DB_I(db_at(&lines, i, 1)->i) }, NULL);
	}
	if (rc == DB_OK)
		rc = db_query(db, t->a, &q_ledger, (struct db_param[]){ DB_I(o->id) }, &ledger);
	for (size_t i = 0; rc == DB_OK && i < ledger.nrows; i++) {
		long long due = db_at(&ledger, i, 2)->i - db_at(&ledger, i, 3)->i;
		if (due > 0)
			rc = orders_reverse(db, t->a, db_at(&ledger, i, 0)->i, db_at(&ledger, i, 1)->i, t->brand_id, due,
					    o->currency, t->change.actor);
	}
	return rc == DB_OK ? db_query(db, NULL, &q_pay_cancel, (struct db_param[]){ DB_I(o->id) }, NULL) : rc;
}
/* The carrier's own tracking page for the number, when the typed carrier is one whose page takes
 * the number in its address (the sample carriers' list); "" when not. Always absolute. */
static const char *transition_track_url(struct arena *a, const char *carrier, const char *tracking)
{
	size_t n;
	const struct sample_carrier *c = sample_carriers(&n);
	char number[SAMPLE_TRACKING_MAX + 1];
	for (size_t i = 0; i < n; i++)
		if (*c[i].track_prefix && (strcasecmp(carrier, c[i].name) == 0 || strcasecmp(carrier, c[i].code) == 0))
			return sample_tracking_normalise(tracking, number)
				? arena_printf(a, "%s%s", c[i].track_prefix, number) : "";
	return "";
}

static enum db_status transition_mail_shipped(struct db *db, struct transition *t, const struct orders_locked *o)
{
	struct notify_text mail;
	notify_text_init(&mail, t->a);
	notify_text_add(&mail, "CARRIER", t->change.carrier);
	notify_text_add(&mail, "TRACKING", t->change.tracking);
	const char *track = transition_track_url(t->a, t->change.carrier, t->change.tracking);
	if (*track)
		notify_text_add(&mail, "#TRACK", track);
	return orders_notify(db, t->a, o, t->brand, "order_shipped", &mail);
}


static enum db_status transition_run(struct db *db, void *ctx)
{
	struct transition *t = ctx;
	t->http = 0;
	t->why = NULL;
	struct orders_locked o;
	bool found;
	enum db_status rc = orders_lock(db, t->a, t->number, t->brand_id, &o, &found);
	if (rc != DB_OK)
		return rc;
	if (!found)
		return transition_refuse(t, 404, "There is no order with that number.");
	t->from = o.status;
	if (t->seen_event >= 0 && t->seen_event != o.last_event)
		return transition_refuse(t, 409, "This order changed after you opened it, so nothing was done. "
						 "Here it is as it is now; check it and try again if still needed.");
	t->change.to = order_next(o.status, o.stage, t->change.action, false);
	if (t->change.to == ORDER_INVALID)
		return transition_refuse(t, 409, NULL);
	if ((rc = orders_move(db, &o, &t->change)) != DB_OK)
		return rc == DB_CONFLICT ? transition_refuse(t, 409, NULL) : rc;
	switch (t->change.action) {
	case ORDER_MARK_PAID:	/* commission accrues from paid */
		if ((rc = db_query(db, NULL, &q_pay_ok, (struct db_param[]){ DB_I(o.id) }, NULL)) != DB_OK)
			return rc;
		return accrual_for_order(db, t->a, o.id);
	case ORDER_SHIP:
		return transition_mail_shipped(db, t, &o);
	case ORDER_CANCEL: {
		if ((rc = transition_cancel_lines(db, t, &o)) != DB_OK || (rc = code_release_order(db, o.id)) != DB_OK)
			return rc;
		struct notify_text mail;
		notify_text_init(&mail, t->a);
		return orders_notify(db, t->a, &o, t->brand, "order_cancelled", &mail);
	}
	default:
		return DB_OK;
	}
}

static const char *transition_verb(enum order_action a)
{
	switch (a) {
	case ORDER_MARK_PAID: return "marked as paid";
	case ORDER_SHIP: return "shipped";
	case ORDER_DELIVER: return "marked as delivered";
	case ORDER_CANCEL: return "cancelled";
	default: return "refunded";
	}
}

int page_order_transition(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *number = req_param(r, "number");
	if (!orders_number_ok(number)) {
		response_error(r, 404, "There is no order with that number.");
		return REQ_DONE;
	}
	struct transition t = {
		.number = number, .brand_id = b->id, .brand = b->name, .a = r->arena, .seen_event = orders_seen_event(r),
		.change = { .action = order_action_parse(req_form(r, "action")), .actor = r->sess.user_id },
	};
	if (t.change.action == ORDER_NO_ACTION || t.change.action == ORDER_REFUND || t.seen_event == -2) {
		response_error(r, 400, t.seen_event == -2 ? "The form's version is not a number. Reload the order and try again."
				   : "Choose mark_paid, ship, deliver or cancel (refunds have their own form).");
		return REQ_DONE;
	}
	if (t.change.action == ORDER_SHIP) {
		const char *carrier = req_form(r, "carrier"), *tracking = req_form(r, "tracking_number");
		if (!carrier || !validate_has_text(carrier) || !tracking || !validate_has_text(tracking))
			return orders_detail_render(r, number, 422, "To ship an order, enter the carrier and the tracking number.");
		t.change.carrier = carrier;
		t.change.tracking = tracking;
		t.change.note = arena_printf(r->arena, "Carrier: %s, tracking number: %s", carrier, tracking);
	}
	enum db_status rc = db_txn(r->db, transition_run, &t);
	if (rc == DB_CONFLICT && t.http == 404) {
		response_error(r, 404, t.why);
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT) {
		const char *why = t.why ? t.why : arena_printf(r->arena, "An order that is %s cannot be %s.",
					order_status_label(t.from), transition_verb(t.change.action));
		return orders_detail_render(r, number, 409, why);
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/orders/%s?done=%s", number, order_action_name(t.change.action)));
	return REQ_DONE;
}
