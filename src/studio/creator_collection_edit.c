/* creator_collection_edit.c: "/studio/creator/collections/{id}" — rename, describe, publish or
 * unpublish one collection, and add, order (up/down), annotate and remove its items. Items come
 * from the creator's approved picks only. Every statement names the creator, so one creator can
 * never touch another's collection. */
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "studio/picture_form.h"
#include "studio/studio.h"
#include "lib/validate.h"

#define MAX_ITEMS 200

static const struct db_stmt q_collection = {
	"SELECT id, slug, title, description, published, " PICTURE_FORM_COLS("cover_url")
	" FROM collections WHERE id = ? AND creator_id = ?", "ii", "isssiss" };
static const struct db_stmt q_items = {
	"SELECT p.id, p.title, b.name, ci.note FROM collection_items ci JOIN products p ON p.id = ci.product_id"
	" JOIN brands b ON b.id = p.brand_id WHERE ci.collection_id = ? ORDER BY ci.position, p.id LIMIT 200",
	"i", "isss" };
static const struct db_stmt q_candidates = {
	"SELECT p.id, p.title, b.name FROM picks pk JOIN products p ON p.id = pk.product_id"
	" JOIN brands b ON b.id = p.brand_id WHERE pk.creator_id = ? AND pk.status = 'approved'"
	" AND NOT EXISTS (SELECT 1 FROM collection_items ci WHERE ci.collection_id = ? AND ci.product_id = p.id)"
	" ORDER BY p.title LIMIT 500", "ii", "iss" };
static const struct db_stmt q_update = {
	"UPDATE collections SET title = ?, description = ?, published = ? WHERE id = ? AND creator_id = ?",
	"ssiii", "" };
static const struct db_stmt q_add = {
	"INSERT IGNORE INTO collection_items (collection_id, product_id, position, note)"
	" SELECT c.id, pk.product_id, (SELECT COALESCE(MAX(ci.position), 0) + 1 FROM collection_items ci"
	" WHERE ci.collection_id = c.id), '' FROM collections c JOIN picks pk ON pk.creator_id = c.creator_id"
	" WHERE c.id = ? AND c.creator_id = ? AND pk.product_id = ? AND pk.status = 'approved'", "iii", "" };
static const struct db_stmt q_note = {
	"UPDATE collection_items ci JOIN collections c ON c.id = ci.collection_id SET ci.note = ?"
	" WHERE ci.collection_id = ? AND c.creator_id = ? AND ci.product_id = ?", "siii", "" };
static const struct db_stmt q_remove = {
	"DELETE ci FROM collection_items ci JOIN collections c ON c.id = ci.collection_id"
	" WHERE ci.collection_id = ? AND c.creator_id = ? AND ci.product_id = ?", "iii", "" };
static const struct db_stmt q_order = {
	"SELECT ci.product_id FROM collection_items ci JOIN collections c ON c.id = ci.collection_id"
	" WHERE ci.collection_id = ? AND c.creator_id = ? ORDER BY ci.position, ci.product_id LIMIT 200 FOR UPDATE",
	"ii", "i" };
static const struct db_stmt q_set_pos = {
	"UPDATE collection_items SET position = ? WHERE collection_id = ? AND product_id = ?", "iii", "" };

static int edit_page(struct req *r, const struct acting_creator *c, long long id, int status, const char *error)
{
	struct db_res col, items, cand;
	struct db_param key[] = { DB_I(id), DB_I(c->id) };
	enum db_status rc = db_query(r->db, r->arena, &q_collection, key, &col);
	if (rc == DB_OK && col.nrows == 0) {
		response_error(r, 404, "You have no such collection.");
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_items, (struct db_param[]){ DB_I(id) }, &items);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_candidates, (struct db_param[]){ DB_I(c->id), DB_I(id) }, &cand);
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char *title = req_form(r, "title"), *desc = req_form(r, "description");
	tmpl_dict *d = layout_begin(r, "studio_creator_collection.tpl",
				  arena_printf(r->arena, "Edit %s", db_at(&col, 0, 2)->s));
	tmpl_set_int(d, "ID", id);
	tmpl_set(d, "HEADING", db_at(&col, 0, 2)->s);
	tmpl_set(d, "TITLE", title ? title : db_at(&col, 0, 2)->s);
	tmpl_set(d, "DESCRIPTION", desc ? desc : db_at(&col, 0, 3)->s);
	tmpl_set(d, "URL", arena_printf(r->arena, "/@%s/%s", c->handle, db_at(&col, 0, 1)->s));
	if (db_at(&col, 0, 4)->i)
		tmpl_show(d, "PUBLISHED");
	else
		tmpl_show(d, "DRAFT");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	for (size_t i = 0; i < items.nrows; i++) {
		tmpl_dict *it = tmpl_add(d, "ITEMS");
		tmpl_set_int(it, "PRODUCT_ID", db_at(&items, i, 0)->i);
		tmpl_set(it, "TITLE", db_at(&items, i, 1)->s);
		tmpl_set(it, "BRAND", db_at(&items, i, 2)->s);
		tmpl_set(it, "NOTE", db_at(&items, i, 3)->s);
	}
	if (items.nrows == 0)
		tmpl_show(d, "NO_ITEMS");
	picture_form_add(r, d, "COVER_UPLOAD", &(struct picture_form){
		arena_printf(r->arena, "/studio/creator/collections/%lld/cover", id), "cover-file", "Upload a cover",
		"A wide picture across the top of the collection (cut to 3:1), beside its name on your storefront, "
		"and the picture of its shared links.", db_at(&col, 0, 5)->s, db_at(&col, 0, 6)->s,
		arena_printf(r->arena, "/studio/creator/collections/%lld/cover/remove", id) });
	if (cand.nrows) {
		tmpl_dict *f = tmpl_add(d, "ADD_FORM");
		for (size_t i = 0; i < cand.nrows; i++) {
			tmpl_dict *o = tmpl_add(f, "CANDIDATES");
			tmpl_set_int(o, "PRODUCT_ID", db_at(&cand, i, 0)->i);
			tmpl_set(o, "TITLE", db_at(&cand, i, 1)->s);
			tmpl_set(o, "BRAND", db_at(&cand, i, 2)->s);
		}
	}
	layout_end(r, status);
	return REQ_DONE;
}

static long long collection_id(struct req *r)
{
	long long id = req_id(r, "id");
	if (!id)
		response_error(r, 404, "You have no such collection.");
	return id;
}

int page_creator_collection_edit(struct req *r)
{
	const struct acting_creator *c = r->creator;
	long long id;
	if ((id = collection_id(r)))
		return edit_page(r, c, id, 200, NULL);
	return REQ_DONE;
}

static void back(struct req *r, long long id)
{
	response_redirect(r, arena_printf(r->arena, "/studio/creator/collections/%lld", id));
}

int page_creator_collection_update(struct req *r)
{
	const struct acting_creator *c = r->creator;
	long long id;
	if (!(id = collection_id(r)))
		return REQ_DONE;
	const char *title = req_form(r, "title"), *desc = req_form(r, "description"), *pub = req_form(r, "published");
	if (!title || !validate_has_text(title))
		return edit_page(r, c, id, 422, "Give the collection a title.");
	enum db_status rc = db_query(r->db, r->arena, &q_update, (struct db_param[]){ DB_S(title), DB_S(desc ? desc : ""),
				     DB_I(pub && strcmp(pub, "1") == 0), DB_I(id), DB_I(c->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	back(r, id);
	return REQ_DONE;
}

int page_creator_collection_item_add(struct req *r)
{
	const struct acting_creator *c = r->creator;
	long long id;
	if (!(id = collection_id(r)))
		return REQ_DONE;
	enum db_status rc = db_query(r->db, r->arena, &q_add, (struct db_param[]){ DB_I(id), DB_I(c->id),
				     DB_I(req_id(r, "product_id")) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	back(r, id);
	return REQ_DONE;
}

int page_creator_collection_item_note(struct req *r)
{
	const struct acting_creator *c = r->creator;
	long long id;
	if (!(id = collection_id(r)))
		return REQ_DONE;
	const char *note = req_form(r, "note");
	enum db_status rc = db_query(r->db, r->arena, &q_note, (struct db_param[]){ DB_S(note ? note : ""), DB_I(id),
				     DB_I(c->id), DB_I(req_id(r, "product")) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	back(r, id);
	return REQ_DONE;
}

int page_creator_collection_item_remove(struct req *r)
{
	const struct acting_creator *c = r->creator;
	long long id;
	if (!(id = collection_id(r)))
		return REQ_DONE;
	enum db_status rc = db_query(r->db, r->arena, &q_remove, (struct db_param[]){ DB_I(id), DB_I(c->id),
				     DB_I(req_id(r, "product")) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	back(r, id);
	return REQ_DONE;
}

struct item_move {
	long long collection_id, creator_id, product_id;
	int dir;
	struct arena *a;
	long long *ids;		/* MAX_ITEMS slots */
};

static enum db_status move_txn(struct db *db, void *ctx)
{
	struct item_move *m = ctx;
	struct db_res o;
	enum db_status rc = db_query(db, m->a, &q_order, (struct db_param[]){ DB_I(m->collection_id), DB_I(m->creator_id) }, &o);
	size_t n = rc == DB_OK ? o.nrows : 0;
	for (size_t i = 0; i < n; i++)
		m->ids[i] = db_at(&o, i, 0)->i;
	bool moved = rc == DB_OK && creator_move(m->ids, n, m->product_id, m->dir);
	for (size_t i = 0; moved && rc == DB_OK && i < n; i++)
		rc = db_query(db, NULL, &q_set_pos, (struct db_param[]){ DB_I((long long)i + 1), DB_I(m->collection_id),
			      DB_I(m->ids[i]) }, NULL);
	return rc;
}

int page_creator_collection_item_move(struct req *r)
{
	const struct acting_creator *c = r->creator;
	long long id;
	if (!(id = collection_id(r)))
		return REQ_DONE;
	const char *dir = req_form(r, "dir");
	if (!dir || !*dir) {
		response_error(r, 400, "Choose to move the item up or down.");
		return REQ_DONE;
	}
	struct item_move m = { id, c->id, req_id(r, "product"), strcmp(dir, "up") == 0 ? -1 : 1, r->arena,
			       arena_alloc(r->arena, MAX_ITEMS * sizeof(long long)) };
	enum db_status rc = db_txn(r->db, move_txn, &m);
	if (rc != DB_OK)
		return req_db_fail(rc);
	back(r, id);
	return REQ_DONE;
}
