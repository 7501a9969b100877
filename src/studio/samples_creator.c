/* samples_creator.c: "/studio/creator/samples" — a creator asks a brand for a sample of a product
 * open to creators (a note and where to send it), follows each request's status, carrier and
 * tracking link, cancels one still waiting and says when one arrived. The brand's limits are
 * checked in the transaction that adds the request, behind the creator's quota row for that
 * brand, so requests racing each other cannot pass a limit together. */
#include <string.h>
#include "studio/samples.h"
#include "views/form_errors.h"
#include "views/country_view.h"
#include "web/layout.h"
#include "web/response.h"
#include "domain/commerce/country.h"
#include "domain/mail/notify.h"
#include "lib/validate.h"

static const struct db_stmt q_list = {
	"SELECT s.id, p.title, b.name, s.status, s.carrier, s.tracking_number, s.decline_reason, s.created_at,"
	" COALESCE(CONCAT_WS(' / ', NULLIF(v.option1, ''), NULLIF(v.option2, ''), NULLIF(v.option3, '')), ''),"
	" s.note, b.slug, p.handle FROM sample_requests s JOIN products p ON p.id = s.product_id"
	" JOIN brands b ON b.id = s.brand_id LEFT JOIN variants v ON v.id = s.variant_id"
	" WHERE s.creator_id = ? ORDER BY s.created_at DESC, s.id DESC LIMIT 200", "i", "isssssssssss" };
static const struct db_stmt q_offer = {
	"SELECT p.id, p.title, b.id, b.name, b.sample_open_limit, b.sample_monthly_limit"
	" FROM products p JOIN brands b ON b.id = p.brand_id"
	" WHERE p.id = ? AND" SAMPLES_OPEN_TO_CREATORS, "i", "isisii" };
static const struct db_stmt q_variants = {
	"SELECT id, CONCAT_WS(' / ', NULLIF(option1, ''), NULLIF(option2, ''), NULLIF(option3, ''))"
	" FROM variants WHERE product_id = ? ORDER BY position, id LIMIT 100", "i", "is" };

/* The quota row's write is the lock: every request of this creator to this brand waits here. */
static const struct db_stmt q_quota = {
	"INSERT INTO sample_quota (creator_id, brand_id, requests) VALUES (?, ?, 1)"
	" ON DUPLICATE KEY UPDATE requests = requests + 1", "ii", "" };
static const struct db_stmt q_limits = {
	"SELECT sample_open_limit, sample_monthly_limit FROM brands WHERE id = ?", "i", "ii" };
/* A locking read: the latest committed requests, whatever the transaction's snapshot. */
static const struct db_stmt q_usage = {
	"SELECT CAST(COALESCE(SUM(status IN ('requested', 'approved', 'shipped')), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(status <> 'cancelled' AND created_at >= UTC_TIMESTAMP() - INTERVAL 30 DAY), 0) AS SIGNED),"
	" CAST(COALESCE(SUM(status IN ('requested', 'approved', 'shipped') AND product_id = ?), 0) AS SIGNED)"
	" FROM sample_requests WHERE creator_id = ? AND brand_id = ? FOR UPDATE", "iii", "iii" };
static const struct db_stmt q_insert = {
	"INSERT INTO sample_requests (creator_id, brand_id, product_id, variant_id, note, ship_name, ship_line1,"
	" ship_line2, ship_city, ship_region, ship_postal, ship_country, status, created_at, updated_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"iiiissssssss", "" };

/* What the form holds, as typed (the country as the list's code once it is valid). */
struct sample_form {
	long long product_id, variant_id;
	const char *note, *name, *line1, *line2, *city, *region, *postal, *country;
};

static const char *form_value(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

/* The request form for product row `o` (q_offer), with `error` at the top and again in the field's
 * own section `which` (ERR_NAME...; NULL for none). */
static int form_render(struct req *r, int status, const struct db_res *o, const struct db_res *vars,
		       const struct sample_form *f, const char *which, const char *error)
{
	tmpl_dict *d = layout_begin(r, "studio_creator_sample_new.tpl", "Request a sample");
	tmpl_set_int(d, "PRODUCT_ID", db_at(o, 0, 0)->i);
	tmpl_set(d, "PRODUCT", db_at(o, 0, 1)->s);
	tmpl_set(d, "BRAND", db_at(o, 0, 3)->s);
	long long open = db_at(o, 0, 4)->i, monthly = db_at(o, 0, 5)->i;
	if (open > 0) {
		tmpl_dict *l = tmpl_add(d, "LIMITS");
		tmpl_set_int(l, "OPEN", open);
		tmpl_set_int(l, "MONTHLY", monthly);
	} else {
		tmpl_show(d, "SAMPLES_OFF");
	}
	/* A product with one variant and no options has nothing to choose. */
	if (vars->nrows > 1 || (vars->nrows == 1 && *db_at(vars, 0, 1)->s)) {
		tmpl_dict *vs = tmpl_add(d, "VARIANTS");
		for (size_t i = 0; i < vars->nrows; i++) {
			tmpl_dict *v = tmpl_add(vs, "VARIANT");
			tmpl_set_int(v, "ID", db_at(vars, i, 0)->i);
			tmpl_set(v, "LABEL", *db_at(vars, i, 1)->s ? db_at(vars, i, 1)->s : "Standard");
			if (db_at(vars, i, 0)->i == f->variant_id)
				tmpl_show(v, "SELECTED");
		}
	}
	tmpl_set(d, "NOTE", f->note);
	tmpl_set(d, "NAME", f->name);
	tmpl_set(d, "LINE1", f->line1);
	tmpl_set(d, "LINE2", f->line2);
	tmpl_set(d, "CITY", f->city);
	tmpl_set(d, "REGION", f->region);
	tmpl_set(d, "POSTAL", f->postal);
	country_view_options(d, f->country);
	if (error && which) {
		/* the summary at the top, linking to the field ("ERR_LINE1" marks the field "line1") */
		char field[32];
		size_t n = 0;
		for (const char *c = which + 4; *c && n + 1 < sizeof field; c++)
			field[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
		field[n] = '\0';
		form_errors_render(d, &(struct form_error){ field, error }, 1);
	} else if (error) {
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	}
	layout_end(r, status);
	return REQ_DONE;
}

static enum db_status offer_load(struct req *r, long long product, struct db_res *o, struct db_res *vars)
{
	enum db_status rc = db_query(r->db, r->arena, &q_offer, (struct db_param[]){ DB_I(product) }, o);
	if (rc == DB_OK && o->nrows)
		rc = db_query(r->db, r->arena, &q_variants, (struct db_param[]){ DB_I(product) }, vars);
	return rc;
}

int page_creator_sample_new(struct req *r)
{
	struct db_res o, vars = { 0 };
	enum db_status rc = offer_load(r, req_id(r, "product_id"), &o, &vars);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (o.nrows == 0) {
		response_error(r, 404, "That product is not open to creators.");
		return REQ_DONE;
	}
	struct sample_form f = { .note = "", .name = r->creator->name, .line1 = "", .line2 = "", .city = "", .region = "",
				 .postal = "", .country = "" };
	return form_render(r, 200, &o, &vars, &f, NULL, NULL);
}

/* NULL when the form is complete, else the message, with *which the field's error section. */
static const char *form_read(struct req *r, struct sample_form *f, const struct db_res *vars, const char **which)
{
	f->variant_id = req_id(r, "variant_id");
	f->note = form_value(r, "note");
	f->name = form_value(r, "name");
	f->line1 = form_value(r, "line1");
	f->line2 = form_value(r, "line2");
	f->city = form_value(r, "city");
	f->region = form_value(r, "region");
	f->postal = form_value(r, "postal");
	f->country = form_value(r, "country");
	bool variant_known = f->variant_id == 0;
	for (size_t i = 0; i < vars->nrows && !variant_known; i++)
		variant_known = db_at(vars, i, 0)->i == f->variant_id;
	*which = NULL;
	if (req_invalid(r, "variant_id") || !variant_known)
		return "Choose one of the product's options.";
	if (!validate_has_text(f->name))
		return *which = "ERR_NAME", "Enter the name the parcel is addressed to.";
	if (!validate_has_text(f->line1))
		return *which = "ERR_LINE1", "Enter the street address.";
	if (!validate_has_text(f->city))
		return *which = "ERR_CITY", "Enter the town or city.";
	if (!validate_has_text(f->postal))
		return *which = "ERR_POSTAL", "Enter the postal code.";
	const struct country *c = country_find(f->country);
	if (!c)
		return *which = "ERR_COUNTRY", "Choose the country from the list.";
	f->country = c->code;
	return NULL;
}

struct sample_new {
	long long creator_id, brand_id;
	const struct sample_form *f;
	const char *creator, *handle, *product;
	struct arena *a;
	enum sample_verdict verdict;	/* set when the limits refuse */
};

static enum db_status create_txn(struct db *db, void *ctx)
{
	struct sample_new *n = ctx;
	const struct sample_form *f = n->f;
	n->verdict = SAMPLE_ALLOWED;
	struct db_res lim, use;
	struct db_param pair[] = { DB_I(n->creator_id), DB_I(n->brand_id) };
	enum db_status rc;
	if ((rc = db_query(db, NULL, &q_quota, pair, NULL)) != DB_OK ||
	    (rc = db_query(db, n->a, &q_limits, (struct db_param[]){ DB_I(n->brand_id) }, &lim)) != DB_OK ||
	    (rc = db_query(db, n->a, &q_usage, (struct db_param[]){ DB_I(f->product_id), DB_I(n->creator_id),
			   DB_I(n->brand_id) }, &use)) != DB_OK)
		return rc;
	if (lim.nrows == 0 || use.nrows == 0)
		return DB_ERR;
	struct sample_limits l = { db_at(&lim, 0, 0)->i, db_at(&lim, 0, 1)->i };
	struct sample_usage u = { db_at(&use, 0, 0)->i, db_at(&use, 0, 1)->i, db_at(&use, 0, 2)->i };
	if ((n->verdict = sample_limit_check(&l, &u)) != SAMPLE_ALLOWED)
		return DB_CONFLICT;
	rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(n->creator_id), DB_I(n->brand_id), DB_I(f->product_id),
		      f->variant_id ? DB_I(f->variant_id) : DB_NULL, DB_S(f->note), DB_S(f->name), DB_S(f->line1),
		      DB_S(f->line2), DB_S(f->city), DB_S(f->region), DB_S(f->postal), DB_S(f->country) }, NULL);
	if (rc != DB_OK)
		return rc;
	struct notify_text t;
	notify_text_init(&t, n->a);
	notify_text_add(&t, "CREATOR", n->creator);
	notify_text_add(&t, "HANDLE", n->handle);
	notify_text_add(&t, "PRODUCT", n->product);
	if (*f->note)
		notify_text_add(&t, "#NOTE", f->note);
	return notify_brand(db, n->a, n->brand_id, NOTIFY_BRAND_SAMPLE_REQUEST, &t);
}

int page_creator_sample_create(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct sample_form f = { .product_id = req_id(r, "product_id") };
	struct db_res o, vars = { 0 };
	enum db_status rc = offer_load(r, f.product_id, &o, &vars);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (o.nrows == 0) {
		response_error(r, 404, "That product is not open to creators.");
		return REQ_DONE;
	}
	const char *which, *problem = form_read(r, &f, &vars, &which);
	if (problem)
		return form_render(r, 422, &o, &vars, &f, which, problem);
	struct sample_new n = { .creator_id = c->id, .brand_id = db_at(&o, 0, 2)->i, .f = &f, .creator = c->name,
				.handle = c->handle, .product = db_at(&o, 0, 1)->s, .a = r->arena };
	rc = db_txn(r->db, create_txn, &n);
	if (rc == DB_CONFLICT && n.verdict != SAMPLE_ALLOWED)
		return form_render(r, 409, &o, &vars, &f, NULL, sample_verdict_text(n.verdict));
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/creator/samples?done=requested");
	return REQ_DONE;
}

static const char *flash_text(const char *done)
{
	if (!done)
		return NULL;
	if (strcmp(done, "requested") == 0)
		return "Requested: the brand will approve or decline it, and you will get a mail either way.";
	if (strcmp(done, "cancel") == 0)
		return "Request cancelled.";
	if (strcmp(done, "deliver") == 0)
		return "Marked as arrived. Your pages now say the product was gifted by its brand.";
	return NULL;
}

int page_creator_samples(struct req *r)
{
	struct db_res s;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(r->creator->id) }, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_creator_samples.tpl", "Your sample requests");
	const char *flash = flash_text(req_query(r, "done"));
	if (flash)
		tmpl_set(tmpl_add(d, "FLASH"), "TEXT", flash);
	for (size_t i = 0; i < s.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "SAMPLES");
		enum sample_status st = sample_status_parse(db_at(&s, i, 3)->s);
		tmpl_set_int(e, "ID", db_at(&s, i, 0)->i);
		tmpl_set(e, "PRODUCT", db_at(&s, i, 1)->s);
		tmpl_set(e, "URL", arena_printf(r->arena, "/p/%s/%s", db_at(&s, i, 10)->s, db_at(&s, i, 11)->s));
		tmpl_set(e, "BRAND", db_at(&s, i, 2)->s);
		tmpl_set(e, "STATUS", sample_status_name(st));
		tmpl_set(e, "STATUS_LABEL", sample_status_label(st));
		tmpl_set(e, "WHEN", db_at(&s, i, 7)->s);
		if (*db_at(&s, i, 8)->s)
			tmpl_set(tmpl_add(e, "OPTION"), "TEXT", db_at(&s, i, 8)->s);
		if (*db_at(&s, i, 9)->s)
			tmpl_set(tmpl_add(e, "NOTE"), "TEXT", db_at(&s, i, 9)->s);
		if (st == SAMPLE_DECLINED && *db_at(&s, i, 6)->s)
			tmpl_set(tmpl_add(e, "REASON"), "TEXT", db_at(&s, i, 6)->s);
		samples_tracking_fill(r, e, db_at(&s, i, 4)->s, db_at(&s, i, 5)->s);
		if (sample_next(st, SAMPLE_CANCEL, SAMPLE_BY_CREATOR) != SAMPLE_INVALID)
			tmpl_show(e, "CANCEL");
		if (sample_next(st, SAMPLE_DELIVER, SAMPLE_BY_CREATOR) != SAMPLE_INVALID)
			tmpl_show(e, "ARRIVED");
		if (sample_is_gift(st))
			tmpl_show(e, "GIFTED");
	}
	if (s.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, 200);
	return REQ_DONE;
}

int page_creator_sample_move(struct req *r)
{
	struct samples_move m = { .id = req_id(r, "id"), .who = SAMPLE_BY_CREATOR, .owner_id = r->creator->id,
				  .action = sample_action_parse(req_form(r, "action")) };
	enum db_status rc = samples_move_run(r, &m);
	if (rc == DB_CONFLICT && m.http == 404) {
		response_error(r, 404, "You have no sample request with that number.");
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT && m.http == 409) {
		response_error(r, 409, arena_printf(r->arena, "A request that is %s cannot be %s.",
						    sample_status_label(m.from), samples_action_verb(m.action)));
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/creator/samples?done=%s", sample_action_name(m.action)));
	return REQ_DONE;
}
