/* marketplace_settings.c: "/studio/marketplace" — open the whole catalog or single products to
 * creators, the commission rate (basis points, shown as a percentage) and creator approval. */
#include <string.h>
#include "lib/money.h"
#include "web/layout.h"
#include "domain/catalog/product.h"
#include "studio/products.h"
#include "web/response.h"

#define COMMISSION_MAX_BPS 5000

static const struct db_stmt q_products = {
	"SELECT id, title, status, marketplace, COALESCE(commission_bps, -1) FROM products"
	" WHERE brand_id = ? AND status <> 'archived' ORDER BY title, id LIMIT 500", "i", "isssi" };
static const struct db_stmt q_save_brand = {
	"UPDATE brands SET marketplace_open = ?, default_commission_bps = ?, approval_required = ? WHERE id = ?",
	"iiii", "" };
static const struct db_stmt q_save_product = {
	"UPDATE products SET marketplace = ?, commission_bps = ? WHERE id = ? AND brand_id = ?", "siii", "" };
static const struct db_stmt q_product_exists = {
	"SELECT id FROM products WHERE id = ? AND brand_id = ?", "ii", "i" };

/* A percentage with at most two decimals ("12.5") in basis points (1250), 0..50%. */
static bool parse_percent(const char *s, long long *bps)
{
	return s && money_parse(s, "USD", bps) && *bps <= COMMISSION_MAX_BPS;
}

static const char *percent(struct req *r, long long bps)
{
	return product_decimal(r->arena, bps, "USD");
}

static int render(struct req *r, const struct acting_brand *b, int status, const char *error, bool saved)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_products, (struct db_param[]){ DB_I(b->id) }, &res);
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
	if (saved)
		tmpl_show(d, "SAVED");
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

int page_marketplace_save(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long bps;
	bool open, approval;
	if (!yes_no(req_form(r, "marketplace_open"), &open) || !yes_no(req_form(r, "approval_required"), &approval))
		return render(r, b, 422, "Answer yes or no for opening the catalog and for approval.", false);
	if (!parse_percent(req_form(r, "commission_percent"), &bps))
		return render(r, b, 422, "Enter a commission from 0 to 50 percent, with at most two decimals (like 12.5).", false);
	enum db_status rc = db_query(r->db, NULL, &q_save_brand, (struct db_param[]){ DB_I(open), DB_I(bps),
		DB_I(approval), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/marketplace?marketplace=saved");
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
	if (pct && *pct && !parse_percent(pct, &bps))
		return render(r, b, 422, "Enter a commission from 0 to 50 percent, with at most two decimals, or leave it empty.", false);
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_product_exists, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &res);
	if (rc == DB_OK && res.nrows == 0) {
		response_error(r, 404, "That product is not in your catalog.");
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, NULL, &q_save_product, (struct db_param[]){ DB_S(m), bps < 0 ? DB_NULL : DB_I(bps),
			DB_I(id), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/marketplace?marketplace=saved");
	return REQ_DONE;
}
