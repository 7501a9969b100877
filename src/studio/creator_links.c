/* creator_links.c: "/studio/creator/links" — the creator's short links (/s/{code}) to their
 * storefront, one of their collections or one of their approved picks, making and deleting one. */
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "domain/creators/short_code.h"
#include "studio/studio.h"

static const struct db_stmt q_links = {
	"SELECT sl.code, sl.target, sl.label, COALESCE(c.title, ''), COALESCE(p.title, ''),"
	" COALESCE((SELECT SUM(st.visits) FROM short_link_stats st WHERE st.link_id = sl.id), 0),"
	" COALESCE((SELECT SUM(st.visits) FROM short_link_stats st WHERE st.link_id = sl.id"
	" AND st.day >= UTC_DATE() - INTERVAL 29 DAY), 0) FROM short_links sl"
	" LEFT JOIN collections c ON c.id = sl.collection_id LEFT JOIN products p ON p.id = sl.product_id"
	" WHERE sl.creator_id = ? ORDER BY sl.created_at DESC, sl.id DESC LIMIT 200", "i", "sssssii" };
static const struct db_stmt q_collections = {
	"SELECT id, title FROM collections WHERE creator_id = ? ORDER BY position, id LIMIT 200", "i", "is" };
static const struct db_stmt q_picks = {
	"SELECT p.id, p.title FROM picks pk JOIN products p ON p.id = pk.product_id"
	" WHERE pk.creator_id = ? AND pk.status = 'approved' ORDER BY p.title LIMIT 500", "i", "is" };
/* The target must be the creator's own collection or approved pick: checked in the same statement. */
static const struct db_stmt q_add_storefront = {
	"INSERT INTO short_links (code, creator_id, target, label, created_at) VALUES (?, ?, 'storefront', ?, UTC_TIMESTAMP())",
	"sis", "" };
static const struct db_stmt q_add_collection = {
	"INSERT INTO short_links (code, creator_id, target, collection_id, label, created_at)"
	" SELECT ?, creator_id, 'collection', id, ?, UTC_TIMESTAMP() FROM collections WHERE id = ? AND creator_id = ?",
	"ssii", "" };
static const struct db_stmt q_add_product = {
	"INSERT INTO short_links (code, creator_id, target, product_id, label, created_at)"
	" SELECT ?, creator_id, 'product', product_id, ?, UTC_TIMESTAMP() FROM picks"
	" WHERE product_id = ? AND creator_id = ? AND status = 'approved'", "ssii", "" };

/* Only the creator's own link; visits and attribution already recorded name the creator and the
 * surface, not the link, so they stay (and keep crediting sales within their window). */
static const struct db_stmt q_delete = {
	"DELETE FROM short_links WHERE code = ? AND creator_id = ?", "si", "" };

int page_creator_links(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct db_res l, cols, picks;
	struct db_param id[] = { DB_I(c->id) };
	enum db_status rc = db_query(r->db, r->arena, &q_links, id, &l);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_collections, id, &cols);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_picks, id, &picks);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_creator_links.tpl", "Your short links");
	for (size_t i = 0; i < l.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "LINKS");
		const char *target = db_at(&l, i, 1)->s;
		tmpl_set(e, "PATH", arena_printf(r->arena, "/s/%s", db_at(&l, i, 0)->s));
		tmpl_set(e, "CODE", db_at(&l, i, 0)->s);
		tmpl_set(e, "LABEL", db_at(&l, i, 2)->s);
		tmpl_set_int(e, "VISITS", db_at(&l, i, 5)->i);
		tmpl_set_int(e, "VISITS_30", db_at(&l, i, 6)->i);
		tmpl_set(e, "TARGET", strcmp(target, "collection") == 0 ? arena_printf(r->arena, "Collection: %s", db_at(&l, i, 3)->s)
				      : strcmp(target, "product") == 0 ? arena_printf(r->arena, "Product: %s", db_at(&l, i, 4)->s)
									: "Your storefront");
	}
	if (l.nrows == 0)
		tmpl_show(d, "EMPTY");
	const char *deleted = req_query(r, "deleted");
	if (deleted && *deleted)
		tmpl_show(d, "DELETED");
	for (size_t i = 0; i < cols.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "COLLECTIONS");
		tmpl_set_int(o, "ID", db_at(&cols, i, 0)->i);
		tmpl_set(o, "TITLE", db_at(&cols, i, 1)->s);
	}
	for (size_t i = 0; i < picks.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "PRODUCTS");
		tmpl_set_int(o, "ID", db_at(&picks, i, 0)->i);
		tmpl_set(o, "TITLE", db_at(&picks, i, 1)->s);
	}
	layout_end(r, 200);
	return REQ_DONE;
}

/* target is "storefront", "c<id>" (a collection) or "p<id>" (a product). */
int page_creator_link_create(struct req *r)
{
	const struct acting_creator *c = r->creator;
	const char *target = req_form(r, "target"), *label = req_form(r, "label");
	if (!label)
		label = "";
	/* "storefront", or "c" or "p" and the id of a collection or a product. */
	long long ref = 0;
	if (target && (target[0] == 'c' || target[0] == 'p') && !input_id(target + 1, &ref))
		ref = 0;
	if (!target || (strcmp(target, "storefront") != 0 && ref == 0)) {
		response_error(r, 400, "Choose what the link leads to.");
		return REQ_DONE;
	}
	char code[SHORT_CODE_LEN + 1];
	enum db_status rc = DB_DUP;
	/* 80 random bits make a collision all but impossible; a duplicate just draws again. */
	for (int tries = 0; rc == DB_DUP && tries < 3; tries++) {
		short_code_new(code);
		if (ref == 0)
			rc = db_query(r->db, r->arena, &q_add_storefront, (struct db_param[]){ DB_S(code), DB_I(c->id), DB_S(label) }, NULL);
		else
			rc = db_query(r->db, r->arena, target[0] == 'c' ? &q_add_collection : &q_add_product,
				      (struct db_param[]){ DB_S(code), DB_S(label), DB_I(ref), DB_I(c->id) }, NULL);
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (db_affected(r->db) == 0) {
		response_error(r, 404, "You can link only to your own collections and approved picks.");
		return REQ_DONE;
	}
	response_redirect(r, "/studio/creator/links");
	return REQ_DONE;
}

int page_creator_link_delete(struct req *r)
{
	const struct acting_creator *c = r->creator;
	const char *code = req_param(r, "code");
	if (!short_code_valid(code)) {
		response_error(r, 404, "You have no short link with that code.");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, r->arena, &q_delete, (struct db_param[]){ DB_S(code), DB_I(c->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (db_affected(r->db) == 0) {
		response_error(r, 404, "You have no short link with that code.");
		return REQ_DONE;
	}
	response_redirect(r, "/studio/creator/links?deleted=1");
	return REQ_DONE;
}
