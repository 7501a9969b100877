/* login.c: log-in with throttling, Argon2id verification and rehash, session rotation; log-out. */
#include <string.h>
#include "web/layout.h"
#include "db/throttle.h"
#include "lib/password.h"
#include "web/response.h"
#include "web/session.h"
#include "studio/studio.h"

static const struct db_stmt q_user = {
	"SELECT id, password_hash, display_name, role FROM users WHERE email = ?", "s", "isss" };
static const struct db_stmt q_rehash = {
	"UPDATE users SET password_hash = ? WHERE id = ?", "si", "" };
static const struct db_stmt q_failures = {
	"SELECT COUNT(*) FROM login_failures WHERE subject_hash = ?"
	" AND failed_at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE", "b", "i" };
static const struct db_stmt q_fail = {
	"INSERT INTO login_failures (subject_hash, failed_at) VALUES (?, UTC_TIMESTAMP())", "b", "" };
static const struct db_stmt q_forget = {
	"DELETE FROM login_failures WHERE subject_hash = ?", "b", "" };
static const struct db_stmt q_purge = {
	"DELETE FROM login_failures WHERE failed_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 100", "", "" };

/* Failures allowed in 15 minutes before log-in is refused: per account, and per address (more,
 * since many people can share one address). */
static const struct throttle_kind login_throttle = { "", &q_failures, &q_fail, &q_purge, 5, 30 };

static const char *safe_next(const char *next)
{
	return next && next[0] == '/' && next[1] != '/' && next[1] != '\\' ? next : "/studio";
}

static void login_form(struct req *r, int status, const char *error)
{
	tmpl_dict *d = layout_begin(r, "login.tpl", "Log in");
	const char *email = req_form(r, "email"), *next = req_form(r, "next");
	if (!next)
		next = req_query(r, "next");
	tmpl_set(d, "EMAIL", email ? email : "");
	tmpl_set(d, "NEXT", safe_next(next));
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	layout_end(r, status);
}

int page_login_form(struct req *r)
{
	login_form(r, 200, NULL);
	return REQ_DONE;
}

int page_login(struct req *r)
{
	const char *email = req_form(r, "email"), *pw = req_form(r, "password");
	if (!email || !pw || !*email || !*pw) {
		login_form(r, 422, "Enter your email and password.");
		return REQ_DONE;
	}
	struct throttle t;
	throttle_subjects(&login_throttle, r->secret, email, r->remote_addr, &t);
	bool over;
	enum db_status rc = throttle_over(r->db, r->arena, &login_throttle, &t, &over);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (over) {
		response_header(r, "Retry-After", "900");
		login_form(r, 429, "Too many failed attempts. Please wait 15 minutes and try again.");
		return REQ_DONE;
	}
	struct db_res u;
	if ((rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_S(email) }, &u)) != DB_OK)
		return req_db_fail(rc);
	/* Unknown accounts cost the same Argon2id work, so timing does not reveal who has one. */
	static char dummy[crypto_pwhash_STRBYTES];
	if (!dummy[0] && !password_hash("not a real password", dummy))
		abort();
	const char *stored = u.nrows ? db_at(&u, 0, 1)->s : dummy;
	if (!password_verify(stored, pw) || !u.nrows) {
		if ((rc = throttle_record(r->db, &login_throttle, &t)) != DB_OK)
			return req_db_fail(rc);	/* 503 with Retry-After, not an answer to the guess */
		login_form(r, 401, "That email and password do not match an account.");
		return REQ_DONE;
	}
	long long id = db_at(&u, 0, 0)->i;
	char fresh[crypto_pwhash_STRBYTES];
	/* The old hash still verifies; a failed rehash is tried again at the next log-in. */
	if (password_needs_rehash(stored) && password_hash(pw, fresh))
		db_best_effort(db_query(r->db, r->arena, &q_rehash, (struct db_param[]){ DB_S(fresh), DB_I(id) }, NULL));
	/* Failures left behind can only throttle harder, never less, and age out in 15 minutes. */
	db_best_effort(db_query(r->db, r->arena, &q_forget, (struct db_param[]){ DB_B(t.name, 32) }, NULL));
	rc = session_login(r, id, db_at(&u, 0, 2)->s, session_role(db_at(&u, 0, 3)->s));
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, safe_next(req_form(r, "next")));
	return REQ_DONE;
}

int page_logout(struct req *r)
{
	enum db_status rc = session_logout(r);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/");
	return REQ_DONE;
}
