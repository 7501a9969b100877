/* live_pins.c: the control panel's forms on the current pins: unpin one, or move it one place
 * up (it swaps slots with the pin shown before it). Viewers see the change with their next poll
 * (the pins are part of every poll's "now"); an unpin is also an event, for the replay. */
#include "domain/live/live_event.h"
#include "studio/live_studio.h"
#include "web/response.h"

static const struct db_stmt q_lock = {
	"SELECT last_seq FROM live_sessions WHERE id = ? FOR UPDATE", "i", "i" };
static const struct db_stmt q_current = {
	"SELECT id, slot FROM live_pins WHERE session_id = ? AND unpinned_at IS NULL ORDER BY slot DESC, id DESC",
	"i", "ii" };
static const struct db_stmt q_unpin = {
	"UPDATE live_pins SET unpinned_at = UTC_TIMESTAMP(3) WHERE id = ? AND session_id = ? AND unpinned_at IS NULL",
	"ii", "" };
static const struct db_stmt q_slot = {
	"UPDATE live_pins SET slot = ? WHERE id = ?", "ii", "" };

struct pin_change {
	struct arena *a;
	long long session_id, pin_id;
	bool found;
};

static enum db_status unpin_write(struct db *db, void *ctx)
{
	struct pin_change *c = ctx;
	enum db_status rc = db_query(db, NULL, &q_unpin, (struct db_param[]){ DB_I(c->pin_id), DB_I(c->session_id) }, NULL);
	if (rc != DB_OK)
		return rc;
	c->found = db_affected(db) == 1;
	return c->found ? live_event_add(db, c->a, c->session_id, "unpin", c->pin_id, NULL) : DB_OK;
}

/* Slots are read and rewritten under the session row's lock, so two tabs cannot interleave. */
static enum db_status up_write(struct db *db, void *ctx)
{
	struct pin_change *c = ctx;
	struct db_res lock, cur;
	enum db_status rc = db_query(db, c->a, &q_lock, (struct db_param[]){ DB_I(c->session_id) }, &lock);
	if (rc == DB_OK)
		rc = db_query(db, c->a, &q_current, (struct db_param[]){ DB_I(c->session_id) }, &cur);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < cur.nrows; i++) {
		if (db_at(&cur, i, 0)->i != c->pin_id)
			continue;
		c->found = true;
		if (i == 0)
			return DB_OK;
		/* Renumber the pins in their new order: equal slots (older rows) cannot tie any more. */
		long long n = (long long)cur.nrows;
		for (size_t k = 0; rc == DB_OK && k < cur.nrows; k++) {
			size_t from = k == i - 1 ? i : k == i ? i - 1 : k;
			rc = db_query(db, NULL, &q_slot, (struct db_param[]){ DB_I(n - (long long)k),
				DB_I(db_at(&cur, from, 0)->i) }, NULL);
		}
		return rc;
	}
	return DB_OK;
}

static int change(struct req *r, enum db_status (*fn)(struct db *, void *))
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	struct pin_change c = { r->arena, o.id, req_id(r, "q"), false };
	enum db_status rc = c.pin_id ? db_txn(r->db, fn, &c) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!c.found) {
		response_error(r, 404, "That product is not pinned in this session.");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld#live-panel-pins", o.id));
	return REQ_DONE;
}

int page_studio_live_unpin(struct req *r)
{
	return change(r, unpin_write);
}

int page_studio_live_pin_up(struct req *r)
{
	return change(r, up_write);
}
