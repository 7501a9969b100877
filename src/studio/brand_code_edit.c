/* brand_code_edit.c: "/studio/brand/codes/{id}" — one of the brand's codes: change its rule
 * (the text and the creator stay: they are what shoppers were given), and disable or enable
 * it. A disabled code stops applying at once, in carts and at the order. */
#include <string.h>
#include "studio/codes.h"
#include "domain/catalog/product.h"
#include "web/layout.h"
#include "web/response.h"

static const struct db_stmt q_code = {
	"SELECT d.code, COALESCE(c.handle, ''), d.kind = 'fixed', d.value, d.min_order, COALESCE(d.total_limit, 0),"
	" COALESCE(d.per_customer_limit, 0), COALESCE(DATE_FORMAT(d.starts_at, '%Y-%m-%d'), ''),"
	" COALESCE(DATE_FORMAT(d.ends_at - INTERVAL 1 DAY, '%Y-%m-%d'), ''), d.combinable, d.active, d.uses"
	" FROM discount_codes d LEFT JOIN creators c ON c.id = d.creator_id WHERE d.id = ? AND d.brand_id = ?",
	"ii", "ssiiiiissiii" };
static const struct db_stmt q_save = {
	"UPDATE discount_codes SET kind = ?, value = ?, min_order = ?, total_limit = ?, per_customer_limit = ?,"
	" starts_at = ?, ends_at = ? + INTERVAL 1 DAY, combinable = ? WHERE id = ? AND brand_id = ?",
	"siiiissiii", "" };
static const struct db_stmt q_state = {
	"UPDATE discount_codes SET active = ? WHERE id = ? AND brand_id = ?", "iii", "" };

static int form(struct req *r, int status, const struct db_res *c, const struct brand_code_form *f)
{
	tmpl_dict *d = layout_begin(r, "studio_brand_code_edit.tpl", "Edit discount code");
	tmpl_set_int(d, "ID", req_id(r, "id"));
	tmpl_set(d, "CODE", db_at(c, 0, 0)->s);
	const char *who = db_at(c, 0, 1)->s;
	tmpl_set(d, "WHO", *who ? arena_printf(r->arena, "@%s", who) : "the brand (no creator)");
	tmpl_set_int(d, "USES", db_at(c, 0, 11)->i);
	brand_code_form_fill(d, r->brand->currency, f);
	layout_end(r, status);
	return REQ_DONE;
}

static enum db_status load(struct req *r, struct db_res *c)
{
	return db_query(r->db, r->arena, &q_code, (struct db_param[]){ DB_I(req_id(r, "id")), DB_I(r->brand->id) }, c);
}

int page_brand_code_edit(struct req *r)
{
	struct db_res c;
	enum db_status rc = load(r, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (c.nrows == 0)
		return 404;
	bool fixed = db_at(&c, 0, 2)->i != 0;
	const char *cur = r->brand->currency;
	long long min = db_at(&c, 0, 4)->i, total = db_at(&c, 0, 5)->i, per = db_at(&c, 0, 6)->i;
	struct brand_code_form f = {
		.rule = { .kind = fixed ? DISCOUNT_FIXED : DISCOUNT_PERCENT, .combinable = db_at(&c, 0, 9)->i != 0 },
		.code = db_at(&c, 0, 0)->s, .starts_on = db_at(&c, 0, 7)->s, .ends_on = db_at(&c, 0, 8)->s,
		.value_text = product_decimal(r->arena, db_at(&c, 0, 3)->i, fixed ? cur : "USD"),
		.min_text = min ? product_decimal(r->arena, min, cur) : "",
		.total_text = total ? arena_printf(r->arena, "%lld", total) : "",
		.per_customer_text = per ? arena_printf(r->arena, "%lld", per) : "",
	};
	return form(r, 200, &c, &f);
}

int page_brand_code_save(struct req *r)
{
	struct db_res c;
	struct brand_code_form f;
	enum db_status rc = load(r, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (c.nrows == 0)
		return 404;
	brand_code_form_read(r, r->brand, &f);
	long long uses = db_at(&c, 0, 11)->i;
	if (f.rule.total_limit && f.rule.total_limit < uses)
		brand_code_form_error(&f, "total_limit", arena_printf(r->arena, "The code was used %lld times already: the limit cannot be lower.", uses));
	if (f.nerrors)
		return form(r, 422, &c, &f);
	const struct discount_code *d = &f.rule;
	rc = db_query(r->db, NULL, &q_save, (struct db_param[]){
		DB_S(d->kind == DISCOUNT_FIXED ? "fixed" : "percent"), DB_I(d->value), DB_I(d->min_order),
		d->total_limit ? DB_I(d->total_limit) : DB_NULL, d->per_customer_limit ? DB_I(d->per_customer_limit) : DB_NULL,
		*f.starts_on ? DB_S(f.starts_on) : DB_NULL, *f.ends_on ? DB_S(f.ends_on) : DB_NULL, DB_I(d->combinable),
		DB_I(req_id(r, "id")), DB_I(r->brand->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/brand/codes?saved=%s", db_at(&c, 0, 0)->s));
	return REQ_DONE;
}

int page_brand_code_state(struct req *r)
{
	struct db_res c;
	enum db_status rc = load(r, &c);
	if (rc == DB_OK && c.nrows)
		rc = db_query(r->db, NULL, &q_state, (struct db_param[]){
			DB_I(strcmp(req_form(r, "active"), "1") == 0), DB_I(req_id(r, "id")), DB_I(r->brand->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (c.nrows == 0)
		return 404;
	response_redirect(r, arena_printf(r->arena, "/studio/brand/codes?saved=%s", db_at(&c, 0, 0)->s));
	return REQ_DONE;
}
