/* two_step.c: "/studio/account/two-step": setting up a second factor (an authenticator app, by a
 * QR code of the otpauth:// URI, the URI itself or its key typed in), confirmed with a code before
 * it is on, then ten recovery codes shown once; turning it off asks the password and a code. Either
 * change is told to the owner by mail (two_step_change.c turns it off and renews the recovery
 * codes). Offered to every account: it costs nothing more. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "web/layout.h"
#include "web/response.h"
#include "domain/accounts/account_totp.h"
#include "domain/mail/outbox.h"
#include "lib/qr_svg.h"
#include "studio/two_step.h"

static const struct db_stmt q_user = {
	"SELECT email, password_hash FROM users WHERE id = ?", "i", "ss" };

#define TWO_STEP_ISSUER "crowdcart"

/* The label of the otpauth:// URI: unreserved characters and '@' as they are, the rest escaped. */
static const char *uri_label(struct arena *a, const char *email)
{
	size_t n = strlen(email);
	char *out = arena_alloc(a, 3 * n + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)email; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~@", *p))
			*o++ = (char)*p;
		else
			o += snprintf(o, 4, "%%%02X", *p);
	}
	*o = '\0';
	return out;
}

/* What an authenticator app reads (Google's "Key Uri Format", which the common apps follow). */
static const char *key_uri(struct arena *a, const char *email, const char b32[TOTP_BASE32_LEN + 1])
{
	return arena_printf(a, "otpauth://totp/%s:%s?secret=%s&issuer=%s&algorithm=SHA1&digits=%d&period=%d",
			    TWO_STEP_ISSUER, uri_label(a, email), b32, TWO_STEP_ISSUER, TOTP_DIGITS, TOTP_STEP_S);
}

int two_step_page(struct req *r, int status, const char *error, char (*codes)[ACCOUNT_RECOVERY_TEXT + 1])
{
	struct account_totp t;
	struct db_res u;
	enum db_status rc = account_totp_load(r->db, r->arena, r->sess.user_id, &t);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(r->sess.user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0) {
		sodium_memzero(t.secret, sizeof t.secret);
		return rc != DB_OK ? req_db_fail(rc) : 404;
	}
	tmpl_dict *d = layout_begin(r, "two_step.tpl", "Two-step sign-in");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (t.state == ACCOUNT_TOTP_OFF)
		tmpl_show(d, "OFF");
	else if (t.state == ACCOUNT_TOTP_PENDING && t.has_secret) {
		char b32[TOTP_BASE32_LEN + 1], grouped[TOTP_BASE32_LEN + TOTP_BASE32_LEN / 4];
		totp_base32(t.secret, b32);
		size_t o = 0;
		for (size_t i = 0; i < TOTP_BASE32_LEN; i++) {
			if (i && i % 4 == 0)
				grouped[o++] = ' ';
			grouped[o++] = b32[i];
		}
		grouped[o] = '\0';
		tmpl_dict *p = tmpl_add(d, "PENDING");
		tmpl_set(p, "SECRET", grouped);
		tmpl_set(p, "URI", key_uri(r->arena, db_at(&u, 0, 0)->s, b32));
		sodium_memzero(b32, sizeof b32);
		sodium_memzero(grouped, sizeof grouped);
	} else if (t.state == ACCOUNT_TOTP_PENDING)
		tmpl_show(d, "OFF");	/* sealed under another secret_key: start again */
	else {
		tmpl_dict *on = tmpl_add(d, "ON");
		tmpl_set_int(on, "LEFT", t.recovery_left);
		if (t.recovery_left <= 2)
			tmpl_show(on, "FEW");
	}
	sodium_memzero(t.secret, sizeof t.secret);
	for (size_t i = 0; codes && i < ACCOUNT_RECOVERY_COUNT; i++)
		tmpl_set(tmpl_add(d, "CODE"), "TEXT", codes[i]);
	if (codes)
		tmpl_show(d, "CODES");
	layout_end(r, status);
	return REQ_DONE;
}

int page_two_step(struct req *r)
{
	return two_step_page(r, 200, NULL, NULL);
}

/* The QR code of a set-up not yet confirmed; 404 otherwise (an authenticator on is never shown
 * again). An image of its own, so no template has to emit markup it did not escape. */
int page_two_step_qr(struct req *r)
{
	struct account_totp t;
	struct db_res u;
	enum db_status rc = account_totp_load(r->db, r->arena, r->sess.user_id, &t);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_user, (struct db_param[]){ DB_I(r->sess.user_id) }, &u);
	if (rc != DB_OK) {
		sodium_memzero(t.secret, sizeof t.secret);
		return req_db_fail(rc);
	}
	if (u.nrows == 0 || t.state != ACCOUNT_TOTP_PENDING || !t.has_secret)
		return 404;
	char b32[TOTP_BASE32_LEN + 1];
	totp_base32(t.secret, b32);
	sodium_memzero(t.secret, sizeof t.secret);
	struct buf svg;
	buf_init(&svg, r->arena, 8192);
	bool drawn = qr_svg(&svg, key_uri(r->arena, db_at(&u, 0, 0)->s, b32));
	sodium_memzero(b32, sizeof b32);
	if (!drawn)
		return 500;
	response_header(r, "Cache-Control", "no-store");
	response_text(r, 200, "image/svg+xml", buf_cstr(&svg));
	return REQ_DONE;
}

int page_two_step_begin(struct req *r)
{
	enum db_status rc = account_totp_begin(r->db, r->sess.user_id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/account/two-step");
	return REQ_DONE;
}

enum db_status two_step_tell_owner(struct db *db, struct arena *a, long long user_id, const char *subject,
				   const char *what)
{
	struct db_res u;
	enum db_status rc = db_query(db, a, &q_user, (struct db_param[]){ DB_I(user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	const char *email = db_at(&u, 0, 0)->s;
	const char *body = arena_printf(a,
		"Hello,\n\n%s for the crowdcart account %s.\n\n"
		"If that was not you, reset your password with \"Forgot your password?\" on the log-in page,\n"
		"then look at the account page.\n", what, email);
	return outbox_add(db, email, subject, body, 0, 0);
}

struct confirm {
	struct req *r;
	char codes[ACCOUNT_RECOVERY_COUNT][ACCOUNT_RECOVERY_TEXT + 1];
	bool ok;
};

static enum db_status confirm_write(struct db *db, void *ctx)
{
	struct confirm *c = ctx;
	enum db_status rc = account_totp_confirm(db, c->r->arena, c->r->sess.user_id, req_str(c->r, "code"),
						 (long long)time(NULL), c->codes, &c->ok);
	if (rc == DB_OK && c->ok)
		rc = two_step_tell_owner(db, c->r->arena, c->r->sess.user_id, "Two-step sign-in is on",
					 "Two-step sign-in was turned on");
	return rc;
}

int page_two_step_confirm(struct req *r)
{
	struct confirm c = { .r = r };
	enum db_status rc = db_txn(r->db, confirm_write, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!c.ok)
		return two_step_page(r, 422, "That code is not right. Check the time on your phone and enter the code it"
				     " shows now.", NULL);
	/* Answered here, not redirected: the codes are shown this once and never stored in clear. */
	rc = two_step_page(r, 200, NULL, c.codes);
	sodium_memzero(c.codes, sizeof c.codes);
	return rc;
}
