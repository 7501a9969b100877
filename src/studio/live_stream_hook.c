/* live_stream_hook.c: the streaming server's callbacks (nginx-rtmp's on_publish, on_publish_done
 * and on_record_done; nginx/rtmp.conf.in). They carry no CSRF token and no session: only the
 * addresses in stream_callback_allow (the streaming server's, loopback) may call them, and
 * publishing also needs a valid stream key. A 2xx lets the encoder publish, a 4xx refuses it.
 *   publish:   the key names the session; the answer is a redirect to the public stream name
 *              "s<id>", so the key never names an HLS file or a recording; the session goes live.
 *              One encoder at a time: another one with the same key is refused until "done".
 *   update:    asked every few seconds while an encoder publishes, with its key: 2xx while the key
 *              is the session's and the session neither ended nor taken down; else 403, and nginx
 *              drops the encoder (a revoked or replaced key stops whoever uses it).
 *   done:      the stream "s<id>" stopped: the session ends, unless its key was revoked or
 *              replaced meanwhile (that released the stream: the creator may go on with a new key).
 *   recorded:  the recording of "s<id>" is complete: crowdcartctl worker makes it the replay. */
#include <stdio.h>
#include <string.h>
#include "lib/config.h"
#include "lib/netcheck.h"
#include "domain/live/live_stream_key.h"
#include "domain/live/live_transition.h"
#include "studio/live_stream.h"
#include "web/response.h"

#define CALLBACK_ALLOW_DEFAULT "127.0.0.1, ::1"

static const struct db_stmt q_by_key = {
	"SELECT s.id, s.state FROM live_streams st JOIN live_sessions s ON s.id = st.session_id"
	" WHERE st.key_hash = ? AND s.taken_down_at IS NULL", "b", "is" };
/* One encoder at a time: the row is claimed only while no stream is on. A revoked or replaced key
 * releases it (live_stream.c), so that key's "done" ends nothing. */
static const struct db_stmt q_claim = {
	"UPDATE live_streams SET publishing_at = UTC_TIMESTAMP() WHERE session_id = ? AND publishing_at IS NULL", "i", "" };
static const struct db_stmt q_release = {
	"UPDATE live_streams SET publishing_at = NULL WHERE session_id = ? AND publishing_at IS NOT NULL", "i", "" };
/* A session whose stream is on (claimed by a key still set), as q_by_key's columns. */
static const struct db_stmt q_claimed = {
	"SELECT s.id, s.state FROM live_streams st JOIN live_sessions s ON s.id = st.session_id"
	" WHERE st.session_id = ? AND st.publishing_at IS NOT NULL AND st.key_hash IS NOT NULL AND s.taken_down_at IS NULL",
	"i", "is" };
static const struct db_stmt q_state = {
	"SELECT state FROM live_sessions WHERE id = ?", "i", "s" };
static const struct db_stmt q_stream_url = {
	"UPDATE live_sessions SET stream_url = ? WHERE id = ?", "si", "" };
static const struct db_stmt q_recorded = {
	"UPDATE live_streams SET recording = ?, replay_state = 'pending', replay_attempts = 0,"
	" replay_next_at = UTC_TIMESTAMP() WHERE session_id = ?", "si", "" };

/* Whether the caller may use these routes; else the 403 is made. */
static bool caller_allowed(struct req *r)
{
	struct netcheck_addr a;
	if (netcheck_literal(r->remote_addr, &a) &&
	    netcheck_listed(&a, config_str("stream_callback_allow", CALLBACK_ALLOW_DEFAULT)))
		return true;
	response_text(r, 403, "text/plain; charset=utf-8", "Only the streaming server calls this.\n");
	return false;
}

static int answer(struct req *r, int status, const char *text)
{
	response_text(r, status, "text/plain; charset=utf-8", text);
	return REQ_DONE;
}

int page_live_stream_publish(struct req *r)
{
	if (!caller_allowed(r))
		return REQ_DONE;
	uint8_t hash[32];
	if (!live_stream_key_hash(req_str(r, "name"), hash))
		return answer(r, 403, "Unknown stream key.\n");
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_by_key, (struct db_param[]){ DB_B(hash, 32) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0)
		return answer(r, 403, "Unknown stream key.\n");
	long long id = db_at(&res, 0, 0)->i;
	enum live_state state = live_state_parse(db_at(&res, 0, 1)->s);
	if (state == LIVE_ENDED)
		return answer(r, 409, "This session has ended.\n");
	rc = db_query(r->db, NULL, &q_claim, (struct db_param[]){ DB_I(id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (db_affected(r->db) != 1)
		return answer(r, 409, "This session is streaming from another encoder already.\n");
	char name[LIVE_STREAM_NAME_MAX];
	live_stream_key_public_name(id, name);
	const char *hls = arena_printf(r->arena, "/media/live/hls/%s.m3u8", name);
	rc = db_query(r->db, NULL, &q_stream_url, (struct db_param[]){ DB_S(hls), DB_I(id) }, NULL);
	/* Another callback may have moved it first (an encoder retrying): live is what both want. */
	if (rc == DB_OK && state == LIVE_SCHEDULED) {
		rc = live_transition(r->db, r->arena, id, LIVE_SCHEDULED, LIVE_LIVE);
		if (rc == DB_CONFLICT)
			rc = DB_OK;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_header(r, "Location", name);
	return answer(r, 302, "");
}

int page_live_stream_update(struct req *r)
{
	if (!caller_allowed(r))
		return REQ_DONE;
	/* The encoder's own connection is asked about by its key; nginx's push of it to the relay by
	 * the public name "s<id>", which stays on while the session's stream is claimed. */
	const char *name = req_str(r, "name");
	long long id = live_stream_key_session(name);
	uint8_t hash[32];
	struct db_res res = { 0 };
	enum db_status rc = id ? db_query(r->db, r->arena, &q_claimed, (struct db_param[]){ DB_I(id) }, &res)
		: live_stream_key_hash(name, hash) ? db_query(r->db, r->arena, &q_by_key, (struct db_param[]){ DB_B(hash, 32) }, &res)
		: DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0)
		return answer(r, 403, "This stream key was revoked.\n");
	if (live_state_parse(db_at(&res, 0, 1)->s) == LIVE_ENDED)
		return answer(r, 403, "This session has ended.\n");
	return answer(r, 200, "Go on.\n");
}

int page_live_stream_done(struct req *r)
{
	if (!caller_allowed(r))
		return REQ_DONE;
	long long id = live_stream_key_session(req_str(r, "name"));
	struct db_res res = { 0 };
	enum db_status rc = id ? db_query(r->db, r->arena, &q_state, (struct db_param[]){ DB_I(id) }, &res) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0)
		return answer(r, 404, "No such stream.\n");
	if ((rc = db_query(r->db, NULL, &q_release, (struct db_param[]){ DB_I(id) }, NULL)) != DB_OK)
		return req_db_fail(rc);
	if (db_affected(r->db) == 0)
		return answer(r, 200, "Released already: the key was revoked or replaced.\n");
	if (live_state_parse(db_at(&res, 0, 0)->s) == LIVE_LIVE) {
		rc = live_transition(r->db, r->arena, id, LIVE_LIVE, LIVE_ENDED);
		if (rc != DB_OK && rc != DB_CONFLICT)
			return req_db_fail(rc);
	}
	return answer(r, 200, "Ended.\n");
}

int page_live_stream_recorded(struct req *r)
{
	if (!caller_allowed(r))
		return REQ_DONE;
	long long id = live_stream_key_session(req_str(r, "name"));
	const char *file = id ? live_stream_key_recording(req_str(r, "path"), id) : NULL;
	if (!file)
		return answer(r, 422, "Not a recording of a live session.\n");
	enum db_status rc = db_query(r->db, NULL, &q_recorded, (struct db_param[]){ DB_S(file), DB_I(id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	return answer(r, db_affected(r->db) == 1 ? 200 : 404, "Recorded.\n");
}
