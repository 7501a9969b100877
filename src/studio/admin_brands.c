/* admin_brands.c: "/admin/brands" — brands waiting for approval (brand_approval = required), each
 * with its owner and an approve button; approving makes its catalog public, audited. */
#include <string.h>
#include "domain/moderation/brand_approval.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/admin.h"

static const struct db_stmt q_waiting = {
	"SELECT b.id, b.slug, b.name, b.created_at, COALESCE(u.email, ''),"
	" (SELECT COUNT(*) FROM products p WHERE p.brand_id = b.id)"
	" FROM brands b LEFT JOIN users u ON u.id = b.owner_user_id"
	" WHERE b.approved = 0 ORDER BY b.created_at, b.id LIMIT 200", "", "isssii" };

int page_admin_brands(struct req *r)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_waiting, NULL, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = admin_begin(r, "admin_brands.tpl", "Brands", "/admin/brands");
	const char *done = req_query(r, "done");
	if (done && strcmp(done, "approved") == 0)
		tmpl_set(tmpl_add(d, "DONE"), "TEXT", "Approved: the brand's catalog is public.");
	tmpl_show(d, brand_approval_required() ? "REQUIRED" : "OPEN");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *b = tmpl_add(d, "BRAND");
		tmpl_set_int(b, "ID", db_at(&res, i, 0)->i);
		tmpl_set(b, "SLUG", db_at(&res, i, 1)->s);
		tmpl_set(b, "NAME", db_at(&res, i, 2)->s);
		tmpl_set(b, "CREATED", db_at(&res, i, 3)->s);
		tmpl_set(b, "OWNER", db_at(&res, i, 4)->s);
		tmpl_set_int(b, "PRODUCTS", db_at(&res, i, 5)->i);
	}
	if (res.nrows == 0)
		tmpl_show(d, "NONE_WAITING");
	layout_end(r, 200);
	return REQ_DONE;
}

int page_admin_brand_approve(struct req *r)
{
	bool approved;
	enum db_status rc = brand_approval_approve(r->db, req_id(r, "id"), r->sess.user_id, r->remote_addr, &approved);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!approved) {
		response_error(r, 404, "There is no brand with that number waiting for approval.");
		return REQ_DONE;
	}
	response_redirect(r, "/admin/brands?done=approved");
	return REQ_DONE;
}
