/* signup_notice.c: see signup_notice.h. */
#include "domain/accounts/signup_notice.h"
#include "domain/mail/outbox.h"

static const struct db_stmt q_owner = {
	"SELECT email, display_name FROM users WHERE email = ? AND deleted_at IS NULL", "s", "ss" };

enum db_status signup_notice_taken(struct db *db, struct arena *a, const char *address, const char *base_url)
{
	struct db_res u;
	enum db_status rc = db_query(db, a, &q_owner, (struct db_param[]){ DB_S(address) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	const char *body = arena_printf(a,
		"Hello %s,\n\nSomeone, we hope you, tried to create a crowdcart account with this address (%s).\n"
		"You already have an account with it, so nothing new was made.\n\n"
		"If you forgot your password, reset it here:\n\n%s/login/forgot\n\n"
		"If it was not you, ignore this mail: your account is as it was.\n",
		db_at(&u, 0, 1)->s, db_at(&u, 0, 0)->s, base_url);
	return outbox_add(db, db_at(&u, 0, 0)->s, "You already have a crowdcart account", body, 0, 0);
}
