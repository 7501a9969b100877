/* session.c: sessions live in MariaDB keyed by the hash of the cookie token, so a stolen
 * database yields no usable cookie, and any worker on any web node can serve any session. */
#include <stdlib.h>
#include <string.h>
#include "lib/session_limits.h"
#include "lib/netprefix.h"
#include "lib/config.h"
#include "web/response.h"
#include "web/session.h"

static const struct db_stmt q_get = {
	"SELECT s.user_id, COALESCE(u.display_name, ''), COALESCE(u.role, ''),"
	" TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()),"
	" TIMESTAMPDIFF(SECOND, s.created_at, UTC_TIMESTAMP())"
	" FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
	"b", "issii" };
static const struct db_stmt q_insert = {
	"INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at)"
	" VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "bn", "" };
/* A signed-in session keeps what its owner's sessions list shows: the browser and the network
 * prefix, never the full address. */
static const struct db_stmt q_insert_user = {
	"INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, user_agent, address_prefix)"
	" VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?, ?)", "biss", "" };
static const struct db_stmt q_touch = {
	"UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE token_hash = ?", "b", "" };
static const struct db_stmt q_delete = {
	"DELETE FROM sessions WHERE token_hash = ?", "b", "" };

const char *session_cookie_name(bool secure)
{
	return secure ? SESSION_COOKIE_SECURE : SESSION_COOKIE;
}

/* last_seen_at is written at most once a minute: a page view should not always be a write. */
#define TOUCH_EVERY_S 60

enum role session_role(const char *name)
{
	if (strcmp(name, "admin") == 0)
		return ROLE_ADMIN;
	if (strcmp(name, "brand") == 0)
		return ROLE_BRAND;
	if (strcmp(name, "creator") == 0)
		return ROLE_CREATOR;
	if (strcmp(name, "shopper") == 0)
		return ROLE_SHOPPER;
	return ROLE_NONE;
}

static void session_set(struct req *r, const uint8_t tok[TOKEN_BYTES])
{
	memcpy(r->sess.token, tok, TOKEN_BYTES);
	token_hash(tok, r->sess.hash);
	token_csrf_make(r->secret, tok, r->sess.csrf);
	r->sess.present = true;
}

enum db_status session_load(struct req *r)
{
	uint8_t tok[TOKEN_BYTES], hash[32];
	const char *cookie = kv_get(&r->cookies, session_cookie_name(response_secure(r)));
	if (!cookie || !token_decode(cookie, tok))
		return DB_OK;
	token_hash(tok, hash);
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_get, (struct db_param[]){ DB_B(hash, 32) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	long long idle = db_at(&res, 0, 3)->i, age = db_at(&res, 0, 4)->i;
	struct session_limits lim = session_limits(!db_at(&res, 0, 0)->null);
	if (idle > lim.idle_s || age > lim.max_s) {
		/* The expired row is refused either way; one left behind is only clutter until
		 * `crowdcartctl purge` takes it. */
		db_best_effort(db_query(r->db, r->arena, &q_delete, (struct db_param[]){ DB_B(hash, 32) }, NULL));
		return DB_OK;
	}
	session_set(r, tok);
	r->sess.user_id = db_at(&res, 0, 0)->null ? 0 : db_at(&res, 0, 0)->i;
	r->sess.user_name = db_at(&res, 0, 1)->s;
	r->sess.role = session_role(db_at(&res, 0, 2)->s);
	if (idle >= TOUCH_EVERY_S)
		rc = db_query(r->db, r->arena, &q_touch, (struct db_param[]){ DB_B(hash, 32) }, NULL);
	return rc;
}

static enum db_status session_create(struct req *r, long long user_id)
{
	uint8_t tok[TOKEN_BYTES], hash[32];
	char text[TOKEN_B64_LEN + 1];
	token_new(tok, text);
	token_hash(tok, hash);
	char prefix[NETPREFIX_TEXT];
	netprefix_of(r->remote_addr, NETPREFIX_SUBNET, prefix);
	/* Printable ASCII only, as real agents send: any other byte could not be stored as text. */
	const char *sent = req_env(r, "HTTP_USER_AGENT");
	char agent[256];
	size_t n = 0;
	for (; sent && sent[n] && n < sizeof agent - 1; n++)
		agent[n] = sent[n] >= 0x20 && sent[n] < 0x7f ? sent[n] : '?';
	agent[n] = '\0';
	struct db_param p[4] = { DB_B(hash, 32), user_id ? DB_I(user_id) : DB_NULL, DB_S(agent), DB_S(prefix) };
	enum db_status rc = db_query(r->db, r->arena, user_id ? &q_insert_user : &q_insert, p, NULL);
	if (rc != DB_OK)
		return rc;
	session_set(r, tok);
	r->sess.user_id = user_id;
	response_cookie(r, session_cookie_name(response_secure(r)), text, -1);
	return DB_OK;
}

enum db_status session_ensure(struct req *r)
{
	return r->sess.present ? DB_OK : session_create(r, 0);
}

enum db_status session_login(struct req *r, long long user_id, const char *name, enum role role)
{
	if (r->sess.present) {
		enum db_status rc = db_query(r->db, r->arena, &q_delete,
					     (struct db_param[]){ DB_B(r->sess.hash, 32) }, NULL);
		if (rc != DB_OK)
			return rc;
		r->sess.present = false;
	}
	enum db_status rc = session_create(r, user_id);
	if (rc == DB_OK) {
		r->sess.user_name = name;
		r->sess.role = role;
	}
	return rc;
}

enum db_status session_logout(struct req *r)
{
	enum db_status rc = DB_OK;
	if (r->sess.present)
		rc = db_query(r->db, r->arena, &q_delete, (struct db_param[]){ DB_B(r->sess.hash, 32) }, NULL);
	memset(&r->sess, 0, sizeof r->sess);
	response_cookie(r, session_cookie_name(response_secure(r)), "", 0);
	return rc;
}
