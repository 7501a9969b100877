/* showcase_edit.c: "/studio/showcases/new" and "/studio/showcases/{id}" — a showcase's rules and
 * placement, checked (errors beside their fields, values kept), saved in one transaction with the
 * placement it takes over, and previewed: the page renders the carousel the rules produce now,
 * and the "Preview" button re-renders it from the form without saving. */
#include <string.h>
#include "domain/showcases/best_sellers.h"
#include "views/form_errors.h"
#include "lib/money.h"
#include "web/layout.h"
#include "web/response.h"
#include "domain/showcases/showcase_query.h"
#include "views/showcase_view.h"
#include "studio/showcases.h"
#include "studio/studio.h"

static const struct db_stmt q_one = {
	"SELECT " SHOWCASE_ROW_COLS " FROM showcases s WHERE s.id = ? AND (s.brand_id = ? OR s.creator_id = ?)",
	"iii", SHOWCASE_ROW_TYPES };
/* A creator may narrow a showcase to a brand they have approved picks of. */
static const struct db_stmt q_creator_brands = {
	"SELECT DISTINCT b.id, b.name FROM picks pk JOIN products p ON p.id = pk.product_id"
	" JOIN brands b ON b.id = p.brand_id WHERE pk.creator_id = ? AND pk.status = 'approved'"
	" ORDER BY b.name, b.id LIMIT 100", "i", "is" };
static const struct db_stmt q_lock = {
	"SELECT id FROM showcases WHERE id = ? AND (brand_id = ? OR creator_id = ?) FOR UPDATE", "iii", "i" };
/* The place the saved showcase takes is given up by whichever of the owner's showcases had it. */
static const struct db_stmt q_unslot = {
	"UPDATE showcases SET slot = NULL, updated_at = UTC_TIMESTAMP()"
	" WHERE (brand_id = ? OR creator_id = ?) AND slot = ? AND id <> ?", "iiii", "" };
static const struct db_stmt q_insert = {
	"INSERT INTO showcases (brand_id, creator_id, title, filter_brand_id, tags, product_type, price_min,"
	" price_max, currency, in_stock_only, best_sellers_days, recently_viewed, sort, max_items, slot,"
	" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"iisissiisiiisii", "" };
static const struct db_stmt q_update = {
	"UPDATE showcases SET title = ?, filter_brand_id = ?, tags = ?, product_type = ?, price_min = ?,"
	" price_max = ?, currency = ?, in_stock_only = ?, best_sellers_days = ?, recently_viewed = ?, sort = ?,"
	" max_items = ?, slot = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?", "sissiisiiisiii", "" };

/* What the form holds: the person's text, kept as typed. */
struct sc_form {
	struct showcase_input in;
	const char *slot;
};

static const char *form_text(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

static void form_from_request(struct req *r, struct sc_form *f)
{
	f->in = (struct showcase_input){
		.title = form_text(r, "title"), .brand_id = form_text(r, "brand_id"), .tags = form_text(r, "tags"),
		.type = form_text(r, "type"), .price_min = form_text(r, "price_min"),
		.price_max = form_text(r, "price_max"), .currency = form_text(r, "currency"),
		.in_stock_only = form_text(r, "in_stock_only"), .best_sellers_days = form_text(r, "best_sellers_days"),
		.recently_viewed = form_text(r, "recently_viewed"), .sort = form_text(r, "sort"),
		.limit = form_text(r, "limit"),
	};
	f->slot = form_text(r, "slot");
}

/* "12.50" for 1250 minor units of a two-decimal currency: the plain amount money_parse reads. */
static const char *plain_amount(struct req *r, long long minor, const char *currency)
{
	int exp = money_exponent(currency);
	if (exp <= 0)
		return arena_printf(r->arena, "%lld", minor);
	long long unit = 1;
	for (int i = 0; i < exp; i++)
		unit *= 10;
	return arena_printf(r->arena, "%lld.%0*lld", minor / unit, exp, minor % unit);
}

static const char *num_or_empty(struct req *r, long long v)
{
	return v > 0 ? arena_printf(r->arena, "%lld", v) : "";
}

static void form_from_showcase(struct req *r, const struct showcase *s, struct sc_form *f)
{
	const struct showcase_rules *ru = &s->rules;
	f->in = (struct showcase_input){
		.title = s->title, .brand_id = num_or_empty(r, ru->brand_id), .tags = showcase_tags_join(r->arena, ru),
		.type = ru->type, .price_min = ru->has_min ? plain_amount(r, ru->price_min, ru->currency) : "",
		.price_max = ru->has_max ? plain_amount(r, ru->price_max, ru->currency) : "", .currency = ru->currency,
		.in_stock_only = ru->in_stock_only ? "yes" : "", .best_sellers_days = num_or_empty(r, ru->best_sellers_days),
		.recently_viewed = ru->recently_viewed ? "yes" : "", .sort = showcase_sort_name(ru->sort),
		.limit = num_or_empty(r, ru->limit),
	};
	f->slot = num_or_empty(r, s->slot);
}

/* The slot the form asks for: 0 (not shown), 1..2 for creators, 1 for brands; -1 if invalid. */
static int form_slot(const struct studio_owner *o, const char *slot)
{
	if (!*slot)
		return 0;
	if (strcmp(slot, "1") == 0)
		return 1;
	if (strcmp(slot, "2") == 0 && o->creator_id)
		return 2;
	return -1;
}

/* The message beside the field and in the summary at the top, which links to it. */
static void set_error(tmpl_dict *d, const char *field, const char *message)
{
	form_errors_render(d, &(struct form_error){ field, message }, 1);
}

static void options(struct req *r, tmpl_dict *d, const struct studio_owner *o, const struct sc_form *f)
{
	static const char *const sort_labels[SHOWCASE_SORT__MAX] = {
		"Featured (trending first)", "Newest first", "Price, low to high", "Price, high to low" };
	for (int i = 0; i < SHOWCASE_SORT__MAX; i++) {
		tmpl_dict *s = tmpl_add(d, "SORTS");
		tmpl_set(s, "VALUE", showcase_sort_name((enum showcase_sort)i));
		tmpl_set(s, "LABEL", sort_labels[i]);
		if (strcmp(f->in.sort, showcase_sort_name((enum showcase_sort)i)) == 0)
			tmpl_show(s, "SELECTED");
	}
	static const char *const slots[] = { "", "1", "2" };
	static const char *const creator_labels[] = { "Not on my storefront", "On my storefront, first", "On my storefront, second" };
	for (size_t i = 0; i < (o->creator_id ? 3 : 2); i++) {
		tmpl_dict *s = tmpl_add(d, "SLOTS");
		tmpl_set(s, "VALUE", slots[i]);
		tmpl_set(s, "LABEL", o->creator_id ? creator_labels[i] : i ? "On my product pages" : "Not on my product pages");
		if (strcmp(f->slot, slots[i]) == 0)
			tmpl_show(s, "SELECTED");
	}
	if (!o->creator_id)
		return;
	struct db_res brands;
	if (db_query(r->db, r->arena, &q_creator_brands, (struct db_param[]){ DB_I(o->creator_id) }, &brands) != DB_OK)
		return;
	tmpl_dict *b = tmpl_add(d, "BRAND_FILTER");
	for (size_t i = 0; i < brands.nrows; i++) {
		tmpl_dict *opt = tmpl_add(b, "BRANDS");
		const char *id = arena_printf(r->arena, "%lld", db_at(&brands, i, 0)->i);
		tmpl_set(opt, "VALUE", id);
		tmpl_set(opt, "LABEL", db_at(&brands, i, 1)->s);
		if (strcmp(f->in.brand_id, id) == 0)
			tmpl_show(opt, "SELECTED");
	}
}

/* The preview ranks by units the shop counts ahead of time: say how old they are, or that this
 * window is not counted yet and the order below is that of the other keys until it is. */
static void counted_note(struct req *r, tmpl_dict *p, int days)
{
	const char *at;
	if (best_sellers_counted_at(r->db, r->arena, days, &at) != DB_OK)
		return;
	long every = best_sellers_period();
	tmpl_dict *n = tmpl_add(p, *at ? "SALES_COUNTED" : "SALES_NOT_COUNTED");
	tmpl_set(n, "DAYS", arena_printf(r->arena, "%d", days));
	tmpl_set(n, "AT", at);
	tmpl_set(n, "EVERY", every % 60 ? arena_printf(r->arena, "%ld s", every) : arena_printf(r->arena, "%ld min", every / 60));
}

/* The edit page: the form as `f` holds it, an error beside its field, and, when `preview` is
 * given, the carousel those rules produce now. */
static void edit_page(struct req *r, const struct studio_owner *o, long long id, const struct sc_form *f,
		      const struct showcase *preview, int status, const char *field, const char *error)
{
	tmpl_dict *d = layout_begin(r, "studio_showcase.tpl", id ? "Edit showcase" : "New showcase");
	tmpl_set(d, "ACTION", id ? arena_printf(r->arena, "/studio/showcases/%lld", id) : "/studio/showcases");
	tmpl_set(d, "HEADING", id ? "Edit showcase" : "New showcase");
	static const struct { const char *key; size_t off; } text[] = {
		{ "TITLE", offsetof(struct showcase_input, title) }, { "TAGS", offsetof(struct showcase_input, tags) },
		{ "TYPE", offsetof(struct showcase_input, type) }, { "PRICE_MIN", offsetof(struct showcase_input, price_min) },
		{ "PRICE_MAX", offsetof(struct showcase_input, price_max) },
		{ "CURRENCY", offsetof(struct showcase_input, currency) },
		{ "BEST_SELLERS_DAYS", offsetof(struct showcase_input, best_sellers_days) },
		{ "LIMIT", offsetof(struct showcase_input, limit) },
	};
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		tmpl_set(d, text[i].key, *(const char *const *)((const char *)&f->in + text[i].off));
	if (*f->in.in_stock_only)
		tmpl_show(d, "IN_STOCK_ONLY");
	if (*f->in.recently_viewed)
		tmpl_show(d, "RECENTLY_VIEWED");
	tmpl_show(d, o->brand_id ? "FOR_BRAND" : "FOR_CREATOR");
	options(r, d, o, f);
	if (error)
		set_error(d, field, error);
	if (preview) {
		long long recent[SHOWCASE_RECENT_MAX];
		size_t n = showcase_recent_parse(kv_get(&r->cookies, SHOWCASE_RECENT_COOKIE), recent);
		struct db_res res;
		enum db_status rc = showcase_products(r->db, r->arena, preview, recent, n, &res);
		tmpl_dict *p = tmpl_add(d, "PREVIEW");
		if (rc == DB_OK && preview->rules.best_sellers_days > 0)
			counted_note(r, p, preview->rules.best_sellers_days);
		if (rc != DB_OK)
			tmpl_show(p, "PREVIEW_FAILED");
		else if (res.nrows == 0)
			tmpl_show(p, "PREVIEW_EMPTY");
		else
			showcase_fill(r, tmpl_include(p, "SHOWCASE", SHOWCASE_TPL), "showcase-preview", preview->title, &res, NULL);
	}
	layout_end(r, status);
}

/* Parses the form into s (owned by o); false with the field and message when it does not hold. */
static bool form_check(struct req *r, const struct studio_owner *o, const struct sc_form *f, struct showcase *s,
		       const char **field, const char **error)
{
	struct showcase_problem p;
	memset(s, 0, sizeof *s);
	if (!showcase_rules_parse(r->arena, &f->in, &s->rules, &p)) {
		*field = p.field;
		*error = p.message;
		return false;
	}
	if (o->brand_id)
		s->rules.brand_id = 0;	/* a brand's showcase is of its own products anyway */
	s->slot = form_slot(o, f->slot);
	if (s->slot < 0) {
		*field = "slot";
		*error = "Choose where to show the showcase from the list.";
		return false;
	}
	s->brand_id = o->brand_id;
	s->creator_id = o->creator_id;
	s->title = f->in.title;
	return true;
}

struct sc_save {
	struct arena *arena;
	const struct studio_owner *o;
	const struct showcase *s;
	const char *tags;
	long long id;		/* 0: a new showcase; after saving, its id */
	bool missing;
};

static struct db_param id_or_null(long long v)
{
	return v > 0 ? DB_I(v) : DB_NULL;
}

/* Takes the place (if any), then writes the showcase; safe to re-run. */
static enum db_status sc_write(struct db *db, void *ctx)
{
	struct sc_save *w = ctx;
	const struct showcase_rules *ru = &w->s->rules;
	struct db_res res;
	enum db_status rc;
	w->missing = false;
	if (w->id) {
		rc = db_query(db, w->arena, &q_lock, (struct db_param[]){ DB_I(w->id), DB_I(w->o->brand_id), DB_I(w->o->creator_id) }, &res);
		if (rc != DB_OK)
			return rc;
		if (res.nrows == 0) {
			w->missing = true;
			return DB_CONFLICT;
		}
	}
	if (w->s->slot && (rc = db_query(db, NULL, &q_unslot, (struct db_param[]){ DB_I(w->o->brand_id),
			DB_I(w->o->creator_id), DB_I(w->s->slot), DB_I(w->id) }, NULL)) != DB_OK)
		return rc;
	bool priced = ru->has_min || ru->has_max;
	struct db_param rules[] = {
		DB_S(w->s->title), id_or_null(ru->brand_id), DB_S(w->tags), DB_S(ru->type),
		ru->has_min ? DB_I(ru->price_min) : DB_NULL, ru->has_max ? DB_I(ru->price_max) : DB_NULL,
		DB_S(priced ? ru->currency : ""), DB_I(ru->in_stock_only), id_or_null(ru->best_sellers_days),
		DB_I(ru->recently_viewed), DB_S(showcase_sort_name(ru->sort)), DB_I(ru->limit), id_or_null(w->s->slot),
	};
	if (w->id) {
		struct db_param p[14];
		memcpy(p, rules, sizeof rules);
		p[13] = DB_I(w->id);
		return db_query(db, NULL, &q_update, p, NULL);
	}
	struct db_param p[15] = { id_or_null(w->o->brand_id), id_or_null(w->o->creator_id) };
	memcpy(p + 2, rules, sizeof rules);
	if ((rc = db_query(db, NULL, &q_insert, p, NULL)) == DB_OK)
		w->id = (long long)db_insert_id(db);
	return rc;
}

static bool brand_ok(struct req *r, const struct studio_owner *o, long long brand_id)
{
	if (!brand_id || !o->creator_id)
		return true;
	struct db_res brands;
	if (db_query(r->db, r->arena, &q_creator_brands, (struct db_param[]){ DB_I(o->creator_id) }, &brands) != DB_OK)
		return false;
	for (size_t i = 0; i < brands.nrows; i++)
		if (db_at(&brands, i, 0)->i == brand_id)
			return true;
	return false;
}

/* POST of the form, new (id 0) or existing: preview or save. */
static int save(struct req *r, long long id)
{
	struct studio_owner o;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, SC_REFUSAL);
		return REQ_DONE;
	}
	struct sc_form f;
	form_from_request(r, &f);
	struct showcase s;
	const char *field = NULL, *error = NULL;
	if (!form_check(r, &o, &f, &s, &field, &error)) {
		edit_page(r, &o, id, &f, NULL, 422, field, error);
		return REQ_DONE;
	}
	if (!brand_ok(r, &o, s.rules.brand_id)) {
		edit_page(r, &o, id, &f, NULL, 422, "brand_id", "Choose one of the brands you have picks from.");
		return REQ_DONE;
	}
	const char *action = req_form(r, "action");
	if (action && strcmp(action, "preview") == 0) {
		s.id = id;
		edit_page(r, &o, id, &f, &s, 200, NULL, NULL);
		return REQ_DONE;
	}
	struct sc_save w = { r->arena, &o, &s, showcase_tags_join(r->arena, &s.rules), id, false };
	enum db_status rc = db_txn(r->db, sc_write, &w);
	if (w.missing) {
		response_error(r, 404, "There is no such showcase of yours.");
		return REQ_DONE;
	}
	if (rc == DB_DUP) {
		/* Another save took the same place between our two statements: the unique key held. */
		edit_page(r, &o, id, &f, NULL, 409, "slot", "Another showcase took that place just now. Please save again.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/showcases?done=saved");
	return REQ_DONE;
}

int page_showcase_new(struct req *r)
{
	struct studio_owner o;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, SC_REFUSAL);
		return REQ_DONE;
	}
	struct sc_form f = { .in = { .title = "", .brand_id = "", .tags = "", .type = "", .price_min = "", .price_max = "",
		.currency = "", .in_stock_only = "", .best_sellers_days = "", .recently_viewed = "", .sort = "featured",
		.limit = "12" }, .slot = "" };
	edit_page(r, &o, 0, &f, NULL, 200, NULL, NULL);
	return REQ_DONE;
}

int page_showcase_create(struct req *r)
{
	return save(r, 0);
}

int page_showcase_edit(struct req *r)
{
	struct studio_owner o;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, SC_REFUSAL);
		return REQ_DONE;
	}
	long long id = req_id(r, "id");
	struct db_res res;
	enum db_status rc = id ? db_query(r->db, r->arena, &q_one,
					   (struct db_param[]){ DB_I(id), DB_I(o.brand_id), DB_I(o.creator_id) }, &res) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!id || res.nrows == 0) {
		response_error(r, 404, "There is no such showcase of yours.");
		return REQ_DONE;
	}
	struct showcase s;
	showcase_from_row(r->arena, &res, 0, &s);
	struct sc_form f;
	form_from_showcase(r, &s, &f);
	edit_page(r, &o, id, &f, &s, 200, NULL, NULL);
	return REQ_DONE;
}

int page_showcase_update(struct req *r)
{
	long long id = req_id(r, "id");
	if (!id) {
		response_error(r, 404, "There is no such showcase of yours.");
		return REQ_DONE;
	}
	return save(r, id);
}
