/* sign_in_network.c: see sign_in_network.h. */
#include "domain/accounts/sign_in_network.h"
#include "domain/mail/outbox.h"
#include "lib/base_url.h"
#include "lib/netprefix.h"

/* One statement: 1 row affected is a network new for the account, 2 (or 0 within the same
 * second) one it has used before. */
static const struct db_stmt q_note = {
	"INSERT INTO account_networks (user_id, address_prefix, first_seen_at, last_seen_at)"
	" VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at)",
	"is", "" };
static const struct db_stmt q_others = {
	"SELECT u.email, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i UTC'),"
	" EXISTS (SELECT 1 FROM account_networks n WHERE n.user_id = u.id AND n.address_prefix <> ?)"
	" FROM users u WHERE u.id = ?", "si", "ssi" };

/* The browser as the mail names it: printable ASCII, cut, "an unknown browser" when not sent. */
static const char *sign_in_network_agent(struct arena *a, const char *agent)
{
	if (!agent || !*agent)
		return "an unknown browser";
	char *out = arena_alloc(a, 161);
	size_t n = 0;
	for (; agent[n] && n < 160; n++)
		out[n] = agent[n] >= 0x20 && agent[n] < 0x7f ? agent[n] : '?';
	out[n] = '\0';
	return out;
}

enum db_status sign_in_network_note(struct db *db, struct arena *a, long long user_id, const char *remote_addr,
				    const char *agent)
{
	char prefix[NETPREFIX_TEXT];
	if (!netprefix_of(remote_addr, NETPREFIX_SUBNET, prefix))
		return DB_OK;
	enum db_status rc = db_query(db, NULL, &q_note, (struct db_param[]){ DB_I(user_id), DB_S(prefix) }, NULL);
	if (rc != DB_OK || db_affected(db) != 1)
		return rc;
	struct db_res u;
	if ((rc = db_query(db, a, &q_others, (struct db_param[]){ DB_S(prefix), DB_I(user_id) }, &u)) != DB_OK ||
	    u.nrows == 0 || !db_at(&u, 0, 2)->i)
		return rc;
	char base[BASE_URL_MAX];
	if (!base_url_get(base))
		base[0] = '\0';
	const char *email = db_at(&u, 0, 0)->s;
	const char *body = arena_printf(a,
		"Hello,\n\nYour crowdcart account %s was signed in to on %s from a network it had not\n"
		"been used from before (%s), with %s.\n\n"
		"If that was you, there is nothing to do. If it was not, someone knows your password:\n"
		"change it now (%s/login/forgot) and end the other sessions on your account page\n"
		"(%s/studio/account), where each session's network and browser are listed.\n",
		email, db_at(&u, 0, 1)->s, prefix, sign_in_network_agent(a, agent), base, base);
	return outbox_add(db, email, "New sign-in to your crowdcart account", body, 0, 0);
}
