/* brand_team.c: see brand_team.h. */
#include <strings.h>
#include "domain/accounts/brand_team.h"
#include "domain/mail/outbox.h"
#include "lib/token.h"

static const struct db_stmt q_list = {
	"SELECT u.id, u.display_name, u.email, 1, '' FROM brands b JOIN users u ON u.id = b.owner_user_id WHERE b.id = ?"
	" UNION ALL SELECT u.id, u.display_name, u.email, 0, DATE_FORMAT(m.added_at, '%Y-%m-%d %H:%i')"
	" FROM brand_members m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ?"
	" ORDER BY 4 DESC, 2, 1 LIMIT 51", "ii", "issis" };
static const struct db_stmt q_name = {
	"SELECT u.display_name FROM users u WHERE u.id = ? AND (u.id = (SELECT b.owner_user_id FROM brands b WHERE b.id = ?)"
	" OR EXISTS (SELECT m.user_id FROM brand_members m WHERE m.brand_id = ? AND m.user_id = u.id))", "iii", "s" };
/* Locks the brand's row, so two invitations or joins of one brand count its team in turn. */
static const struct db_stmt q_brand_lock = {
	"SELECT name FROM brands WHERE id = ? FOR UPDATE", "i", "s" };
static const struct db_stmt q_in_team = {
	"SELECT (SELECT COUNT(*) FROM users u JOIN brands b ON b.owner_user_id = u.id WHERE b.id = ? AND u.email = ?)"
	" + (SELECT COUNT(*) FROM brand_members m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ? AND u.email = ?),"
	" (SELECT COUNT(*) FROM brand_members WHERE brand_id = ?),"
	" (SELECT COUNT(*) FROM brand_invites WHERE brand_id = ? AND expires_at > UTC_TIMESTAMP() AND email <> ?)",
	"isisiis", "iii" };
static const struct db_stmt q_invite_replace = {
	"DELETE FROM brand_invites WHERE brand_id = ? AND email = ?", "is", "" };
static const struct db_stmt q_invite_add = {
	"INSERT INTO brand_invites (brand_id, email, token_hash, created_at, expires_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? DAY)", "isbi", "" };
static const struct db_stmt q_invites = {
	"SELECT id, email, DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i') FROM brand_invites"
	" WHERE brand_id = ? AND expires_at > UTC_TIMESTAMP() ORDER BY created_at, id LIMIT 20", "i", "iss" };
static const struct db_stmt q_invite_cancel = {
	"DELETE FROM brand_invites WHERE id = ? AND brand_id = ?", "ii", "" };
static const struct db_stmt q_peek = {
	"SELECT i.brand_id, b.name, i.email FROM brand_invites i JOIN brands b ON b.id = i.brand_id"
	" WHERE i.token_hash = ? AND i.expires_at > UTC_TIMESTAMP()", "b", "iss" };
static const struct db_stmt q_lock = {
	"SELECT id, brand_id, email FROM brand_invites WHERE token_hash = ? AND expires_at > UTC_TIMESTAMP() FOR UPDATE",
	"b", "iis" };
static const struct db_stmt q_account = {
	"SELECT EXISTS (SELECT b.id FROM brands b WHERE b.owner_user_id = ?),"
	" EXISTS (SELECT m.user_id FROM brand_members m WHERE m.user_id = ?)", "ii", "ii" };
static const struct db_stmt q_invite_use = {
	"DELETE FROM brand_invites WHERE id = ?", "i", "" };
static const struct db_stmt q_member_add = {
	"INSERT INTO brand_members (brand_id, user_id, role, added_at) VALUES (?, ?, 'member', UTC_TIMESTAMP())", "ii", "" };
static const struct db_stmt q_unassign_events = {
	"INSERT INTO lead_events (lead_id, actor, what, created_at) SELECT id, ?, ?, UTC_TIMESTAMP() FROM leads"
	" WHERE brand_id = ? AND assignee_user_id = ?", "ssii", "" };
static const struct db_stmt q_unassign = {
	"UPDATE leads SET assignee_user_id = NULL WHERE brand_id = ? AND assignee_user_id = ?", "ii", "" };
static const struct db_stmt q_member_remove = {
	"DELETE FROM brand_members WHERE brand_id = ? AND user_id = ?", "ii", "" };

enum db_status brand_team_list(struct db *db, struct arena *a, long long brand_id, struct db_res *res)
{
	return db_query(db, a, &q_list, (struct db_param[]){ DB_I(brand_id), DB_I(brand_id) }, res);
}

enum db_status brand_team_name(struct db *db, struct arena *a, long long brand_id, long long user_id,
			       const char **name)
{
	struct db_res res;
	*name = NULL;
	enum db_status rc = db_query(db, a, &q_name, (struct db_param[]){ DB_I(user_id), DB_I(brand_id), DB_I(brand_id) }, &res);
	if (rc == DB_OK && res.nrows)
		*name = db_at(&res, 0, 0)->s;
	return rc;
}

enum db_status brand_team_invite(struct db *db, struct arena *a, long long brand_id, const char *brand_name,
				 const char *inviter, const char *email, const char *base_url,
				 enum brand_team_invite_result *out)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_brand_lock, (struct db_param[]){ DB_I(brand_id) }, &res);
	if (rc == DB_OK)
		rc = db_query(db, a, &q_in_team, (struct db_param[]){ DB_I(brand_id), DB_S(email), DB_I(brand_id),
			DB_S(email), DB_I(brand_id), DB_I(brand_id), DB_S(email) }, &res);
	if (rc != DB_OK)
		return rc;
	if (db_at(&res, 0, 0)->i > 0) {
		*out = BRAND_TEAM_ALREADY_IN;
		return DB_OK;
	}
	if (db_at(&res, 0, 1)->i >= BRAND_TEAM_MAX_MEMBERS || db_at(&res, 0, 2)->i >= BRAND_TEAM_MAX_PENDING) {
		*out = BRAND_TEAM_TOO_MANY;
		return DB_OK;
	}
	uint8_t tok[TOKEN_BYTES], hash[32];
	char text[TOKEN_B64_LEN + 1];
	token_new(tok, text);
	token_hash(tok, hash);
	rc = db_query(db, NULL, &q_invite_replace, (struct db_param[]){ DB_I(brand_id), DB_S(email) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_invite_add, (struct db_param[]){ DB_I(brand_id), DB_S(email), DB_B(hash, 32),
			DB_I(BRAND_TEAM_INVITE_DAYS) }, NULL);
	if (rc != DB_OK)
		return rc;
	const char *body = arena_printf(a,
		"%s invites you to work %s's leads on crowdcart: their statuses, labels, notes and who "
		"follows each up.\n\nTo accept, open this link and sign in, or create an account, with this "
		"address (%s):\n%s/studio/team/join/%s\n\nThe link works once, for %d days. If you did not "
		"expect it, ignore this mail: nothing happens.\n",
		inviter, brand_name, email, base_url, text, BRAND_TEAM_INVITE_DAYS);
	*out = BRAND_TEAM_INVITED;
	return outbox_add(db, email, arena_printf(a, "Join %s's team", brand_name), body, 0, 0);
}

enum db_status brand_team_invites(struct db *db, struct arena *a, long long brand_id, struct db_res *res)
{
	return db_query(db, a, &q_invites, (struct db_param[]){ DB_I(brand_id) }, res);
}

enum db_status brand_team_invite_cancel(struct db *db, long long brand_id, long long invite_id, bool *found)
{
	enum db_status rc = db_query(db, NULL, &q_invite_cancel, (struct db_param[]){ DB_I(invite_id), DB_I(brand_id) }, NULL);
	*found = rc == DB_OK && db_affected(db) == 1;
	return rc;
}

/* A malformed token names nothing: false, and no query is made. */
static bool invite_key(const char *text, uint8_t hash[32])
{
	uint8_t tok[TOKEN_BYTES];
	if (!text || !token_decode(text, tok))
		return false;
	token_hash(tok, hash);
	return true;
}

enum db_status brand_team_invite_peek(struct db *db, struct arena *a, const char *token, long long *brand_id,
				      const char **brand_name, const char **email)
{
	uint8_t hash[32];
	*brand_id = 0;
	if (!invite_key(token, hash))
		return DB_OK;
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_peek, (struct db_param[]){ DB_B(hash, 32) }, &res);
	if (rc == DB_OK && res.nrows) {
		*brand_id = db_at(&res, 0, 0)->i;
		*brand_name = db_at(&res, 0, 1)->s;
		*email = db_at(&res, 0, 2)->s;
	}
	return rc;
}

enum db_status brand_team_join(struct db *db, struct arena *a, const char *token, long long user_id,
			       const char *email, enum brand_team_join_result *out, long long *brand_id)
{
	uint8_t hash[32];
	*out = BRAND_TEAM_JOIN_UNKNOWN;
	*brand_id = 0;
	if (!invite_key(token, hash))
		return DB_OK;
	struct db_res inv, acc;
	enum db_status rc = db_query(db, a, &q_lock, (struct db_param[]){ DB_B(hash, 32) }, &inv);
	if (rc != DB_OK || inv.nrows == 0)
		return rc;
	/* Addresses are compared as the users table does (case-insensitively). */
	if (strcasecmp(db_at(&inv, 0, 2)->s, email) != 0) {
		*out = BRAND_TEAM_JOIN_OTHER_ADDRESS;
		return DB_OK;
	}
	long long brand = db_at(&inv, 0, 1)->i;
	struct db_res lock;
	rc = db_query(db, a, &q_brand_lock, (struct db_param[]){ DB_I(brand) }, &lock);
	if (rc == DB_OK)
		rc = db_query(db, a, &q_account, (struct db_param[]){ DB_I(user_id), DB_I(user_id) }, &acc);
	if (rc != DB_OK)
		return rc;
	if (db_at(&acc, 0, 0)->i) {
		*out = BRAND_TEAM_JOIN_OWNS_BRAND;
		return DB_OK;
	}
	if (db_at(&acc, 0, 1)->i) {
		*out = BRAND_TEAM_JOIN_IN_A_TEAM;
		return DB_OK;
	}
	rc = db_query(db, NULL, &q_invite_use, (struct db_param[]){ DB_I(db_at(&inv, 0, 0)->i) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_member_add, (struct db_param[]){ DB_I(brand), DB_I(user_id) }, NULL);
	if (rc == DB_OK) {
		*out = BRAND_TEAM_JOINED;
		*brand_id = brand;
	}
	return rc;
}

enum db_status brand_team_remove(struct db *db, struct arena *a, long long brand_id, long long user_id,
				 const char *actor, bool *found)
{
	const char *name;
	*found = false;
	enum db_status rc = brand_team_name(db, a, brand_id, user_id, &name);
	if (rc != DB_OK || !name)
		return rc;
	rc = db_query(db, NULL, &q_member_remove, (struct db_param[]){ DB_I(brand_id), DB_I(user_id) }, NULL);
	if (rc != DB_OK || db_affected(db) != 1)
		return rc;	/* the owner is not removed: only members are */
	*found = true;
	rc = db_query(db, NULL, &q_unassign_events, (struct db_param[]){ DB_S(actor),
		DB_S(arena_printf(a, "Unassigned: %s left the team", name)), DB_I(brand_id), DB_I(user_id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_unassign, (struct db_param[]){ DB_I(brand_id), DB_I(user_id) }, NULL);
	return rc;
}
