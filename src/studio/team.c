/* team.c: "/studio/team" — the brand owner invites members by email, sees the open invitations
 * and the members, and removes them. Owner only (NEED_BRAND without NEED_TEAM): a member cannot
 * change the team. */
#include <string.h>
#include "domain/accounts/brand_team.h"
#include "lib/base_url.h"
#include "lib/validate.h"
#include "studio/team.h"
#include "views/form_errors.h"
#include "web/layout.h"
#include "web/response.h"

/* The page, with an error beside the invitation's address (NULL for none) and its value kept. */
static int team_page(struct req *r, int status, const char *error)
{
	struct db_res team, invites;
	enum db_status rc = brand_team_list(r->db, r->arena, r->brand->id, &team);
	if (rc == DB_OK)
		rc = brand_team_invites(r->db, r->arena, r->brand->id, &invites);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_team.tpl", "Team");
	tmpl_set(d, "BRAND", r->brand->name);
	for (size_t i = 0; i < team.nrows; i++) {
		tmpl_dict *m = tmpl_add(d, "MEMBER");
		tmpl_set_int(m, "ID", db_at(&team, i, 0)->i);
		tmpl_set(m, "NAME", db_at(&team, i, 1)->s);
		tmpl_set(m, "EMAIL", db_at(&team, i, 2)->s);
		if (db_at(&team, i, 3)->i) {
			tmpl_show(m, "OWNER");
		} else {
			tmpl_set(tmpl_add(m, "REMOVABLE"), "ADDED", db_at(&team, i, 4)->s);
		}
	}
	for (size_t i = 0; i < invites.nrows; i++) {
		tmpl_dict *x = tmpl_add(d, "INVITE");
		tmpl_set_int(x, "ID", db_at(&invites, i, 0)->i);
		tmpl_set(x, "EMAIL", db_at(&invites, i, 1)->s);
		tmpl_set(x, "EXPIRES", db_at(&invites, i, 2)->s);
	}
	if (invites.nrows == 0)
		tmpl_show(d, "NO_INVITES");
	const char *done = req_query(r, "done");
	if (done && strcmp(done, "invited") == 0)
		tmpl_show(d, "INVITED");
	else if (done && strcmp(done, "removed") == 0)
		tmpl_show(d, "REMOVED");
	if (error) {
		const char *email = req_form(r, "email");
		tmpl_set(d, "EMAIL", email ? email : "");
		form_errors_render(d, (struct form_error[]){ { "email", error } }, 1);
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_team(struct req *r)
{
	return team_page(r, 200, NULL);
}

struct invite {
	struct req *r;
	const char *email, *base;
	enum brand_team_invite_result result;
};

static enum db_status invite(struct db *db, void *ctx)
{
	struct invite *v = ctx;
	const char *inviter = v->r->sess.user_name && *v->r->sess.user_name ? v->r->sess.user_name : v->r->brand->name;
	return brand_team_invite(db, v->r->arena, v->r->brand->id, v->r->brand->name, inviter, v->email, v->base,
				 &v->result);
}

int page_team_invite(struct req *r)
{
	const char *email = req_form(r, "email");
	if (req_invalid(r, "email") || !email || !validate_email(email))
		return team_page(r, 422, "Enter the address to invite, like name@example.com.");
	char base[BASE_URL_MAX];
	if (!base_url_get(base))
		return team_page(r, 503, "Mail with links is not set up on this site yet (base_url). Please tell its operator.");
	struct invite v = { .r = r, .email = email, .base = base };
	enum db_status rc = db_txn(r->db, invite, &v);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (v.result == BRAND_TEAM_ALREADY_IN)
		return team_page(r, 422, "That address is already in the team.");
	if (v.result == BRAND_TEAM_TOO_MANY)
		return team_page(r, 422, "The team is full (50 members) or 20 invitations are open: cancel one first.");
	response_redirect(r, "/studio/team?done=invited");
	return REQ_DONE;
}

int page_team_invite_cancel(struct req *r)
{
	bool found;
	enum db_status rc = brand_team_invite_cancel(r->db, r->brand->id, req_id(r, "id"), &found);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!found)
		return 404;
	response_redirect(r, "/studio/team");
	return REQ_DONE;
}

struct removal {
	struct req *r;
	long long user_id;
	bool found;
};

static enum db_status removal(struct db *db, void *ctx)
{
	struct removal *m = ctx;
	const char *actor = m->r->sess.user_name && *m->r->sess.user_name ? m->r->sess.user_name : m->r->brand->name;
	return brand_team_remove(db, m->r->arena, m->r->brand->id, m->user_id, actor, &m->found);
}

int page_team_member_remove(struct req *r)
{
	struct removal m = { .r = r, .user_id = req_id(r, "id") };
	enum db_status rc = db_txn(r->db, removal, &m);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!m.found)
		return 404;
	response_redirect(r, "/studio/team?done=removed");
	return REQ_DONE;
}
