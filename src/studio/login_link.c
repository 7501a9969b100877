/* login_link.c: "/login/link/{token}", the emailed sign-in link. Opening it only shows a button
 * (a mail scanner that follows links must not use it up); the button's POST uses the token and
 * signs in, whatever the password throttle says: holding the mailbox is the proof. Other sites
 * learn only our origin from a Referer (the global strict-origin-when-cross-origin), and the
 * request log shows the route, not the token (dispatch.c). */
#include "web/layout.h"
#include "web/response.h"
#include "web/session.h"
#include "domain/accounts/account_token.h"
#include "studio/account.h"
#include "studio/two_step.h"
#include "domain/accounts/sign_in_network.h"

static const struct db_stmt q_user = {
	"SELECT display_name, role FROM users WHERE id = ? AND suspended_at IS NULL", "i", "ss" };

/* The page, with the button while the link is usable; 410 once it is not. */
static void link_page(struct req *r, bool usable)
{
	tmpl_dict *d = layout_begin(r, "login_link.tpl", "Sign in by link");
	if (usable)
		tmpl_set(tmpl_add(d, "USABLE"), "TOKEN", req_param(r, "token"));
	else
		tmpl_show(d, "GONE");
	layout_end(r, usable ? 200 : 410);
}

int page_login_link_open(struct req *r)
{
	long long user_id;
	enum db_status rc = account_token_peek(r->db, r->arena, req_param(r, "token"), ACCOUNT_TOKEN_SIGN_IN, &user_id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	link_page(r, user_id != 0);
	return REQ_DONE;
}

struct link_use {
	struct req *r;
	long long user_id;
	struct db_res user;
};

static enum db_status link_use(struct db *db, void *ctx)
{
	struct link_use *u = ctx;
	enum db_status rc = account_token_use(db, u->r->arena, req_param(u->r, "token"), ACCOUNT_TOKEN_SIGN_IN, &u->user_id);
	if (rc != DB_OK || !u->user_id)
		return rc;
	return db_query(db, u->r->arena, &q_user, (struct db_param[]){ DB_I(u->user_id) }, &u->user);
}

int page_login_link_use(struct req *r)
{
	struct link_use u = { .r = r };
	enum db_status rc = db_txn(r->db, link_use, &u);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!u.user_id || u.user.nrows == 0) {
		link_page(r, false);
		return REQ_DONE;
	}
	/* The link stands for the password, never for the second factor. */
	int answer;
	if (login_code_needed(r, u.user_id, true, "/studio", &answer))
		return answer;
	rc = session_login(r, u.user_id, db_at(&u.user, 0, 0)->s, session_role(db_at(&u.user, 0, 1)->s));
	if (rc == DB_OK)
		rc = sign_in_network_note(r->db, r->arena, u.user_id, r->remote_addr, req_env(r, "HTTP_USER_AGENT"));
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio");
	return REQ_DONE;
}
