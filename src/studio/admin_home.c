/* admin_home.c: "/admin" — the admin's front page: the navigation every admin page carries, and a
 * few figures that say where to look first. */
#include <string.h>
#include "web/layout.h"
#include "studio/admin.h"

static const struct db_stmt q_figures = {
	"SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM users WHERE suspended_at IS NOT NULL),"
	" (SELECT COUNT(*) FROM admin_audit WHERE created_at > UTC_TIMESTAMP() - INTERVAL 1 DAY)", "", "iii" };

/* The admin sections, in the order the navigation lists them; moderation.c and brand_approval.c
 * fill the last two. */
static const struct { const char *href, *label; } sections[] = {
	{ "/admin", "Overview" },
	{ "/admin/users", "Users" },
	{ "/admin/moderation", "Moderation" },
	{ "/admin/brands", "Brands" },
	{ "/admin/audit", "Audit log" },
	{ "/admin/system", "System" },
};

tmpl_dict *admin_begin(struct req *r, const char *content_tpl, const char *title, const char *current)
{
	tmpl_dict *d = layout_begin(r, content_tpl, title);
	tmpl_dict *nav = tmpl_include(d, "ADMIN_NAV", "admin_nav.tpl");
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		tmpl_dict *s = tmpl_add(nav, "SECTION");
		tmpl_set(s, "HREF", sections[i].href);
		tmpl_set(s, "LABEL", sections[i].label);
		if (strcmp(sections[i].href, current) == 0)
			tmpl_show(s, "CURRENT");
	}
	return d;
}

int page_admin_home(struct req *r)
{
	struct db_res f;
	enum db_status rc = db_query(r->db, r->arena, &q_figures, NULL, &f);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = admin_begin(r, "admin.tpl", "Admin", "/admin");
	tmpl_set_int(d, "USERS", db_at(&f, 0, 0)->i);
	tmpl_set_int(d, "SUSPENDED", db_at(&f, 0, 1)->i);
	tmpl_set_int(d, "ACTIONS_DAY", db_at(&f, 0, 2)->i);
	layout_end(r, 200);
	return REQ_DONE;
}
