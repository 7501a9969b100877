/* home.c: "/studio" — the signed-in person's studio front page: what to do while the address is
 * not confirmed, today's figures and to-dos (home_today.c), the creator's and brand's studio
 * links, and for everyone their shopping. */
#include "web/layout.h"
#include "web/response.h"
#include "studio/home_today.h"
#include "studio/shopper.h"
#include "studio/studio.h"

/* A creator also sees how many brands' rate-cut notices came in the last 30 days. */
static const struct db_stmt q_account = {
	"SELECT u.email, u.role, COALESCE(c.handle, ''), COALESCE(b.name, ''), COALESCE(b.slug, ''),"
	" (SELECT COUNT(*) FROM creator_notices n WHERE n.creator_id = c.id AND n.created_at > UTC_TIMESTAMP() - INTERVAL 30 DAY),"
	" COALESCE(b.approved, 1), u.email_verified_at IS NOT NULL, COALESCE(b.id, 0), COALESCE(c.id, 0),"
	" COALESCE((SELECT tb.name FROM brand_members tm JOIN brands tb ON tb.id = tm.brand_id WHERE tm.user_id = u.id), '')"
	" FROM users u LEFT JOIN creators c ON c.user_id = u.id"
	" LEFT JOIN brands b ON b.owner_user_id = u.id WHERE u.id = ? LIMIT 1", "i", "sssssiiiiis" };

int page_studio_home(struct req *r)
{
	struct db_res a;
	enum db_status rc = db_query(r->db, r->arena, &q_account, (struct db_param[]){ DB_I(r->sess.user_id) }, &a);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (a.nrows == 0) {
		response_error(r, 404, "Your account no longer exists.");
		return REQ_DONE;
	}
	tmpl_dict *d = layout_begin(r, "studio.tpl", "Your studio");
	tmpl_set(d, "NAME", r->sess.user_name);
	tmpl_set(d, "EMAIL", db_at(&a, 0, 0)->s);
	tmpl_set(d, "ROLE", db_at(&a, 0, 1)->s);
	if (r->sess.role == ROLE_ADMIN)
		tmpl_show(d, "ADMIN");
	if (!db_at(&a, 0, 7)->i)
		tmpl_show(d, "UNVERIFIED");
	if (*db_at(&a, 0, 2)->s) {
		tmpl_dict *c = tmpl_add(d, "CREATOR");
		tmpl_set(c, "HANDLE", db_at(&a, 0, 2)->s);
		if (db_at(&a, 0, 5)->i)
			tmpl_set_int(tmpl_add(c, "RATE_NOTICES"), "COUNT", db_at(&a, 0, 5)->i);
		if ((rc = home_today_creator(r, c, db_at(&a, 0, 9)->i)) != DB_OK)
			return req_db_fail(rc);
	}
	if (*db_at(&a, 0, 10)->s)	/* a member of a brand's team (team.c) */
		tmpl_set(tmpl_add(d, "TEAM"), "BRAND_NAME", db_at(&a, 0, 10)->s);
	if (*db_at(&a, 0, 3)->s) {
		tmpl_dict *b = tmpl_add(d, "BRAND");
		tmpl_set(b, "BRAND_NAME", db_at(&a, 0, 3)->s);
		tmpl_set(b, "BRAND_SLUG", db_at(&a, 0, 4)->s);
		if (!db_at(&a, 0, 6)->i)
			tmpl_show(b, "AWAITING_APPROVAL");
		if ((rc = home_today_brand(r, b, db_at(&a, 0, 8)->i)) != DB_OK)
			return req_db_fail(rc);
	}
	if ((rc = shopper_home_add(r, d, db_at(&a, 0, 7)->i ? db_at(&a, 0, 0)->s : NULL)) != DB_OK)
		return req_db_fail(rc);
	layout_end(r, 200);
	return REQ_DONE;
}
