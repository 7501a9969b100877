/* auth.c: bearer keys and the per-key rate limit (fixed one-minute windows in the database, so
 * every worker and web node counts together without locks). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "api/api.h"
#include "domain/apikeys/apikey.h"
#include "lib/config.h"
#include "web/response.h"

static const struct db_stmt q_key = {
	"SELECT k.id, k.brand_id, b.currency FROM api_keys k JOIN brands b ON b.id = k.brand_id"
	" WHERE k.key_hash = ? AND k.revoked_at IS NULL", "b", "iis" };
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

static void unauthorized(struct req *r, const char *detail)
{
	resp_header(r, "WWW-Authenticate", "Bearer realm=\"crowdcart\"");
	api_problem(r, 401, NULL, detail);
}

bool api_auth(struct req *r, struct api_ctx *c)
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
		api_db_problem(r, rc);
		return false;
	}
	if (k.nrows == 0) {
		unauthorized(r, "That API key is not valid or has been revoked.");
		return false;
	}
	c->key_id = db_at(&k, 0, 0)->i;
	c->brand_id = db_at(&k, 0, 1)->i;
	c->currency = db_at(&k, 0, 2)->s;

	long long limit = config_int("api_rate_limit_per_minute", 300, 1, 1000000);
	long long now = (long long)time(NULL), window = now - now % 60;
	rc = db_query(r->db, NULL, &q_hit, (struct db_param[]){ DB_I(c->key_id), DB_I(window) }, NULL);
	long long hits = rc == DB_OK ? (long long)db_insert_id(r->db) : 0;
	if (rc == DB_OK && hits == 0) {	/* a new window: the old ones are no longer needed */
		hits = 1;
		rc = db_query(r->db, NULL, &q_expire, (struct db_param[]){ DB_I(c->key_id), DB_I(window) }, NULL);
	}
	if (rc == DB_OK)
		rc = db_query(r->db, NULL, &q_touch, (struct db_param[]){ DB_I(c->key_id) }, NULL);
	if (rc != DB_OK) {
		api_db_problem(r, rc);
		return false;
	}
	char v[24];
	snprintf(v, sizeof v, "%lld", limit);
	resp_header(r, "RateLimit-Limit", v);
	snprintf(v, sizeof v, "%lld", hits >= limit ? 0 : limit - hits);
	resp_header(r, "RateLimit-Remaining", v);
	if (hits > limit) {
		snprintf(v, sizeof v, "%lld", window + 60 - now);
		resp_header(r, "Retry-After", v);
		api_problem(r, 429, NULL, "This key has made too many requests this minute; wait for Retry-After seconds.");
		return false;
	}
	return true;
}

bool api_body(struct req *r, json_t **out)
{
	const char *ct = req_env(r, "CONTENT_TYPE");
	if (r->raw_len > API_MAX_BODY) {
		api_problem(r, 413, NULL, "The request body is larger than 256 KiB.");
		return false;
	}
	if (!ct || strncasecmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
		api_problem(r, 415, NULL, "Send the body as application/json.");
		return false;
	}
	json_error_t err;
	json_t *v = r->raw_body ? json_loadb(r->raw_body, r->raw_len, JSON_REJECT_DUPLICATES, &err) : NULL;
	if (!v || !json_is_object(v)) {
		json_decref(v);
		api_problem(r, 400, NULL, v || r->raw_body ? "The body is not a JSON object." : "The request has no body.");
		return false;
	}
	*out = v;
	return true;
}
