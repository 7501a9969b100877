/* admin_users.c: "/admin/users" — find accounts by email or name (a part of either), role and
 * state, newest first, a page at a time. */
#include <string.h>
#include "domain/commerce/pay_form.h"
#include "web/layout.h"
#include "studio/admin.h"

/* One row more than a page, to know whether there is a next one. The LIKE pattern is escaped by
 * like_contains; '' matches every account. */
static const struct db_stmt q_search = {
	"SELECT id, email, display_name, role, DATE_FORMAT(created_at, '%Y-%m-%d'), suspended_at IS NOT NULL"
	" FROM users WHERE (email LIKE ? OR display_name LIKE ?) AND (? = '' OR role = ?)"
	" AND (? = '' OR (? = 'suspended') = (suspended_at IS NOT NULL))"
	" ORDER BY id DESC LIMIT ? OFFSET ?", "ssssssii", "isssii" };

/* "%text%" with LIKE's own characters (% _ \) taken literally. */
static const char *like_contains(struct req *r, const char *text)
{
	size_t n = strlen(text);
	char *p = arena_alloc(r->arena, 2 * n + 3), *o = p;
	*o++ = '%';
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
			*o++ = '\\';
		*o++ = text[i];
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* The search link for another page, keeping the filters (a query string is form-encoded). */
static const char *page_href(struct req *r, const char *q, const char *role, const char *state, long long page)
{
	struct buf b;
	buf_init(&b, r->arena, 128);
	pay_form_add(&b, "q", q);
	pay_form_add(&b, "role", role);
	pay_form_add(&b, "state", state);
	pay_form_add_int(&b, "page", page);
	return arena_printf(r->arena, "/admin/users?%s", buf_cstr(&b));
}

int page_admin_users(struct req *r)
{
	const char *q = or_empty(req_query(r, "q")), *role = or_empty(req_query(r, "role"));
	const char *state = or_empty(req_query(r, "state"));
	long long page;
	if (!req_int(r, "page", &page))	/* absent: the dispatcher let no bad value through */
		page = 1;
	const char *like = like_contains(r, q);
	struct db_res u;
	enum db_status rc = db_query(r->db, r->arena, &q_search, (struct db_param[]){ DB_S(like), DB_S(like),
		DB_S(role), DB_S(role), DB_S(state), DB_S(state), DB_I(ADMIN_PAGE_ROWS + 1),
		DB_I((page - 1) * ADMIN_PAGE_ROWS) }, &u);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = admin_begin(r, "admin_users.tpl", "Users", "/admin/users");
	tmpl_set(d, "Q", q);
	static const char *const roles[] = { "shopper", "creator", "brand", "admin" };
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		tmpl_dict *o = tmpl_add(d, "ROLE_OPTION");
		tmpl_set(o, "VALUE", roles[i]);
		if (strcmp(role, roles[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_show(d, strcmp(state, "active") == 0 ? "STATE_ACTIVE" : strcmp(state, "suspended") == 0
		  ? "STATE_SUSPENDED" : "STATE_ANY");
	size_t shown = u.nrows > ADMIN_PAGE_ROWS ? ADMIN_PAGE_ROWS : u.nrows;
	for (size_t i = 0; i < shown; i++) {
		tmpl_dict *row = tmpl_add(d, "USER");
		tmpl_set_int(row, "ID", db_at(&u, i, 0)->i);
		tmpl_set(row, "EMAIL", db_at(&u, i, 1)->s);
		tmpl_set(row, "NAME", db_at(&u, i, 2)->s);
		tmpl_set(row, "ROLE", db_at(&u, i, 3)->s);
		tmpl_set(row, "CREATED", db_at(&u, i, 4)->s);
		tmpl_set(row, "STATE", db_at(&u, i, 5)->i ? "suspended" : "active");
	}
	if (shown == 0)
		tmpl_show(d, "NONE");
	if (page > 1)
		tmpl_set(tmpl_add(d, "PREV"), "HREF", page_href(r, q, role, state, page - 1));
	if (u.nrows > ADMIN_PAGE_ROWS && page < ADMIN_MAX_PAGE)
		tmpl_set(tmpl_add(d, "NEXT"), "HREF", page_href(r, q, role, state, page + 1));
	layout_end(r, 200);
	return REQ_DONE;
}
