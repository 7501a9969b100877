/* account_email.c: the account's address. "/login/verify/{token}", the mailed confirmation link
 * (opening it only shows a button, so a mail scanner following links does not use it up; it does
 * not sign in, so it never stands in for a password or a second factor); and on the account page,
 * changing the address (asks the password, like a password change) and having the link sent
 * again, both counted per account and per network so they cannot flood a mailbox. */
#include <stdio.h>
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "db/throttle.h"
#include "domain/accounts/email_verify.h"
#include "domain/accounts/login_throttle.h"
#include "lib/base_url.h"
#include "lib/validate.h"
#include "studio/account.h"

static const struct db_stmt q_count = {
	"SELECT COUNT(*) FROM account_mail_requests WHERE subject_hash = ?"
	" AND requested_at > UTC_TIMESTAMP() - INTERVAL 900 SECOND", "b", "i" };
static const struct db_stmt q_record = {
	"INSERT INTO account_mail_requests (subject_hash, requested_at) VALUES (?, UTC_TIMESTAMP())", "b", "" };
static const struct db_stmt q_purge = {
	"DELETE FROM account_mail_requests WHERE requested_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 100", "", "" };
#define VERIFY_MAILS_PER_ACCOUNT 3	/* confirmation mails one account may ask for in 15 minutes */
#define VERIFY_MAILS_PER_PREFIX 10
/* Inside the transaction that sends the mail, so a mail is counted exactly when it is queued. Not
 * throttle_record: its purge could deadlock, and a deadlock rolls the whole transaction back under
 * the statements that follow; the purge runs after the commit instead. */
static enum db_status mail_count(struct db *db, const struct throttle *t)
{
	enum db_status rc = db_query(db, NULL, &q_record, (struct db_param[]){ DB_B(t->name, 32) }, NULL);
	return rc == DB_OK ? db_query(db, NULL, &q_record, (struct db_param[]){ DB_B(t->address, 32) }, NULL) : rc;
}

static const struct throttle_kind mail_limit = {
	"verify:", &q_count, &q_record, &q_purge, VERIFY_MAILS_PER_ACCOUNT, VERIFY_MAILS_PER_PREFIX };
static const struct db_stmt q_user = {
	"SELECT email, display_name, email_verified_at IS NOT NULL FROM users WHERE id = ?", "i", "ssi" };

enum verify_state { VERIFY_USABLE, VERIFY_DONE, VERIFY_CHANGED, VERIFY_TAKEN, VERIFY_GONE };

static void verify_page(struct req *r, enum verify_state s)
{
	tmpl_dict *d = layout_begin(r, "email_verify.tpl", "Confirm your email address");
	if (s == VERIFY_USABLE)
		tmpl_set(tmpl_add(d, "USABLE"), "TOKEN", req_param(r, "token"));
	else if (s == VERIFY_DONE || s == VERIFY_CHANGED) {
		tmpl_dict *done = tmpl_add(d, "DONE");
		if (s == VERIFY_CHANGED)
			tmpl_show(done, "CHANGED");
	} else
		tmpl_show(d, s == VERIFY_TAKEN ? "TAKEN" : "GONE");
	layout_end(r, s == VERIFY_GONE ? 410 : s == VERIFY_TAKEN ? 409 : 200);
}

int page_verify_open(struct req *r)
{
	long long user_id;
	enum db_status rc = email_verify_peek(r->db, r->arena, req_param(r, "token"), &user_id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	verify_page(r, user_id ? VERIFY_USABLE : VERIFY_GONE);
	return REQ_DONE;
}

struct verify_use {
	struct req *r;
	long long user_id;
	bool changed;
};

static enum db_status verify_use(struct db *db, void *ctx)
{
	struct verify_use *u = ctx;
	return email_verify_use(db, u->r->arena, req_param(u->r, "token"), &u->user_id, &u->changed);
}

int page_verify_use(struct req *r)
{
	struct verify_use u = { .r = r };
	enum db_status rc = db_txn(r->db, verify_use, &u);
	if (rc == DB_DUP) {
		verify_page(r, VERIFY_TAKEN);
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	verify_page(r, !u.user_id ? VERIFY_GONE : u.changed ? VERIFY_CHANGED : VERIFY_DONE);
	return REQ_DONE;
}

struct verify_mail {
	struct req *r;
	const char *to, *name, *base;
	bool change;
	struct throttle t;
};

static enum db_status verify_mail_write(struct db *db, void *ctx)
{
	struct verify_mail *m = ctx;
	enum db_status rc = mail_count(db, &m->t);
	if (rc != DB_OK)
		return rc;
	return m->change ? email_verify_change(db, m->r->arena, m->r->sess.user_id, m->to, m->base)
			 : email_verify_send(db, m->r->arena, m->r->sess.user_id, m->to, m->name, EMAIL_VERIFY_RESEND, m->base);
}

/* Counts and queues the mail; the answer is the account page, with the error beside the email
 * form, or the redirect that says what was sent. */
static int verify_mail(struct req *r, struct verify_mail *m, const char *account_email, const char *done)
{
	char base[BASE_URL_MAX];
	if (!base_url_get(base))
		return account_page(r, 503, ACCOUNT_EMAIL_FORM,
				    "Mail with links is not set up on this site yet (base_url). Please tell its operator.");
	m->base = base;
	throttle_subjects(&mail_limit, r->secret, account_email, r->remote_addr, &m->t);
	bool over;
	enum db_status rc = throttle_over(r->db, r->arena, &mail_limit, &m->t, &over);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (over) {
		response_header(r, "Retry-After", "900");
		return account_page(r, 429, ACCOUNT_EMAIL_FORM,
				    "Too many confirmation mails were asked for. Please try again in 15 minutes.");
	}
	if ((rc = db_txn(r->db, verify_mail_write, m)) != DB_OK)
		return req_db_fail(rc);
	db_best_effort(db_query(r->db, NULL, &q_purge, NULL, NULL));	/* old rows no longer count */
	response_redirect(r, arena_printf(r->arena, "/studio/account?done=%s", done));
	return REQ_DONE;
}

int page_account_verify_resend(struct req *r)
{
	struct db_res u;
	enum db_status rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(r->sess.user_id) }, &u);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (u.nrows == 0)
		return 404;
	if (db_at(&u, 0, 2)->i) {
		response_redirect(r, "/studio/account?done=verified");
		return REQ_DONE;
	}
	struct verify_mail m = { .r = r, .to = db_at(&u, 0, 0)->s, .name = db_at(&u, 0, 1)->s };
	return verify_mail(r, &m, m.to, "verify_sent");
}

int page_account_email(struct req *r)
{
	const char *email = req_str(r, "email");
	if (!email || !*email || req_invalid(r, "email") || !validate_email(email))
		return account_page(r, 422, ACCOUNT_EMAIL_FORM, "Enter a valid email address, like name@example.com.");
	struct login_subject t;
	int answer;
	if (!account_reauth(r, req_str(r, "current_password"), ACCOUNT_EMAIL_FORM, &t, &answer))
		return answer;
	struct db_res u;
	enum db_status rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(r->sess.user_id) }, &u);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (u.nrows == 0)
		return 404;
	if (strcasecmp(db_at(&u, 0, 0)->s, email) == 0)
		return account_page(r, 422, ACCOUNT_EMAIL_FORM, "That is already your account's address.");
	struct verify_mail m = { .r = r, .to = email, .name = db_at(&u, 0, 1)->s, .change = true };
	return verify_mail(r, &m, db_at(&u, 0, 0)->s, "email_sent");
}
