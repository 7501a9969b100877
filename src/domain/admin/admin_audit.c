/* admin_audit.c: appends to the admin audit log (the table's grants allow nothing else). */
#include <string.h>
#include "lib/netprefix.h"
#include "domain/admin/admin_audit.h"

static const struct db_stmt q_append = {
	"INSERT INTO admin_audit (created_at, actor_user_id, action, target_kind, target_id, reason,"
	" address_prefix) VALUES (UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?)", "ississ", "" };

/* At most max bytes of s, ending on a character boundary: max bytes are at most max characters,
 * so the text fits its VARCHAR(max) column whatever it holds. */
static struct db_param text_cut(const char *s, size_t max)
{
	if (!s)
		s = "";
	size_t n = strlen(s);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return DB_SN(s, n);
}

enum db_status admin_audit_append(struct db *db, const struct admin_audit_entry *e)
{
	/* An IPv4 /24 or IPv6 /48: enough to tell an admin's usual network from a stranger's. */
	char prefix[NETPREFIX_TEXT];
	netprefix_of(e->remote_addr ? e->remote_addr : "", NETPREFIX_NETWORK, prefix);
	struct db_param p[] = {
		DB_I(e->actor_user_id), text_cut(e->action, ADMIN_AUDIT_ACTION_MAX),
		text_cut(e->target_kind, ADMIN_AUDIT_KIND_MAX), DB_I(e->target_id),
		text_cut(e->reason, ADMIN_AUDIT_REASON_MAX), DB_S(prefix),
	};
	return db_query(db, NULL, &q_append, p, NULL);
}
