/* admin_user.c: "/admin/users/{id}" — one account as the admin sees it (role, dates, state, its
 * creator profile or brand, its sessions, the admin actions on it) and the actions: suspend,
 * reinstate and change role, each with a reason and each in the audit log. An admin cannot act
 * on their own account here, so no one locks the last admin out by a slip. */
#include <string.h>
#include "domain/admin/admin_access.h"
#include "domain/admin/admin_account.h"
#include "domain/admin/admin_audit.h"
#include "lib/base_url.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/admin.h"

/* Last sign-in: the newest session's start (sessions end at sign-out or expiry, so this is the
 * newest sign-in still open, or none). */
static const struct db_stmt q_user = {
	"SELECT u.id, u.email, u.display_name, u.role, u.created_at, COALESCE(u.suspended_at, ''),"
	" u.suspended_reason, COALESCE((SELECT MAX(s.created_at) FROM sessions s WHERE s.user_id = u.id), ''),"
	" (SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id), COALESCE(c.handle, ''),"
	" COALESCE(b.slug, ''), COALESCE(b.name, ''), COALESCE(u.email_verified_at, ''),"
	" EXISTS (SELECT 1 FROM account_totp t WHERE t.user_id = u.id AND t.enabled_at IS NOT NULL)"
	" FROM users u LEFT JOIN creators c ON c.user_id = u.id"
	" LEFT JOIN brands b ON b.id = (SELECT MIN(b2.id) FROM brands b2 WHERE b2.owner_user_id = u.id)"
	" WHERE u.id = ?", "i", "isssssssissssi" };
static const struct db_stmt q_history = {
	"SELECT a.created_at, COALESCE(u.email, CONCAT('account #', a.actor_user_id)), a.action, a.reason"
	" FROM admin_audit a LEFT JOIN users u ON u.id = a.actor_user_id"
	" WHERE a.target_kind = 'user' AND a.target_id = ? ORDER BY a.created_at DESC, a.id DESC LIMIT 20",
	"i", "ssss" };

static const char *const roles[] = { "shopper", "creator", "brand", "admin" };

/* The page, with a notice after an action or an error beside the form that failed. */
static int user_page(struct req *r, int status, const char *error)
{
	long long id = req_id(r, "id");
	struct db_res u, h;
	enum db_status rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(id) }, &u);
	if (rc == DB_OK && u.nrows)
		rc = db_query(r->db, r->arena, &q_history, (struct db_param[]){ DB_I(id) }, &h);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (u.nrows == 0)
		return 404;
	const char *email = db_at(&u, 0, 1)->s, *role = db_at(&u, 0, 3)->s;
	tmpl_dict *d = admin_begin(r, "admin_user.tpl", email, "/admin/users");
	tmpl_set_int(d, "ID", id);
	tmpl_set(d, "EMAIL", email);
	tmpl_set(d, "NAME", db_at(&u, 0, 2)->s);
	tmpl_set(d, "ROLE", role);
	tmpl_set(d, "CREATED", db_at(&u, 0, 4)->s);
	tmpl_set(d, "LAST_SIGN_IN", *db_at(&u, 0, 7)->s ? db_at(&u, 0, 7)->s : "no open session");
	tmpl_set_int(d, "SESSIONS", db_at(&u, 0, 8)->i);
	if (*db_at(&u, 0, 9)->s)
		tmpl_set(tmpl_add(d, "CREATOR"), "HANDLE", db_at(&u, 0, 9)->s);
	if (*db_at(&u, 0, 10)->s) {
		tmpl_dict *b = tmpl_add(d, "BRAND");
		tmpl_set(b, "SLUG", db_at(&u, 0, 10)->s);
		tmpl_set(b, "NAME", db_at(&u, 0, 11)->s);
	}
	if (*db_at(&u, 0, 12)->s)
		tmpl_set(tmpl_add(d, "VERIFIED"), "AT", db_at(&u, 0, 12)->s);
	else
		tmpl_show(d, "UNVERIFIED");
	bool two_step = db_at(&u, 0, 13)->i != 0;
	tmpl_show(d, two_step ? "TWO_STEP_ON" : "TWO_STEP_OFF");
	bool suspended = *db_at(&u, 0, 5)->s, self = id == r->sess.user_id;
	if (suspended) {
		tmpl_dict *s = tmpl_add(d, "SUSPENDED");
		tmpl_set(s, "AT", db_at(&u, 0, 5)->s);
		tmpl_set(s, "REASON", db_at(&u, 0, 6)->s);
	} else {
		tmpl_show(d, "ACTIVE");
	}
	if (self) {
		tmpl_show(d, "SELF");
	} else {
		tmpl_dict *act = tmpl_add(d, "ACTIONS");
		tmpl_set_int(act, "ID", id);
		tmpl_show(act, suspended ? "CAN_REINSTATE" : "CAN_SUSPEND");
		if (!*db_at(&u, 0, 12)->s)
			tmpl_show(act, "CAN_RESEND");
		if (two_step)
			tmpl_show(act, "CAN_TWO_STEP_OFF");
		for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
			tmpl_dict *o = tmpl_add(act, "ROLE_OPTION");
			tmpl_set(o, "VALUE", roles[i]);
			if (strcmp(role, roles[i]) == 0)
				tmpl_show(o, "SELECTED");
		}
	}
	const char *done = req_query(r, "done");
	if (done && !error)
		tmpl_set(tmpl_add(d, "DONE"), "TEXT", strcmp(done, "suspended") == 0
			 ? "Suspended: the account's sessions have ended and its public pages are gone."
			 : strcmp(done, "reinstated") == 0 ? "Reinstated: the account can sign in again and its pages are back."
			 : strcmp(done, "role") == 0 ? "Role changed."
			 : strcmp(done, "verification") == 0 ? "A new verification link was mailed to the account's address."
			 : strcmp(done, "two_step_off") == 0 ? "Two-step sign-in is off; the owner was told by mail."
			 : "Nothing to change.");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	for (size_t i = 0; i < h.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "HISTORY");
		tmpl_set(e, "AT", db_at(&h, i, 0)->s);
		tmpl_set(e, "BY", db_at(&h, i, 1)->s);
		tmpl_set(e, "ACTION", db_at(&h, i, 2)->s);
		tmpl_set(e, "REASON", db_at(&h, i, 3)->s);
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_admin_user(struct req *r)
{
	return user_page(r, 200, NULL);
}

/* The reason typed, trimmed of the blanks around it; "" when none. */
static const char *reason_of(struct req *r)
{
	const char *s = req_form(r, "reason");
	if (!s)
		return "";
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return arena_strndup(r->arena, s, n);
}

/* After an action: back to the page (POST, redirect, GET), saying what happened. */
static int after(struct req *r, enum db_status rc, bool changed, const char *done)
{
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/admin/users/%lld?done=%s", req_id(r, "id"),
					  changed ? done : "unchanged"));
	return REQ_DONE;
}

int page_admin_user_suspend(struct req *r)
{
	long long id = req_id(r, "id");
	const char *reason = reason_of(r);
	if (id == r->sess.user_id)
		return user_page(r, 403, "You cannot suspend your own account.");
	if (!*reason)
		return user_page(r, 422, "Say why the account is suspended: the reason goes into the audit log.");
	bool changed;
	enum db_status rc = admin_account_suspend(r->db, &(struct admin_actor){ r->sess.user_id, r->remote_addr },
						  id, reason, &changed);
	return after(r, rc, changed, "suspended");
}

int page_admin_user_reinstate(struct req *r)
{
	long long id = req_id(r, "id");
	const char *reason = reason_of(r);
	if (id == r->sess.user_id)
		return user_page(r, 403, "You cannot reinstate your own account.");
	if (!*reason)
		return user_page(r, 422, "Say why the account is reinstated: the reason goes into the audit log.");
	bool changed;
	enum db_status rc = admin_account_reinstate(r->db, &(struct admin_actor){ r->sess.user_id, r->remote_addr },
						    id, reason, &changed);
	return after(r, rc, changed, "reinstated");
}

int page_admin_user_role(struct req *r)
{
	long long id = req_id(r, "id");
	if (id == r->sess.user_id)
		return user_page(r, 403, "You cannot change the role of your own account.");
	bool changed;
	enum db_status rc = admin_account_set_role(r->db, r->arena, &(struct admin_actor){ r->sess.user_id, r->remote_addr },
						   id, req_form(r, "role"), reason_of(r), &changed);
	return after(r, rc, changed, "role");
}

int page_admin_user_resend_verification(struct req *r)
{
	long long id = req_id(r, "id");
	char base[BASE_URL_MAX];
	if (!base_url_get(base))
		return user_page(r, 503, "Mail with links is not set up on this site yet (base_url in the configuration).");
	bool changed;
	enum db_status rc = admin_access_resend_verification(r->db, r->arena,
		&(struct admin_actor){ r->sess.user_id, r->remote_addr }, id, base, &changed);
	return after(r, rc, changed, "verification");
}

int page_admin_user_two_step_off(struct req *r)
{
	long long id = req_id(r, "id");
	const char *reason = reason_of(r);
	if (id == r->sess.user_id)
		return user_page(r, 403, "Turn off your own two-step sign-in on your account page.");
	if (!*reason)
		return user_page(r, 422, "Say how the owner proved who they are: the reason goes into the audit log.");
	bool changed;
	enum db_status rc = admin_access_two_step_off(r->db, r->arena,
		&(struct admin_actor){ r->sess.user_id, r->remote_addr }, id, reason, &changed);
	return after(r, rc, changed, "two_step_off");
}
