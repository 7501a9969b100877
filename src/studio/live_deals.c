/* live_deals.c: "POST /studio/live/{id}/deals" — a flash deal on a pinned product while live: a
 * price below the product's (in its currency, minor units), LIVE_DEAL_MIN_S..LIVE_DEAL_MAX_S
 * seconds from now, a deal stock and a per-buyer limit (domain/live/live_deal.h). One deal at a
 * time per product; the deal and its event (the replay's marker) commit together. */
#include "domain/live/live_deal.h"
#include "domain/live/live_event.h"
#include "studio/live_studio.h"
#include "web/response.h"

/* The variant a pin's buy button adds (as LIVE_PRODUCT_COLS picks it), its price and currency. */
static const struct db_stmt q_pinned = {
	"SELECT va.id, va.price, va.currency FROM live_pins pn JOIN variants va ON va.id ="
	" (SELECT v2.id FROM variants v2 WHERE v2.product_id = pn.product_id"
	" ORDER BY v2.stock > 0 OR v2.inventory_policy <> 'deny' DESC, v2.position, v2.id LIMIT 1)"
	" WHERE pn.session_id = ? AND pn.product_id = ? AND pn.unpinned_at IS NULL LIMIT 1", "ii", "iis" };
static const struct db_stmt q_lock = {
	"SELECT last_seq FROM live_sessions WHERE id = ? FOR UPDATE", "i", "i" };
static const struct db_stmt q_running = {
	"SELECT 1 FROM live_deals WHERE session_id = ? AND product_id = ? AND ends_at > UTC_TIMESTAMP(3)", "ii", "i" };
static const struct db_stmt q_insert = {
	"INSERT INTO live_deals (session_id, product_id, variant_id, price, currency, stock, per_buyer, starts_at, ends_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL ? SECOND)", "iiiisiii", "" };

struct deal {
	struct arena *a;
	long long session_id, product_id, variant_id, price, stock, per_buyer, seconds;
	const char *currency;
	bool running;
};

static enum db_status deal_write(struct db *db, void *ctx)
{
	struct deal *d = ctx;
	struct db_res lock, running;
	enum db_status rc = db_query(db, d->a, &q_lock, (struct db_param[]){ DB_I(d->session_id) }, &lock);
	if (rc == DB_OK)
		rc = db_query(db, d->a, &q_running, (struct db_param[]){ DB_I(d->session_id), DB_I(d->product_id) }, &running);
	if (rc != DB_OK)
		return rc;
	if ((d->running = running.nrows > 0))
		return DB_CONFLICT;
	rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(d->session_id), DB_I(d->product_id), DB_I(d->variant_id),
		DB_I(d->price), DB_S(d->currency), DB_I(d->stock), DB_I(d->per_buyer), DB_I(d->seconds) }, NULL);
	if (rc != DB_OK)
		return rc;
	return live_event_add(db, d->a, d->session_id, "deal", (long long)db_insert_id(db), NULL);
}

int page_studio_live_deal(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	if (o.state != LIVE_LIVE) {
		response_error(r, 409, "Flash deals run while the session is live.");
		return REQ_DONE;
	}
	struct deal d = { .a = r->arena, .session_id = o.id, .product_id = req_id(r, "product") };
	struct db_res v = { 0 };
	enum db_status rc = d.product_id ? db_query(r->db, r->arena, &q_pinned,
				(struct db_param[]){ DB_I(o.id), DB_I(d.product_id) }, &v) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (v.nrows == 0) {
		response_error(r, 422, "A flash deal goes on a product pinned now.");
		return REQ_DONE;
	}
	d.variant_id = db_at(&v, 0, 0)->i;
	d.currency = db_at(&v, 0, 2)->s;
	if (!req_money(r, "price", d.currency, &d.price) || d.price >= db_at(&v, 0, 1)->i) {
		response_error(r, 422, "The deal price must be below the product's own price.");
		return REQ_DONE;
	}
	if (!req_int(r, "seconds", &d.seconds) || !req_int(r, "stock", &d.stock) || !req_int(r, "per_buyer", &d.per_buyer)) {
		response_error(r, 422, "Give the deal a length (10 to 300 seconds), a stock and a limit per buyer (1 to 10).");
		return REQ_DONE;
	}
	rc = db_txn(r->db, deal_write, &d);
	if (d.running) {
		response_error(r, 409, "This product already has a flash deal running.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld#live-panel-pins", o.id));
	return REQ_DONE;
}
