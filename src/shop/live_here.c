/* live_here.c: "POST /live/{id}/here" — the heartbeat live.js posts every LIVE_HERE_EVERY_S
 * seconds while a viewer has the live page open; the viewer count is the viewers seen in the last
 * LIVE_PRESENCE_S seconds. A POST, because counting from the events GET would make a read write
 * (and a proxy answering polls from its cache would hide viewers). Viewers without JavaScript
 * are not counted: the count says so ("watching with the page open"). */
#include "shop/live_now.h"
#include "web/response.h"

static const struct db_stmt q_seen = {
	"INSERT INTO live_presence (session_id, viewer_key, seen_at) VALUES (?, ?, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)", "ib", "" };

int page_live_here(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	if (s.state == LIVE_LIVE) {
		uint8_t key[32];
		live_viewer_key(r, key);
		enum db_status rc = db_query(r->db, NULL, &q_seen, (struct db_param[]){ DB_I(s.id), DB_B(key, 32) }, NULL);
		if (rc != DB_OK)
			return req_db_fail(rc);
	}
	response_text(r, 204, "text/plain", "");
	return REQ_DONE;
}
