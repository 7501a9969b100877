/* showcases.c: "/studio/showcases" — a brand's or creator's showcases, where each is shown, and
 * deleting one. */
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "studio/showcases.h"
#include "studio/studio.h"

static const struct db_stmt q_list = {
	"SELECT id, title, COALESCE(slot, 0), DATE_FORMAT(updated_at, '%Y-%m-%d') FROM showcases"
	" WHERE (brand_id = ? OR creator_id = ?) ORDER BY slot IS NULL, slot, id DESC LIMIT 200", "ii", "isis" };
static const struct db_stmt q_delete = {
	"DELETE FROM showcases WHERE id = ? AND (brand_id = ? OR creator_id = ?)", "iii", "" };

static const char *placement(const struct studio_owner *o, long long slot)
{
	if (slot == 0)
		return "Not shown yet";
	if (o->brand_id)
		return "On your product pages";
	return slot == 1 ? "Storefront, first" : "Storefront, second";
}

int page_showcases(struct req *r)
{
	struct studio_owner o;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, SC_REFUSAL);
		return REQ_DONE;
	}
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(o.brand_id), DB_I(o.creator_id) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_showcases.tpl", "Showcases");
	const char *done = req_query(r, "done");
	if (done && (strcmp(done, "saved") == 0 || strcmp(done, "deleted") == 0))
		tmpl_set(tmpl_add(d, "NOTICE"), "TEXT", strcmp(done, "saved") == 0 ? "Showcase saved." : "Showcase deleted.");
	tmpl_show(d, o.brand_id ? "FOR_BRAND" : "FOR_CREATOR");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *s = tmpl_add(d, "SHOWCASE");
		tmpl_set_int(s, "ID", db_at(&res, i, 0)->i);
		tmpl_set(s, "TITLE", db_at(&res, i, 1)->s);
		tmpl_set(s, "PLACEMENT", placement(&o, db_at(&res, i, 2)->i));
		tmpl_set(s, "UPDATED", db_at(&res, i, 3)->s);
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, 200);
	return REQ_DONE;
}

int page_showcase_delete(struct req *r)
{
	struct studio_owner o;
	if (!studio_owner(r, &o)) {
		response_error(r, 403, SC_REFUSAL);
		return REQ_DONE;
	}
	long long id = req_id(r, "id");
	enum db_status rc = id ? db_query(r->db, NULL, &q_delete,
					   (struct db_param[]){ DB_I(id), DB_I(o.brand_id), DB_I(o.creator_id) }, NULL)
			       : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!id || db_affected(r->db) == 0) {
		response_error(r, 404, "There is no such showcase of yours.");
		return REQ_DONE;
	}
	response_redirect(r, "/studio/showcases?done=deleted");
	return REQ_DONE;
}
