/* signup.c: create an account (shopper, creator with a handle, or brand) and sign it in. The
 * user row and its creator or brand row are written in one transaction. */
#include <string.h>
#include "web/layout.h"
#include "lib/password.h"
#include "lib/password_policy.h"
#include "web/response.h"
#include "web/session.h"
#include "studio/studio.h"
#include "lib/validate.h"
#include "domain/moderation/brand_approval.h"

static const struct db_stmt q_user = {
	"INSERT INTO users (email, password_hash, display_name, role) VALUES (?, ?, ?, ?)", "ssss", "" };
static const struct db_stmt q_creator = {
	"INSERT INTO creators (user_id, handle, display_name, bio) VALUES (?, ?, ?, '')", "iss", "" };
static const struct db_stmt q_brand = {
	"INSERT INTO brands (slug, name, description, owner_user_id, approved) VALUES (?, ?, '', ?, ?)", "ssii", "" };

struct signup {
	const char *email, *hash, *name, *role, *handle, *brand_name;
	char slug[65];
	long long user_id;
	const char *dup_field;	/* which unique value was taken, when the transaction says DB_DUP */
};

static void signup_form(struct req *r, int status, const char *field, const char *error)
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
	if (error) {
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
		/* The message also sits beside its field, and the field is marked invalid. */
		char section[40];
		snprintf(section, sizeof section, "ERR_%s", field);
		for (char *p = section; *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		tmpl_set(tmpl_add(d, section), "TEXT", error);
	}
	layout_end(r, status);
}

int page_signup_form(struct req *r)
{
	signup_form(r, 200, NULL, NULL);
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
		return db_query(db, none, &q_creator,
				(struct db_param[]){ DB_I(s->user_id), DB_S(s->handle), DB_S(s->name) }, NULL);
	}
	if (strcmp(s->role, "brand") == 0) {
		s->dup_field = "brand_name";
		return db_query(db, none, &q_brand,
				(struct db_param[]){ DB_S(s->slug), DB_S(s->brand_name), DB_I(s->user_id),
					DB_I(!brand_approval_required()) }, NULL);
	}
	return DB_OK;
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
	const char *field = NULL, *problem = NULL;
	if (strcmp(s.role, "creator") && strcmp(s.role, "brand") && strcmp(s.role, "shopper"))
		field = "role", problem = "Choose what kind of account you want.";
	else if (!validate_email(s.email))
		field = "email", problem = "Enter a valid email address, like name@example.com.";
	else if ((problem = password_policy_problem(pw, s.email)))
		field = "password";
	else if (!validate_has_text(s.name))
		field = "display_name", problem = "Enter the name people will see.";
	else if (strcmp(s.role, "creator") == 0 && (problem = validate_handle(s.handle)))
		field = "handle";
	else if (strcmp(s.role, "brand") == 0 && !validate_slugify(s.brand_name, s.slug, sizeof s.slug))
		field = "brand_name", problem = "Enter your brand's name, with at least one letter or digit.";
	if (problem) {
		signup_form(r, 422, field, problem);
		return REQ_DONE;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (!password_hash(pw, hash)) {
		response_error(r, 500, "Something went wrong on our side. Please try again.");
		return REQ_DONE;
	}
	s.hash = hash;
	enum db_status rc = db_txn(r->db, signup_write, &s);
	if (rc == DB_DUP) {
		const char *msg = strcmp(s.dup_field, "email") == 0 ? "An account with that email already exists. Log in instead?"
				  : strcmp(s.dup_field, "handle") == 0 ? "That handle is taken. Please choose another."
				  : "A brand with that name already exists.";
		signup_form(r, 409, s.dup_field, msg);
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = session_login(r, s.user_id, s.name, session_role(s.role));
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio");
	return REQ_DONE;
}
