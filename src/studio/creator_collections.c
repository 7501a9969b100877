/* creator_collections.c: "/studio/creator/collections" — the creator's collections in storefront
 * order (move up/down), and creating one (its address slug comes from the title; a taken slug
 * gets a number). */
#include <stdio.h>
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/validate.h"

static const struct db_stmt q_list = {
	"SELECT c.id, c.slug, c.title, c.published, (SELECT COUNT(*) FROM collection_items ci WHERE ci.collection_id = c.id),"
	" c.taken_down_reason FROM collections c WHERE c.creator_id = ? ORDER BY c.position, c.id LIMIT 200",
	"i", "issiis" };
static const struct db_stmt q_create = {
	"INSERT INTO collections (creator_id, slug, title, description, published, position, created_at)"
	" SELECT ?, ?, ?, ?, 0, COALESCE(MAX(position), 0) + 1, UTC_TIMESTAMP() FROM collections WHERE creator_id = ?",
	"isssi", "" };

static const struct db_stmt q_order = {
	"SELECT id FROM collections WHERE creator_id = ? ORDER BY position, id LIMIT 200 FOR UPDATE", "i", "i" };
static const struct db_stmt q_set_pos = {
	"UPDATE collections SET position = ? WHERE id = ? AND creator_id = ?", "iii", "" };

#define MAX_COLLECTIONS 200

static int collections_page(struct req *r, const struct acting_creator *c, int status, const char *error)
{
	struct db_res l;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(c->id) }, &l);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_creator_collections.tpl", "Your collections");
	for (size_t i = 0; i < l.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "COLLECTIONS");
		tmpl_set_int(e, "ID", db_at(&l, i, 0)->i);
		tmpl_set(e, "URL", arena_printf(r->arena, "/@%s/%s", c->handle, db_at(&l, i, 1)->s));
		tmpl_set(e, "TITLE", db_at(&l, i, 2)->s);
		tmpl_set(e, "STATE", db_at(&l, i, 3)->i ? "Published" : "Draft");
		tmpl_set_int(e, "ITEMS", db_at(&l, i, 4)->i);
		takedown_note_add(e, db_at(&l, i, 5));
	}
	if (l.nrows == 0)
		tmpl_show(d, "EMPTY");
	const char *t = req_form(r, "title"), *desc = req_form(r, "description");
	tmpl_set(d, "NEW_TITLE", t ? t : "");
	tmpl_set(d, "NEW_DESCRIPTION", desc ? desc : "");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	layout_end(r, status);
	return REQ_DONE;
}

int page_creator_collections(struct req *r)
{
	const struct acting_creator *c = r->creator;
	return collections_page(r, c, 200, NULL);
}

int page_creator_collection_create(struct req *r)
{
	const struct acting_creator *c = r->creator;
	const char *title = req_form(r, "title"), *desc = req_form(r, "description");
	char slug[65], tried[72];
	if (!title || !validate_has_text(title) || !validate_slugify(title, slug, 60))
		return collections_page(r, c, 422, "Give the collection a title with at least one letter or digit.");
	enum db_status rc = DB_DUP;
	/* One statement each, no transaction: a duplicate slug only means trying the next number. */
	for (int n = 1; rc == DB_DUP && n <= 20; n++) {
		if (n == 1)
			snprintf(tried, sizeof tried, "%s", slug);
		else
			snprintf(tried, sizeof tried, "%s-%d", slug, n);
		rc = db_query(r->db, r->arena, &q_create, (struct db_param[]){ DB_I(c->id), DB_S(tried), DB_S(title),
			      DB_S(desc ? desc : ""), DB_I(c->id) }, NULL);
	}
	if (rc == DB_DUP)
		return collections_page(r, c, 409, "You already have many collections with that title; choose another.");
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/creator/collections/%llu", db_insert_id(r->db)));
	return REQ_DONE;
}

struct collection_move {
	long long creator_id, collection_id;
	int dir;
	struct arena *a;
	long long *ids;		/* MAX_COLLECTIONS slots */
};

static enum db_status move_txn(struct db *db, void *ctx)
{
	struct collection_move *m = ctx;
	struct db_res o;
	enum db_status rc = db_query(db, m->a, &q_order, (struct db_param[]){ DB_I(m->creator_id) }, &o);
	size_t n = rc == DB_OK ? o.nrows : 0;
	for (size_t i = 0; i < n; i++)
		m->ids[i] = db_at(&o, i, 0)->i;
	bool moved = rc == DB_OK && creator_move(m->ids, n, m->collection_id, m->dir);
	/* Positions are rewritten 1..n, which also mends ties left by older rows. */
	for (size_t i = 0; moved && rc == DB_OK && i < n; i++)
		rc = db_query(db, NULL, &q_set_pos, (struct db_param[]){ DB_I((long long)i + 1), DB_I(m->ids[i]),
			      DB_I(m->creator_id) }, NULL);
	return rc;
}

int page_creator_collection_move(struct req *r)
{
	const struct acting_creator *c = r->creator;
	const char *dir = req_form(r, "dir");
	if (!dir || !*dir) {
		response_error(r, 400, "Choose to move the collection up or down.");
		return REQ_DONE;
	}
	struct collection_move m = { c->id, req_id(r, "id"), strcmp(dir, "up") == 0 ? -1 : 1, r->arena,
				     arena_alloc(r->arena, MAX_COLLECTIONS * sizeof(long long)) };
	enum db_status rc = db_txn(r->db, move_txn, &m);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/creator/collections");
	return REQ_DONE;
}
