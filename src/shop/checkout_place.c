/* checkout_place.c: "POST /checkout/place" — turns the cart into one order per brand in one
 * transaction: the one-time token is claimed first (a replay finds the checkout already made),
 * the summary is re-read and must still be the one the shopper saw, stock is taken with
 * conditional updates, and the lines, attribution, payments, events and the confirmation mail are
 * written with it (commission accrues when the order is paid). Any refusal rolls everything back.
 * A hosted payment (pay_redirect.c) is started after the commit. */
#include <stdlib.h>
#include <string.h>
#include "domain/live/live_deal.h"
#include "views/attribution.h"
#include "shop/cart.h"
#include "shop/cart_codes.h"
#include "domain/commerce/address.h"
#include "domain/commerce/order_notify.h"
#include "domain/commerce/order_ref.h"
#include "views/tax_view.h"
#include "views/cart_count.h"
#include "domain/creators/accrual.h"
#include "domain/creators/commission_terms.h"
#include "views/discount_link.h"
#include "domain/mail/notify.h"
#include "web/layout.h"
#include "domain/commerce/payments.h"
#include "web/response.h"
#include "shop/pay_redirect.h"
#include "shop/shop.h"

static const struct db_stmt q_claim = {
	"INSERT INTO checkouts (public_ref, idem_hash, session_hash, user_id, email, payment_provider, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())", "sbbiss", "" };
static const struct db_stmt q_replay = {
	"SELECT public_ref, session_hash = ? FROM checkouts WHERE idem_hash = ?", "bb", "si" };
/* A guest's cart is the session's (cart_lines.c): found and locked in one statement. Both locks
 * also say whether the cart holds a discount code or a flash-deal claim, sparing the cart's
 * reading a lookup of each when, as mostly, it holds neither, and bring the session's attribution
 * mark (views/attribution.h) for every brand of the cart. The subqueries are plain reads: only
 * the cart row is locked. */
#define LOCK_CART_MARK(col, none) "COALESCE((SELECT " col " FROM attribution_sessions a WHERE a.session_hash = ?), " none ")"
#define LOCK_CART_COLUMNS "SELECT c.id, EXISTS (SELECT 1 FROM cart_codes cc WHERE cc.cart_id = c.id)," \
	" EXISTS (SELECT 1 FROM live_deal_claims dc WHERE dc.cart_id = c.id AND dc.placed_at IS NULL" \
	" AND dc.hold_until > UTC_TIMESTAMP(3)), " LOCK_CART_MARK("a.creator_id", "0") ", " LOCK_CART_MARK("a.surface", "''") \
	", " LOCK_CART_MARK("TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', a.touched_at)", "0") " FROM carts c"
static const struct db_stmt q_lock_cart = {
	LOCK_CART_COLUMNS " WHERE c.id = ? FOR UPDATE", "bbbi", "iiiisi" };
static const struct db_stmt q_lock_guest_cart = {
	LOCK_CART_COLUMNS " WHERE c.token_hash = ? FOR UPDATE", "bbbb", "iiiisi" };
static const struct db_stmt q_take_stock = {
	"UPDATE variants SET stock = stock - ? WHERE id = ? AND (stock >= ? OR inventory_policy = 'continue')",
	"iii", "" };
static const struct db_stmt q_stock_total = {
	"UPDATE products SET stock_total = stock_total - ? WHERE id = ?", "ii", "" };
static const struct db_stmt q_order = {
	"INSERT INTO orders (number, reference, checkout_id, brand_id, user_id, status, email, ship_name, ship_line1,"
	" ship_line2, ship_city, ship_region, ship_postal, ship_country, currency, subtotal, discount, shipping,"
	" tax, total, tax_rate_bps, prices_include_tax, shipping_tax, tax_region, payment_provider, created_at,"
	" updated_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP(), UTC_TIMESTAMP(), IF(? = 'paid', UTC_TIMESTAMP(), NULL))",
	"ssiiissssssssssiiiiiiiisss", "" };
/* An order's lines go in up to LINES_PER_INSERT a statement (18 parameters a line, db.c binds
 * at most 64). */
#define LINES_PER_INSERT 3
#define LINE_INSERT "INSERT INTO order_lines (order_id, product_id, variant_id, title, variant_title, sku, unit_price," \
	" quantity, line_total, discount, creator_id, surface, commission_bps, commission_amount, video_id, ad_id," \
	" commission_kind, commission_first_order) VALUES "
#define LINE_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define LINE_TYPES "iiisssiiiiisiiiisi"
#define LINE_NPARAMS 18
_Static_assert(sizeof LINE_TYPES - 1 == LINE_NPARAMS && LINES_PER_INSERT * LINE_NPARAMS <= 64,
	       "a line's parameters, and db.c's DB_MAX_BIND");
static const struct db_stmt q_lines[LINES_PER_INSERT] = {
	{ LINE_INSERT LINE_ROW, LINE_TYPES, "" },
	{ LINE_INSERT LINE_ROW ", " LINE_ROW, LINE_TYPES LINE_TYPES, "" },
	{ LINE_INSERT LINE_ROW ", " LINE_ROW ", " LINE_ROW, LINE_TYPES LINE_TYPES LINE_TYPES, "" },
};
static const struct db_stmt q_event = {
	"INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, note, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "issis", "" };
/* An instant payment's two events, placed then paid, in one statement. */
static const struct db_stmt q_events_paid = {
	"INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, note, created_at)"
	" VALUES (?, NULL, 'awaiting_payment', NULL, 'order placed', UTC_TIMESTAMP()),"
	" (?, 'awaiting_payment', 'paid', NULL, ?, UTC_TIMESTAMP())", "iis", "" };
static const struct db_stmt q_payment = {
	"INSERT INTO payments (order_id, checkout_id, provider, status, amount, currency, provider_ref,"
	" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"iississ", "" };
static const struct db_stmt q_clear = {
	"DELETE FROM cart_items WHERE cart_id = ?", "i", "" };

enum place_why { PLACE_OK, PLACE_EMPTY, PLACE_CHANGED, PLACE_UNAVAILABLE, PLACE_SOLD_OUT, PLACE_DECLINED,
		 PLACE_CODE_REFUSED, PLACE_MIXED_CURRENCY };

struct place {
	struct req *r;
	const struct checkout_form *f;
	const struct payment_provider *prov;
	const char *version;
	uint8_t idem[32];
	long long cart_id;	/* 0 for a guest: the session's cart, found in the transaction */
	/* set by each run of the transaction */
	char ref[CALC_REF_LEN + 1];
	long long checkout_id;
	struct attr_mark mark;	/* the session's server-side attribution mark, read with the cart's lock */
	enum place_why why;
	const char *what;
	struct cart cart;
	struct buf mail;
	struct notify_mail owner_notice;	/* a brand owner's new-order notice, queued with the mail */
	struct pay_redirect redirect;	/* a hosted payment: started once the orders are committed */
};

static int by_variant(const void *a, const void *b)
{
	const struct cart_line *x = *(const struct cart_line *const *)a, *y = *(const struct cart_line *const *)b;
	return (x->variant_id > y->variant_id) - (x->variant_id < y->variant_id);
}

static int by_product(const void *a, const void *b)
{
	const struct cart_line *x = *(const struct cart_line *const *)a, *y = *(const struct cart_line *const *)b;
	return (x->product_id > y->product_id) - (x->product_id < y->product_id);
}

/* Variant rows first, then product rows, each in ascending id order: every checkout takes its
 * locks in the same order, so two checkouts wait for each other instead of deadlocking. */
static enum db_status take_stock(struct db *db, struct place *p)
{
	struct cart *c = &p->cart;
	const struct cart_line **v = arena_alloc(p->r->arena, c->nlines * sizeof *v);
	size_t n = 0;
	for (size_t k = 0; k < c->nbrands; k++)
		for (size_t j = 0; j < c->brands[k].nlines; j++)
			v[n++] = &c->brands[k].lines[j];
	qsort(v, n, sizeof *v, by_variant);
	for (size_t i = 0; i < n; i++) {
		enum db_status rc = db_query(db, NULL, &q_take_stock, (struct db_param[]){
			DB_I(v[i]->quantity), DB_I(v[i]->variant_id), DB_I(v[i]->quantity) }, NULL);
		if (rc != DB_OK)
			return rc;
		if (db_affected(db) != 1) {
			p->why = PLACE_SOLD_OUT;
			p->what = v[i]->title;
			return DB_CONFLICT;
		}
	}
	qsort(v, n, sizeof *v, by_product);
	for (size_t i = 0; i < n; i++) {
		long long qty = v[i]->quantity;
		while (i + 1 < n && v[i + 1]->product_id == v[i]->product_id)
			qty += v[++i]->quantity;
		enum db_status rc = db_query(db, NULL, &q_stock_total,
					     (struct db_param[]){ DB_I(qty), DB_I(v[i]->product_id) }, NULL);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* Who each brand's sale is attributed to and each line's commission rate, read before the stock
 * rows are locked so those locks are held as briefly as possible. */
static enum db_status attribute(struct db *db, struct place *p)
{
	struct req *r = p->r;
	for (size_t k = 0; k < p->cart.nbrands; k++) {
		struct cart_brand *b = &p->cart.brands[k];
		struct attribution at;
		enum db_status rc = attribution_for_brand(r, b->brand_id, &p->mark, &at);
		if (rc != DB_OK)
			return rc;
		cart_codes_credit(&p->cart, b, &at);
		for (size_t j = 0; j < b->nlines; j++)
			b->lines[j].commission_kind = "";
		struct commission_terms terms;
		long long now;
		if (b->creator_id && (rc = commission_terms_load(db, r->arena, b->brand_id, p->f->email, &terms, &now)) != DB_OK)
			return rc;
		for (size_t j = 0; b->creator_id && j < b->nlines; j++) {
			/* Direct for a product the creator picked, indirect for the brand's others, by
			 * commission_rate.h; a line earning nothing still records the creator. */
			struct commission_schedule pick;
			bool picked;
			if ((rc = commission_pick_load(db, r->arena, b->creator_id, b->lines[j].product_id, &picked, &pick)) != DB_OK)
				return rc;
			struct commission_choice ch = commission_rate_choose(picked ? &pick : NULL, &terms, now);
			b->lines[j].commission_bps = ch.bps;
			b->lines[j].commission_kind = commission_kind_name(ch.kind);
			b->lines[j].commission_first_order = ch.first_order;
		}
	}
	return DB_OK;
}

/* *earns: some line earns its creator a commission, so paying the order accrues one. */
static enum db_status write_lines(struct db *db, const struct cart_brand *b, long long order_id, bool *earns)
{
	*earns = false;
	for (size_t j = 0; j < b->nlines;) {
		size_t n = b->nlines - j < LINES_PER_INSERT ? b->nlines - j : LINES_PER_INSERT;
		struct db_param v[LINES_PER_INSERT * LINE_NPARAMS], *q = v;
		for (size_t end = j + n; j < end; j++) {
			const struct cart_line *l = &b->lines[j];
			long long bps = l->commission_bps;
			long long amount = discount_line_commission(l->line_total, l->discount, (unsigned)bps);
			*earns = *earns || (b->creator_id && amount > 0);
			const struct db_param row[LINE_NPARAMS] = {
				DB_I(order_id), DB_I(l->product_id), DB_I(l->variant_id), DB_S(l->title), DB_S(l->variant_title),
				DB_S(l->sku), DB_I(l->unit_price), DB_I(l->quantity), DB_I(l->line_total), DB_I(l->discount),
				b->creator_id ? DB_I(b->creator_id) : DB_NULL, DB_S(b->surface), DB_I(bps), DB_I(amount),
				l->video_id ? DB_I(l->video_id) : DB_NULL, l->ad_id ? DB_I(l->ad_id) : DB_NULL,
				DB_S(l->commission_kind), DB_I(l->commission_first_order) };
			memcpy(q, row, sizeof row);
			q += LINE_NPARAMS;
		}
		enum db_status rc = db_query(db, NULL, &q_lines[n - 1], v, NULL);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* The first brand whose owner has the notice on has it written with the shopper's confirmation
 * (one statement for both); another brand's is queued at once; an owner who switched it off, as
 * the cart's reading said, is no owner to notify. */
static enum db_status notify_paid(struct db *db, struct arena *a, struct place *p, const struct cart_brand *b,
				  const char *number, const char *reference)
{
	struct notify_mail *owner = p->owner_notice.user_id ? NULL : &p->owner_notice;
	struct order_notify_line *lines = arena_alloc(a, (b->nlines ? b->nlines : 1) * sizeof *lines);
	for (size_t j = 0; j < b->nlines; j++)
		lines[j] = (struct order_notify_line){ .quantity = b->lines[j].quantity, .creator_id = b->creator_id,
						       .title = b->lines[j].title, .variant_title = b->lines[j].variant_title };
	return order_notify_paid_known(db, a, &(struct order_notify_order){ .number = number, .reference = reference,
				       .currency = b->currency, .total = b->t.total, .brand_id = b->brand_id,
				       .brand_owner = b->owner_notice ? b->owner_user_id : 0 }, lines, b->nlines, owner);
}

static void mail_order(struct place *p, const struct cart_brand *b, const char *reference, const char *status)
{
	struct req *r = p->r;
	buf_printf(&p->mail, "Order %s from %s (%s)\n", reference, b->name, status);
	for (size_t j = 0; j < b->nlines; j++) {
		const struct cart_line *l = &b->lines[j];
		buf_printf(&p->mail, "  %lld x %s%s%s%s  %s\n", l->quantity, l->title, *l->variant_title ? " (" : "",
			   l->variant_title, *l->variant_title ? ")" : "", layout_money(r, l->line_total, l->currency));
	}
	if (b->discount)
		buf_printf(&p->mail, "  Discount %s\n", layout_money(r, -b->discount, b->currency));
	buf_printf(&p->mail, "  %s\n\n", tax_view_text(r, &b->t, b->currency, b->tax_bps, cart_tax_place(r->arena, &p->cart, b)));
}

static enum db_status write_order(struct db *db, struct place *p, const struct cart_brand *b)
{
	struct req *r = p->r;
	const struct checkout_form *f = p->f;
	char number[CALC_ORDERNO_LEN + 1];
	calc_orderno_new(number);
	enum payment_result pay = p->prov->kind == PAYMENT_REDIRECT ? PAY_PENDING
		: p->prov->decide(&(struct payment_request){ number, f->email, b->t.total, b->currency });
	if (pay == PAY_DECLINED) {
		p->why = PLACE_DECLINED;
		return DB_CONFLICT;
	}
	const char *status = pay == PAY_PAID ? "paid" : "awaiting_payment";
	/* The short reference may, rarely, be taken: a duplicate key rolls back only the statement,
	 * so a new one is drawn and the insert tried again. */
	char reference[ORDER_REF_LEN + 1];
	enum db_status rc;
	int draws = 0;
	do {
		order_ref_new(reference);
		rc = db_query(db, NULL, &q_order, (struct db_param[]){
			DB_S(number), DB_S(reference), DB_I(p->checkout_id), DB_I(b->brand_id), r->sess.user_id ? DB_I(r->sess.user_id) : DB_NULL,
			DB_S(status), DB_S(f->email), DB_S(f->name), DB_S(f->line1), DB_S(f->line2), DB_S(f->city),
			DB_S(f->region), DB_S(f->postal), DB_S(f->country), DB_S(b->currency), DB_I(b->t.subtotal),
			DB_I(b->discount), DB_I(b->t.shipping), DB_I(b->t.tax), DB_I(b->t.total), DB_I(b->tax_bps), DB_I(b->tax_included),
			DB_I(b->t.shipping_tax), DB_S(b->tax_region), DB_S(p->prov->name),
			DB_S(status) }, NULL);
	} while (rc == DB_DUP && ++draws < 5);
	if (rc != DB_OK)
		return rc;
	long long order_id = (long long)db_insert_id(db);
	const struct cart_code *refused;
	if ((rc = cart_codes_redeem(db, r, &p->cart, b, order_id, f->email, &refused)) != DB_OK) {
		if (refused)
			p->why = PLACE_CODE_REFUSED;
		return rc;
	}
	bool earns;
	if ((rc = write_lines(db, b, order_id, &earns)) != DB_OK)
		return rc;
	/* Commission accrues when the order is paid: here for an instant payment, else when settled.
	 * The notices are told what was just written rather than reading it back. */
	if (pay == PAY_PAID && ((earns && (rc = accrual_for_order(db, r->arena, order_id)) != DB_OK) ||
				(rc = notify_paid(db, r->arena, p, b, number, reference)) != DB_OK))
		return rc;
	pay_redirect_order(&p->redirect, number);
	rc = pay == PAY_PAID
		? db_query(db, NULL, &q_events_paid, (struct db_param[]){ DB_I(order_id), DB_I(order_id),
			   DB_S(arena_printf(r->arena, "paid through %s", p->prov->name)) }, NULL)
		: db_query(db, NULL, &q_event, (struct db_param[]){
			   DB_I(order_id), DB_NULL, DB_S("awaiting_payment"), DB_NULL, DB_S("order placed") }, NULL);
	char ref[CALC_ORDERNO_LEN + 32];
	payments_reference(p->prov, number, ref, sizeof ref);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_payment, (struct db_param[]){
			DB_I(order_id), DB_I(p->checkout_id), DB_S(p->prov->name), DB_S(pay == PAY_PAID ? "succeeded" : "pending"),
			DB_I(b->t.total), DB_S(b->currency), DB_S(ref) }, NULL);
	char shown[ORDER_REF_SHOW_SIZE];
	order_ref_show(reference, shown);
	mail_order(p, b, shown, pay == PAY_PAID ? "paid" : "awaiting payment");
	return rc;
}

static enum db_status place_txn(struct db *db, void *ctx)
{
	struct place *p = ctx;
	struct req *r = p->r;
	p->why = PLACE_OK;
	p->what = NULL;
	calc_ref_new(p->ref);
	/* Claimed first: a second submit of the same form waits here for the first to finish, then
	 * finds the token taken (DB_DUP) and shows the same confirmation. */
	enum db_status rc = db_query(db, NULL, &q_claim, (struct db_param[]){
		DB_S(p->ref), DB_B(p->idem, 32), DB_B(r->sess.hash, 32),
		r->sess.user_id ? DB_I(r->sess.user_id) : DB_NULL, DB_S(p->f->email), DB_S(p->prov->name) }, NULL);
	if (rc != DB_OK)
		return rc;
	p->checkout_id = (long long)db_insert_id(db);
	struct db_res lk;
	struct db_param sess = DB_B(r->sess.hash, 32);
	rc = p->cart_id ? db_query(db, r->arena, &q_lock_cart, (struct db_param[]){ sess, sess, sess, DB_I(p->cart_id) }, &lk)
			: db_query(db, r->arena, &q_lock_guest_cart, (struct db_param[]){ sess, sess, sess, sess }, &lk);
	if (rc != DB_OK)
		return rc;
	if (lk.nrows == 0) {
		p->why = PLACE_EMPTY;
		return DB_CONFLICT;
	}
	long long cart_id = db_at(&lk, 0, 0)->i;
	struct cart_known known = { .no_codes = !db_at(&lk, 0, 1)->i, .no_deals = !db_at(&lk, 0, 2)->i, .unpictured = true };
	p->mark = (struct attr_mark){ db_at(&lk, 0, 3)->i, attr_surface_parse(db_at(&lk, 0, 4)->s), db_at(&lk, 0, 5)->i };
	if ((rc = cart_load_known(db, r->arena, cart_id, p->f->country, p->f->region, &known, &p->cart)) != DB_OK ||
	    (rc = cart_codes_apply(r, db, &p->cart, p->f->email)) != DB_OK)
		return rc;
	if (p->cart.nlines == 0) {
		p->why = PLACE_EMPTY;
		return DB_CONFLICT;
	}
	if (strcmp(p->cart.version, p->version) != 0) {
		p->why = PLACE_CHANGED;
		return DB_CONFLICT;
	}
	if (p->cart.unavailable) {
		p->why = PLACE_UNAVAILABLE;
		/* Stock that ran out since the review is "sold out", like a failed conditional update. */
		for (size_t k = 0; k < p->cart.nbrands; k++)
			for (size_t j = 0; j < p->cart.brands[k].nlines; j++)
				if (p->cart.brands[k].lines[j].short_stock) {
					p->why = PLACE_SOLD_OUT;
					p->what = p->cart.brands[k].lines[j].title;
				}
		return DB_CONFLICT;
	}
	if (p->prov->kind == PAYMENT_REDIRECT && !pay_redirect_one_currency(&p->cart)) {
		p->why = PLACE_MIXED_CURRENCY;
		return DB_CONFLICT;
	}
	if ((rc = attribute(db, p)) != DB_OK || (rc = take_stock(db, p)) != DB_OK)
		return rc;
	pay_redirect_init(&p->redirect, r->arena, &p->cart);
	buf_init(&p->mail, r->arena, 2048);
	p->owner_notice = (struct notify_mail){ 0 };
	for (size_t k = 0; k < p->cart.nbrands; k++)
		if ((rc = write_order(db, p, &p->cart.brands[k])) != DB_OK)
			return rc;
	struct notify_text mail;
	notify_text_init(&mail, r->arena);
	notify_text_add_lines(&mail, "#ORDERS", buf_cstr(&p->mail));
	notify_text_add_lines(&mail, "#ADDRESS", address_text(r->arena, &(struct address){ p->f->name, p->f->line1,
			      p->f->line2, p->f->city, p->f->region, p->f->postal, p->f->country }, "\n"));
	if (p->cart.nbrands > 1)
		notify_text_add(&mail, "#MANY", arena_printf(r->arena, "%zu", p->cart.nbrands));
	/* A hosted payment's mail goes when it is paid (pay_settle.c): the shopper may never pay. */
	if (p->prov->kind != PAYMENT_REDIRECT &&
	    (rc = notify_owed_with(db, r->arena, p->f->email, "order_confirmation", &mail, p->checkout_id, 0,
				   &p->owner_notice)) != DB_OK)
		return rc;
	if (p->prov->kind == PAYMENT_REDIRECT &&
	    (rc = pay_redirect_hold(db, &p->redirect, p->checkout_id, p->prov->name)) != DB_OK)
		return rc;
	/* Flash-deal units bought at the deal price now count against the deal stock for good; a cart
	 * the deals held nothing for when it was read has no claim to mark. */
	if (p->cart.deals_held && (rc = live_deal_place(db, cart_id)) != DB_OK)
		return rc;
	return db_query(db, NULL, &q_clear, (struct db_param[]){ DB_I(cart_id) }, NULL);
}

/* The checkout this token already made: its confirmation for the session that placed it. true
 * with *st what to answer when the token was used (or could not be looked up). */
static bool replay(struct req *r, const uint8_t idem[32], int *st)
{
	*st = REQ_DONE;
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_replay,
				     (struct db_param[]){ DB_B(r->sess.hash, 32), DB_B(idem, 32) }, &res);
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return true;
	}
	if (res.nrows == 0)
		return false;
	if (db_at(&res, 0, 1)->i)
		*st = pay_redirect_replay(r, db_at(&res, 0, 0)->s);
	else
		response_error(r, 409, "This order form was already used.");
	return true;
}

int page_checkout_place(struct req *r)
{
	struct checkout_form f;
	const char *which, *problem = checkout_form_read(r, &f, &which);
	const char *token = req_form(r, "token"), *version = req_form(r, "version");
	if (!calc_token_check(r->secret, r->sess.hash, token) || !version) {
		response_error(r, 400, "This order form is not valid any more. Go back to your cart and check out again.");
		return REQ_DONE;
	}
	struct place p = { .r = r, .f = &f, .prov = payments_find(f.provider), .version = version };
	calc_token_hash(token, p.idem);
	/* A used token is found by the claim's duplicate key inside the transaction, so the usual
	 * first submit costs no lookup; the refusals below look first, as a replayed form that was
	 * placed must still show its confirmation. */
	int st;
	if (problem) {
		if (replay(r, p.idem, &st))
			return st;
		response_error(r, 422, problem);
		return REQ_DONE;
	}
	enum db_status rc = DB_OK;
	if (!r->sess.present || r->sess.user_id) {
		rc = cart_find(r, false, &p.cart_id);
		if (rc == DB_OK && !p.cart_id) {
			if (replay(r, p.idem, &st))
				return st;
			response_redirect(r, "/cart");
			return REQ_DONE;
		}
	}
	if (rc == DB_OK)
		rc = db_txn(r->db, place_txn, &p);
	if (rc == DB_DUP && replay(r, p.idem, &st))
		return st;
	if (rc == DB_OK) {
		cart_count_set(r, 0);
		discount_link_forget(r);
		if (p.prov->kind == PAYMENT_REDIRECT)	/* after the commit: no lock is held across the call */
			return pay_redirect_start(r, p.prov, &p.redirect, p.ref, f.email);
		response_redirect(r, arena_printf(r->arena, "/checkout/done/%s", p.ref));
		return REQ_DONE;
	}
	if (rc != DB_CONFLICT)
		return req_db_fail(rc);
	switch (p.why) {
	case PLACE_EMPTY:
		response_redirect(r, "/cart");
		break;
	case PLACE_CHANGED: {
		const char *code = cart_codes_change_notice(r, &p.cart);
		checkout_review_page(r, &f, &p.cart, 409, code ? code : "Your order changed since you reviewed it: prices, "
				     "shipping or items are different now. Check the new summary and place the order again.");
		break;
	}
	case PLACE_CODE_REFUSED:
		return cart_codes_refused_page(r, &f);
	case PLACE_UNAVAILABLE:
		checkout_review_page(r, &f, &p.cart, 409, "Some items cannot be ordered any more.");
		break;
	case PLACE_SOLD_OUT:
		checkout_problem(r, 409, "Sold out", arena_printf(r->arena, "Sorry: %s sold out while you were checking "
				 "out. Nothing was charged and no order was placed.", p.what));
		break;
	case PLACE_MIXED_CURRENCY:
		checkout_review_page(r, &f, &p.cart, 409, PAY_REDIRECT_MIXED_TEXT);
		break;
	case PLACE_DECLINED:
		checkout_problem(r, 422, "Payment declined", "The payment was declined. Nothing was charged and no "
				 "order was placed. Try another way to pay.");
		break;
	default:
		return req_db_fail(rc);
	}
	return REQ_DONE;
}
