/* report_page.c: "/report/{kind}/{id}" — "Report this page" on a storefront, collection, video, ad,
 * live session or lead form: a reason and a few words, anonymous or signed in, queued for the
 * admin at /admin/moderation. The page's own address is not taken from the form: the kind and id
 * name it, so a report cannot point the admin at another site. */
#include <string.h>
#include "domain/moderation/report.h"
#include "shop/abuse_guard.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"

/* A shopper reports a page or two; a flood from one place is someone filling the queue. */
#define REPORT_BUDGET \
	{ ABUSE_LIMIT_SESSION, 5, 3600 }, { ABUSE_LIMIT_HOST, 10, 3600 }, { ABUSE_LIMIT_NETWORK, 40, 3600 }

static int form(struct req *r, enum takedown_kind kind, int status, const char *error)
{
	const char *label = takedown_kind_label(kind);
	tmpl_dict *d = layout_begin(r, "report.tpl", "Report this page");
	tmpl_set(d, "WHAT", label);
	tmpl_set(d, "ACTION", arena_printf(r->arena, "/report/%s/%lld", takedown_kind_name(kind), req_id(r, "id")));
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	const char *chosen = req_form(r, "category");
	for (const struct report_category *c = report_categories; c->name; c++) {
		tmpl_dict *o = tmpl_add(d, "CATEGORY");
		tmpl_set(o, "NAME", c->name);
		tmpl_set(o, "LABEL", c->label);
		if (chosen && strcmp(chosen, c->name) == 0)
			tmpl_show(o, "CHECKED");
	}
	tmpl_set(d, "BODY", req_form(r, "body") ? req_form(r, "body") : "");
	layout_end(r, status);
	return REQ_DONE;
}

void report_page_link(struct req *r, tmpl_dict *page, enum takedown_kind kind, long long id)
{
	tmpl_dict *link = tmpl_include(page, "REPORT", "report_link.tpl");
	tmpl_set(link, "URL", arena_printf(r->arena, "/report/%s/%lld", takedown_kind_name(kind), id));
}

static bool kind_of(struct req *r, enum takedown_kind *kind)
{
	if (takedown_kind_parse(req_param(r, "kind"), kind))
		return true;
	response_error(r, 404, "There is no such page to report.");
	return false;
}

int page_report_form(struct req *r)
{
	enum takedown_kind kind;
	if (!kind_of(r, &kind))
		return REQ_DONE;
	return form(r, kind, 200, NULL);
}

int page_report(struct req *r)
{
	enum takedown_kind kind;
	if (!kind_of(r, &kind))
		return REQ_DONE;
	const char *category = req_form(r, "category"), *body = req_form(r, "body");
	if (!report_category_known(category))
		return form(r, kind, 422, "Choose what is wrong with the page.");
	const char *wait;
	enum db_status rc = abuse_guard_take(r, "report", ABUSE_GUARD_RULES(REPORT_BUDGET), NULL, NULL, &wait);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (wait)
		return form(r, kind, 429, arena_printf(r->arena, "Too many reports from your network right now. %s", wait));
	enum report_outcome out;
	rc = report_file(r->db, r->arena, kind, req_id(r, "id"), category, body ? body : "", r->sess.user_id, &out);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (out == REPORT_NO_SUCH) {
		response_error(r, 404, "There is no such page to report, or it is no longer public.");
		return REQ_DONE;
	}
	tmpl_dict *d = layout_begin(r, "report_thanks.tpl", "Thank you");
	tmpl_set(d, "WHAT", takedown_kind_label(kind));
	layout_end(r, 201);
	return REQ_DONE;
}
