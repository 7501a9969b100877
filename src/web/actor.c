/* actor.c: loads who acts (the signed-in brand or creator, or the brand of an API key) once per
 * request, so that no handler looks it up or re-checks it. */
#include <stdio.h>
#include <time.h>
#include "web/actor.h"
#include "lib/apikey.h"
#include "lib/config.h"
#include "web/response.h"

/* An account owns at most one brand today; the lowest id keeps the answer stable if it ever
 * owns more. */
static const struct db_stmt q_brand = {
	"SELECT id, slug, name, currency, return_window_days, marketplace_open, approval_required,"
	" default_commission_bps FROM brands WHERE owner_user_id = ? ORDER BY id LIMIT 1", "i", "isssiiii" };
/* A team member's brand (NEED_TEAM): an account is in at most one team (sql/0046_brand_team.sql). */
static const struct db_stmt q_team_brand = {
	"SELECT b.id, b.slug, b.name, b.currency, b.return_window_days, b.marketplace_open, b.approval_required,"
	" b.default_commission_bps FROM brand_members m JOIN brands b ON b.id = m.brand_id WHERE m.user_id = ?",
	"i", "isssiiii" };
static const struct db_stmt q_creator = {
	"SELECT id, handle, display_name FROM creators WHERE user_id = ?", "i", "iss" };
/* The API's database account may read a brand's id, currency and owner only, and of users only
 * whether one is suspended (sql/grants/0005_api.sql, 0034_admin.sql): a suspended brand's keys
 * stop working, and work again when it is reinstated. */
static const struct db_stmt q_key = {
	"SELECT k.id, b.id, b.currency FROM api_keys k JOIN brands b ON b.id = k.brand_id"
	" WHERE k.key_hash = ? AND k.revoked_at IS NULL"
	" AND (SELECT su.suspended_at FROM users su WHERE su.id = b.owner_user_id) IS NULL", "b", "iis" };
/* At most one write a minute per key for "last used". */
static const struct db_stmt q_touch = {
	"UPDATE api_keys SET last_used_at = UTC_TIMESTAMP() WHERE id = ?"
	" AND (last_used_at IS NULL OR last_used_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE)", "i", "" };
/* LAST_INSERT_ID(expr) hands the new count back without a second read; a first hit inserts and
 * reports 0. */
static const struct db_stmt q_hit = {
	"INSERT INTO api_rate_buckets (key_id, window_start, hits) VALUES (?, ?, 1)"
	" ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)", "ii", "" };
static const struct db_stmt q_expire = {
	"DELETE FROM api_rate_buckets WHERE key_id = ? AND window_start < ?", "ii", "" };

static bool load_brand(struct req *r)
{
	struct db_res res = { 0 };
	/* Owning a brand comes first: an account that owns one cannot join a team (team_join.c); only
	 * brand and admin accounts own one. */
	enum db_status rc = DB_OK;
	if (r->sess.role == ROLE_BRAND || r->sess.role == ROLE_ADMIN)
		rc = db_query(r->db, r->arena, &q_brand, (struct db_param[]){ DB_I(r->sess.user_id) }, &res);
	bool member = rc == DB_OK && res.nrows == 0 && (r->route->needs & NEED_TEAM);
	if (member)
		rc = db_query(r->db, r->arena, &q_team_brand, (struct db_param[]){ DB_I(r->sess.user_id) }, &res);
	if (rc != DB_OK) {
		response_db_error(r, rc);
		return false;
	}
	if (res.nrows == 0) {
		/* NEED_BRAND also admits admins, who need not own a brand; NEED_TEAM any account. */
		response_error(r, 403, member ? "This account neither owns a brand nor belongs to a brand's team."
					      : "This account does not own a brand.");
		return false;
	}
	struct acting_brand *b = arena_alloc(r->arena, sizeof *b);
	b->id = db_at(&res, 0, 0)->i;
	b->slug = db_at(&res, 0, 1)->s;
	b->name = db_at(&res, 0, 2)->s;
	b->currency = db_at(&res, 0, 3)->s;
	b->return_window_days = db_at(&res, 0, 4)->i;
	b->marketplace_open = db_at(&res, 0, 5)->i != 0;
	b->approval_required = db_at(&res, 0, 6)->i != 0;
	b->commission_bps = db_at(&res, 0, 7)->i;
	b->member = member;
	r->brand = b;
	return true;
}

static bool load_creator(struct req *r)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_creator, (struct db_param[]){ DB_I(r->sess.user_id) }, &res);
	if (rc != DB_OK) {
		response_db_error(r, rc);
		return false;
	}
	if (res.nrows == 0) {
		response_error(r, 404, "Your account has no creator profile.");
		return false;
	}
	struct acting_creator *c = arena_alloc(r->arena, sizeof *c);
	c->id = db_at(&res, 0, 0)->i;
	c->handle = db_at(&res, 0, 1)->s;
	c->name = db_at(&res, 0, 2)->s;
	r->creator = c;
	return true;
}

bool actor_load(struct req *r)
{
	unsigned needs = r->route->needs;
	if (needs & NEED_BRAND)
		return load_brand(r);
	if (needs & NEED_CREATOR)
		return load_creator(r);
	/* NEED_OWNER: an admin acts as the brand it owns, as on the brand pages. */
	if (r->sess.role == ROLE_CREATOR)
		return load_creator(r);
	if (r->sess.role == ROLE_BRAND || r->sess.role == ROLE_ADMIN)
		return load_brand(r);
	return true;
}

static void unauthorized(struct req *r, const char *detail)
{
	response_header(r, "WWW-Authenticate", "Bearer realm=\"crowdcart\"");
	response_error(r, 401, detail);
}

bool actor_api_key(struct req *r)
{
	const char *h = req_env(r, "HTTP_AUTHORIZATION");
	uint8_t hash[32];
	if (!h) {
		unauthorized(r, "Send the brand's API key as \"Authorization: Bearer <key>\".");
		return false;
	}
	if (!apikey_hash(apikey_from_header(h), hash)) {
		unauthorized(r, "That API key is not valid.");
		return false;
	}
	struct db_res k;
	enum db_status rc = db_query(r->db, r->arena, &q_key, (struct db_param[]){ DB_B(hash, 32) }, &k);
	if (rc != DB_OK) {
		response_db_error(r, rc);
		return false;
	}
	if (k.nrows == 0) {
		unauthorized(r, "That API key is not valid or has been revoked.");
		return false;
	}
	long long key_id = db_at(&k, 0, 0)->i;

	long long limit = config_int("api_rate_limit_per_minute", 300, 1, 1000000);
	long long now = (long long)time(NULL), window = now - now % 60;
	rc = db_query(r->db, NULL, &q_hit, (struct db_param[]){ DB_I(key_id), DB_I(window) }, NULL);
	long long hits = rc == DB_OK ? (long long)db_insert_id(r->db) : 0;
	if (rc == DB_OK && hits == 0) {	/* a new window: the old ones are no longer needed */
		hits = 1;
		rc = db_query(r->db, NULL, &q_expire, (struct db_param[]){ DB_I(key_id), DB_I(window) }, NULL);
	}
	if (rc == DB_OK)
		rc = db_query(r->db, NULL, &q_touch, (struct db_param[]){ DB_I(key_id) }, NULL);
	if (rc != DB_OK) {
		response_db_error(r, rc);
		return false;
	}
	char v[24];
	snprintf(v, sizeof v, "%lld", limit);
	response_header(r, "RateLimit-Limit", v);
	snprintf(v, sizeof v, "%lld", hits >= limit ? 0 : limit - hits);
	response_header(r, "RateLimit-Remaining", v);
	if (hits > limit) {
		snprintf(v, sizeof v, "%lld", window + 60 - now);
		response_header(r, "Retry-After", v);
		response_error(r, 429, "This key has made too many requests this minute; wait for Retry-After seconds.");
		return false;
	}
	struct acting_brand *b = arena_alloc(r->arena, sizeof *b);
	*b = (struct acting_brand){ .id = db_at(&k, 0, 1)->i, .slug = "", .name = "", .currency = db_at(&k, 0, 2)->s };
	r->api_key_id = key_id;
	r->brand = b;
	return true;
}
