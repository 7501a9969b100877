/* pay_settle.c: a hosted payment's outcome applied to its checkout's orders, idempotently. The
 * payment session row is locked first, so two settlements of one payment run one after the
 * other; every order move is a conditional update from the status it must have, so a repeat
 * changes nothing. */
#include <stdio.h>
#include <string.h>
#include "lib/buf.h"
#include "lib/money.h"
#include "domain/creators/accrual.h"
#include "domain/mail/notify.h"
#include "domain/commerce/payments.h"
#include "domain/commerce/code_release.h"
#include "domain/commerce/order_notify.h"
#include "domain/commerce/pay_settle.h"
#include "domain/commerce/order_ref.h"

#define ROW_COLS "ps.id, ps.checkout_id, ps.provider, COALESCE(ps.session_id, ''), ps.status," \
	" ps.amount, ps.currency, ps.hold_until < UTC_TIMESTAMP(), COALESCE(ps.pay_url, '')"
#define ROW_TYPES "iisssisis"

static const struct db_stmt q_open = {
	"INSERT INTO payment_sessions (checkout_id, provider, status, amount, currency, hold_until, created_at,"
	" updated_at) VALUES (?, ?, 'starting', ?, ?, UTC_TIMESTAMP() + INTERVAL ? MINUTE, UTC_TIMESTAMP(),"
	" UTC_TIMESTAMP())", "isisi", "" };
static const struct db_stmt q_started = {
	"UPDATE payment_sessions SET session_id = ?, pay_url = ?, status = 'pending', updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'starting'", "ssi", "" };
static const struct db_stmt q_event = {
	"INSERT INTO payment_events (provider, event_id, session_id, received_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	"sss", "" };
static const struct db_stmt q_lock_id = {
	"SELECT " ROW_COLS " FROM payment_sessions ps WHERE ps.id = ? FOR UPDATE", "i", ROW_TYPES };
static const struct db_stmt q_lock_sid = {
	"SELECT " ROW_COLS " FROM payment_sessions ps WHERE ps.provider = ? AND ps.session_id = ? FOR UPDATE",
	"ss", ROW_TYPES };
static const struct db_stmt q_by_ref = {
	"SELECT " ROW_COLS " FROM payment_sessions ps JOIN checkouts c ON c.id = ps.checkout_id"
	" WHERE c.public_ref = ?", "s", ROW_TYPES };
static const struct db_stmt q_open_rows = {
	"SELECT " ROW_COLS " FROM payment_sessions ps WHERE ps.status IN ('starting', 'pending')"
	" AND (? = 0 OR ps.hold_until < UTC_TIMESTAMP()) ORDER BY ps.hold_until, ps.id LIMIT ?", "ii", ROW_TYPES };
static const struct db_stmt q_forget = {
	"DELETE FROM payment_events WHERE received_at < UTC_TIMESTAMP() - INTERVAL 60 DAY LIMIT ?", "i", "" };
static const struct db_stmt q_session_paid = {
	"UPDATE payment_sessions SET status = 'paid', payment_id = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	"si", "" };
static const struct db_stmt q_session_failed = {
	"UPDATE payment_sessions SET status = 'failed', updated_at = UTC_TIMESTAMP() WHERE id = ?", "i", "" };
static const struct db_stmt q_mail_orders = {
	"SELECT COALESCE(o.reference, o.number), o.total, o.currency, c.email, b.name, o.id FROM orders o"
	" JOIN checkouts c ON c.id = o.checkout_id JOIN brands b ON b.id = o.brand_id"
	" WHERE o.checkout_id = ? AND o.status = 'paid' ORDER BY o.id", "i", "sisssi" };
static const struct db_stmt q_mail_lines = {
	"SELECT quantity, title, variant_title FROM order_lines WHERE order_id = ? ORDER BY id", "i", "iss" };
static const struct db_stmt q_orders = {
	"SELECT id, status FROM orders WHERE checkout_id = ? ORDER BY id FOR UPDATE", "i", "is" };
static const struct db_stmt q_move = {
	"UPDATE orders SET status = ?, paid_at = IF(? = 'paid', UTC_TIMESTAMP(), paid_at),"
	" refund_needed = refund_needed OR ?, updated_at = UTC_TIMESTAMP() WHERE id = ? AND status = ?",
	"ssiis", "" };
static const struct db_stmt q_flag = {
	"UPDATE orders SET refund_needed = 1, updated_at = UTC_TIMESTAMP() WHERE id = ?", "i", "" };
static const struct db_stmt q_order_event = {
	"INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, note, created_at)"
	" VALUES (?, ?, ?, NULL, ?, UTC_TIMESTAMP())", "isss", "" };
static const struct db_stmt q_payment = {
	"UPDATE payments SET status = ?, updated_at = UTC_TIMESTAMP() WHERE order_id = ? AND status IN ('pending', 'failed')",
	"si", "" };
/* Stock as checkout took it: the variant, then its product's denormalised total. */
static const struct db_stmt q_lines = {
	"SELECT l.variant_id, v.product_id, l.quantity FROM order_lines l JOIN variants v ON v.id = l.variant_id"
	" WHERE l.order_id = ? ORDER BY l.variant_id", "i", "iii" };
static const struct db_stmt q_give_back = {
	"UPDATE variants v JOIN products p ON p.id = v.product_id"
	" SET v.stock = v.stock + ?, p.stock_total = p.stock_total + ? WHERE v.id = ?", "iii", "" };
static const struct db_stmt q_take_again = {
	"UPDATE variants SET stock = stock - ? WHERE id = ? AND (stock >= ? OR inventory_policy = 'continue')",
	"iii", "" };
static const struct db_stmt q_put_back = {
	"UPDATE variants SET stock = stock + ? WHERE id = ?", "ii", "" };
static const struct db_stmt q_total_again = {
	"UPDATE products SET stock_total = stock_total - ? WHERE id = ?", "ii", "" };

static void read_row(const struct db_res *r, struct pay_settle_row *o, size_t i)
{
	o->row = db_at(r, i, 0)->i;
	o->checkout_id = db_at(r, i, 1)->i;
	o->provider = db_at(r, i, 2)->s;
	o->session_id = db_at(r, i, 3)->s;
	o->status = db_at(r, i, 4)->s;
	o->hold_over = db_at(r, i, 7)->i != 0;
	o->pay_url = db_at(r, i, 8)->s;
}

enum db_status pay_settle_open(struct db *db, long long checkout_id, const char *provider, long long amount,
			       const char *currency, long long *row)
{
	enum db_status rc = db_query(db, NULL, &q_open, (struct db_param[]){ DB_I(checkout_id), DB_S(provider),
				     DB_I(amount), DB_S(currency), DB_I(payments_hold_minutes()) }, NULL);
	*row = rc == DB_OK ? (long long)db_insert_id(db) : 0;
	return rc;
}

enum db_status pay_settle_started(struct db *db, long long row, const char *session_id, const char *url)
{
	/* a page address too long to keep is not kept: a cut one would lead nowhere */
	return db_query(db, NULL, &q_started, (struct db_param[]){ DB_S(session_id), DB_S(strlen(url) <= 2000 ? url : ""),
			DB_I(row) }, NULL);
}

enum db_status pay_settle_by_checkout(struct db *db, struct arena *a, const char *ref, struct pay_settle_row *out,
				      bool *found)
{
	struct db_res r;
	enum db_status rc = db_query(db, a, &q_by_ref, (struct db_param[]){ DB_S(ref) }, &r);
	*found = rc == DB_OK && r.nrows == 1;
	if (*found)
		read_row(&r, out, 0);
	return rc;
}

enum db_status pay_settle_open_rows(struct db *db, struct arena *a, bool hold_over_only, size_t max,
				    struct pay_settle_row **rows, size_t *n)
{
	struct db_res r;
	*n = 0;
	enum db_status rc = db_query(db, a, &q_open_rows, (struct db_param[]){ DB_I(hold_over_only), DB_I(max) }, &r);
	if (rc != DB_OK)
		return rc;
	*rows = arena_alloc(a, (r.nrows ? r.nrows : 1) * sizeof **rows);
	for (size_t i = 0; i < r.nrows; i++)
		read_row(&r, &(*rows)[i], i);
	*n = r.nrows;
	return DB_OK;
}

static enum db_status move(struct db *db, long long order, const char *from, const char *to, bool flag,
			   const char *note, bool *moved)
{
	enum db_status rc = db_query(db, NULL, &q_move, (struct db_param[]){ DB_S(to), DB_S(to), DB_I(flag),
				     DB_I(order), DB_S(from) }, NULL);
	*moved = rc == DB_OK && db_affected(db) == 1;
	if (rc == DB_OK && *moved)
		rc = db_query(db, NULL, &q_order_event, (struct db_param[]){ DB_I(order), DB_S(from), DB_S(to),
			      DB_S(note) }, NULL);
	return rc;
}

static enum db_status give_back(struct db *db, struct arena *a, long long order)
{
	struct db_res l;
	enum db_status rc = db_query(db, a, &q_lines, (struct db_param[]){ DB_I(order) }, &l);
	for (size_t i = 0; rc == DB_OK && i < l.nrows; i++)
		rc = db_query(db, NULL, &q_give_back, (struct db_param[]){ DB_I(db_at(&l, i, 2)->i),
			      DB_I(db_at(&l, i, 2)->i), DB_I(db_at(&l, i, 0)->i) }, NULL);
	return rc;
}

/* Takes an order's stock again, as checkout did; false in *ok (and nothing taken) if a line
 * cannot have it any more. */
static enum db_status take_again(struct db *db, struct arena *a, long long order, bool *ok)
{
	struct db_res l;
	*ok = true;
	enum db_status rc = db_query(db, a, &q_lines, (struct db_param[]){ DB_I(order) }, &l);
	size_t taken = 0;
	for (; rc == DB_OK && taken < l.nrows; taken++) {
		long long q = db_at(&l, taken, 2)->i;
		rc = db_query(db, NULL, &q_take_again, (struct db_param[]){ DB_I(q), DB_I(db_at(&l, taken, 0)->i), DB_I(q) }, NULL);
		if (rc == DB_OK && db_affected(db) != 1) {
			*ok = false;
			break;
		}
	}
	if (rc != DB_OK)
		return rc;
	if (!*ok) {	/* put back what this loop took: the variant rows only, products not touched yet */
		for (size_t i = 0; rc == DB_OK && i < taken; i++)
			rc = db_query(db, NULL, &q_put_back, (struct db_param[]){ DB_I(db_at(&l, i, 2)->i),
				      DB_I(db_at(&l, i, 0)->i) }, NULL);
		return rc;
	}
	for (size_t i = 0; rc == DB_OK && i < l.nrows; i++)
		rc = db_query(db, NULL, &q_total_again, (struct db_param[]){ DB_I(db_at(&l, i, 2)->i),
			      DB_I(db_at(&l, i, 1)->i) }, NULL);
	return rc;
}

static enum db_status paid_order(struct db *db, struct arena *a, struct pay_settle *s, long long order,
				 const char *status)
{
	bool moved = false, stock = true;
	enum db_status rc = DB_OK;
	const char *note = arena_printf(a, "paid: %s", s->note);
	if (strcmp(status, "awaiting_payment") == 0) {
		rc = move(db, order, status, "paid", false, note, &moved);
	} else if (strcmp(status, "payment_failed") == 0) {
		/* Paid after the hold was released: honoured if the stock is still there, else paid
		 * with "refund needed" for the brand, who cannot send what is gone. */
		if ((rc = take_again(db, a, order, &stock)) == DB_OK)
			rc = move(db, order, status, "paid", !stock, stock
				  ? arena_printf(a, "%s, after its hold was released; the stock was taken again", note)
				  : arena_printf(a, "%s, after its hold was released; the stock is gone: refund needed", note),
				  &moved);
	} else if (strcmp(status, "cancelled") == 0) {
		rc = db_query(db, NULL, &q_flag, (struct db_param[]){ DB_I(order) }, NULL);
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_order_event, (struct db_param[]){ DB_I(order), DB_S(status),
				      DB_S(status), DB_S(arena_printf(a, "%s after it was cancelled: refund needed", note)) }, NULL);
		return rc == DB_OK ? db_query(db, NULL, &q_payment, (struct db_param[]){ DB_S("succeeded"), DB_I(order) }, NULL) : rc;
	}
	if (rc != DB_OK || !moved)
		return rc;
	if ((rc = db_query(db, NULL, &q_payment, (struct db_param[]){ DB_S("succeeded"), DB_I(order) }, NULL)) != DB_OK)
		return rc;
	rc = accrual_for_order(db, a, order);
	return rc == DB_OK ? order_notify_paid(db, a, order) : rc;
}

static enum db_status failed_order(struct db *db, struct arena *a, struct pay_settle *s, long long order,
				   const char *status)
{
	bool moved;
	if (strcmp(status, "awaiting_payment") != 0)
		return DB_OK;
	enum db_status rc = move(db, order, status, "payment_failed", false,
				 arena_printf(a, "payment failed: %s; nothing was charged, the stock is back", s->note), &moved);
	if (rc == DB_OK && moved)
		rc = give_back(db, a, order);
	if (rc == DB_OK && moved)
		rc = code_release_order(db, order);
	if (rc == DB_OK && moved)
		rc = db_query(db, NULL, &q_payment, (struct db_param[]){ DB_S("failed"), DB_I(order) }, NULL);
	return rc;
}

struct settle_ctx {
	struct pay_settle *s;
	struct arena *a;
};

/* The shopper's confirmation, once the money is in (placing the order sent none). */
static enum db_status mail_paid(struct db *db, struct arena *a, long long checkout_id)
{
	struct db_res o;
	enum db_status rc = db_query(db, a, &q_mail_orders, (struct db_param[]){ DB_I(checkout_id) }, &o);
	if (rc != DB_OK || o.nrows == 0)
		return rc;
	struct buf b;
	buf_init(&b, a, 512);
	for (size_t i = 0; i < o.nrows; i++) {
		char money[64];
		if (!money_format(money, sizeof money, db_at(&o, i, 1)->i, db_at(&o, i, 2)->s))
			snprintf(money, sizeof money, "%lld %s", db_at(&o, i, 1)->i, db_at(&o, i, 2)->s);
		char shown[ORDER_REF_SHOW_SIZE];
		order_ref_show(db_at(&o, i, 0)->s, shown);
		buf_printf(&b, "Order %s from %s: %s, paid\n", shown, db_at(&o, i, 4)->s, money);
		struct db_res l;
		if ((rc = db_query(db, a, &q_mail_lines, (struct db_param[]){ DB_I(db_at(&o, i, 5)->i) }, &l)) != DB_OK)
			return rc;
		for (size_t j = 0; j < l.nrows; j++)
			buf_printf(&b, "  %lld x %s%s%s%s\n", db_at(&l, j, 0)->i, db_at(&l, j, 1)->s, *db_at(&l, j, 2)->s ? " (" : "",
				   db_at(&l, j, 2)->s, *db_at(&l, j, 2)->s ? ")" : "");
		buf_putc(&b, '\n');
	}
	struct notify_text t;
	notify_text_init(&t, a);
	notify_text_add_lines(&t, "#ORDERS", buf_cstr(&b));
	notify_text_add(&t, o.nrows > 1 ? "#MANY" : "#ONE", "");
	return notify_owed(db, a, db_at(&o, 0, 3)->s, "order_paid", &t, checkout_id, 0);
}

static enum db_status settle(struct db *db, void *ctx)
{
	struct settle_ctx *c = ctx;
	struct pay_settle *s = c->s;
	struct arena *a = c->a;
	s->result = PAY_SETTLE_UNKNOWN;
	enum db_status rc;
	struct db_res r;
	if (s->row)
		rc = db_query(db, a, &q_lock_id, (struct db_param[]){ DB_I(s->row) }, &r);
	else
		rc = db_query(db, a, &q_lock_sid, (struct db_param[]){ DB_S(s->provider), DB_S(s->session_id) }, &r);
	if (rc != DB_OK || r.nrows == 0)
		return rc;
	struct pay_settle_row row;
	read_row(&r, &row, 0);
	s->checkout_id = row.checkout_id;
	/* After the session row is locked, so a repeat waits here and then finds its id taken. */
	if (s->event_id && *s->event_id) {
		rc = db_query(db, NULL, &q_event, (struct db_param[]){ DB_S(row.provider), DB_S(s->event_id),
			      DB_S(row.session_id) }, NULL);
		if (rc == DB_DUP) {
			s->result = PAY_SETTLE_DUPLICATE;
			return DB_OK;
		}
		if (rc != DB_OK)
			return rc;
	}
	bool was_paid = strcmp(row.status, "paid") == 0, was_failed = strcmp(row.status, "failed") == 0;
	const struct payment_status *st = &s->status;
	if (st->state == PAYMENT_PENDING || (st->state == PAYMENT_FAILED && s->hold_over_only && !row.hold_over)) {
		s->result = was_paid ? PAY_SETTLE_PAID : was_failed ? PAY_SETTLE_FAILED : PAY_SETTLE_PENDING;
		return DB_OK;
	}
	if (st->state == PAYMENT_FAILED && (was_paid || was_failed)) {
		/* an expiry that arrives after the payment must not undo it */
		s->result = was_paid ? PAY_SETTLE_PAID : PAY_SETTLE_FAILED;
		return DB_OK;
	}
	if (st->state == PAYMENT_PAID && was_paid) {
		s->result = PAY_SETTLE_PAID;
		return DB_OK;
	}
	if (st->state == PAYMENT_PAID &&
	    (st->amount != db_at(&r, 0, 5)->i || strcmp(st->currency, db_at(&r, 0, 6)->s) != 0)) {
		s->result = PAY_SETTLE_MISMATCH;
		return DB_OK;
	}
	bool paid = st->state == PAYMENT_PAID;
	rc = paid ? db_query(db, NULL, &q_session_paid, (struct db_param[]){ DB_S(st->payment_id ? st->payment_id : ""),
			     DB_I(row.row) }, NULL)
		  : db_query(db, NULL, &q_session_failed, (struct db_param[]){ DB_I(row.row) }, NULL);
	struct db_res o;
	if (rc == DB_OK)
		rc = db_query(db, a, &q_orders, (struct db_param[]){ DB_I(row.checkout_id) }, &o);
	for (size_t i = 0; rc == DB_OK && i < o.nrows; i++)
		rc = paid ? paid_order(db, a, s, db_at(&o, i, 0)->i, db_at(&o, i, 1)->s)
			  : failed_order(db, a, s, db_at(&o, i, 0)->i, db_at(&o, i, 1)->s);
	if (rc == DB_OK && paid)
		rc = mail_paid(db, a, row.checkout_id);
	s->result = paid ? PAY_SETTLE_PAID : PAY_SETTLE_FAILED;
	return rc;
}

enum db_status pay_settle_run(struct db *db, struct arena *a, struct pay_settle *s)
{
	struct settle_ctx c = { s, a };
	if (!s->note)
		s->note = "payment provider";
	return db_txn(db, settle, &c);
}

long pay_settle_forget_events(struct db *db, long max)
{
	return db_query(db, NULL, &q_forget, (struct db_param[]){ DB_I(max) }, NULL) == DB_OK ? (long)db_affected(db) : -1;
}
