/* notify.c: queue switchable notices, and keep each account's switches. */
#include "domain/mail/notify.h"
#include "domain/mail/notify_token.h"
#include "lib/base_url.h"
#include "lib/config.h"

/* From users, so a link of a deleted account changes nothing instead of failing. */
static const struct db_stmt q_set = {
	"INSERT INTO notification_prefs (user_id, kind, enabled, updated_at) SELECT id, ?, ?, UTC_TIMESTAMP() FROM users"
	" WHERE id = ? ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), updated_at = VALUES(updated_at)", "sii", "" };
/* One statement, so a switch flipped meanwhile is either seen or not, never half. */
static const struct db_stmt q_queue = {
	"INSERT INTO outbox (to_addr, to_user_id, kind, subject, body_text, unsubscribe_url, created_at)"
	" SELECT '', ?, 'notice', ?, ?, NULLIF(?, ''), UTC_TIMESTAMP() FROM DUAL WHERE NOT EXISTS"
	" (SELECT 1 FROM notification_prefs WHERE user_id = ? AND kind = ? AND enabled = 0)", "isssis", "" };
static const struct db_stmt q_brand_owner = {
	"SELECT COALESCE(owner_user_id, 0) FROM brands WHERE id = ?", "i", "i" };
static const struct db_stmt q_creator_user = {
	"SELECT COALESCE(user_id, 0) FROM creators WHERE id = ?", "i", "i" };
static const struct db_stmt q_prefs = {
	"SELECT kind, enabled FROM notification_prefs WHERE user_id = ?", "i", "si" };

static const char *base(struct arena *a)
{
	char url[BASE_URL_MAX];
	return base_url_get(url) ? arena_printf(a, "%s", url) : "";
}

const char *notify_unsubscribe_url(struct arena *a, long long user_id, enum notify_kind k)
{
	uint8_t secret[32];
	if (!config_secret(secret))
		return "";
	char token[NOTIFY_TOKEN_MAX];
	notify_token_make(secret, user_id, k, token);
	return arena_printf(a, "%s" NOTIFY_UNSUBSCRIBE_PATH "%s", base(a), token);
}

enum db_status notify_user(struct db *db, struct arena *a, long long user_id, enum notify_kind k,
			   const char *subject, const char *body)
{
	if (user_id <= 0)
		return DB_OK;
	const char *stop = notify_unsubscribe_url(a, user_id, k);
	const char *text = arena_printf(a,
		"%s\n\n--\nYou get this mail because \"%s\" is on in your crowdcart mail settings.\n"
		"%s%s%sChoose which mails you get: %s" NOTIFY_SETTINGS_PATH "\n",
		body, notify_kind_label(k), *stop ? "Stop these mails with one click: " : "", stop, *stop ? "\n" : "", base(a));
	return db_query(db, NULL, &q_queue, (struct db_param[]){ DB_I(user_id), DB_S(subject), DB_S(text), DB_S(stop),
		DB_I(user_id), DB_S(notify_kind_name(k)) }, NULL);
}

static enum db_status notify_owner(struct db *db, struct arena *a, const struct db_stmt *q, long long id,
				   enum notify_kind k, const char *subject, const char *body)
{
	struct db_res u;
	enum db_status rc = db_query(db, a, q, (struct db_param[]){ DB_I(id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	return notify_user(db, a, db_at(&u, 0, 0)->i, k, subject, body);
}

enum db_status notify_brand(struct db *db, struct arena *a, long long brand_id, enum notify_kind k,
			    const char *subject, const char *body)
{
	return notify_owner(db, a, &q_brand_owner, brand_id, k, subject, body);
}

enum db_status notify_creator(struct db *db, struct arena *a, long long creator_id, enum notify_kind k,
			      const char *subject, const char *body)
{
	return notify_owner(db, a, &q_creator_user, creator_id, k, subject, body);
}

enum db_status notify_prefs_load(struct db *db, struct arena *a, long long user_id, bool on[NOTIFY__MAX])
{
	for (int k = 0; k < NOTIFY__MAX; k++)
		on[k] = true;
	struct db_res p;
	enum db_status rc = db_query(db, a, &q_prefs, (struct db_param[]){ DB_I(user_id) }, &p);
	for (size_t i = 0; rc == DB_OK && i < p.nrows; i++) {
		enum notify_kind k = notify_kind_parse(db_at(&p, i, 0)->s);
		if (k != NOTIFY__MAX)
			on[k] = db_at(&p, i, 1)->i != 0;
	}
	return rc;
}

enum db_status notify_pref_set(struct db *db, long long user_id, enum notify_kind k, bool on)
{
	return db_query(db, NULL, &q_set, (struct db_param[]){ DB_S(notify_kind_name(k)), DB_I(on), DB_I(user_id) }, NULL);
}
