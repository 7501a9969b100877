/* team_join.c: "/studio/team/join/{token}", the invitation mailed by the brand owner (team.c).
 * Opening it only reads and shows what it is (a mail scanner following links accepts nothing);
 * the button's POST, signed in with the invited address, makes the account a member. The
 * request log shows the route, not the token (dispatch.c). */
#include <strings.h>
#include "domain/accounts/brand_team.h"
#include "studio/team.h"
#include "web/layout.h"
#include "web/response.h"

static const struct db_stmt q_email = {
	"SELECT email FROM users WHERE id = ?", "i", "s" };

static enum db_status account_email(struct req *r, const char **email)
{
	struct db_res res;
	*email = "";
	enum db_status rc = db_query(r->db, r->arena, &q_email, (struct db_param[]){ DB_I(r->sess.user_id) }, &res);
	if (rc == DB_OK && res.nrows)
		*email = db_at(&res, 0, 0)->s;
	return rc;
}

/* The page in one of its states: `state` a section of the template, with the brand's name and
 * the invited address where known. */
static int join_page(struct req *r, int status, const char *state, const char *brand, const char *invited)
{
	tmpl_dict *d = layout_begin(r, "studio_team_join.tpl", "Join a brand's team");
	tmpl_dict *s = tmpl_add(d, state);
	tmpl_set(s, "BRAND", brand ? brand : "");
	tmpl_set(s, "INVITED", invited ? invited : "");
	tmpl_set(s, "TOKEN", req_param(r, "token"));
	layout_end(r, status);
	return REQ_DONE;
}

int page_team_join_open(struct req *r)
{
	long long brand_id;
	const char *brand = NULL, *invited = NULL, *mine = "";
	enum db_status rc = brand_team_invite_peek(r->db, r->arena, req_param(r, "token"), &brand_id, &brand, &invited);
	if (rc == DB_OK && brand_id && r->sess.user_id)
		rc = account_email(r, &mine);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!brand_id)
		return join_page(r, 410, "GONE", NULL, NULL);
	if (!r->sess.user_id)
		return join_page(r, 200, "SIGN_IN", brand, invited);
	if (strcasecmp(mine, invited) != 0)
		return join_page(r, 403, "OTHER_ADDRESS", brand, invited);
	return join_page(r, 200, "USABLE", brand, invited);
}

struct join {
	struct req *r;
	const char *email;
	enum brand_team_join_result result;
	long long brand_id;
};

static enum db_status join(struct db *db, void *ctx)
{
	struct join *j = ctx;
	return brand_team_join(db, j->r->arena, req_param(j->r, "token"), j->r->sess.user_id, j->email, &j->result,
			       &j->brand_id);
}

int page_team_join(struct req *r)
{
	struct join j = { .r = r };
	enum db_status rc = account_email(r, &j.email);
	if (rc == DB_OK)
		rc = db_txn(r->db, join, &j);
	if (rc != DB_OK)
		return req_db_fail(rc);
	switch (j.result) {
	case BRAND_TEAM_JOINED:
		response_redirect(r, "/studio/leads");
		return REQ_DONE;
	case BRAND_TEAM_JOIN_OTHER_ADDRESS:
		return join_page(r, 403, "OTHER_ADDRESS", NULL, NULL);
	case BRAND_TEAM_JOIN_OWNS_BRAND:
		return join_page(r, 409, "OWNS_BRAND", NULL, NULL);
	case BRAND_TEAM_JOIN_IN_A_TEAM:
		return join_page(r, 409, "IN_A_TEAM", NULL, NULL);
	case BRAND_TEAM_JOIN_UNKNOWN:
		break;
	}
	return join_page(r, 410, "GONE", NULL, NULL);
}
