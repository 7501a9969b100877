/* brand_codes.c: "/studio/brand/codes" — a brand's discount codes: the list with their uses,
 * making one for a creator in its programme or for the brand itself (chosen, or generated), and
 * the rule for a creator's code against another creator's link. */
#include <string.h>
#include <sodium.h>
#include "studio/codes.h"
#include "domain/creators/code_credit.h"
#include "lib/money.h"
#include "web/layout.h"
#include "web/response.h"

static const struct db_stmt q_codes = {
	"SELECT d.id, d.code, COALESCE(c.handle, ''), d.kind = 'fixed', d.value, d.min_order,"
	" COALESCE(d.total_limit, 0), COALESCE(d.per_customer_limit, 0),"
	" COALESCE(DATE_FORMAT(d.starts_at, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(d.ends_at - INTERVAL 1 DAY, '%Y-%m-%d'), ''),"
	" d.combinable, d.active, d.uses,"
	" (SELECT COALESCE(SUM(rd.amount), 0) FROM discount_redemptions rd WHERE rd.code_id = d.id)"
	" FROM discount_codes d LEFT JOIN creators c ON c.id = d.creator_id WHERE d.brand_id = ?"
	" ORDER BY d.created_at DESC, d.id DESC LIMIT 500", "i", "issiiiiissiiii" };
static const struct db_stmt q_programme = {
	"SELECT DISTINCT c.id, c.handle FROM creators c JOIN picks pk ON pk.creator_id = c.id"
	" JOIN products p ON p.id = pk.product_id WHERE p.brand_id = ? AND pk.status = 'approved'"
	" ORDER BY c.handle LIMIT 500", "i", "is" };
static const struct db_stmt q_in_programme = {
	"SELECT c.handle FROM creators c WHERE c.id = ? AND EXISTS (SELECT 1 FROM picks pk"
	" JOIN products p ON p.id = pk.product_id WHERE pk.creator_id = c.id AND p.brand_id = ? AND pk.status = 'approved')",
	"ii", "s" };
static const struct db_stmt q_precedence = {
	"SELECT code_precedence FROM brands WHERE id = ?", "i", "s" };
static const struct db_stmt q_set_precedence = {
	"UPDATE brands SET code_precedence = ? WHERE id = ?", "si", "" };
static const struct db_stmt q_create = {
	"INSERT INTO discount_codes (brand_id, creator_id, code, kind, value, min_order, total_limit, per_customer_limit,"
	" starts_at, ends_at, combinable, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ? + INTERVAL 1 DAY, ?,"
	" UTC_TIMESTAMP())", "iissiiiissi", "" };

static const char *rule_text(struct req *r, const char *currency, bool fixed, long long value)
{
	return fixed ? layout_money(r, value, currency)
		     : arena_printf(r->arena, "%lld.%02lld %%", value / 100, value % 100);
}

static int render(struct req *r, int status, const struct brand_code_form *f, long long creator)
{
	const struct acting_brand *b = r->brand;
	struct db_res codes, people, prec;
	struct db_param id[] = { DB_I(b->id) };
	enum db_status rc = db_query(r->db, r->arena, &q_codes, id, &codes);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_programme, id, &people);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_precedence, id, &prec);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_brand_codes.tpl", "Discount codes");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "CODE_TEXT", f->code);
	for (size_t i = 0; i < codes.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "CODES");
		bool fixed = db_at(&codes, i, 3)->i != 0;
		tmpl_set_int(e, "ID", db_at(&codes, i, 0)->i);
		tmpl_set(e, "CODE", db_at(&codes, i, 1)->s);
		const char *who = db_at(&codes, i, 2)->s;
		tmpl_set(e, "WHO", *who ? arena_printf(r->arena, "@%s", who) : "Brand (no creator)");
		tmpl_set(e, "RULE", rule_text(r, b->currency, fixed, db_at(&codes, i, 4)->i));
		long long min = db_at(&codes, i, 5)->i, total = db_at(&codes, i, 6)->i, per = db_at(&codes, i, 7)->i;
		tmpl_set(e, "MIN", min ? layout_money(r, min, b->currency) : "none");
		tmpl_set(e, "USES", total ? arena_printf(r->arena, "%lld of %lld", db_at(&codes, i, 12)->i, total)
					  : arena_printf(r->arena, "%lld", db_at(&codes, i, 12)->i));
		tmpl_set(e, "PER_CUSTOMER", per ? arena_printf(r->arena, "%lld", per) : "no limit");
		const char *from = db_at(&codes, i, 8)->s, *to = db_at(&codes, i, 9)->s;
		tmpl_set(e, "DATES", *from || *to ? arena_printf(r->arena, "%s – %s", *from ? from : "now", *to ? to : "open")
					 : "always");
		tmpl_set(e, "COMBINABLE", db_at(&codes, i, 10)->i ? "yes" : "no");
		tmpl_set(e, "DISCOUNTED", layout_money(r, db_at(&codes, i, 13)->i, b->currency));
		tmpl_set(e, "STATE", db_at(&codes, i, 11)->i ? "active" : "disabled");
		tmpl_show(e, db_at(&codes, i, 11)->i ? "CAN_DISABLE" : "CAN_ENABLE");
	}
	if (codes.nrows == 0)
		tmpl_show(d, "EMPTY");
	for (size_t i = 0; i < people.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "CREATORS");
		tmpl_set_int(o, "ID", db_at(&people, i, 0)->i);
		tmpl_set(o, "HANDLE", db_at(&people, i, 1)->s);
		if (db_at(&people, i, 0)->i == creator)
			tmpl_show(o, "SELECTED");
	}
	tmpl_show(d, prec.nrows && strcmp(db_at(&prec, 0, 0)->s, "last_click") == 0 ? "LAST_CLICK" : "CODE_WINS");
	const char *saved = req_query(r, "saved");
	if (saved && *saved)
		tmpl_show(d, "SAVED");
	brand_code_form_fill(d, r->brand->currency, f);
	layout_end(r, status);
	return REQ_DONE;
}

int page_brand_codes(struct req *r)
{
	struct brand_code_form f = { .rule = { .kind = DISCOUNT_PERCENT }, .code = "", .starts_on = "", .ends_on = "",
				     .value_text = "", .min_text = "", .total_text = "", .per_customer_text = "" };
	return render(r, 200, &f, 0);
}

/* A code no one will guess or mistype: the creator's handle (letters and digits, at most 12),
 * or SAVE for the brand's own, a dash and 6 characters of Crockford base32 (30 random bits). */
static void generate(const char *handle, char out[DISCOUNT_CODE_MAX + 1])
{
	static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	size_t n = 0;
	for (const char *p = *handle ? handle : "save"; *p && n < 12; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
			out[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
	if (n < 2) {
		memcpy(out, "SAVE", 4);
		n = 4;
	}
	out[n++] = '-';
	for (int i = 0; i < 6; i++)
		out[n++] = b32[randombytes_uniform(32)];
	out[n] = '\0';
}

int page_brand_code_create(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct brand_code_form f;
	long long creator = req_id(r, "creator_id");
	brand_code_form_read(r, b, &f);
	const char *handle = "";
	if (creator) {
		struct db_res c;
		enum db_status rc = db_query(r->db, r->arena, &q_in_programme, (struct db_param[]){ DB_I(creator), DB_I(b->id) }, &c);
		if (rc != DB_OK)
			return req_db_fail(rc);
		if (c.nrows == 0)
			brand_code_form_error(&f, "creator_id", "That creator has no approved pick of your products, so is not in your programme.");
		else
			handle = db_at(&c, 0, 0)->s;
	}
	if (f.nerrors)
		return render(r, 422, &f, creator);
	bool chosen = *f.code != '\0';
	char code[DISCOUNT_CODE_MAX + 1];
	if (chosen)
		memcpy(code, f.normalized, sizeof code);
	enum db_status rc = DB_DUP;
	for (int attempt = 0; rc == DB_DUP && attempt < (chosen ? 1 : 4); attempt++) {
		if (!chosen)
			generate(handle, code);
		const struct discount_code *d = &f.rule;
		rc = db_query(r->db, NULL, &q_create, (struct db_param[]){
			DB_I(b->id), creator ? DB_I(creator) : DB_NULL, DB_S(code),
			DB_S(d->kind == DISCOUNT_FIXED ? "fixed" : "percent"), DB_I(d->value), DB_I(d->min_order),
			d->total_limit ? DB_I(d->total_limit) : DB_NULL, d->per_customer_limit ? DB_I(d->per_customer_limit) : DB_NULL,
			*f.starts_on ? DB_S(f.starts_on) : DB_NULL, *f.ends_on ? DB_S(f.ends_on) : DB_NULL,
			DB_I(d->combinable) }, NULL);
	}
	if (rc == DB_DUP) {
		brand_code_form_error(&f, "code", arena_printf(r->arena, "The code %s is taken: codes are unique across the whole shop, "
							       "since a cart can hold several brands. Choose another.", code));
		return render(r, 422, &f, creator);
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/brand/codes?saved=%s", code));
	return REQ_DONE;
}

int page_brand_code_precedence(struct req *r)
{
	const char *p = req_form(r, "precedence");
	enum db_status rc = db_query(r->db, NULL, &q_set_precedence, (struct db_param[]){
		DB_S(code_precedence_name(code_precedence_parse(p))), DB_I(r->brand->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/codes?saved=rule");
	return REQ_DONE;
}
