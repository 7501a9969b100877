/* signup.c: create an account (shopper, creator with a handle, or brand). The user row, its
 * creator or brand row and the mail that asks to confirm the address are written in one
 * transaction. The answer never says whether the address already had an account: both end on the
 * same "check your mail" page, signed in as nobody, and the owner of a taken address is mailed
 * the way back in instead (signup_notice.h). Handles and brand names are public, so a taken one is
 * said at once, checked before the address is, whatever the address. */
#include <ctype.h>
#include <string.h>
#include "web/layout.h"
#include "views/form_errors.h"
#include "db/throttle.h"
#include "domain/accounts/email_verify.h"
#include "domain/accounts/signup_notice.h"
#include "lib/base_url.h"
#include "lib/password.h"
#include "lib/password_policy.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/validate.h"
#include "domain/moderation/brand_approval.h"

static const struct db_stmt q_user = {
	"INSERT INTO users (email, password_hash, display_name, role) VALUES (?, ?, ?, ?)", "ssss", "" };
static const struct db_stmt q_creator = {
	"INSERT INTO creators (user_id, handle, display_name, bio) VALUES (?, ?, ?, '')", "iss", "" };
static const struct db_stmt q_brand = {
	"INSERT INTO brands (slug, name, description, owner_user_id, approved) VALUES (?, ?, '', ?, ?)", "ssii", "" };
static const struct db_stmt q_handle_taken = {
	"SELECT 1 FROM creators WHERE handle = ?", "s", "i" };
static const struct db_stmt q_slug_taken = {
	"SELECT 1 FROM brands WHERE slug = ?", "s", "i" };
/* Sign-up mails per address, so a taken address cannot be flooded with notices through the form. */
static const struct db_stmt q_count = {
	"SELECT COUNT(*) FROM account_mail_requests WHERE subject_hash = ?"
	" AND requested_at > UTC_TIMESTAMP() - INTERVAL 900 SECOND", "b", "i" };
_Static_assert(SIGNUP_NOTICE_WINDOW_S == 900, "q_count spells the window out");
static const struct db_stmt q_record = {
	"INSERT INTO account_mail_requests (subject_hash, requested_at) VALUES (?, UTC_TIMESTAMP())", "b", "" };
static const struct db_stmt q_purge = {
	"DELETE FROM account_mail_requests WHERE requested_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 100", "", "" };
/* Per address only: one network signing many people up (an office, the tests) is not abuse of
 * anyone's mailbox. */
/* Inside the transaction that sends the mail, so a mail is counted exactly when it is queued. Not
 * throttle_record: its purge could deadlock, and a deadlock rolls the whole transaction back under
 * the statements that follow; the purge runs after the commit instead. */
static enum db_status mail_count(struct db *db, const struct throttle *t)
{
	enum db_status rc = db_query(db, NULL, &q_record, (struct db_param[]){ DB_B(t->name, 32) }, NULL);
	return rc == DB_OK ? db_query(db, NULL, &q_record, (struct db_param[]){ DB_B(t->address, 32) }, NULL) : rc;
}

static const struct throttle_kind mail_limit = {
	"signup:", &q_count, &q_record, &q_purge, SIGNUP_NOTICE_PER_EMAIL, 1000000000 };

struct signup {
	const char *email, *hash, *name, *role, *handle, *brand_name;
	char slug[65];
	long long user_id;
	const char *dup_field;	/* which unique value was taken, when the transaction says DB_DUP */
	struct arena *a;
	const char *base;	/* NULL without base_url: no mail, the owner asks again from the studio */
	bool mail;		/* under the per-address limit: send */
	struct throttle t;
};

static void signup_form(struct req *r, int status, const struct form_error *errors, size_t nerrors)
{
	tmpl_dict *d = layout_begin(r, "signup.tpl", "Create your account");
	static const char *const keep[] = { "email", "display_name", "handle", "brand_name" };
	static const char *const keys[] = { "EMAIL", "DISPLAY_NAME", "HANDLE", "BRAND_NAME" };
	for (size_t i = 0; i < 4; i++) {
		const char *v = req_form(r, keep[i]);
		tmpl_set(d, keys[i], v ? v : "");
	}
	const char *role = req_form(r, "role");
	tmpl_show(d, role && strcmp(role, "brand") == 0 ? "ROLE_BRAND" :
		     role && strcmp(role, "shopper") == 0 ? "ROLE_SHOPPER" : "ROLE_CREATOR");
	form_errors_render(d, errors, nerrors);
	layout_end(r, status);
}

int page_signup_form(struct req *r)
{
	signup_form(r, 200, NULL, 0);
	return REQ_DONE;
}

static enum db_status signup_write(struct db *db, void *ctx)
{
	struct signup *s = ctx;
	struct arena *none = NULL;	/* these statements return no rows */
	s->dup_field = "email";
	enum db_status rc = db_query(db, none, &q_user,
				     (struct db_param[]){ DB_S(s->email), DB_S(s->hash), DB_S(s->name), DB_S(s->role) }, NULL);
	if (rc != DB_OK)
		return rc;
	s->user_id = (long long)db_insert_id(db);
	if (strcmp(s->role, "creator") == 0) {
		s->dup_field = "handle";
		rc = db_query(db, none, &q_creator,
			      (struct db_param[]){ DB_I(s->user_id), DB_S(s->handle), DB_S(s->name) }, NULL);
	} else if (strcmp(s->role, "brand") == 0) {
		s->dup_field = "brand_name";
		rc = db_query(db, none, &q_brand,
			      (struct db_param[]){ DB_S(s->slug), DB_S(s->brand_name), DB_I(s->user_id),
					DB_I(!brand_approval_required()) }, NULL);
	}
	if (rc == DB_OK && s->mail)
		rc = mail_count(db, &s->t);
	if (rc == DB_OK && s->mail && s->base)
		rc = email_verify_send(db, s->a, s->user_id, s->email, s->name, EMAIL_VERIFY_SIGNUP, s->base);
	return rc;
}

static enum db_status signup_taken(struct db *db, void *ctx)
{
	struct signup *s = ctx;
	enum db_status rc = mail_count(db, &s->t);
	if (rc == DB_OK && s->base)
		rc = signup_notice_taken(db, s->a, s->email, s->base);
	return rc;
}

/* Whether the public name the account asks for (handle or brand) is already someone's. */
static enum db_status signup_name_taken(struct req *r, const struct signup *s, bool *taken)
{
	bool creator = strcmp(s->role, "creator") == 0;
	*taken = false;
	if (!creator && strcmp(s->role, "brand"))
		return DB_OK;
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, creator ? &q_handle_taken : &q_slug_taken,
				     (struct db_param[]){ DB_S(creator ? s->handle : s->slug) }, &res);
	*taken = rc == DB_OK && res.nrows > 0;
	return rc;
}

int page_signup_sent(struct req *r)
{
	layout_begin(r, "signup_sent.tpl", "Check your mail");
	layout_end(r, 200);
	return REQ_DONE;
}

static const char *field_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

int page_signup(struct req *r)
{
	struct signup s = {
		.email = field_or_empty(r, "email"), .name = field_or_empty(r, "display_name"),
		.role = field_or_empty(r, "role"), .handle = field_or_empty(r, "handle"),
		.brand_name = field_or_empty(r, "brand_name"),
	};
	const char *pw = field_or_empty(r, "password");
	/* Every mistake at once, in the form's order; a role's own field only for that role. */
	struct form_error e[6];
	size_t n = 0;
	const char *problem;
	if (strcmp(s.role, "creator") && strcmp(s.role, "brand") && strcmp(s.role, "shopper"))
		e[n++] = (struct form_error){ "role", "Choose what kind of account you want." };
	if (!validate_email(s.email))
		e[n++] = (struct form_error){ "email", "Enter a valid email address, like name@example.com." };
	if ((problem = password_policy_problem(pw, s.email)))
		e[n++] = (struct form_error){ "password", problem };
	if (!validate_has_text(s.name))
		e[n++] = (struct form_error){ "display_name", "Enter the name people will see." };
	if (strcmp(s.role, "creator") == 0 && (problem = validate_handle(s.handle)))
		e[n++] = (struct form_error){ "handle", problem };
	if (strcmp(s.role, "brand") == 0 && !validate_slugify(s.brand_name, s.slug, sizeof s.slug))
		e[n++] = (struct form_error){ "brand_name", "Enter your brand's name, with at least one letter or digit." };
	if (n) {
		signup_form(r, 422, e, n);
		return REQ_DONE;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (!password_hash(pw, hash)) {
		response_error(r, 500, "Something went wrong on our side. Please try again.");
		return REQ_DONE;
	}
	s.hash = hash;
	s.a = r->arena;
	char base[BASE_URL_MAX];
	s.base = base_url_get(base) ? base : NULL;
	bool taken, over;
	enum db_status rc = signup_name_taken(r, &s, &taken);
	if (rc == DB_OK && !taken) {
		char lower[255];	/* one mailbox, however its address is spelt */
		size_t i = 0;
		for (; s.email[i] && i < sizeof lower - 1; i++)
			lower[i] = (char)tolower((unsigned char)s.email[i]);
		lower[i] = '\0';
		throttle_subjects(&mail_limit, r->secret, lower, r->remote_addr, &s.t);
		rc = throttle_over(r->db, r->arena, &mail_limit, &s.t, &over);
		s.mail = !over;
	}
	if (rc == DB_OK && !taken)
		rc = db_txn(r->db, signup_write, &s);
	if (rc == DB_DUP && strcmp(s.dup_field, "email") == 0)
		rc = s.mail ? db_txn(r->db, signup_taken, &s) : DB_OK;
	else if (rc == DB_DUP || taken) {
		bool handle = strcmp(s.role, "creator") == 0;
		signup_form(r, 409, &(struct form_error){ handle ? "handle" : "brand_name",
			    handle ? "That handle is taken. Please choose another." : "A brand with that name already exists." }, 1);
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	db_best_effort(db_query(r->db, NULL, &q_purge, NULL, NULL));	/* old rows no longer count */
	response_redirect(r, "/signup/sent");
	return REQ_DONE;
}
