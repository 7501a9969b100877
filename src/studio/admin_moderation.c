/* admin_moderation.c: "/admin/moderation" — shoppers' open reports with the page each names, a
 * take-down form for any storefront, collection, video, ad, live session or lead form, and what
 * is down now with a restore button; the actions go through domain/moderation (audited in the
 * same transaction). */
#include <string.h>
#include "domain/moderation/report.h"
#include "domain/moderation/takedown.h"
#include "lib/utf8.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/admin.h"

/* The page's public address, from the kind and the row it names (the LEFT JOINs match one row at
 * most, by primary key). */
static const struct db_stmt q_reports = {
	"SELECT r.id, r.kind, r.target_id, r.category, r.body, r.created_at,"
	" CASE r.kind WHEN 'storefront' THEN CONCAT('/@', cs.handle)"
	"  WHEN 'collection' THEN CONCAT('/@', cc.handle, '/', co.slug)"
	"  WHEN 'video' THEN CONCAT('/v/', r.target_id) WHEN 'ad' THEN CONCAT('/ad/', ad.slug)"
	"  WHEN 'live' THEN CONCAT('/live/', r.target_id) ELSE CONCAT('/f/', lf.slug) END,"
	" COALESCE(cs.taken_down_at, co.taken_down_at, vi.taken_down_at, ad.taken_down_at, ls.taken_down_at,"
	"  lf.taken_down_at) IS NOT NULL"
	" FROM moderation_reports r"
	" LEFT JOIN creators cs ON r.kind = 'storefront' AND cs.id = r.target_id"
	" LEFT JOIN collections co ON r.kind = 'collection' AND co.id = r.target_id"
	" LEFT JOIN creators cc ON cc.id = co.creator_id"
	" LEFT JOIN videos vi ON r.kind = 'video' AND vi.id = r.target_id"
	" LEFT JOIN ads ad ON r.kind = 'ad' AND ad.id = r.target_id"
	" LEFT JOIN live_sessions ls ON r.kind = 'live' AND ls.id = r.target_id"
	" LEFT JOIN lead_forms lf ON r.kind = 'form' AND lf.id = r.target_id"
	" WHERE r.state = 'open' ORDER BY r.created_at, r.id LIMIT 200", "", "isisssss" };
#define DOWN_ROW(kind, cols, from) \
	"(SELECT '" kind "', x.id, " cols ", x.taken_down_at, x.taken_down_reason FROM " from \
	" WHERE x.taken_down_at IS NOT NULL ORDER BY x.taken_down_at DESC LIMIT 100)"
static const struct db_stmt q_down = {
	DOWN_ROW("storefront", "CONCAT('/@', x.handle)", "creators x")
	" UNION ALL " DOWN_ROW("collection", "CONCAT('/@', c.handle, '/', x.slug)",
			       "collections x JOIN creators c ON c.id = x.creator_id")
	" UNION ALL " DOWN_ROW("video", "CONCAT('/v/', x.id)", "videos x")
	" UNION ALL " DOWN_ROW("ad", "CONCAT('/ad/', x.slug)", "ads x")
	" UNION ALL " DOWN_ROW("live", "CONCAT('/live/', x.id)", "live_sessions x")
	" UNION ALL " DOWN_ROW("form", "CONCAT('/f/', x.slug)", "lead_forms x")
	" ORDER BY 4 DESC LIMIT 100", "", "sisss" };

static const struct { const char *done, *text; } notices[] = {
	{ "taken_down", "Taken down: the public page now answers 410, and the owner sees your reason." },
	{ "restored", "Restored: the page is public again." },
	{ "dismissed", "Report dismissed." },
	{ "unchanged", "Nothing changed: it was already in that state." },
};

static void kind_options(tmpl_dict *d)
{
	for (int k = 0; k < TAKEDOWN__MAX; k++) {
		tmpl_dict *o = tmpl_add(d, "KIND_OPTION");
		tmpl_set(o, "VALUE", takedown_kind_name((enum takedown_kind)k));
		tmpl_set(o, "LABEL", takedown_kind_label((enum takedown_kind)k));
	}
}

static const char *label_of(const char *kind)
{
	enum takedown_kind k;
	return takedown_kind_parse(kind, &k) ? takedown_kind_label(k) : kind;
}

static const char *category_label(const char *name)
{
	for (const struct report_category *c = report_categories; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c->label;
	return name;
}

static int render(struct req *r, int status, const char *error)
{
	struct db_res reports, down;
	enum db_status rc = db_query(r->db, r->arena, &q_reports, NULL, &reports);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_down, NULL, &down);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = admin_begin(r, "admin_moderation.tpl", "Moderation", "/admin/moderation");
	const char *done = req_query(r, "done");
	for (size_t i = 0; done && i < sizeof notices / sizeof notices[0]; i++)
		if (strcmp(done, notices[i].done) == 0)
			tmpl_set(tmpl_add(d, "DONE"), "TEXT", notices[i].text);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	kind_options(d);
	for (size_t i = 0; i < reports.nrows; i++) {
		tmpl_dict *row = tmpl_add(d, "REPORT");
		tmpl_set_int(row, "ID", db_at(&reports, i, 0)->i);
		tmpl_set(row, "KIND", db_at(&reports, i, 1)->s);
		tmpl_set(row, "WHAT", label_of(db_at(&reports, i, 1)->s));
		tmpl_set_int(row, "TARGET", db_at(&reports, i, 2)->i);
		tmpl_set(row, "CATEGORY", category_label(db_at(&reports, i, 3)->s));
		if (*db_at(&reports, i, 4)->s)
			tmpl_set(tmpl_add(row, "BODY"), "TEXT", db_at(&reports, i, 4)->s);
		tmpl_set(row, "AT", db_at(&reports, i, 5)->s);
		/* A page deleted since has no address: the report can only be dismissed. */
		if (!db_at(&reports, i, 6)->null)
			tmpl_set(tmpl_add(row, "PAGE"), "URL", db_at(&reports, i, 6)->s);
		if (db_at(&reports, i, 7)->i)
			tmpl_show(row, "ALREADY_DOWN");
		else if (!db_at(&reports, i, 6)->null)
			tmpl_show(row, "CAN_TAKE_DOWN");
	}
	if (reports.nrows == 0)
		tmpl_show(d, "NO_REPORTS");
	for (size_t i = 0; i < down.nrows; i++) {
		tmpl_dict *row = tmpl_add(d, "DOWN");
		tmpl_set(row, "KIND", db_at(&down, i, 0)->s);
		tmpl_set(row, "WHAT", label_of(db_at(&down, i, 0)->s));
		tmpl_set_int(row, "TARGET", db_at(&down, i, 1)->i);
		tmpl_set(row, "URL", db_at(&down, i, 2)->s);
		tmpl_set(row, "AT", db_at(&down, i, 3)->s);
		tmpl_set(row, "REASON", db_at(&down, i, 4)->s);
	}
	if (down.nrows == 0)
		tmpl_show(d, "NONE_DOWN");
	layout_end(r, status);
	return REQ_DONE;
}

int page_admin_moderation(struct req *r)
{
	return render(r, 200, NULL);
}

static int act(struct req *r, bool restore)
{
	struct takedown_action a = {
		.target_id = req_id(r, "target"), .restore = restore, .reason = req_form(r, "reason"),
		.admin_user_id = r->sess.user_id, .remote_addr = r->remote_addr,
	};
	if (!takedown_kind_parse(req_form(r, "kind"), &a.kind) || a.target_id <= 0)
		return render(r, 422, "Choose what to act on: its kind and its number.");
	if (!restore && (!a.reason || !*a.reason || utf8_len((const uint8_t *)a.reason, strlen(a.reason)) > TAKEDOWN_REASON_MAX))
		return render(r, 422, "Write the reason the owner will read (at most 500 characters).");
	enum takedown_outcome out;
	enum db_status rc = takedown_apply(r->db, r->arena, &a, &out);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (out == TAKEDOWN_NO_SUCH)
		return render(r, 404, arena_printf(r->arena, "There is no %s number %lld.",
						   takedown_kind_label(a.kind), a.target_id));
	response_redirect(r, out == TAKEDOWN_UNCHANGED ? "/admin/moderation?done=unchanged"
			  : restore ? "/admin/moderation?done=restored" : "/admin/moderation?done=taken_down");
	return REQ_DONE;
}

int page_admin_take_down(struct req *r)
{
	return act(r, false);
}

int page_admin_restore(struct req *r)
{
	return act(r, true);
}

int page_admin_report_dismiss(struct req *r)
{
	bool dismissed;
	enum db_status rc = report_dismiss(r->db, req_id(r, "id"), r->sess.user_id, r->remote_addr, &dismissed);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, dismissed ? "/admin/moderation?done=dismissed" : "/admin/moderation?done=unchanged");
	return REQ_DONE;
}
