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
static const struct db_stmt q_pin = {
	"INSERT INTO live_pins (session_id, product_id, pinned_at) VALUES (?, ?, UTC_TIMESTAMP(3))", "ii", "" };
static const struct db_stmt q_settings = {
	"UPDATE live_sessions SET replay_url = ?, blocked_words = ? WHERE id = ?", "ssi", "" };

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

static enum db_status pin_write(struct db *db, void *ctx)
{
	struct change *c = ctx;
	enum db_status rc = db_query(db, NULL, &q_pin, (struct db_param[]){ DB_I(c->id), DB_I(c->ref) }, NULL);
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
	enum db_status rc = db_query(r->db, NULL, &q_settings, (struct db_param[]){ DB_S(replay), DB_S(words ? words : ""), DB_I(o.id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld", o.id));
	return REQ_DONE;
}
