/* live_page.c: "/live/{id}" — a live shopping session for viewers: before the start a countdown
 * and "remind me", while live the player, the pinned product with a buy button, the lineup and
 * the questions (ask, upvote), after the end the replay with each pin at its moment. Everything
 * works without JavaScript (reload for news); static/js/live.js polls the events and applies them. */
#include <string.h>
#include "views/attribution.h"
#include "views/card_view.h"
#include "db/dbcache.h"
#include "shop/live_view.h"
#include "web/layout.h"
#include "web/response.h"
#include "views/page_meta.h"
#include "views/image_view.h"
#include "shop/live_now.h"
#include <time.h>

static const struct db_stmt q_lineup = {
	"SELECT " LIVE_PRODUCT_COLS "," CARD_GIFTED("?") " FROM live_lineup l JOIN products p ON p.id = l.product_id"
	CARD_JOINS " WHERE l.session_id = ? AND p.status = 'active' ORDER BY l.position, l.product_id LIMIT 20",
	"ii", LIVE_PRODUCT_TYPES "i" };
/* The pins, newest first (the first is the current one), with their time in milliseconds: all of
 * them, oldest first, are the replay's moments. */
static const struct db_stmt q_pins = {
	"SELECT " LIVE_PRODUCT_COLS ", CAST(UNIX_TIMESTAMP(pn.pinned_at) * 1000 AS SIGNED)," CARD_GIFTED("?")
	" FROM live_pins pn JOIN products p ON p.id = pn.product_id" CARD_JOINS
	" WHERE pn.session_id = ? ORDER BY pn.pinned_at DESC, pn.id DESC LIMIT 500", "ii", LIVE_PRODUCT_TYPES "ii" };
#define PIN_GIFTED (LIVE_PRODUCT_NCOLS + 1)
/* Hidden questions (and so those of blocked viewers) are nobody's to see here, the asker's
 * included: the page and the events answer the same for everyone (docs/LIVE.md). */
static const struct db_stmt q_questions = {
	"SELECT id, display_name, body, votes, answer, answered FROM live_questions"
	" WHERE session_id = ? AND hidden = 0 ORDER BY votes DESC, created_at, id LIMIT 200", "i", "issisi" };
static const struct db_stmt q_chat = {
	"SELECT id, display_name, body FROM (SELECT id, display_name, body, created_at FROM live_chat"
	" WHERE session_id = ? AND hidden = 0 ORDER BY created_at DESC, id DESC LIMIT 100) c ORDER BY created_at, id",
	"i", "iss" };
/* The replay's flash-deal moments. */
static const struct db_stmt q_deals = {
	"SELECT d.product_id, p.title, d.price, d.currency, CAST(UNIX_TIMESTAMP(d.starts_at) * 1000 AS SIGNED)"
	" FROM live_deals d JOIN products p ON p.id = d.product_id WHERE d.session_id = ? ORDER BY d.starts_at, d.id LIMIT 200",
	"i", "isisi" };
static const struct db_stmt q_viewer = {
	"SELECT display_name FROM live_viewers WHERE session_id = ? AND viewer_key = ?", "ib", "s" };

/* Fills a product's card fields, with the buy form when it can be bought, and "Gifted by" when
 * column `gifted` says the session's creator received it as a sample. */
static tmpl_dict *product_fields(struct req *r, tmpl_dict *row, const struct live_session *s, const struct db_res *res,
				 size_t i, size_t gifted)
{
	tmpl_set_int(row, "PRODUCT", db_at(res, i, 0)->i);
	tmpl_dict *c = tmpl_include(row, "PRODUCT_CARD", "live_product.tpl");
	tmpl_set_int(c, "PRODUCT", db_at(res, i, 0)->i);
	tmpl_set(c, "TITLE", db_at(res, i, 1)->s);
	tmpl_set(c, "BRAND", db_at(res, i, 2)->s);
	tmpl_set(c, "PRICE", layout_money(r, db_at(res, i, 3)->i, db_at(res, i, 4)->s));
	tmpl_set(c, "URL", live_product_url(r, res, i, 0, s->handle));
	image_view_fill(r, c, "IMAGE", db_at(res, i, 6)->s, db_at(res, i, 7)->s, IMAGE_SLOT_CARD, false);
	long long variant = db_at(res, i, 10)->i;
	if (db_at(res, i, 5)->i > 0 && variant > 0) {
		tmpl_dict *b = tmpl_add(c, "BUY");
		tmpl_set_int(b, "LIVE", s->id);
		tmpl_set_int(b, "VARIANT", variant);
	} else {
		tmpl_show(c, "SOLD_OUT");
	}
	card_view_gifted(c, res, i, gifted);
	return c;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A current pin's card, with its running flash deal (price, countdown, units left, the buy form
 * at the deal price while units are left). */
static void pin_fields(struct req *r, tmpl_dict *row, const struct live_session *s, const struct db_res *res, size_t i)
{
	tmpl_dict *c = product_fields(r, row, s, res, i, NOW_GIFTED);
	tmpl_set_int(row, "PIN", db_at(res, i, NOW_PIN)->i);
	long long deal = db_at(res, i, NOW_DEAL)->i;
	if (!deal)
		return;
	tmpl_dict *d = tmpl_add(c, "DEAL");
	long long ends = db_at(res, i, NOW_DEAL_ENDS_MS)->i, left_s = (ends - now_ms() + 999) / 1000;
	long long left = db_at(res, i, NOW_DEAL_STOCK)->i - db_at(res, i, NOW_DEAL_TAKEN)->i;
	tmpl_set_int(d, "ID", deal);
	tmpl_set_int(d, "LIVE", s->id);
	tmpl_set_int(d, "ENDS", ends);
	tmpl_set_int(d, "LEFT_S", left_s > 0 ? left_s : 0);
	tmpl_set_int(d, "LEFT", left > 0 ? left : 0);
	tmpl_set_int(d, "PER_BUYER", db_at(res, i, NOW_DEAL_PER_BUYER)->i);
	tmpl_set(d, "PRICE", layout_money(r, db_at(res, i, NOW_DEAL_PRICE)->i, db_at(res, i, NOW_DEAL_CURRENCY)->s));
	tmpl_set(d, "WAS", layout_money(r, db_at(res, i, 3)->i, db_at(res, i, 4)->s));
	if (left > 0 && db_at(res, i, 5)->i > 0)
		tmpl_set_int(tmpl_add(d, "TAKE"), "VARIANT", db_at(res, i, 10)->i);
	else
		tmpl_show(d, "DEAL_GONE");
}

static void chat(tmpl_dict *d, const struct live_session *s, const struct db_res *c)
{
	for (size_t i = 0; i < c->nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "CHAT");
		tmpl_set_int(e, "ID", db_at(c, i, 0)->i);
		tmpl_set(e, "NAME", db_at(c, i, 1)->s);
		tmpl_set(e, "TEXT", db_at(c, i, 2)->s);
	}
}

static void poll(tmpl_dict *d, const struct live_session *s, const struct db_res *p)
{
	if (p->nrows == 0) {
		tmpl_show(d, "NO_POLL");
		return;
	}
	tmpl_dict *pd = tmpl_add(d, "POLL");
	tmpl_set_int(pd, "ID", db_at(p, 0, 0)->i);
	tmpl_set_int(pd, "LIVE", s->id);
	tmpl_set(pd, "QUESTION", db_at(p, 0, 1)->s);
	bool open = !db_at(p, 0, 6)->i && s->state == LIVE_LIVE;
	if (open)
		tmpl_set_int(tmpl_add(pd, "VOTE"), "ID", db_at(p, 0, 0)->i);
	else
		tmpl_show(pd, "CLOSED");
	for (size_t k = 0; k < LIVE_POLL_OPTIONS_MAX; k++) {
		if (!*db_at(p, 0, 2 + k)->s)
			continue;
		tmpl_dict *o = tmpl_add(pd, "OPTIONS");
		tmpl_set_int(o, "CHOICE", (long long)k + 1);
		tmpl_set_int(o, "POLL", db_at(p, 0, 0)->i);
		tmpl_set(o, "TEXT", db_at(p, 0, 2 + k)->s);
		tmpl_set_int(o, "VOTES", db_at(p, 0, 7 + k)->i);
		if (open)
			tmpl_show(o, "CAN_VOTE");
	}
}

static void questions(struct req *r, tmpl_dict *d, const struct live_session *s, const struct db_res *q)
{
	for (size_t i = 0; i < q->nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "QUESTIONS");
		tmpl_set_int(e, "ID", db_at(q, i, 0)->i);
		tmpl_set_int(e, "LIVE", s->id);
		tmpl_set(e, "NAME", db_at(q, i, 1)->s);
		tmpl_set(e, "TEXT", db_at(q, i, 2)->s);
		tmpl_set_int(e, "VOTES", db_at(q, i, 3)->i);
		if (*db_at(q, i, 4)->s)
			tmpl_set(tmpl_add(e, "ANSWER"), "TEXT", db_at(q, i, 4)->s);
		if (db_at(q, i, 5)->i)
			tmpl_show(e, "ANSWERED");
	}
	if (q->nrows == 0)
		tmpl_show(d, "NO_QUESTIONS");
}

/* Who is asking: blocked or not, and the name their questions go under (NULL: an anonymous
 * viewer who has not chosen one yet). */
struct asker {
	bool blocked;
	const char *name;
};

static enum db_status asker_of(struct req *r, const struct live_session *s, struct asker *a)
{
	a->name = NULL;
	a->blocked = false;
	if (!r->sess.present)	/* no session: never blocked (a block names one), no name chosen yet */
		return DB_OK;
	uint8_t key[32];
	live_viewer_key(r, key);
	enum db_status rc = live_viewer_blocked(r, s->id, key, &a->blocked);
	if (rc != DB_OK || a->blocked)
		return rc;
	if (r->sess.user_id) {
		a->name = r->sess.user_name ? r->sess.user_name : "";
		return DB_OK;
	}
	struct db_res v;
	rc = db_query(r->db, r->arena, &q_viewer, (struct db_param[]){ DB_I(s->id), DB_B(key, 32) }, &v);
	if (rc == DB_OK && v.nrows)
		a->name = db_at(&v, 0, 0)->s;
	return rc;
}

/* The ask form: signed-in viewers ask under their account name, others choose a display name
 * once per session (bound to their session from the first question on). */
static void ask_form(tmpl_dict *d, const struct live_session *s, const struct asker *a)
{
	if (a->blocked) {
		tmpl_show(d, "BLOCKED");
		return;
	}
	tmpl_dict *f = tmpl_add(d, "ASK");
	tmpl_set_int(f, "LIVE", s->id);
	tmpl_set_int(f, "MAX", LIVE_QUESTION_MAX);
	if (a->name)
		tmpl_set(tmpl_add(f, "AS_USER"), "NAME", a->name);
	else
		tmpl_set_int(tmpl_add(f, "NAME_FIELD"), "MAX", LIVE_NAME_MAX);
}

/* Chapters: "Jump to the {product}" at each pin and each flash deal's start, in time order;
 * without JavaScript the link opens the replay at that second (a media fragment). */
static void chapters(struct req *r, tmpl_dict *rp, const struct live_session *s, const struct db_res *pins,
		     const struct db_res *deals)
{
	size_t i = pins->nrows, k = 0;
	while (i > 0 || k < deals->nrows) {
		bool deal = k < deals->nrows && (i == 0 || db_at(deals, k, 4)->i < db_at(pins, i - 1, LIVE_PRODUCT_NCOLS)->i);
		long long at = deal ? db_at(deals, k, 4)->i : db_at(pins, i - 1, LIVE_PRODUCT_NCOLS)->i;
		long long off = live_offset_s(at, s->started_ms);
		char text[24];
		live_offset_text(off, text, sizeof text);
		tmpl_dict *c = tmpl_add(rp, "CHAPTERS");
		tmpl_set_int(c, "OFFSET", off);
		tmpl_set(c, "AT", text);
		tmpl_set(c, "HREF", *s->replay_url ? arena_printf(r->arena, "%s#t=%lld", s->replay_url, off) : "#live-replay");
		if (deal) {
			tmpl_dict *dd = tmpl_add(c, "DEAL");
			tmpl_set(dd, "TITLE", db_at(deals, k, 1)->s);
			tmpl_set(dd, "PRICE", layout_money(r, db_at(deals, k, 2)->i, db_at(deals, k, 3)->s));
			k++;
		} else {
			tmpl_set(tmpl_add(c, "PIN"), "TITLE", db_at(pins, i - 1, 1)->s);
			i--;
		}
	}
}

static void replay(struct req *r, tmpl_dict *d, const struct live_session *s, const struct db_res *pins,
		   const struct db_res *deals)
{
	tmpl_dict *rp = tmpl_add(d, "REPLAY");
	if (*s->replay_url)
		tmpl_set(tmpl_add(rp, "VIDEO"), "SRC", s->replay_url);
	else
		tmpl_show(rp, "NO_VIDEO");
	chapters(r, rp, s, pins, deals);
	for (size_t i = pins->nrows; i-- > 0;) {
		tmpl_dict *c = tmpl_add(rp, "MOMENTS");
		long long off = live_offset_s(db_at(pins, i, LIVE_PRODUCT_NCOLS)->i, s->started_ms);
		char text[24];
		live_offset_text(off, text, sizeof text);
		tmpl_set_int(c, "OFFSET", off);
		tmpl_set(c, "AT", text);
		product_fields(r, c, s, pins, i, PIN_GIFTED);
	}
	if (pins->nrows == 0)
		tmpl_show(rp, "NO_MOMENTS");
}

int page_live(struct req *r)
{
	struct live_session s;
	int st;
	/* Without a session the visitor sees what every cookieless visitor sees (and what a shared
	 * cache may keep): read through the worker's cache. With one, afresh: their own question or
	 * chat message, posted without JavaScript, shows on the page they come back to. */
	bool load = r->sess.present ? live_session_load(r, &s, &st) : live_session_load_public(r, &s, &st);
	if (!load)
		return st;
	return live_page_render(r, &s, 200, NULL);
}

int live_page_render(struct req *r, const struct live_session *sp, int status, const char *error)
{
	struct live_session s = *sp;
	struct db_res lineup, pins, qs, now_pins = { 0 }, chats = { 0 }, polls = { 0 }, deals = { 0 };
	struct asker asker = { 0 };
	struct db_param who_where[] = { DB_I(s.creator_id), DB_I(s.id) };
	enum db_status rc = db_query_cached_list(r->db, r->arena, &q_lineup, who_where, &lineup);
	if (rc == DB_OK)
		rc = live_page_list(r, &s, &q_pins, who_where, &pins);
	if (rc == DB_OK)
		rc = live_page_list(r, &s, &q_questions, (struct db_param[]){ DB_I(s.id) }, &qs);
	if (rc == DB_OK && s.state != LIVE_ENDED)
		rc = asker_of(r, &s, &asker);
	if (rc == DB_OK && s.state != LIVE_ENDED)
		rc = live_now_pins(r, &s, &now_pins);
	if (rc == DB_OK)
		rc = live_page_list(r, &s, &q_chat, (struct db_param[]){ DB_I(s.id) }, &chats);
	if (rc == DB_OK)
		rc = live_now_poll(r, &s, &polls);
	if (rc == DB_OK && s.state == LIVE_ENDED)
		rc = live_page_list(r, &s, &q_deals, (struct db_param[]){ DB_I(s.id) }, &deals);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "live.tpl", s.title);
	tmpl_set_int(d, "LIVE", s.id);
	report_page_link(r, d, TAKEDOWN_LIVE, s.id);
	/* The seq was read with the session row, before the lists: an event in between is applied
	 * twice by live.js (harmlessly), never missed. */
	tmpl_set_int(d, "SEQ", s.last_seq);
	tmpl_set(d, "STATE", live_state_name(s.state));
	tmpl_set(d, "TITLE", s.title);
	tmpl_set(d, "HANDLE", s.handle);
	tmpl_set(d, "CREATOR_NAME", s.creator_name);
	tmpl_set(d, "STARTS_AT", s.starts_at);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (s.state == LIVE_SCHEDULED) {
		tmpl_dict *w = tmpl_add(d, "SCHEDULED");
		tmpl_set(w, "STARTS_AT", s.starts_at);
		tmpl_set(w, "STARTS_TEXT", arena_strndup(r->arena, s.starts_at, 16));
		tmpl_set_int(w, "LIVE", s.id);
		const char *done = req_query(r, "reminded");
		if (done && strcmp(done, "1") == 0)
			tmpl_show(w, "REMINDED");
	} else if (s.state == LIVE_LIVE) {
		tmpl_set(tmpl_add(d, "ON_AIR"), "SRC", s.stream_url);
	} else {
		replay(r, d, &s, &pins, &deals);
	}
	if (s.state != LIVE_ENDED) {
		tmpl_dict *pin = tmpl_add(d, "PINNED");
		for (size_t i = 0; i < now_pins.nrows; i++)
			pin_fields(r, tmpl_add(pin, "PRODUCT"), &s, &now_pins, i);
		if (now_pins.nrows == 0)
			tmpl_show(pin, "NO_PIN");
	}
	chat(d, &s, &chats);
	poll(d, &s, &polls);
	if (s.state == LIVE_LIVE) {
		tmpl_set_int(tmpl_add(d, "REACT"), "LIVE", s.id);
		if (!asker.blocked) {
			tmpl_dict *cf = tmpl_add(d, "CHAT_FORM");
			tmpl_set_int(cf, "LIVE", s.id);
			tmpl_set_int(cf, "MAX", LIVE_CHAT_MAX);
			if (!asker.name)
				tmpl_set_int(tmpl_add(cf, "NAME_FIELD"), "MAX", LIVE_NAME_MAX);
		}
	}
	for (size_t i = 0; i < lineup.nrows; i++)
		product_fields(r, tmpl_add(d, "LINEUP"), &s, &lineup, i, LIVE_PRODUCT_NCOLS);
	questions(r, d, &s, &qs);
	if (s.state != LIVE_ENDED)
		ask_form(d, &s, &asker);
	page_meta_show(r, &(struct page_meta){
		.title = s.title, .by = arena_concat(r->arena, "live with ", s.creator_name, " · ", PAGE_META_SITE,
						    (char *)NULL),
		.description = arena_printf(r->arena, "Live shopping with %s (%s UTC): %s", s.creator_name,
						 arena_strndup(r->arena, s.starts_at, 16), s.title),
		.path = arena_printf(r->arena, "/live/%lld", s.id),
		.image = lineup.nrows ? db_at(&lineup, 0, 6)->s : NULL,
		.image_alt = lineup.nrows ? db_at(&lineup, 0, 7)->s : NULL,
	});
	attribution_touch(r, s.creator_id, ATTR_LIVE);
	layout_end(r, status);
	return REQ_DONE;
}
