/* admin_access.c: see admin_access.h. */
#include "domain/accounts/account_totp.h"
#include "domain/accounts/email_verify.h"
#include "domain/admin/admin_access.h"
#include "domain/admin/admin_audit.h"
#include "domain/mail/outbox.h"
#include "lib/arena.h"

/* Locked, so two admins pressing at once send one link and write one audit row each way. */
static const struct db_stmt q_user = {
	"SELECT email, display_name, email_verified_at IS NOT NULL FROM users WHERE id = ? AND deleted_at IS NULL"
	" FOR UPDATE", "i", "ssi" };

struct access {
	struct arena *a;
	const struct admin_actor *by;
	long long user_id;
	const char *base, *reason;
	bool *changed;
};

static enum db_status access_audit(struct db *db, const struct access *c, const char *action)
{
	*c->changed = true;
	return admin_audit_append(db, &(struct admin_audit_entry){ .actor_user_id = c->by->user_id,
		.action = action, .target_kind = "user", .target_id = c->user_id, .reason = c->reason,
		.remote_addr = c->by->remote_addr });
}

static enum db_status access_resend(struct db *db, void *ctx)
{
	struct access *c = ctx;
	*c->changed = false;
	struct db_res u;
	enum db_status rc = db_query(db, c->a, &q_user, (struct db_param[]){ DB_I(c->user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0 || db_at(&u, 0, 2)->i)
		return rc;
	if ((rc = email_verify_send(db, c->a, c->user_id, db_at(&u, 0, 0)->s, db_at(&u, 0, 1)->s,
				    EMAIL_VERIFY_RESEND, c->base)) != DB_OK)
		return rc;
	return access_audit(db, c, "user.resend_verification");
}

static enum db_status access_two_step_off(struct db *db, void *ctx)
{
	struct access *c = ctx;
	*c->changed = false;
	struct db_res u;
	bool on;
	enum db_status rc = db_query(db, c->a, &q_user, (struct db_param[]){ DB_I(c->user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	if ((rc = account_totp_enabled(db, c->a, c->user_id, &on)) != DB_OK || !on)
		return rc;
	if ((rc = account_totp_off(db, c->user_id)) != DB_OK || (rc = access_audit(db, c, "user.two_step_off")) != DB_OK)
		return rc;
	/* The owner hears of it at once: if they did not ask, someone talked an admin into it. */
	const char *body = arena_printf(c->a,
		"Hello %s,\n\nAn administrator of crowdcart turned off two-step sign-in for your account (%s),\n"
		"as you asked after losing your authenticator app and recovery codes. Your password alone\n"
		"now signs you in. Set up two-step sign-in again in your account settings.\n\n"
		"If you did not ask for this, change your password now (\"Forgot your password?\" on the\n"
		"log-in page) and reply to tell us.\n", db_at(&u, 0, 1)->s, db_at(&u, 0, 0)->s);
	return outbox_add(db, db_at(&u, 0, 0)->s, "Two-step sign-in was turned off for your account", body, 0, 0);
}

enum db_status admin_access_resend_verification(struct db *db, struct arena *a, const struct admin_actor *by,
						long long user_id, const char *base, bool *changed)
{
	return db_txn(db, access_resend, &(struct access){ a, by, user_id, base, "", changed });
}

enum db_status admin_access_two_step_off(struct db *db, struct arena *a, const struct admin_actor *by,
					 long long user_id, const char *reason, bool *changed)
{
	return db_txn(db, access_two_step_off, &(struct access){ a, by, user_id, "", reason ? reason : "", changed });
}
