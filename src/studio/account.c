/* account.c: "/studio/account": the signed-in person's password form and sessions list (browser,
 * network prefix, when it began and was last seen), and "sign out everywhere else", which asks
 * for the password again so a stolen session cannot throw its owner out. */
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "domain/accounts/account_credentials.h"
#include "domain/accounts/email_verify.h"
#include "domain/accounts/login_throttle.h"
#include "lib/agent_summary.h"
#include "lib/config.h"
#include "lib/password.h"
#include "studio/account.h"

/* Only sessions still alive by the idle and absolute limits session.c enforces. */
static const struct db_stmt q_sessions = {
	"SELECT token_hash = ?, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i UTC'),"
	" DATE_FORMAT(last_seen_at, '%Y-%m-%d %H:%i UTC'), COALESCE(user_agent, ''), COALESCE(address_prefix, '')"
	" FROM sessions WHERE user_id = ? AND last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
	" AND created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND ORDER BY last_seen_at DESC, created_at DESC LIMIT 50",
	"biii", "issss" };

static const char *done_notice(const char *done)
{
	if (done && strcmp(done, "password") == 0)
		return "Your password was changed. Every other session of the account was signed out.";
	if (done && strcmp(done, "signed_out") == 0)
		return "Every other session of the account was signed out.";
	if (done && strcmp(done, "verify_sent") == 0)
		return "We sent a new confirmation link to your address. It works once, within 48 hours.";
	if (done && strcmp(done, "email_sent") == 0)
		return "We sent a confirmation link to the new address, and told the current one. The account keeps its current address until the link is used.";
	if (done && strcmp(done, "verified") == 0)
		return "Your address is already confirmed.";
	return NULL;
}

static const char *const error_sections[] = {
	[ACCOUNT_PASSWORD_FORM] = "PASSWORD_ERROR", [ACCOUNT_SESSIONS_FORM] = "SESSIONS_ERROR",
	[ACCOUNT_EMAIL_FORM] = "EMAIL_ERROR",
};

/* The address, whether it is confirmed, and the one waiting to replace it. */
static enum db_status account_email_add(struct req *r, tmpl_dict *d)
{
	bool verified;
	const char *email, *pending;
	enum db_status rc = email_verify_state(r->db, r->arena, r->sess.user_id, &email, &verified, &pending);
	if (rc != DB_OK)
		return rc;
	tmpl_set(d, "EMAIL", email);
	tmpl_show(d, verified ? "VERIFIED" : "UNVERIFIED");
	if (*pending)
		tmpl_set(tmpl_add(d, "PENDING"), "PENDING_EMAIL", pending);
	return DB_OK;
}

int account_page(struct req *r, int status, enum account_form form, const char *error)
{
	if (form == ACCOUNT_DELETE_FORM)
		return account_delete_page(r, status, error);
	struct db_res s;
	enum db_status rc = db_query(r->db, r->arena, &q_sessions, (struct db_param[]){
		DB_B(r->sess.hash, 32), DB_I(r->sess.user_id),
		DB_I(config_int("session_idle_seconds", 7 * 86400, 60, 365 * 86400)),
		DB_I(config_int("session_max_seconds", 30 * 86400, 60, 365 * 86400)) }, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_account.tpl", "Your account");
	if ((rc = account_email_add(r, d)) != DB_OK)
		return req_db_fail(rc);
	tmpl_set_int(d, "MIN", PASSWORD_MIN);
	tmpl_set_int(d, "MAX", PASSWORD_MAX);
	const char *notice = error ? NULL : done_notice(req_query(r, "done"));
	if (notice)
		tmpl_set(tmpl_add(d, "NOTICE"), "TEXT", notice);
	if (error)
		tmpl_set(tmpl_add(d, error_sections[form]), "TEXT", error);
	size_t others = 0;
	for (size_t i = 0; i < s.nrows; i++) {
		tmpl_dict *row = tmpl_add(d, "SESSION");
		char agent[AGENT_SUMMARY_TEXT];
		agent_summary(db_at(&s, i, 3)->s, agent);
		tmpl_set(row, "AGENT", agent);
		tmpl_set(row, "CREATED", db_at(&s, i, 1)->s);
		tmpl_set(row, "LAST_SEEN", db_at(&s, i, 2)->s);
		tmpl_set(row, "PREFIX", *db_at(&s, i, 4)->s ? db_at(&s, i, 4)->s : "unknown");
		if (db_at(&s, i, 0)->i)
			tmpl_show(row, "CURRENT");
		else
			others++;
	}
	if (others)
		tmpl_show(d, "OTHERS");
	layout_end(r, status);
	return REQ_DONE;
}

int page_account(struct req *r)
{
	return account_page(r, 200, ACCOUNT_PASSWORD_FORM, NULL);
}

int page_account_end_others(struct req *r)
{
	struct login_subject t;
	int answer;
	if (!account_reauth(r, req_str(r, "current_password"), ACCOUNT_SESSIONS_FORM, &t, &answer))
		return answer;
	enum db_status rc = account_credentials_end_others(r->db, r->sess.user_id, r->sess.hash);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/account?done=signed_out");
	return REQ_DONE;
}
