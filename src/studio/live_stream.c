/* live_stream.c: going live from an encoder, the creator's side (docs/LIVE_STREAMING.md): the
 * control panel's ingest box (the server address, whether a stream key is set), making a key (shown
 * on the answer page once, only its hash kept; a new key replaces the old one) and revoking it. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "lib/config.h"
#include "domain/live/live_stream_key.h"
#include "studio/live_stream.h"
#include "web/layout.h"
#include "web/response.h"

static const struct db_stmt q_key = {
	"SELECT key_hash IS NOT NULL, COALESCE(DATE_FORMAT(key_created_at, '%Y-%m-%d %H:%i'), ''), replay_state"
	" FROM live_streams WHERE session_id = ?", "i", "iss" };
static const struct db_stmt q_set_key = {
	"INSERT INTO live_streams (session_id, key_hash, key_created_at) VALUES (?, ?, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE key_hash = VALUES(key_hash), key_created_at = VALUES(key_created_at), publishing_at = NULL",
	"ib", "" };
/* Also releases the stream: the old key's encoder is dropped at its next update callback
 * (live_stream_hook.c), and its "done" then leaves the session live for the next key. */
static const struct db_stmt q_revoke = {
	"UPDATE live_streams SET key_hash = NULL, publishing_at = NULL WHERE session_id = ?", "i", "" };

const char *live_stream_ingest_url(struct req *r)
{
	const char *url = config_str("rtmp_ingest_url", NULL);
	if (url && *url)
		return url;
	return arena_printf(r->arena, "rtmp://127.0.0.1:%ld/live", config_int("rtmp_port", 1935, 1, 65535));
}

enum db_status live_stream_box(struct req *r, tmpl_dict *d, const struct live_own *o)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_key, (struct db_param[]){ DB_I(o->id) }, &res);
	if (rc != DB_OK)
		return rc;
	tmpl_dict *box = tmpl_include(d, "STREAM_BOX", "studio_live_stream.tpl");
	tmpl_set_int(box, "LIVE", o->id);
	tmpl_set(box, "INGEST", live_stream_ingest_url(r));
	if (o->state == LIVE_ENDED) {
		tmpl_show(box, "ENDED");
		if (res.nrows && strcmp(db_at(&res, 0, 2)->s, "pending") == 0)
			tmpl_show(box, "REPLAY_PENDING");
		return DB_OK;
	}
	tmpl_dict *f = tmpl_add(box, "FORMS");
	tmpl_set_int(f, "LIVE", o->id);
	if (res.nrows && db_at(&res, 0, 0)->i) {
		tmpl_dict *k = tmpl_add(f, "HAS_KEY");
		tmpl_set(k, "MADE", db_at(&res, 0, 1)->s);
		tmpl_set_int(k, "LIVE", o->id);
	} else {
		tmpl_show(f, "NO_KEY");
	}
	return DB_OK;
}

int page_studio_live_stream_key(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	if (o.state == LIVE_ENDED) {
		response_error(r, 409, "This session has ended: schedule a new one to go live again.");
		return REQ_DONE;
	}
	char key[LIVE_STREAM_KEY_LEN + 1];
	uint8_t hash[32];
	live_stream_key_new(key, hash);
	enum db_status rc = db_query(r->db, NULL, &q_set_key, (struct db_param[]){ DB_I(o.id), DB_B(hash, 32) }, NULL);
	if (rc != DB_OK) {
		sodium_memzero(key, sizeof key);
		return req_db_fail(rc);
	}
	tmpl_dict *d = layout_begin(r, "studio_live_stream_key.tpl", "Your stream key");
	tmpl_set_int(d, "LIVE", o.id);
	tmpl_set(d, "INGEST", live_stream_ingest_url(r));
	tmpl_set(d, "KEY", key);
	sodium_memzero(key, sizeof key);
	/* The key is on this page only: no cache, no back-button copy, keeps it. */
	response_header(r, "Cache-Control", "no-store");
	layout_end(r, 200);
	return REQ_DONE;
}

int page_studio_live_stream_revoke(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	enum db_status rc = db_query(r->db, NULL, &q_revoke, (struct db_param[]){ DB_I(o.id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld", o.id));
	return REQ_DONE;
}
