/* video_tags.c: the tag rows of the studio's video forms (video_tags.h). */
#include <stdio.h>
#include <string.h>
#include "studio/video_tags.h"

static const struct db_stmt q_creator_products = {
	"SELECT p.id, p.title FROM picks pk JOIN products p ON p.id = pk.product_id"
	" WHERE pk.creator_id = ? AND pk.status = 'approved' AND p.status = 'active'"
	" ORDER BY pk.position, pk.id LIMIT 200", "i", "is" };
static const struct db_stmt q_brand_products = {
	"SELECT id, title FROM products WHERE brand_id = ? AND status = 'active' ORDER BY title, id LIMIT 200",
	"i", "is" };
static const struct db_stmt q_creator_may_tag = {
	"SELECT 1 FROM picks pk JOIN products p ON p.id = pk.product_id WHERE pk.creator_id = ?"
	" AND pk.product_id = ? AND pk.status = 'approved' AND p.status = 'active'", "ii", "i" };
static const struct db_stmt q_brand_may_tag = {
	"SELECT 1 FROM products WHERE brand_id = ? AND id = ? AND status = 'active'", "ii", "i" };
static const struct db_stmt q_insert_tag = {
	"INSERT INTO video_tags (video_id, product_id, position, start_s, end_s, spot_x, spot_y, spot_label)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "iiiiiiis", "" };

static const char *video_tags_field(struct req *r, int n, const char *what)
{
	char name[24];
	snprintf(name, sizeof name, "tag%d_%s", n, what);
	const char *v = req_form(r, name);
	return v ? v : "";
}

/* A coordinate as typed: *has says whether anything was typed; -1 when it is not 0 to 100. */
static long long video_tags_coord(struct req *r, int n, const char *what, bool *has)
{
	char name[24];
	snprintf(name, sizeof name, "tag%d_%s", n, what);
	const char *v = req_form(r, name);
	long long out;
	*has = v && *v;
	return *has && req_int(r, name, &out) ? out : -1;
}

enum db_status video_tags_products(struct req *r, const struct studio_owner *o, struct db_res *out)
{
	return o->creator_id
		? db_query(r->db, r->arena, &q_creator_products, (struct db_param[]){ DB_I(o->creator_id) }, out)
		: db_query(r->db, r->arena, &q_brand_products, (struct db_param[]){ DB_I(o->brand_id) }, out);
}

/* Reads row n's hotspot into t; NULL or the problem. */
static const char *video_tags_spot(struct req *r, int n, struct video_tag *t)
{
	bool has_x, has_y;
	t->x = video_tags_coord(r, n, "x", &has_x);
	t->y = video_tags_coord(r, n, "y", &has_y);
	t->label = video_tags_field(r, n, "label");
	const char *problem = video_spot_check(has_x, t->x, has_y, t->y, t->label);
	if (problem)
		return arena_printf(r->arena, "Tag %d %s.", n, problem);
	if (!has_x)
		t->x = t->y = -1;
	return NULL;
}

const char *video_tags_read(struct req *r, const struct studio_owner *o, struct video_tag_set *s)
{
	s->n = 0;
	for (int n = 1; n <= VIDEO_MAX_TAGS; n++) {
		const char *prod = video_tags_field(r, n, "product");
		const char *st = video_tags_field(r, n, "start"), *en = video_tags_field(r, n, "end");
		struct video_tag t = { 0 };
		if (!*prod) {
			if (*st || *en)
				return arena_printf(r->arena, "Tag %d has times but no product.", n);
			continue;
		}
		for (const char *c = prod; *c; c++) {
			if (*c < '0' || *c > '9' || t.product > 99999999999999LL)
				return arena_printf(r->arena, "Tag %d names no product.", n);
			t.product = t.product * 10 + (*c - '0');
		}
		t.start = video_seconds(st);
		t.end = video_seconds(en);
		if (t.start < 0 || t.end < 0 || t.end <= t.start)
			return arena_printf(r->arena, "Tag %d needs a start and a later end, in seconds or minutes:seconds (0:05, 0:12).", n);
		const char *problem = video_tags_spot(r, n, &t);
		if (problem)
			return problem;
		for (size_t i = 0; i < s->n; i++)
			if (s->tags[i].product == t.product)
				return arena_printf(r->arena, "Tag %d repeats a product already tagged.", n);
		struct db_res ok;
		enum db_status rc = o->creator_id
			? db_query(r->db, r->arena, &q_creator_may_tag, (struct db_param[]){ DB_I(o->creator_id), DB_I(t.product) }, &ok)
			: db_query(r->db, r->arena, &q_brand_may_tag, (struct db_param[]){ DB_I(o->brand_id), DB_I(t.product) }, &ok);
		if (rc != DB_OK) {
			s->rc = rc;
			return "";
		}
		if (ok.nrows == 0)
			return arena_printf(r->arena, "Tag %d: you can tag only %s.", n,
					    o->creator_id ? "your approved picks" : "your brand's active products");
		s->tags[s->n++] = t;
	}
	return s->n ? NULL : "Tag at least one product.";
}

enum db_status video_tags_insert(struct db *db, long long video_id, const struct video_tag_set *s)
{
	enum db_status rc = DB_OK;
	for (size_t i = 0; i < s->n && rc == DB_OK; i++) {
		const struct video_tag *t = &s->tags[i];
		bool spot = t->x >= 0;
		rc = db_query(db, NULL, &q_insert_tag, (struct db_param[]){ DB_I(video_id), DB_I(t->product),
			      DB_I((long long)i + 1), DB_I(t->start), DB_I(t->end), spot ? DB_I(t->x) : DB_NULL,
			      spot ? DB_I(t->y) : DB_NULL, DB_S(spot ? t->label : "") }, NULL);
	}
	return rc;
}

static const char *video_tags_clock(struct req *r, long long s)
{
	return arena_printf(r->arena, "%lld:%02lld", s / 60, s % 60);
}

void video_tags_fill(struct req *r, tmpl_dict *d, const struct db_res *products, bool typed,
		     const struct db_res *saved)
{
	tmpl_dict *rows = tmpl_include(d, "TAG_ROWS", "video_tag_rows.tpl");
	for (int n = 1; n <= VIDEO_MAX_TAGS; n++) {
		tmpl_dict *t = tmpl_add(rows, "TAGS");
		tmpl_set_int(t, "N", n);
		const char *chosen = "", *vals[5] = { "", "", "", "", "" };
		static const char *const what[5] = { "start", "end", "x", "y", "label" };
		static const char *const keys[5] = { "START", "END", "X", "Y", "LABEL" };
		if (typed) {
			chosen = video_tags_field(r, n, "product");
			for (size_t k = 0; k < 5; k++)
				vals[k] = video_tags_field(r, n, what[k]);
		} else if (saved && (size_t)n <= saved->nrows) {
			size_t i = (size_t)n - 1;
			chosen = arena_printf(r->arena, "%lld", db_at(saved, i, 0)->i);
			vals[0] = video_tags_clock(r, db_at(saved, i, 1)->i);
			vals[1] = video_tags_clock(r, db_at(saved, i, 2)->i);
			if (!db_at(saved, i, 3)->null) {
				vals[2] = arena_printf(r->arena, "%lld", db_at(saved, i, 3)->i);
				vals[3] = arena_printf(r->arena, "%lld", db_at(saved, i, 4)->i);
			}
			vals[4] = db_at(saved, i, 5)->s;
		}
		for (size_t k = 0; k < 5; k++)
			tmpl_set(t, keys[k], vals[k]);
		for (size_t i = 0; i < products->nrows; i++) {
			tmpl_dict *p = tmpl_add(t, "PRODUCTS");
			const char *id = arena_printf(r->arena, "%lld", db_at(products, i, 0)->i);
			tmpl_set(p, "ID", id);
			tmpl_set(p, "TITLE", db_at(products, i, 1)->s);
			if (strcmp(id, chosen) == 0)
				tmpl_show(p, "SELECTED");
		}
	}
}
