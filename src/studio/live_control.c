/* live_control.c: the control panel's session forms: go live or end (going live queues the
 * "remind me" mails into the outbox in the same transaction), pin a lineup product (kept in
 * live_pins with its time, for the history and the replay), and the replay address and blocked
 * words. Each change and its event commit together. */
#include <string.h>
#include "domain/live/live_event.h"
#include "domain/live/live_transition.h"
#include "studio/live_studio.h"
#include "web/response.h"
#include "domain/video/video_rules.h"

static const struct db_stmt q_in_lineup = {
	"SELECT 1 FROM live_lineup WHERE session_id = ? AND product_id = ?", "ii", "i" };
/* The current pins under the session row's lock (live_event_add takes it too, first here). */
static const struct db_stmt q_lock = {
	"SELECT last_seq FROM live_sessions WHERE id = ? FOR UPDATE", "i", "i" };
static const struct db_stmt q_current = {
	"SELECT id, product_id, slot FROM live_pins WHERE session_id = ? AND unpinned_at IS NULL"
	" ORDER BY slot DESC, id DESC", "i", "iii" };
static const struct db_stmt q_unpin = {
	"UPDATE live_pins SET unpinned_at = UTC_TIMESTAMP(3) WHERE id = ? AND unpinned_at IS NULL", "i", "" };
/* A new pin goes first (the highest slot). */
static const struct db_stmt q_pin = {
	"INSERT INTO live_pins (session_id, product_id, pinned_at, slot) VALUES (?, ?, UTC_TIMESTAMP(3), ?)", "iii", "" };
static const struct db_stmt q_settings = {
	"UPDATE live_sessions SET replay_url = ?, blocked_words = ?, chat_slow_s = IF(? < 0, chat_slow_s, ?) WHERE id = ?",
	"ssiii", "" };

struct change {
	struct arena *a;
	long long id, ref;
};

int page_studio_live_state(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	enum live_state to = live_state_parse(req_form(r, "to"));
	if (to == LIVE__BAD || !live_state_next_ok(o.state, to)) {
		response_error(r, 409, "A session goes from scheduled to live to ended, one step at a time.");
		return REQ_DONE;
	}
	enum db_status rc = live_transition(r->db, r->arena, o.id, o.state, to);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld", o.id));
	return REQ_DONE;
}

/* At most LIVE_PINS_MAX at once: pinning one more unpins the one pinned longest ago (the
 * creator keeps talking; a refusal mid-show would cost a click). Pinning a product already
 * pinned changes nothing. */
static enum db_status pin_write(struct db *db, void *ctx)
{
	struct change *c = ctx;
	struct db_res lock, cur;
	enum db_status rc = db_query(db, c->a, &q_lock, (struct db_param[]){ DB_I(c->id) }, &lock);
	if (rc == DB_OK)
		rc = db_query(db, c->a, &q_current, (struct db_param[]){ DB_I(c->id) }, &cur);
	if (rc != DB_OK)
		return rc;
	long long top = cur.nrows ? db_at(&cur, 0, 2)->i : 0, oldest = 0;
	for (size_t i = 0; i < cur.nrows; i++) {
		if (db_at(&cur, i, 1)->i == c->ref)
			return DB_OK;
		if (i == 0 || db_at(&cur, i, 0)->i < oldest)
			oldest = db_at(&cur, i, 0)->i;
	}
	if (cur.nrows >= LIVE_PINS_MAX) {
		rc = db_query(db, NULL, &q_unpin, (struct db_param[]){ DB_I(oldest) }, NULL);
		if (rc == DB_OK)
			rc = live_event_add(db, c->a, c->id, "unpin", oldest, NULL);
		if (rc != DB_OK)
			return rc;
	}
	rc = db_query(db, NULL, &q_pin, (struct db_param[]){ DB_I(c->id), DB_I(c->ref), DB_I(top + 1) }, NULL);
	if (rc != DB_OK)
		return rc;
	return live_event_add(db, c->a, c->id, "pin", (long long)db_insert_id(db), NULL);
}

int page_studio_live_pin(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	if (o.state != LIVE_LIVE) {
		response_error(r, 409, "Products are pinned while the session is live.");
		return REQ_DONE;
	}
	long long product = req_id(r, "product");
	struct db_res res = { 0 };
	enum db_status rc = product ? db_query(r->db, r->arena, &q_in_lineup,
				(struct db_param[]){ DB_I(o.id), DB_I(product) }, &res) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (res.nrows == 0) {
		response_error(r, 422, "Pin a product from this session's lineup.");
		return REQ_DONE;
	}
	struct change c = { r->arena, o.id, product };
	if ((rc = db_txn(r->db, pin_write, &c)) != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld", o.id));
	return REQ_DONE;
}

int page_studio_live_settings(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	const char *replay = req_form(r, "replay_url"), *words = req_form(r, "blocked_words");
	replay = replay ? replay : "";
	if (*replay && !video_url_ok(replay)) {
		response_error(r, 422, "The replay must be an https:// link to a video, or a /media/ file.");
		return REQ_DONE;
	}
	/* slow mode: seconds between a viewer's chat messages; a form without the field keeps it */
	long long slow = -1;
	if (req_str(r, "chat_slow_s") && !req_int(r, "chat_slow_s", &slow)) {
		response_error(r, 422, "Slow mode is 0 to 300 seconds between a viewer's messages.");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, NULL, &q_settings, (struct db_param[]){ DB_S(replay), DB_S(words ? words : ""),
		DB_I(slow), DB_I(slow), DB_I(o.id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld", o.id));
	return REQ_DONE;
}
