/* marketplace_settings.c: "/studio/marketplace" — open the whole catalog or single products to
 * creators, the commission rate (basis points, shown as a percentage) and creator approval. A
 * changed rate reaches existing picks by the rules of rate_change.h (a raise at once, a cut after
 * the brand's notice period, the creators told), in the same transaction as the change. */
#include <string.h>
#include "domain/accounts/email_verify.h"
#include "domain/creators/rate_change.h"
#include "web/layout.h"
#include "domain/catalog/product.h"
#include "studio/products.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_products = {
	"SELECT id, title, status, marketplace, COALESCE(commission_bps, -1) FROM products"
	" WHERE brand_id = ? AND status <> 'archived' ORDER BY title, id LIMIT 500", "i", "isssi" };
/* Cuts announced to creators and not yet in force, per product, rate and date. */
static const struct db_stmt q_waiting = {
	"SELECT p.title, pk.commission_bps, pk.pending_bps, DATE_FORMAT(pk.pending_at, '%Y-%m-%d %H:%i UTC'), COUNT(*)"
	" FROM picks pk JOIN products p ON p.id = pk.product_id WHERE p.brand_id = ? AND pk.status = 'approved'"
	" AND pk.pending_at > UTC_TIMESTAMP() GROUP BY p.id, p.title, pk.commission_bps, pk.pending_bps, pk.pending_at"
	" ORDER BY pk.pending_at, p.title LIMIT 200", "i", "siisi" };
static const struct db_stmt q_save_brand = {
	"UPDATE brands SET marketplace_open = ?, default_commission_bps = ?, approval_required = ? WHERE id = ?",
	"iiii", "" };
static const struct db_stmt q_save_product = {
	"UPDATE products SET marketplace = ?, commission_bps = ? WHERE id = ? AND brand_id = ?", "siii", "" };
static const struct db_stmt q_product_exists = {
	"SELECT id FROM products WHERE id = ? AND brand_id = ?", "ii", "i" };

/* One settings change and the picks brought in line with it, in one transaction. */
struct offer_change {
	const struct db_stmt *st;
	const struct db_param *params;
	long long brand_id, product_id;	/* product_id 0: the brand's own rate */
	struct arena *a;
	struct rate_change_count count;
};

static enum db_status offer_txn(struct db *db, void *ctx)
{
	struct offer_change *o = ctx;
	enum db_status rc = db_query(db, NULL, o->st, o->params, NULL);
	return rc == DB_OK ? rate_change_apply(db, o->a, o->brand_id, o->product_id, &o->count) : rc;
}

static const char *saved_url(struct req *r, const struct rate_change_count *c)
{
	return arena_printf(r->arena, "/studio/marketplace?raised=%lld&cut=%lld&told=%lld&marketplace=saved", c->raised,
			    c->cut, c->creators_told);
}

static const char *percent(struct req *r, long long bps)
{
	return product_decimal(r->arena, bps, "USD");
}

static int render(struct req *r, const struct acting_brand *b, int status, const char *error, bool saved)
{
	struct db_res res, w;
	enum db_status rc = db_query(r->db, r->arena, &q_products, (struct db_param[]){ DB_I(b->id) }, &res);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_waiting, (struct db_param[]){ DB_I(b->id) }, &w);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_marketplace.tpl", "Creator marketplace");
	tmpl_set(d, "BRAND_NAME", b->name);
	const char *pct = req_form(r, "commission_percent");
	tmpl_set(d, "COMMISSION", error && pct ? pct : percent(r, b->commission_bps));
	if (b->marketplace_open)
		tmpl_show(d, "OPEN");
	else
		tmpl_show(d, "CLOSED");
	if (b->approval_required)
		tmpl_show(d, "APPROVAL");
	else
		tmpl_show(d, "NO_APPROVAL");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	long long raised = 0, cut = 0, told = 0;
	if (saved && req_int(r, "raised", &raised) && req_int(r, "cut", &cut) && req_int(r, "told", &told) && (raised || cut))
		tmpl_set(d, "RATE_CHANGES", arena_printf(r->arena, "Existing picks earning the new rate from now: %lld. "
			 "Earning it after your notice period: %lld; their %lld creators were told.", raised, cut, told));
	if (saved)
		tmpl_show(d, "SAVED");
	for (size_t i = 0; i < w.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "WAITING");
		tmpl_set(e, "TITLE", db_at(&w, i, 0)->s);
		tmpl_set(e, "RATE", creator_rate_text(r, db_at(&w, i, 1)->i));
		tmpl_set(e, "NEW_RATE", creator_rate_text(r, db_at(&w, i, 2)->i));
		tmpl_set(e, "WHEN", db_at(&w, i, 3)->s);
		tmpl_set_int(e, "PICKS", db_at(&w, i, 4)->i);
	}
	if (w.nrows)
		tmpl_show(d, "HAS_WAITING");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *p = tmpl_add(d, "PRODUCT");
		tmpl_set_int(p, "ID", db_at(&res, i, 0)->i);
		tmpl_set(p, "TITLE", db_at(&res, i, 1)->s);
		tmpl_set(p, "STATUS", db_at(&res, i, 2)->s);
		const char *m = db_at(&res, i, 3)->s;
		tmpl_show(p, strcmp(m, "open") == 0 ? "M_OPEN" : strcmp(m, "closed") == 0 ? "M_CLOSED" : "M_INHERIT");
		long long c = db_at(&res, i, 4)->i;
		tmpl_set(p, "COMMISSION", c < 0 ? "" : percent(r, c));
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_marketplace_form(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *saved = req_query(r, "marketplace");
	return render(r, b, 200, NULL, saved && strcmp(saved, "saved") == 0);
}

static bool yes_no(const char *s, bool *out)
{
	if (s && strcmp(s, "yes") == 0)
		*out = true;
	else if (s && strcmp(s, "no") == 0)
		*out = false;
	else
		return false;
	return true;
}

/* Opening a catalog to creators waits for a proved address: creators are promised commission by
 * whoever runs the brand, and must be able to reach them. */
#define UNVERIFIED_TEXT "Confirm your email address before you open your catalog to creators: use the link we mailed you, or have it sent again from your account page (/studio/account)."

static enum db_status marketplace_verified(struct req *r, bool *verified)
{
	const char *email, *pending;
	return email_verify_state(r->db, r->arena, r->sess.user_id, &email, verified, &pending);
}

int page_marketplace_save(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long bps;
	bool open, approval;
	if (!yes_no(req_form(r, "marketplace_open"), &open) || !yes_no(req_form(r, "approval_required"), &approval))
		return render(r, b, 422, "Answer yes or no for opening the catalog and for approval.", false);
	if (!commission_percent_parse(req_form(r, "commission_percent"), &bps))
		return render(r, b, 422, "Enter a commission from 0 to 50 percent, with at most two decimals (like 12.5).", false);
	bool verified = true;
	enum db_status rc = open ? marketplace_verified(r, &verified) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!verified)
		return render(r, b, 403, UNVERIFIED_TEXT, false);
	struct offer_change o = { &q_save_brand, (struct db_param[]){ DB_I(open), DB_I(bps), DB_I(approval), DB_I(b->id) },
				  b->id, 0, r->arena, { 0, 0, 0 } };
	rc = db_txn(r->db, offer_txn, &o);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, saved_url(r, &o.count));
	return REQ_DONE;
}

/* One product's setting: follow the brand, open or closed, and its own rate (empty: the brand's). */
int page_marketplace_product(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	const char *m = req_form(r, "marketplace");
	const char *pct = req_form(r, "commission_percent");
	long long bps = -1;
	if (!m || (strcmp(m, "inherit") && strcmp(m, "open") && strcmp(m, "closed")))
		return render(r, b, 422, "Choose whether the product follows the brand, is open or is closed.", false);
	if (pct && *pct && !commission_percent_parse(pct, &bps))
		return render(r, b, 422, "Enter a commission from 0 to 50 percent, with at most two decimals, or leave it empty.", false);
	bool verified = true;
	enum db_status rc = strcmp(m, "open") == 0 ? marketplace_verified(r, &verified) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!verified)
		return render(r, b, 403, UNVERIFIED_TEXT, false);
	struct db_res res;
	rc = db_query(r->db, r->arena, &q_product_exists, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &res);
	if (rc == DB_OK && res.nrows == 0) {
		response_error(r, 404, "That product is not in your catalog.");
		return REQ_DONE;
	}
	struct offer_change o = { &q_save_product, (struct db_param[]){ DB_S(m), bps < 0 ? DB_NULL : DB_I(bps), DB_I(id),
				  DB_I(b->id) }, b->id, id, r->arena, { 0, 0, 0 } };
	if (rc == DB_OK)
		rc = db_txn(r->db, offer_txn, &o);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, saved_url(r, &o.count));
	return REQ_DONE;
}
