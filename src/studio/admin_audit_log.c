/* admin_audit_log.c: "/admin/audit" — the admin audit log, newest first, filtered by action,
 * actor, target and period, a page at a time. */
#include <string.h>
#include "domain/commerce/pay_form.h"
#include "web/layout.h"
#include "studio/admin.h"

/* Each filter is off when its parameter is '' (or 0 for ids). The period is whole UTC days. */
static const struct db_stmt q_log = {
	"SELECT a.id, a.created_at, a.actor_user_id, COALESCE(u.email, ''), a.action, a.target_kind, a.target_id,"
	" a.reason, a.address_prefix FROM admin_audit a LEFT JOIN users u ON u.id = a.actor_user_id"
	" WHERE (? = '' OR a.action = ?) AND (? = '' OR u.email = ?) AND (? = '' OR a.target_kind = ?)"
	" AND (? = 0 OR a.target_id = ?) AND (? = '' OR a.created_at >= ?)"
	" AND (? = '' OR a.created_at < ? + INTERVAL 1 DAY)"
	" ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?", "ssssssiissssii", "isisssiss" };
/* What the action filter offers: every action written so far. */
static const struct db_stmt q_actions = {
	"SELECT DISTINCT action FROM admin_audit ORDER BY action LIMIT 100", "", "s" };

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

int page_admin_audit(struct req *r)
{
	const char *action = or_empty(req_query(r, "action")), *actor = or_empty(req_query(r, "actor"));
	const char *kind = or_empty(req_query(r, "kind"));
	const char *from = or_empty(req_query(r, "from")), *to = or_empty(req_query(r, "to"));
	long long target = req_id(r, "target"), page;
	if (!req_int(r, "page", &page))	/* absent: the dispatcher let no bad value through */
		page = 1;
	struct db_res log, actions;
	enum db_status rc = db_query(r->db, r->arena, &q_log, (struct db_param[]){ DB_S(action), DB_S(action),
		DB_S(actor), DB_S(actor), DB_S(kind), DB_S(kind), DB_I(target), DB_I(target), DB_S(from), DB_S(from),
		DB_S(to), DB_S(to), DB_I(ADMIN_PAGE_ROWS + 1), DB_I((page - 1) * ADMIN_PAGE_ROWS) }, &log);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_actions, NULL, &actions);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = admin_begin(r, "admin_audit.tpl", "Audit log", "/admin/audit");
	for (size_t i = 0; i < actions.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "ACTION_OPTION");
		tmpl_set(o, "VALUE", db_at(&actions, i, 0)->s);
		if (strcmp(action, db_at(&actions, i, 0)->s) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_set(d, "ACTOR", actor);
	tmpl_set(d, "KIND", kind);
	if (target)
		tmpl_set_int(d, "TARGET", target);
	tmpl_set(d, "FROM", from);
	tmpl_set(d, "TO", to);
	size_t shown = log.nrows > ADMIN_PAGE_ROWS ? ADMIN_PAGE_ROWS : log.nrows;
	for (size_t i = 0; i < shown; i++) {
		tmpl_dict *e = tmpl_add(d, "ENTRY");
		tmpl_set_int(e, "ID", db_at(&log, i, 0)->i);
		tmpl_set(e, "AT", db_at(&log, i, 1)->s);
		tmpl_set(e, "BY", *db_at(&log, i, 3)->s ? db_at(&log, i, 3)->s
			 : arena_printf(r->arena, "account #%lld", db_at(&log, i, 2)->i));
		tmpl_set(e, "ACTION", db_at(&log, i, 4)->s);
		const char *k = db_at(&log, i, 5)->s;
		long long tid = db_at(&log, i, 6)->i;
		tmpl_set(e, "TARGET", arena_printf(r->arena, "%s #%lld", k, tid));
		if (strcmp(k, "user") == 0)
			tmpl_set(tmpl_add(e, "USER_LINK"), "HREF", arena_printf(r->arena, "/admin/users/%lld", tid));
		else
			tmpl_show(e, "NO_LINK");
		tmpl_set(e, "REASON", db_at(&log, i, 7)->s);
		tmpl_set(e, "PREFIX", db_at(&log, i, 8)->s);
	}
	if (shown == 0)
		tmpl_show(d, "NONE");
	for (int dir = -1; dir <= 1; dir += 2) {
		long long p = page + dir;
		if (p < 1 || (dir > 0 && (log.nrows <= ADMIN_PAGE_ROWS || p > ADMIN_MAX_PAGE)))
			continue;
		struct buf b;
		buf_init(&b, r->arena, 160);
		pay_form_add(&b, "action", action);
		pay_form_add(&b, "actor", actor);
		pay_form_add(&b, "kind", kind);
		if (target)
			pay_form_add_int(&b, "target", target);
		pay_form_add(&b, "from", from);
		pay_form_add(&b, "to", to);
		pay_form_add_int(&b, "page", p);
		tmpl_set(tmpl_add(d, dir < 0 ? "PREV" : "NEXT"), "HREF", arena_printf(r->arena, "/admin/audit?%s", buf_cstr(&b)));
	}
	layout_end(r, 200);
	return REQ_DONE;
}
