/* payout_batch.c: see payout_batch.h.
 *
 * A run locks the brand's order lines in the currency (as refunds and cancellations lock theirs),
 * so a refund either lands before the run (and is netted) or after it (and, the line being in
 * the batch, becomes a clawback carried to the next one). What a batch settles is recorded per
 * order line (payout_items), so marking it paid later writes exactly what was exported, whatever
 * happened since. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/creators/ledger.h"
#include "domain/creators/ledger_append.h"
#include "domain/creators/payout_batch.h"
#include "domain/mail/notify.h"
#include "lib/money.h"

static const struct db_stmt q_settings = {
	"SELECT threshold_minor, schedule, debtor_name, debtor_iban, debtor_bic FROM brand_payout_settings"
	" WHERE brand_id = ?", "i", "issss" };
static const struct db_stmt q_settings_save = {
	"INSERT INTO brand_payout_settings (brand_id, threshold_minor, schedule, debtor_name, debtor_iban, debtor_bic,"
	" updated_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE threshold_minor ="
	" VALUES(threshold_minor), schedule = VALUES(schedule), debtor_name = VALUES(debtor_name),"
	" debtor_iban = VALUES(debtor_iban), debtor_bic = VALUES(debtor_bic), updated_at = VALUES(updated_at)",
	"iissss", "" };
/* Per creator and order line: the ledger sums and whether the return window has passed. */
static const struct db_stmt q_lines = {
	"SELECT ce.creator_id, l.id,"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'accrual' THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind IN ('reversal', 'clawback') THEN ce.amount END), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(CASE WHEN ce.kind = 'payout' THEN ce.amount END), 0) AS SIGNED),"
	" MAX(DATE_ADD(COALESCE(o.delivered_at, o.created_at), INTERVAL b.return_window_days DAY) <= UTC_TIMESTAMP()"
	" AND o.status NOT IN ('awaiting_payment', 'cancelled'))"
	" FROM commission_entries ce JOIN order_lines l ON l.id = ce.order_line_id JOIN orders o ON o.id = l.order_id"
	" JOIN brands b ON b.id = o.brand_id WHERE ce.brand_id = ? AND o.currency = ?"
	" AND NOT EXISTS (SELECT 1 FROM payout_items i JOIN payout_batches pb ON pb.id = i.batch_id"
	" WHERE i.order_line_id = l.id AND pb.status IN ('draft', 'exported'))"
	" GROUP BY ce.creator_id, l.id ORDER BY ce.creator_id, l.id LIMIT 500000", "is", "iiiiii" };
static const struct db_stmt q_creators = {
	"SELECT c.id, c.handle, tf.creator_id IS NOT NULL, COALESCE(d.method, ''),"
	" COALESCE(u.email_verified_at IS NOT NULL AND u.deleted_at IS NULL, 0) FROM creators c"
	" LEFT JOIN users u ON u.id = c.user_id"
	" LEFT JOIN creator_tax_forms tf ON tf.brand_id = ? AND tf.creator_id = c.id"
	" LEFT JOIN creator_payout_details d ON d.creator_id = c.id"
	" WHERE c.id IN (SELECT creator_id FROM commission_entries WHERE brand_id = ?) ORDER BY c.id LIMIT 5000",
	"ii", "isisi" };
static const struct db_stmt q_lock_lines = {
	"SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id"
	" WHERE o.brand_id = ? AND o.currency = ? AND l.creator_id IS NOT NULL ORDER BY l.id FOR UPDATE", "is", "i" };
static const struct db_stmt q_find = {
	"SELECT id FROM payout_batches WHERE brand_id = ? AND run_key = ?", "is", "i" };
static const struct db_stmt q_insert = {
	"INSERT INTO payout_batches (brand_id, currency, period, run_key, status, total, created_at, created_by)"
	" VALUES (?, ?, ?, ?, 'draft', 0, UTC_TIMESTAMP(), ?)", "isssi", "" };
static const struct db_stmt q_line = {
	"INSERT INTO payout_lines (batch_id, creator_id, amount, method) VALUES (?, ?, ?, ?)", "iiis", "" };
static const struct db_stmt q_item = {
	"INSERT INTO payout_items (batch_id, order_line_id, creator_id, amount) VALUES (?, ?, ?, ?)", "iiii", "" };
static const struct db_stmt q_total = {
	"UPDATE payout_batches SET total = ? WHERE id = ?", "ii", "" };
static const struct db_stmt q_lock_batch = {
	"SELECT status, currency FROM payout_batches WHERE id = ? AND brand_id = ? FOR UPDATE", "ii", "ss" };
static const struct db_stmt q_items = {
	"SELECT order_line_id, creator_id, amount FROM payout_items WHERE batch_id = ? ORDER BY order_line_id",
	"i", "iii" };
static const struct db_stmt q_paid = {
	"UPDATE payout_batches SET status = 'paid', paid_at = UTC_TIMESTAMP() WHERE id = ?", "i", "" };
/* Voiding frees the period (run_key NULL) so it can be run again. */
static const struct db_stmt q_void = {
	"UPDATE payout_batches SET status = 'void', run_key = NULL, voided_at = UTC_TIMESTAMP() WHERE id = ?", "i", "" };
static const struct db_stmt q_exported = {
	"UPDATE payout_batches SET status = 'exported', exported_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND brand_id = ? AND status = 'draft'", "ii", "" };

enum db_status payout_batch_settings(struct db *db, struct arena *a, long long brand_id, const char *currency,
				     struct payout_settings *out)
{
	struct db_res res;
	*out = (struct payout_settings){ payout_rules_default_threshold(currency), PAYOUT_MONTHLY, "", "", "" };
	enum db_status rc = db_query(db, a, &q_settings, (struct db_param[]){ DB_I(brand_id) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	out->threshold = db_at(&res, 0, 0)->i;
	out->schedule = strcmp(db_at(&res, 0, 1)->s, "twice_monthly") == 0 ? PAYOUT_TWICE_MONTHLY : PAYOUT_MONTHLY;
	out->debtor_name = db_at(&res, 0, 2)->s;
	out->debtor_iban = db_at(&res, 0, 3)->s;
	out->debtor_bic = db_at(&res, 0, 4)->s;
	return DB_OK;
}

enum db_status payout_batch_settings_save(struct db *db, long long brand_id, const struct payout_settings *s)
{
	return db_query(db, NULL, &q_settings_save, (struct db_param[]){ DB_I(brand_id), DB_I(s->threshold),
				DB_S(s->schedule == PAYOUT_TWICE_MONTHLY ? "twice_monthly" : "monthly"),
				DB_S(s->debtor_name), DB_S(s->debtor_iban), DB_S(s->debtor_bic) }, NULL);
}

/* What the lines and creators say, and per line what settling it now pays (payable plus any
 * carried clawback, signed). */
struct payout_gather {
	struct db_res lines, creators;
	long long *settle;
	struct payout_creator *c;
	size_t nc;
};

static int payout_batch_by_id(const void *key, const void *elem)
{
	long long k = *(const long long *)key, id = ((const struct payout_creator *)elem)->creator_id;
	return (k > id) - (k < id);
}

static enum db_status payout_batch_gather(struct db *db, struct arena *a, long long brand_id, const char *currency,
					  long long threshold, struct payout_gather *g)
{
	enum db_status rc = db_query(db, a, &q_lines, (struct db_param[]){ DB_I(brand_id), DB_S(currency) }, &g->lines);
	if (rc == DB_OK)
		rc = db_query(db, a, &q_creators, (struct db_param[]){ DB_I(brand_id), DB_I(brand_id) }, &g->creators);
	if (rc != DB_OK)
		return rc;
	g->nc = g->creators.nrows;
	g->c = arena_zalloc(a, (g->nc + 1) * sizeof *g->c);
	for (size_t i = 0; i < g->nc; i++) {
		const char *m = db_at(&g->creators, i, 3)->s;
		g->c[i] = (struct payout_creator){ .creator_id = db_at(&g->creators, i, 0)->i,
			.handle = db_at(&g->creators, i, 1)->s, .tax_form = db_at(&g->creators, i, 2)->i != 0,
			.method = strcmp(m, "paypal") == 0 ? PAYOUT_METHOD_PAYPAL
				  : strcmp(m, "sepa") == 0 ? PAYOUT_METHOD_SEPA : PAYOUT_METHOD_NONE };
	}
	g->settle = arena_zalloc(a, (g->lines.nrows + 1) * sizeof *g->settle);
	for (size_t i = 0; i < g->lines.nrows; i++) {
		long long id = db_at(&g->lines, i, 0)->i;
		struct payout_creator *c = bsearch(&id, g->c, g->nc, sizeof *g->c, payout_batch_by_id);
		if (!c)
			continue;
		struct ledger_split s = ledger_line(db_at(&g->lines, i, 2)->i, db_at(&g->lines, i, 3)->i,
						    db_at(&g->lines, i, 4)->i, db_at(&g->lines, i, 5)->i != 0);
		c->payable += s.payable;
		c->pending += s.pending;
		c->carried += s.carried;
		g->settle[i] = s.payable + s.carried;
	}
	for (size_t i = 0; i < g->nc; i++)
		g->c[i].hold = payout_rules_hold_verified(
			payout_rules_hold(g->c[i].payable + g->c[i].carried, threshold, g->c[i].tax_form, g->c[i].method, currency),
			db_at(&g->creators, i, 4)->i != 0);
	return DB_OK;
}

enum db_status payout_batch_balances(struct db *db, struct arena *a, long long brand_id, const char *currency,
				     long long threshold, struct payout_creator **out, size_t *n)
{
	struct payout_gather g;
	enum db_status rc = payout_batch_gather(db, a, brand_id, currency, threshold, &g);
	*out = rc == DB_OK ? g.c : NULL;
	*n = rc == DB_OK ? g.nc : 0;
	return rc;
}

struct payout_run {
	long long brand_id, threshold, user_id;
	const char *currency, *period;
	struct arena *a;
	long long batch_id;
	enum payout_batch_outcome outcome;
};

static enum db_status payout_batch_tell_brand(struct db *db, const struct payout_run *p, size_t creators,
					     long long total)
{
	char money[64];
	if (!money_format(money, sizeof money, total, p->currency))
		snprintf(money, sizeof money, "%lld %s", total, p->currency);
	struct notify_text t;
	notify_text_init(&t, p->a);
	notify_text_add(&t, "TOTAL", arena_printf(p->a, "%s", money));
	notify_text_add(&t, "PERIOD", p->period);
	notify_text_add(&t, "CREATORS", arena_printf(p->a, "%zu creator%s", creators, creators == 1 ? "" : "s"));
	notify_text_add(&t, "BATCH", arena_printf(p->a, "%lld", p->batch_id));
	return notify_brand(db, p->a, p->brand_id, NOTIFY_BRAND_PAYOUT_DUE, &t);
}

static enum db_status payout_batch_run_txn(struct db *db, void *ctx)
{
	struct payout_run *p = ctx;
	const char *key = arena_printf(p->a, "%s %s", p->currency, p->period);
	struct db_res found, locked;
	struct payout_gather g;
	enum db_status rc = db_query(db, p->a, &q_find, (struct db_param[]){ DB_I(p->brand_id), DB_S(key) }, &found);
	if (rc != DB_OK)
		return rc;
	if (found.nrows) {
		p->batch_id = db_at(&found, 0, 0)->i;
		p->outcome = PAYOUT_BATCH_EXISTS;
		return DB_OK;
	}
	if ((rc = db_query(db, p->a, &q_lock_lines, (struct db_param[]){ DB_I(p->brand_id), DB_S(p->currency) },
			   &locked)) != DB_OK ||
	    (rc = payout_batch_gather(db, p->a, p->brand_id, p->currency, p->threshold, &g)) != DB_OK)
		return rc;
	size_t paying = 0;
	for (size_t i = 0; i < g.nc; i++)
		paying += g.c[i].hold == PAYOUT_PAY;
	if (paying == 0) {
		p->outcome = PAYOUT_BATCH_NOTHING;
		return DB_OK;
	}
	rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(p->brand_id), DB_S(p->currency), DB_S(p->period),
			DB_S(key), p->user_id ? DB_I(p->user_id) : DB_NULL }, NULL);
	if (rc == DB_DUP)
		return DB_RETRY;	/* the same period run at the same moment: run again, find it */
	if (rc != DB_OK)
		return rc;
	p->batch_id = (long long)db_insert_id(db);
	long long total = 0;
	for (size_t i = 0; rc == DB_OK && i < g.nc; i++) {
		if (g.c[i].hold != PAYOUT_PAY)
			continue;
		long long amount = g.c[i].payable + g.c[i].carried;
		total += amount;
		rc = db_query(db, NULL, &q_line, (struct db_param[]){ DB_I(p->batch_id), DB_I(g.c[i].creator_id),
				DB_I(amount), DB_S(g.c[i].method == PAYOUT_METHOD_SEPA ? "sepa" : "paypal") }, NULL);
	}
	for (size_t i = 0; rc == DB_OK && i < g.lines.nrows; i++) {
		long long id = db_at(&g.lines, i, 0)->i;
		const struct payout_creator *c = bsearch(&id, g.c, g.nc, sizeof *g.c, payout_batch_by_id);
		if (!c || c->hold != PAYOUT_PAY || g.settle[i] == 0)
			continue;
		rc = db_query(db, NULL, &q_item, (struct db_param[]){ DB_I(p->batch_id), DB_I(db_at(&g.lines, i, 1)->i),
				DB_I(id), DB_I(g.settle[i]) }, NULL);
	}
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_total, (struct db_param[]){ DB_I(total), DB_I(p->batch_id) }, NULL);
	/* A batch the schedule made waits for the brand, who may not look: tell it. One made with the
	 * studio's button is on the screen of whoever pressed it. */
	if (rc == DB_OK && !p->user_id)
		rc = payout_batch_tell_brand(db, p, paying, total);
	p->outcome = PAYOUT_BATCH_DONE;
	return rc;
}

enum db_status payout_batch_run(struct db *db, struct arena *a, long long brand_id, const char *currency,
				const char *period, long long threshold, long long user_id, long long *batch_id,
				enum payout_batch_outcome *outcome)
{
	struct payout_run p = { brand_id, threshold, user_id, currency, period, a, 0, PAYOUT_BATCH_NOTHING };
	enum db_status rc = db_txn(db, payout_batch_run_txn, &p);
	*batch_id = p.batch_id;
	*outcome = p.outcome;
	return rc;
}

static const struct db_stmt q_paid_lines = {
	"SELECT pl.creator_id, pl.amount, b.name, pb.period FROM payout_lines pl JOIN payout_batches pb ON pb.id = pl.batch_id"
	" JOIN brands b ON b.id = pb.brand_id WHERE pl.batch_id = ? AND pl.amount > 0 ORDER BY pl.creator_id", "i", "iiss" };

/* Each creator paid in the batch hears of it, in the transaction that marks it paid. */
static enum db_status payout_batch_tell_creators(struct db *db, struct arena *a, long long batch_id, const char *currency)
{
	struct db_res l;
	enum db_status rc = db_query(db, a, &q_paid_lines, (struct db_param[]){ DB_I(batch_id) }, &l);
	for (size_t i = 0; rc == DB_OK && i < l.nrows; i++) {
		char money[64];
		if (!money_format(money, sizeof money, db_at(&l, i, 1)->i, currency))
			snprintf(money, sizeof money, "%lld %s", db_at(&l, i, 1)->i, currency);
		struct notify_text t;
		notify_text_init(&t, a);
		notify_text_add(&t, "BRAND", db_at(&l, i, 2)->s);
		notify_text_add(&t, "AMOUNT", arena_printf(a, "%s", money));
		notify_text_add(&t, "PERIOD", db_at(&l, i, 3)->s);
		rc = notify_creator(db, a, db_at(&l, i, 0)->i, NOTIFY_CREATOR_PAYOUT_SENT, &t);
	}
	return rc;
}

struct payout_settle {
	long long brand_id, batch_id, user_id;
	struct arena *a;
	bool pay;	/* else void */
	enum payout_batch_outcome outcome;
};

static enum db_status payout_batch_settle_txn(struct db *db, void *ctx)
{
	struct payout_settle *s = ctx;
	struct db_res b, items;
	enum db_status rc = db_query(db, s->a, &q_lock_batch, (struct db_param[]){ DB_I(s->batch_id), DB_I(s->brand_id) },
				     &b);
	if (rc != DB_OK)
		return rc;
	if (b.nrows == 0) {
		s->outcome = PAYOUT_BATCH_NOT_FOUND;
		return DB_OK;
	}
	const char *status = db_at(&b, 0, 0)->s, *currency = db_at(&b, 0, 1)->s;
	if (strcmp(status, "paid") == 0 || strcmp(status, "void") == 0) {
		s->outcome = status[0] == 'p' ? PAYOUT_BATCH_IS_PAID : PAYOUT_BATCH_IS_VOID;
		return DB_OK;
	}
	s->outcome = PAYOUT_BATCH_DONE;
	if (!s->pay)
		return db_query(db, NULL, &q_void, (struct db_param[]){ DB_I(s->batch_id) }, NULL);
	if ((rc = db_query(db, s->a, &q_items, (struct db_param[]){ DB_I(s->batch_id) }, &items)) != DB_OK)
		return rc;
	for (size_t i = 0; rc == DB_OK && i < items.nrows; i++) {
		struct ledger_entry e = { .brand_id = s->brand_id, .creator_id = db_at(&items, i, 1)->i,
					  .order_line_id = db_at(&items, i, 0)->i, .amount = -db_at(&items, i, 2)->i,
					  .currency = currency, .kind = "payout", .payout_id = s->batch_id,
					  .created_by = s->user_id };
		rc = ledger_append(db, s->a, &e);
	}
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_paid, (struct db_param[]){ DB_I(s->batch_id) }, NULL);
	return rc == DB_OK ? payout_batch_tell_creators(db, s->a, s->batch_id, currency) : rc;
}

enum db_status payout_batch_pay(struct db *db, struct arena *a, long long brand_id, long long batch_id,
				long long user_id, enum payout_batch_outcome *outcome)
{
	struct payout_settle s = { brand_id, batch_id, user_id, a, true, PAYOUT_BATCH_NOT_FOUND };
	enum db_status rc = db_txn(db, payout_batch_settle_txn, &s);
	*outcome = s.outcome;
	return rc;
}

enum db_status payout_batch_void(struct db *db, struct arena *a, long long brand_id, long long batch_id,
				 enum payout_batch_outcome *outcome)
{
	struct payout_settle s = { brand_id, batch_id, 0, a, false, PAYOUT_BATCH_NOT_FOUND };
	enum db_status rc = db_txn(db, payout_batch_settle_txn, &s);
	*outcome = s.outcome;
	return rc;
}

enum db_status payout_batch_exported(struct db *db, long long brand_id, long long batch_id)
{
	return db_query(db, NULL, &q_exported, (struct db_param[]){ DB_I(batch_id), DB_I(brand_id) }, NULL);
}
