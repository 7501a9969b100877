/* live_common.c: the live session row and the viewer's identity, for the shop's live pages. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "shop/live_view.h"
#include "web/response.h"
#include "domain/moderation/takedown.h"
#include "views/image_view.h"
#include "db/dbcache.h"

static const struct db_stmt q_session = {
	"SELECT s.creator_id, s.title, DATE_FORMAT(s.starts_at, '%Y-%m-%dT%H:%i:%sZ'), s.stream_url, s.replay_url,"
	" s.blocked_words, s.state, CAST(UNIX_TIMESTAMP(s.starts_at) * 1000 AS SIGNED),"
	" COALESCE(CAST(UNIX_TIMESTAMP(s.started_at) * 1000 AS SIGNED), 0), s.last_seq, c.handle, c.display_name,"
	" s.taken_down_at IS NOT NULL FROM live_sessions s JOIN creators c ON c.id = s.creator_id WHERE s.id = ?"
	" AND" ACCOUNT_ACTIVE_SQL("c.user_id"), "i", "issssssiiissi" };
static const struct db_stmt q_blocked = {
	"SELECT 1 FROM live_blocks WHERE session_id = ? AND viewer_key = ?", "ib", "i" };

static bool session_load(struct req *r, struct live_session *s, int *st, bool cached)
{
	*st = REQ_DONE;
	memset(s, 0, sizeof *s);
	s->id = req_id(r, "id");
	s->cached = cached;
	struct db_res res = { 0 };
	struct db_param id[] = { DB_I(s->id) };
	enum db_status rc = !s->id ? DB_OK
		: cached ? db_query_cached_stamped(r->db, r->arena, &q_session, id, &s->read_done_ns, &res)
		: db_query(r->db, r->arena, &q_session, id, &res);
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (res.nrows == 0) {
		response_error(r, 404, "There is no live session with that number.");
		return false;
	}
	/* Every live route (page, questions, votes, cart, events) ends here. */
	if (db_at(&res, 0, 12)->i) {
		response_error(r, 410, TAKEDOWN_PUBLIC_TEXT);
		return false;
	}
	s->creator_id = db_at(&res, 0, 0)->i;
	s->title = db_at(&res, 0, 1)->s;
	s->starts_at = db_at(&res, 0, 2)->s;
	s->stream_url = db_at(&res, 0, 3)->s;
	s->replay_url = db_at(&res, 0, 4)->s;
	s->blocked_words = db_at(&res, 0, 5)->s;
	s->state = live_state_parse(db_at(&res, 0, 6)->s);
	s->starts_ms = db_at(&res, 0, 7)->i;
	s->started_ms = db_at(&res, 0, 8)->i;
	s->last_seq = db_at(&res, 0, 9)->i;
	s->handle = db_at(&res, 0, 10)->s;
	s->creator_name = db_at(&res, 0, 11)->s;
	return true;
}

bool live_session_load(struct req *r, struct live_session *s, int *st)
{
	return session_load(r, s, st, false);
}

bool live_session_load_public(struct req *r, struct live_session *s, int *st)
{
	return session_load(r, s, st, true);
}

enum db_status live_page_list(struct req *r, const struct live_session *s, const struct db_stmt *st,
			      const struct db_param *params, struct db_res *out)
{
	if (s->cached)
		return db_query_cached_since(r->db, r->arena, st, params, s->read_done_ns, out);
	return db_query(r->db, r->arena, st, params, out);
}

void live_viewer_key(const struct req *r, uint8_t key[32])
{
	if (r->sess.user_id) {
		char text[40];
		int n = snprintf(text, sizeof text, "live-user:%lld", r->sess.user_id);
		crypto_generichash(key, 32, (const unsigned char *)text, (size_t)n, NULL, 0);
	} else {
		memcpy(key, r->sess.hash, 32);
	}
}

enum db_status live_viewer_blocked(struct req *r, long long id, const uint8_t key[32], bool *blocked)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_blocked, (struct db_param[]){ DB_I(id), DB_B(key, 32) }, &res);
	*blocked = rc == DB_OK && res.nrows > 0;
	return rc;
}

const char *live_product_url(struct req *r, const struct db_res *res, size_t row, size_t col, const char *via)
{
	return arena_printf(r->arena, "/p/%s/%s?via=%s", db_at(res, row, col + 8)->s, db_at(res, row, col + 9)->s, via);
}

const char *live_product_image(struct req *r, const struct db_res *res, size_t row, size_t col)
{
	const char *ref = db_at(res, row, col + 6)->s;
	if (!*ref)
		return NULL;
	const char *url = image_view_url(r->arena, ref, 320);
	return url ? url : IMAGE_PLACEHOLDER_URL;
}
