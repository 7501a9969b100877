/* attribution.c: the request side of attribution (see attribution.h): touch on creator surfaces,
 * and the creator a brand's sale goes to. The rules themselves are in domain/creators/attr_*.c. */
#include <stdio.h>
#include <time.h>
#include "views/attribution.h"
#include "views/discount_link.h"
#include "web/response.h"

static const struct db_stmt q_record = {
	"INSERT INTO attribution_sessions (session_hash, creator_id, surface, touched_at) VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE creator_id = VALUES(creator_id), surface = VALUES(surface),"
	" touched_at = VALUES(touched_at)", "biss", "" };
static const struct db_stmt q_window = {
	"SELECT attribution_window_days FROM brands WHERE id = ?", "i", "i" };
static const struct db_stmt q_creator = {
	"SELECT 1 FROM creators WHERE id = ?", "i", "i" };

/* Written from this node's clock, in UTC, so that reading it back compares like with like. */
static void utc_text(long long t, char out[20])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

void attribution_touch(struct req *r, long long creator_id, enum attr_surface surface)
{
	long long now = (long long)time(NULL);
	struct attr_utm utm = { req_query(r, "utm_source"), req_query(r, "utm_medium"),
				req_query(r, "utm_campaign") };
	attr_visit_count(r->db, creator_id, surface, now, &utm);
	discount_link_remember(r);
	struct attr_mark cur = { 0, ATTR_NONE, 0 };
	const char *old = kv_get(&r->cookies, ATTR_COOKIE);
	if (old && !attr_cookie_decode(r->secret, old, &cur))
		cur = (struct attr_mark){ 0, ATTR_NONE, 0 };
	struct attr_mark m = attr_after_visit(cur, creator_id, surface, now);
	char text[ATTR_COOKIE_MAX];
	if (!attr_cookie_encode(r->secret, &m, text))
		return;
	response_cookie(r, ATTR_COOKIE, text, (long)ATTR_MAX_WINDOW_DAYS * 86400);
	if (r->sess.present) {
		char at[20];
		utc_text(now, at);
		/* A failure loses only the server-side copy; the cookie above still holds the mark. */
		db_best_effort(db_query(r->db, r->arena, &q_record, (struct db_param[]){ DB_B(r->sess.hash, 32), DB_I(creator_id),
				DB_S(attr_surface_name(m.surface)), DB_S(at) }, NULL));
	}
	attr_flush_visits(r->db, false);
}

enum db_status attribution_for_brand(struct req *r, long long brand_id, const struct attr_mark *server,
				     struct attribution *out)
{
	*out = (struct attribution){ 0, "", 0 };
	struct db_res w, s;
	enum db_status rc;
	struct attr_mark cookie = { 0, ATTR_NONE, 0 };
	const char *text = kv_get(&r->cookies, ATTR_COOKIE);
	if (text && !attr_cookie_decode(r->secret, text, &cookie))
		cookie = (struct attr_mark){ 0, ATTR_NONE, 0 };
	/* Most sales come with no creator mark at all: then no window can credit one, and the brand's
	 * window is not worth a round trip inside the checkout's transaction. */
	if (!server->creator_id && !cookie.creator_id)
		return DB_OK;
	if ((rc = db_query(r->db, r->arena, &q_window, (struct db_param[]){ DB_I(brand_id) }, &w)) != DB_OK || w.nrows == 0)
		return rc;
	unsigned window = (unsigned)db_at(&w, 0, 0)->i;
	struct attr_mark m = attr_resolve(server, &cookie, (long long)time(NULL), window);
	if (!m.creator_id)
		return DB_OK;
	/* A cookie can outlive its creator's account: credit only creators that still exist. */
	rc = db_query(r->db, r->arena, &q_creator, (struct db_param[]){ DB_I(m.creator_id) }, &s);
	if (rc == DB_OK && s.nrows)
		*out = (struct attribution){ m.creator_id, attr_surface_name(m.surface), m.at };
	return rc;
}
