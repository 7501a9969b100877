/* leadform_erase.c: "/leads/erase/{id}/{token}" — the link in a lead's confirmation mail: the GET
 * shows what erasing does and a button (a GET never writes), the POST erases the lead and tells
 * the brand's CRM (lead_erase.h). The token is a MAC of the lead id, so a guessed id is refused. */
#include "domain/leads/lead_erase.h"
#include "domain/leads/lead_link.h"
#include "shop/leadform.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"

static int show(struct req *r, int status, const char *title, const char *text, bool button)
{
	tmpl_dict *d = layout_begin(r, "leadform_erase.tpl", title);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "TEXT", text);
	if (button)
		tmpl_set(tmpl_add(d, "BUTTON"), "ACTION", r->path);
	layout_end(r, status);
	return REQ_DONE;
}

static const char gone[] = "This link is not valid, or your answers were already erased.";

int page_leadform_erase_form(struct req *r)
{
	if (!lead_link_ok(r->secret, LEAD_LINK_ERASE, req_id(r, "id"), req_param(r, "token")))
		return show(r, 404, "Link not valid", gone, false);
	return show(r, 200, "Erase your answers",
		    "Erase them, and the brand no longer has your answers or your email address from this form. "
		    "If it copied them to its own systems, it is told to erase them there too.", true);
}

int page_leadform_erase(struct req *r)
{
	long long id = req_id(r, "id");
	if (!lead_link_ok(r->secret, LEAD_LINK_ERASE, id, req_param(r, "token")))
		return show(r, 404, "Link not valid", gone, false);
	bool found;
	enum db_status rc = lead_erase(r->db, r->arena, 0, id, &found);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!found)
		return show(r, 404, "Already erased", gone, false);
	return show(r, 200, "Your answers are erased", "We erased your answers and your email address from this form.", false);
}
