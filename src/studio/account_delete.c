/* account_delete.c: "/studio/account/delete": the page that says what deleting takes and what it
 * keeps, and the deletion itself, which asks the password again. The user row is not removed: orders
 * and brands' ledgers point at it and at the creator row, so both stay with every personal field
 * replaced ("deleted creator #12"), the storefront becomes unreachable and the sessions end in
 * the same transaction. A brand account is closed by the operator, not here: its catalog, orders
 * and creators' earnings are other people's business too. */
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "web/session.h"
#include "domain/accounts/account_token.h"
#include "domain/accounts/login_throttle.h"
#include "studio/account.h"

static const struct db_stmt q_who = {
	"SELECT u.role, COALESCE(c.id, 0), COALESCE(c.handle, '') FROM users u"
	" LEFT JOIN creators c ON c.user_id = u.id WHERE u.id = ? AND u.deleted_at IS NULL", "i", "sis" };
/* A handle holding "/" matches no "/@{handle}" path (the router refuses a decoded "/"), so the
 * storefront, its collections and lead-form links are gone without a condition in their queries. */
static const struct db_stmt q_creator = {
	"UPDATE creators SET handle = CONCAT('deleted/', id), display_name = CONCAT('deleted creator #', id),"
	" bio = '', avatar_url = '', featured = 0 WHERE id = ?", "i", "" };
static const struct db_stmt q_picks = { "DELETE FROM picks WHERE creator_id = ?", "i", "" };
static const struct db_stmt q_collections = { "UPDATE collections SET published = 0 WHERE creator_id = ?", "i", "" };
static const struct db_stmt q_links = { "DELETE FROM creator_links WHERE creator_id = ?", "i", "" };
static const struct db_stmt q_details = { "DELETE FROM creator_payout_details WHERE creator_id = ?", "i", "" };
static const struct db_stmt q_followers = { "DELETE FROM creator_follows WHERE creator_id = ?", "i", "" };
static const struct db_stmt q_follows = { "DELETE FROM creator_follows WHERE user_id = ?", "i", "" };
static const struct db_stmt q_saved = { "DELETE FROM saved_products WHERE user_id = ?", "i", "" };
static const struct db_stmt q_sessions = { "DELETE FROM sessions WHERE user_id = ?", "i", "" };
static const struct db_stmt q_networks = { "DELETE FROM account_networks WHERE user_id = ?", "i", "" };
/* A member leaves the brand's team (leads assigned to them keep showing the anonymised name). */
static const struct db_stmt q_team = { "DELETE FROM brand_members WHERE user_id = ?", "i", "" };
/* "!" is no Argon2id hash: no password verifies against it. The address is unique and can never
 * receive mail (.invalid, RFC 2606). */
static const struct db_stmt q_user = {
	"UPDATE users SET email = CONCAT('deleted-', id, '@deleted.invalid'), display_name = CONCAT('deleted account #', id),"
	" password_hash = '!deleted', pending_email = NULL, email_verified_at = NULL, deleted_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND deleted_at IS NULL", "i", "" };

int account_delete_page(struct req *r, int status, const char *error)
{
	struct db_res who;
	enum db_status rc = db_query(r->db, r->arena, &q_who, (struct db_param[]){ DB_I(r->sess.user_id) }, &who);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (who.nrows == 0)
		return 404;
	tmpl_dict *d = layout_begin(r, "studio_account_delete.tpl", "Delete your account");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (strcmp(db_at(&who, 0, 0)->s, "brand") == 0)
		tmpl_show(d, "BRAND");
	else {
		tmpl_dict *ok = tmpl_add(d, "ALLOWED");
		if (db_at(&who, 0, 1)->i) {
			tmpl_dict *c = tmpl_add(ok, "CREATOR");
			tmpl_set(c, "HANDLE", db_at(&who, 0, 2)->s);
			tmpl_set_int(c, "CREATOR_ID", db_at(&who, 0, 1)->i);
		}
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_account_delete_form(struct req *r)
{
	return account_delete_page(r, 200, NULL);
}

struct erase {
	long long user_id, creator_id;
};

static enum db_status erase_write(struct db *db, void *ctx)
{
	struct erase *e = ctx;
	struct db_param creator[] = { DB_I(e->creator_id) }, user[] = { DB_I(e->user_id) };
	enum db_status rc = DB_OK;
	if (e->creator_id) {
		const struct db_stmt *const each[] = { &q_creator, &q_picks, &q_collections, &q_links, &q_details,
							 &q_followers };
		for (size_t i = 0; rc == DB_OK && i < sizeof each / sizeof each[0]; i++)
			rc = db_query(db, NULL, each[i], creator, NULL);
	}
	const struct db_stmt *const mine[] = { &q_follows, &q_saved, &q_sessions, &q_networks, &q_team, &q_user };
	for (size_t i = 0; rc == DB_OK && i < sizeof mine / sizeof mine[0]; i++)
		rc = db_query(db, NULL, mine[i], user, NULL);
	if (rc == DB_OK)
		rc = account_token_void_all(db, e->user_id);
	return rc;
}

int page_account_delete(struct req *r)
{
	struct db_res who;
	enum db_status rc = db_query(r->db, r->arena, &q_who, (struct db_param[]){ DB_I(r->sess.user_id) }, &who);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (who.nrows == 0)
		return 404;
	if (strcmp(db_at(&who, 0, 0)->s, "brand") == 0)
		return account_delete_page(r, 409, "A brand account is closed by the site's operator.");
	struct login_subject t;
	int answer;
	if (!account_reauth(r, req_str(r, "current_password"), ACCOUNT_DELETE_FORM, &t, &answer))
		return answer;
	struct erase e = { r->sess.user_id, db_at(&who, 0, 1)->i };
	if ((rc = db_txn(r->db, erase_write, &e)) != DB_OK)
		return req_db_fail(rc);
	login_throttle_forget_account(r->db, &t);
	/* The session row is gone already; this forgets it in the request and clears the cookie. */
	if ((rc = session_logout(r)) != DB_OK)
		return req_db_fail(rc);
	layout_begin(r, "account_deleted.tpl", "Your account is deleted");
	layout_end(r, 200);
	return REQ_DONE;
}
