/* account_link.c: see account_link.h. */
#include <ctype.h>
#include <string.h>
#include "domain/accounts/account_link.h"
#include "domain/mail/outbox.h"
#include "db/throttle.h"
#include "lib/netprefix.h"

static const struct db_stmt q_count = {
	"SELECT COUNT(*) FROM account_mail_requests WHERE subject_hash = ?"
	" AND requested_at > UTC_TIMESTAMP() - INTERVAL 900 SECOND", "b", "i" };
_Static_assert(ACCOUNT_LINK_WINDOW_S == 900, "q_count spells the window out");
static const struct db_stmt q_record = {
	"INSERT INTO account_mail_requests (subject_hash, requested_at) VALUES (?, UTC_TIMESTAMP())", "b", "" };
static const struct db_stmt q_purge = {
	"DELETE FROM account_mail_requests WHERE requested_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 100", "", "" };
static const struct db_stmt q_user = {
	"SELECT id, email, display_name FROM users WHERE email = ?", "s", "iss" };

/* Sign-in links and resets are counted apart: asking for one does not use up the other. */
static const struct throttle_kind limits[] = {
	[ACCOUNT_TOKEN_SIGN_IN] = { "link:", &q_count, &q_record, &q_purge, ACCOUNT_LINK_PER_EMAIL, ACCOUNT_LINK_PER_PREFIX },
	[ACCOUNT_TOKEN_RESET] = { "reset:", &q_count, &q_record, &q_purge, ACCOUNT_LINK_PER_EMAIL, ACCOUNT_LINK_PER_PREFIX },
};

struct link_mail {
	struct arena *a;
	const char *email, *base_url;
	enum account_token_purpose purpose;
	const struct throttle *counted;
};

static const char *mail_body(struct arena *a, enum account_token_purpose p, const char *name,
			     const char *email, const char *url)
{
	if (p == ACCOUNT_TOKEN_RESET)
		return arena_printf(a,
			"Hello %s,\n\nSomeone, we hope you, asked to reset the password of the crowdcart account %s.\n"
			"This link lets you choose a new one. It works once, within %d minutes:\n\n%s\n\n"
			"Setting a new password signs the account out everywhere.\n"
			"If you did not ask for this, ignore this mail: your password stays as it is.\n",
			name, email, ACCOUNT_RESET_MINUTES, url);
	return arena_printf(a,
		"Hello %s,\n\nSomeone, we hope you, asked for a link to sign in to the crowdcart account %s.\n"
		"It works once, within %d minutes, even while sign-ins with the password are held back:\n\n%s\n\n"
		"If you did not ask for this, ignore this mail: nobody can use the link without your mailbox.\n",
		name, email, ACCOUNT_SIGN_IN_MINUTES, url);
}

/* The request is counted in the transaction that queues its mail, so a request that cannot be
 * counted sends nothing, and a known and an unknown address both cost one commit of writes: the
 * answer's timing tells them apart only by two inserts. */
static enum db_status link_write(struct db *db, void *ctx)
{
	struct link_mail *m = ctx;
	enum db_status rc = db_query(db, NULL, &q_record, (struct db_param[]){ DB_B(m->counted->name, 32) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_record, (struct db_param[]){ DB_B(m->counted->address, 32) }, NULL);
	struct db_res u;
	if (rc == DB_OK)
		rc = db_query(db, m->a, &q_user, (struct db_param[]){ DB_S(m->email) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	char text[TOKEN_B64_LEN + 1];
	if ((rc = account_token_issue(db, db_at(&u, 0, 0)->i, m->purpose, text)) != DB_OK)
		return rc;
	bool reset = m->purpose == ACCOUNT_TOKEN_RESET;
	const char *url = arena_printf(m->a, "%s/login/%s/%s", m->base_url, reset ? "reset" : "link", text);
	const char *to = db_at(&u, 0, 1)->s;
	return outbox_add(db, to, reset ? "Reset your crowdcart password" : "Your crowdcart sign-in link",
			  mail_body(m->a, m->purpose, db_at(&u, 0, 2)->s, to, url), 0, 0);
}

enum db_status account_link_request(struct db *db, struct arena *a, const uint8_t secret[32],
				    const char *email, const char *address, enum account_token_purpose p,
				    const char *base_url, bool *throttled)
{
	char lower[255], prefix[NETPREFIX_TEXT];
	size_t i = 0;
	for (; email[i] && i < sizeof lower - 1; i++)
		lower[i] = (char)tolower((unsigned char)email[i]);
	lower[i] = '\0';
	netprefix_of(address, NETPREFIX_SUBNET, prefix);
	struct throttle t;
	throttle_subjects(&limits[p], secret, lower, prefix, &t);
	enum db_status rc = throttle_over(db, a, &limits[p], &t, throttled);
	if (rc != DB_OK || *throttled)
		return rc;
	struct link_mail m = { a, email, base_url, p, &t };
	if ((rc = db_txn(db, link_write, &m)) == DB_OK)
		db_best_effort(db_query(db, NULL, &q_purge, NULL, NULL));	/* old rows no longer count */
	return rc;
}
