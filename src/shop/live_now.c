/* live_now.c: the session's present state (live_now.h), read with a handful of primary-key and
 * index-range queries per refresh of a worker's tail, never per viewer. */
#include <string.h>
#include <time.h>
#include "shop/live_now.h"
#include "domain/live/live_reactions.h"
#include "views/card_view.h"
#include "web/layout.h"

/* The running deal of a pinned product is the one ending last among those running now. */
static const struct db_stmt q_pins = {
	"SELECT " LIVE_PRODUCT_COLS "," CARD_GIFTED("?") ", pn.id, COALESCE(d.id, 0), COALESCE(d.price, 0),"
	" COALESCE(d.currency, ''), COALESCE(CAST(UNIX_TIMESTAMP(d.ends_at) * 1000 AS SIGNED), 0),"
	" COALESCE(d.stock, 0), COALESCE(d.per_buyer, 0),"
	" COALESCE((SELECT SUM(c.quantity) FROM live_deal_claims c WHERE c.deal_id = d.id"
	" AND (c.placed_at IS NOT NULL OR c.hold_until > UTC_TIMESTAMP(3))), 0)"
	" FROM live_pins pn JOIN products p ON p.id = pn.product_id" CARD_JOINS
	" LEFT JOIN live_deals d ON d.id = (SELECT d2.id FROM live_deals d2 WHERE d2.session_id = pn.session_id"
	" AND d2.product_id = pn.product_id AND d2.starts_at <= UTC_TIMESTAMP(3) AND d2.ends_at > UTC_TIMESTAMP(3)"
	" ORDER BY d2.ends_at DESC LIMIT 1)"
	" WHERE pn.session_id = ? AND pn.unpinned_at IS NULL ORDER BY pn.slot DESC, pn.id DESC LIMIT 3",
	"ii", LIVE_PRODUCT_TYPES "iiiisiiii" };
_Static_assert(LIVE_PINS_MAX == 3, "q_pins's LIMIT");
static const struct db_stmt q_poll = {
	"SELECT id, question, option1, option2, option3, option4, closed_at IS NOT NULL,"
	" (SELECT COUNT(*) FROM live_poll_votes v WHERE v.poll_id = p.id AND v.choice = 1),"
	" (SELECT COUNT(*) FROM live_poll_votes v WHERE v.poll_id = p.id AND v.choice = 2),"
	" (SELECT COUNT(*) FROM live_poll_votes v WHERE v.poll_id = p.id AND v.choice = 3),"
	" (SELECT COUNT(*) FROM live_poll_votes v WHERE v.poll_id = p.id AND v.choice = 4)"
	" FROM live_polls p WHERE session_id = ? ORDER BY created_at DESC, id DESC LIMIT 1", "i", "isssssiiiii" };
/* Settled seconds only: workers write a second's counts up to about a second after it ends. */
static const struct db_stmt q_reactions = {
	"SELECT CAST(UNIX_TIMESTAMP(at_s) AS SIGNED), emoji, CAST(SUM(n) AS SIGNED) FROM live_reactions"
	" WHERE session_id = ? AND at_s >= UTC_TIMESTAMP() - INTERVAL 12 SECOND AND at_s < UTC_TIMESTAMP() - INTERVAL 2 SECOND"
	" GROUP BY at_s, emoji ORDER BY at_s", "i", "isi" };
_Static_assert(LIVE_REACTION_WINDOW_S == 10 && LIVE_REACTIONS_SETTLE_S == 2, "q_reactions's interval");
static const struct db_stmt q_viewers = {
	"SELECT COUNT(*) FROM live_presence WHERE session_id = ? AND seen_at > UTC_TIMESTAMP() - INTERVAL 45 SECOND",
	"i", "i" };
_Static_assert(LIVE_PRESENCE_S == 45, "q_viewers's interval");
static const struct db_stmt q_chat_pin = {
	"SELECT c.id, c.display_name, c.body FROM live_sessions s JOIN live_chat c ON c.id = s.pinned_chat_id"
	" AND c.hidden = 0 WHERE s.id = ?", "i", "iss" };

enum db_status live_now_pins(struct req *r, const struct live_session *s, struct db_res *out)
{
	return live_page_list(r, s, &q_pins, (struct db_param[]){ DB_I(s->creator_id), DB_I(s->id) }, out);
}

enum db_status live_now_poll(struct req *r, const struct live_session *s, struct db_res *out)
{
	return live_page_list(r, s, &q_poll, (struct db_param[]){ DB_I(s->id) }, out);
}

json_t *live_now_pin_json(struct req *r, const struct db_res *res, size_t i, const char *via)
{
	long long stock = db_at(res, i, 5)->i, variant = db_at(res, i, 10)->i;
	json_t *p = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s*, s:s, s:I, s:b, s:b, s:I}",
		"id", (json_int_t)db_at(res, i, 0)->i, "title", db_at(res, i, 1)->s, "brand", db_at(res, i, 2)->s,
		"price", layout_money(r, db_at(res, i, 3)->i, db_at(res, i, 4)->s),
		"url", live_product_url(r, res, i, 0, via), "image", live_product_image(r, res, i, 0), "alt", db_at(res, i, 7)->s,
		"variant", (json_int_t)(stock > 0 ? variant : 0), "sold_out", stock <= 0,
		"gifted", (int)db_at(res, i, NOW_GIFTED)->i, "pin", (json_int_t)db_at(res, i, NOW_PIN)->i);
	if (db_at(res, i, NOW_DEAL)->i) {
		long long left = db_at(res, i, NOW_DEAL_STOCK)->i - db_at(res, i, NOW_DEAL_TAKEN)->i;
		json_object_set_new(p, "deal", json_pack("{s:I, s:s, s:I, s:I, s:I, s:I}",
			"id", (json_int_t)db_at(res, i, NOW_DEAL)->i,
			"price", layout_money(r, db_at(res, i, NOW_DEAL_PRICE)->i, db_at(res, i, NOW_DEAL_CURRENCY)->s),
			"ends", (json_int_t)db_at(res, i, NOW_DEAL_ENDS_MS)->i, "left", (json_int_t)(left > 0 ? left : 0),
			"stock", (json_int_t)db_at(res, i, NOW_DEAL_STOCK)->i,
			"per_buyer", (json_int_t)db_at(res, i, NOW_DEAL_PER_BUYER)->i));
	}
	return p;
}

static json_t *poll_json(const struct db_res *res)
{
	if (res->nrows == 0)
		return json_null();
	json_t *options = json_array();
	for (size_t k = 0; k < 4; k++)
		if (*db_at(res, 0, 2 + k)->s)
			json_array_append_new(options, json_pack("{s:s, s:I}", "text", db_at(res, 0, 2 + k)->s,
				"votes", (json_int_t)db_at(res, 0, 7 + k)->i));
	return json_pack("{s:I, s:s, s:b, s:o}", "id", (json_int_t)db_at(res, 0, 0)->i, "question", db_at(res, 0, 1)->s,
			 "closed", (int)db_at(res, 0, 6)->i, "options", options);
}

/* [{"at": unix seconds, "heart": n, ...}, ...], oldest first. */
static json_t *reactions_json(const struct db_res *res)
{
	json_t *list = json_array(), *cur = NULL;
	long long at = -1;
	for (size_t i = 0; i < res->nrows; i++) {
		if (db_at(res, i, 0)->i != at) {
			at = db_at(res, i, 0)->i;
			cur = json_pack("{s:I}", "at", (json_int_t)at);
			json_array_append_new(list, cur);
		}
		json_object_set_new(cur, db_at(res, i, 1)->s, json_integer(db_at(res, i, 2)->i));
	}
	return list;
}

enum db_status live_now_json(struct req *r, long long id, long long creator_id, const char *via, json_t **out)
{
	*out = NULL;
	struct db_res pins, poll, reactions, viewers, chat;
	struct db_param one[] = { DB_I(id) };
	const struct live_session s = { .id = id, .creator_id = creator_id };	/* read afresh */
	enum db_status rc = live_now_pins(r, &s, &pins);
	if (rc == DB_OK)
		rc = live_now_poll(r, &s, &poll);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_reactions, one, &reactions);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_viewers, one, &viewers);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_chat_pin, one, &chat);
	if (rc != DB_OK)
		return rc;
	json_t *list = json_array();
	for (size_t i = 0; i < pins.nrows; i++)
		json_array_append_new(list, live_now_pin_json(r, &pins, i, via));
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	*out = json_pack("{s:I, s:I, s:o, s:o, s:o}", "at", (json_int_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000,
			 "viewers", (json_int_t)db_at(&viewers, 0, 0)->i, "pins", list, "poll", poll_json(&poll),
			 "reactions", reactions_json(&reactions));
	json_object_set_new(*out, "chat_pin", chat.nrows ? json_pack("{s:I, s:s, s:s}", "id",
		(json_int_t)db_at(&chat, 0, 0)->i, "name", db_at(&chat, 0, 1)->s, "text", db_at(&chat, 0, 2)->s) : json_null());
	return DB_OK;
}
