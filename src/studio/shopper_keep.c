/* shopper_keep.c: following a creator and saving a product. Both are the same shape: a page for
 * one thing with the button that keeps it or lets it go, and the two POSTs, which answer with a
 * redirect back to that page. A creator or product that is gone (deleted, archived) is a 404. */
#include "web/layout.h"
#include "web/response.h"
#include "studio/shopper.h"

struct keep_kind {
	const char *path, *heading, *kept_before, *kept_after, *remove, *add;	/* heading and kept_*: around the name */
	struct db_stmt q_thing;		/* id -> name, back URL */
	struct db_stmt q_kept, q_add, q_remove;	/* (user, id) */
};

static const struct keep_kind follow = {
	"/studio/follow/", "Follow ", "You follow ", ". They are listed on your studio page.", "Stop following",
	"Follow",
	{ "SELECT c.display_name, CONCAT('/@', c.handle) FROM creators c JOIN users u ON u.id = c.user_id"
	  " WHERE c.id = ? AND u.deleted_at IS NULL", "i", "ss" },
	{ "SELECT 1 FROM creator_follows WHERE user_id = ? AND creator_id = ?", "ii", "i" },
	{ "INSERT INTO creator_follows (user_id, creator_id, created_at) VALUES (?, ?, UTC_TIMESTAMP())"
	  " ON DUPLICATE KEY UPDATE created_at = created_at", "ii", "" },
	{ "DELETE FROM creator_follows WHERE user_id = ? AND creator_id = ?", "ii", "" },
};

static const struct keep_kind save = {
	"/studio/save/", "Save ", "", " is saved. It is listed on your studio page.", "Remove from saved", "Save for later",
	{ "SELECT p.title, CONCAT('/p/', b.slug, '/', p.handle) FROM products p JOIN brands b ON b.id = p.brand_id"
	  " WHERE p.id = ? AND p.status = 'active'", "i", "ss" },
	{ "SELECT 1 FROM saved_products WHERE user_id = ? AND product_id = ?", "ii", "i" },
	{ "INSERT INTO saved_products (user_id, product_id, created_at) VALUES (?, ?, UTC_TIMESTAMP())"
	  " ON DUPLICATE KEY UPDATE created_at = created_at", "ii", "" },
	{ "DELETE FROM saved_products WHERE user_id = ? AND product_id = ?", "ii", "" },
};

static int keep_page(struct req *r, const struct keep_kind *k)
{
	long long id = req_id(r, "id");
	struct db_res t, kept;
	enum db_status rc = db_query(r->db, r->arena, &k->q_thing, (struct db_param[]){ DB_I(id) }, &t);
	if (rc == DB_OK && t.nrows)
		rc = db_query(r->db, r->arena, &k->q_kept, (struct db_param[]){ DB_I(r->sess.user_id), DB_I(id) }, &kept);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (t.nrows == 0)
		return 404;
	const char *name = db_at(&t, 0, 0)->s;
	const char *heading = arena_concat(r->arena, k->heading, name, (char *)NULL);
	tmpl_dict *d = layout_begin(r, "studio_keep.tpl", heading);
	tmpl_set(d, "HEADING", heading);
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "BACK_URL", db_at(&t, 0, 1)->s);
	tmpl_set(d, "ACTION", arena_printf(r->arena, "%s%lld", k->path, id));
	if (kept.nrows) {
		tmpl_dict *s = tmpl_add(d, "KEPT");
		tmpl_set(s, "KEPT_TEXT", arena_concat(r->arena, k->kept_before, name, k->kept_after, (char *)NULL));
		tmpl_set(s, "REMOVE_LABEL", k->remove);
	} else
		tmpl_set(tmpl_add(d, "NOT_KEPT"), "ADD_LABEL", k->add);
	layout_end(r, 200);
	return REQ_DONE;
}

static int keep_change(struct req *r, const struct keep_kind *k, bool add)
{
	long long id = req_id(r, "id");
	struct db_res t;
	enum db_status rc = db_query(r->db, r->arena, &k->q_thing, (struct db_param[]){ DB_I(id) }, &t);
	if (rc == DB_OK && t.nrows)
		rc = db_query(r->db, NULL, add ? &k->q_add : &k->q_remove,
			      (struct db_param[]){ DB_I(r->sess.user_id), DB_I(id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (t.nrows == 0)
		return 404;
	response_redirect(r, arena_printf(r->arena, "%s%lld", k->path, id));
	return REQ_DONE;
}

int page_follow(struct req *r) { return keep_page(r, &follow); }
int page_follow_add(struct req *r) { return keep_change(r, &follow, true); }
int page_follow_remove(struct req *r) { return keep_change(r, &follow, false); }
int page_save(struct req *r) { return keep_page(r, &save); }
int page_save_add(struct req *r) { return keep_change(r, &save, true); }
int page_save_remove(struct req *r) { return keep_change(r, &save, false); }
