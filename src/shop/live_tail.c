/* live_tail.c: a direct-mapped per-worker cache of each session's last LIVE_EVENTS_MAX events,
 * already as jansson objects; an event of a hidden question is kept as a bare "hide". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lib/config.h"
#include "shop/live_tail.h"
#include "web/layout.h"
#include "domain/creators/sample.h"

#define TAIL_SLOTS 32

static const struct db_stmt q_state = {
	"SELECT s.state, c.handle, s.creator_id FROM live_sessions s JOIN creators c ON c.id = s.creator_id WHERE s.id = ?",
	"i", "ssi" };
static const struct db_stmt q_tail = {
	"SELECT e.seq, e.kind, e.ref_id, CAST(UNIX_TIMESTAMP(e.created_at) * 1000 AS SIGNED),"
	" COALESCE(q.hidden, 1), COALESCE(q.display_name, ''), COALESCE(q.body, ''), COALESCE(q.votes, 0),"
	" COALESCE(q.answer, ''), COALESCE(q.answered, 0), COALESCE(pn.product_id, 0), COALESCE(p.title, ''),"
	" COALESCE(b.name, ''), COALESCE(p.price_min, 0), COALESCE(p.currency, ''), COALESCE(p.stock_total, 0),"
	" " IMAGE_REF_SQL("i.url", "i.url_hash") ", COALESCE(i.alt, ''), COALESCE(b.slug, ''), COALESCE(p.handle, ''),"
	" COALESCE((SELECT va.id FROM variants va WHERE va.product_id = p.id"
	" ORDER BY va.stock > 0 OR va.inventory_policy <> 'deny' DESC, va.position, va.id LIMIT 1), 0),"
	SAMPLE_GIFT_SQL("(SELECT ls.creator_id FROM live_sessions ls WHERE ls.id = e.session_id)", "p.id") ","
	" COALESCE(ch.hidden, 1), COALESCE(ch.display_name, ''), COALESCE(ch.body, ''),"
	" CAST(UNIX_TIMESTAMP(COALESCE(ch.created_at, e.created_at)) * 1000 AS SIGNED)"
	" FROM live_events e"
	" LEFT JOIN live_questions q ON e.kind IN ('question', 'answer', 'vote', 'hide') AND q.id = e.ref_id"
	" LEFT JOIN live_pins pn ON e.kind IN ('pin', 'unpin') AND pn.id = e.ref_id"
	" LEFT JOIN live_chat ch ON e.kind IN ('chat', 'chat_hide') AND ch.id = e.ref_id"
	" LEFT JOIN products p ON p.id = pn.product_id LEFT JOIN brands b ON b.id = p.brand_id"
	" LEFT JOIN product_images i ON i.id = (SELECT i2.id FROM product_images i2"
	" WHERE i2.product_id = p.id ORDER BY i2.position, i2.id LIMIT 1)"
	" WHERE e.session_id = ? ORDER BY e.seq DESC LIMIT 100",
	"i", "isiiissisi" LIVE_PRODUCT_TYPES "iissi" };
/* The chat columns, after the product's and its gifted flag. */
#define TAIL_CHAT (10 + LIVE_PRODUCT_NCOLS + 1)
_Static_assert(LIVE_EVENTS_MAX == 100, "q_tail's LIMIT");

/* The answers made from this tail, by cursor: viewers converge on the same cursor, so most polls
 * of a refresh period are answered with a string already made (no filtering, no serialising). */
#define ANSWERS 8
struct answer {
	long long after;
	char *text;	/* json_dumps's, freed with the tail */
};

struct slot {
	long long id, expires_ms;
	struct live_tail t;
	struct answer answers[ANSWERS];
	unsigned nanswers;
};
static struct slot slots[TAIL_SLOTS];

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One event row as the JSON live.js applies (docs/LIVE.md lists the shapes). */
static json_t *event_json(struct req *r, const struct db_res *res, size_t i, const char *via)
{
	const char *kind = db_at(res, i, 1)->s;
	json_t *e = json_pack("{s:I, s:I}", "seq", (json_int_t)db_at(res, i, 0)->i, "at", (json_int_t)db_at(res, i, 3)->i);
	if (strcmp(kind, "state") == 0) {
		json_object_set_new(e, "kind", json_string("state"));
		return e;
	}
	if (strcmp(kind, "unpin") == 0 || strcmp(kind, "poll") == 0 || strcmp(kind, "deal") == 0) {
		/* what is pinned, polled and on deal now is in "now" (live_now.h); these only mark the moment */
		json_object_set_new(e, "kind", json_string(kind));
		json_object_set_new(e, "id", json_integer(strcmp(kind, "unpin") == 0 ? db_at(res, i, 10)->i : db_at(res, i, 2)->i));
		return e;
	}
	if (strcmp(kind, "chat") == 0 || strcmp(kind, "chat_hide") == 0) {
		/* A hidden message (or one by a blocked viewer) is only ever a "chat_hide", as questions are. */
		json_object_set_new(e, "id", json_integer(db_at(res, i, 2)->i));
		bool hidden = db_at(res, i, TAIL_CHAT)->i;
		json_object_set_new(e, "kind", json_string(hidden ? "chat_hide" : "chat"));
		if (!hidden) {
			json_object_set_new(e, "name", json_string(db_at(res, i, TAIL_CHAT + 1)->s));
			json_object_set_new(e, "text", json_string(db_at(res, i, TAIL_CHAT + 2)->s));
		}
		return e;
	}
	if (strcmp(kind, "pin") == 0) {
		size_t c = 10;	/* the product columns start with pn.product_id */
		json_object_set_new(e, "kind", json_string("pin"));
		json_t *p = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s*, s:s}",
			"id", (json_int_t)db_at(res, i, c)->i, "title", db_at(res, i, c + 1)->s,
			"brand", db_at(res, i, c + 2)->s,
			"price", layout_money(r, db_at(res, i, c + 3)->i, db_at(res, i, c + 4)->s),
			"url", live_product_url(r, res, i, c, via),
			"image", live_product_image(r, res, i, c), "alt", db_at(res, i, c + 7)->s);
		long long variant = db_at(res, i, c + 10)->i;
		json_object_set_new(p, "variant", json_integer(db_at(res, i, c + 5)->i > 0 ? variant : 0));
		/* the session's creator received it as a sample: the card says "Gifted by {brand}" */
		json_object_set_new(p, "gifted", json_boolean(db_at(res, i, c + LIVE_PRODUCT_NCOLS)->i));
		json_object_set_new(e, "product", p);
		return e;
	}
	json_object_set_new(e, "id", json_integer(db_at(res, i, 2)->i));
	/* A hidden question (or one by a blocked viewer) is only ever a "hide", whatever the event was. */
	if (db_at(res, i, 4)->i) {
		json_object_set_new(e, "kind", json_string("hide"));
		return e;
	}
	json_object_set_new(e, "kind", json_string(kind));
	json_object_set_new(e, "name", json_string(db_at(res, i, 5)->s));
	json_object_set_new(e, "text", json_string(db_at(res, i, 6)->s));
	json_object_set_new(e, "votes", json_integer(db_at(res, i, 7)->i));
	json_object_set_new(e, "answer", json_string(db_at(res, i, 8)->s));
	json_object_set_new(e, "answered", json_boolean(db_at(res, i, 9)->i));
	return e;
}

static enum db_status fill(struct req *r, long long id, struct live_tail *t)
{
	struct db_res st, res;
	memset(t, 0, sizeof *t);
	enum db_status rc = db_query(r->db, r->arena, &q_state, (struct db_param[]){ DB_I(id) }, &st);
	if (rc != DB_OK || st.nrows == 0)
		return rc;
	rc = db_query(r->db, r->arena, &q_tail, (struct db_param[]){ DB_I(id) }, &res);
	if (rc != DB_OK)
		return rc;
	if ((rc = live_now_json(r, id, db_at(&st, 0, 2)->i, db_at(&st, 0, 1)->s, &t->now)) != DB_OK)
		return rc;
	t->found = true;
	snprintf(t->state, sizeof t->state, "%s", db_at(&st, 0, 0)->s);
	const char *via = db_at(&st, 0, 1)->s;
	t->events = json_array();
	for (size_t k = res.nrows; k-- > 0;)
		json_array_append_new(t->events, event_json(r, &res, k, via));
	if (res.nrows) {
		t->first_seq = db_at(&res, res.nrows - 1, 0)->i;
		t->last_seq = db_at(&res, 0, 0)->i;
	}
	t->full = res.nrows >= LIVE_EVENTS_MAX;
	return DB_OK;
}

enum db_status live_tail_get(struct req *r, long long id, struct live_tail *out)
{
	struct slot *s = &slots[(unsigned long long)id % TAIL_SLOTS];
	long long now = now_ms();
	if (s->id == id && s->t.events && now < s->expires_ms) {
		*out = s->t;
		return DB_OK;
	}
	struct live_tail t;
	enum db_status rc = fill(r, id, &t);
	if (rc != DB_OK || !t.found) {
		json_decref(t.events);
		json_decref(t.now);
		*out = (struct live_tail){ 0 };
		return rc;
	}
	json_decref(s->t.events);
	json_decref(s->t.now);
	for (unsigned k = 0; k < s->nanswers && k < ANSWERS; k++)
		free(s->answers[k].text);
	s->nanswers = 0;
	s->id = id;
	s->t = t;
	s->expires_ms = now + config_int("live_cache_ms", 250, 0, 2000);
	*out = t;
	return DB_OK;
}

const char *live_tail_answer(long long id, long long after)
{
	struct slot *s = &slots[(unsigned long long)id % TAIL_SLOTS];
	if (s->id != id || !s->t.events)
		return NULL;
	for (unsigned k = 0; k < s->nanswers && k < ANSWERS; k++)
		if (s->answers[k].after == after)
			return s->answers[k].text;
	return NULL;
}

void live_tail_answer_keep(long long id, long long after, char *text)
{
	struct slot *s = &slots[(unsigned long long)id % TAIL_SLOTS];
	if (s->id != id || !s->t.events) {
		free(text);
		return;
	}
	struct answer *a = &s->answers[s->nanswers++ % ANSWERS];
	if (s->nanswers > ANSWERS)
		free(a->text);	/* the oldest gives way */
	*a = (struct answer){ after, text };
}
