/* live_list.c: "/studio/live" — a creator's live sessions and the form that schedules one: title,
 * start (UTC), stream address, replay address, blocked words and a lineup from their approved
 * picks. The session and its lineup are written in one transaction. */
#include <string.h>
#include "web/layout.h"
#include "web/response.h"
#include "studio/live_studio.h"
#include "lib/validate.h"
#include "domain/video/video_rules.h"

static const struct db_stmt q_sessions = {
	"SELECT id, title, DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i'), state, taken_down_reason FROM live_sessions"
	" WHERE creator_id = ? ORDER BY starts_at DESC, id DESC LIMIT 100", "i", "issss" };
static const struct db_stmt q_picks = {
	"SELECT p.id, p.title FROM picks pk JOIN products p ON p.id = pk.product_id"
	" WHERE pk.creator_id = ? AND pk.status = 'approved' AND p.status = 'active'"
	" ORDER BY pk.position, pk.id LIMIT 200", "i", "is" };
static const struct db_stmt q_may_pick = {
	"SELECT 1 FROM picks pk JOIN products p ON p.id = pk.product_id WHERE pk.creator_id = ?"
	" AND pk.product_id = ? AND pk.status = 'approved' AND p.status = 'active'", "ii", "i" };
static const struct db_stmt q_insert = {
	"INSERT INTO live_sessions (creator_id, title, starts_at, stream_url, replay_url, blocked_words, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())", "isssss", "" };
static const struct db_stmt q_lineup = {
	"INSERT INTO live_lineup (session_id, product_id, position) VALUES (?, ?, ?)", "iii", "" };

struct schedule {
	long long creator_id, id;
	const char *title, *stream, *replay, *words;
	char starts[20];
	long long products[LIVE_LINEUP_MAX];
	size_t nproducts;
};

static const char *form_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

static int list_page(struct req *r, const struct acting_creator *c, int status, const char *error)
{
	struct db_res ss, picks;
	enum db_status rc = db_query(r->db, r->arena, &q_sessions, (struct db_param[]){ DB_I(c->id) }, &ss);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_picks, (struct db_param[]){ DB_I(c->id) }, &picks);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_live.tpl", "Live shopping");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	static const char *const keep[] = { "title", "starts_at", "stream_url", "replay_url", "blocked_words" };
	static const char *const keys[] = { "TITLE", "STARTS_AT", "STREAM_URL", "REPLAY_URL", "BLOCKED_WORDS" };
	for (size_t i = 0; i < 5; i++)
		tmpl_set(d, keys[i], error ? form_or_empty(r, keep[i]) : "");
	for (size_t i = 0; i < ss.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "SESSIONS");
		tmpl_set_int(e, "ID", db_at(&ss, i, 0)->i);
		tmpl_set(e, "TITLE", db_at(&ss, i, 1)->s);
		tmpl_set(e, "STARTS", db_at(&ss, i, 2)->s);
		tmpl_set(e, "STATE", db_at(&ss, i, 3)->s);
		takedown_note_add(e, db_at(&ss, i, 4));
	}
	if (ss.nrows == 0)
		tmpl_show(d, "NO_SESSIONS");
	for (size_t i = 0; i < picks.nrows; i++) {
		tmpl_dict *p = tmpl_add(d, "PICKS");
		long long id = db_at(&picks, i, 0)->i;
		tmpl_set_int(p, "ID", id);
		tmpl_set(p, "TITLE", db_at(&picks, i, 1)->s);
		const char *want = arena_printf(r->arena, "%lld", id);
		for (size_t k = 0; error && k < r->form.n; k++)
			if (strcmp(r->form.items[k].key, "product") == 0 && strcmp(r->form.items[k].val, want) == 0)
				tmpl_show(p, "CHECKED");
	}
	if (picks.nrows == 0)
		tmpl_show(d, "NO_PICKS");
	layout_end(r, status);
	return REQ_DONE;
}

int page_studio_live_list(struct req *r)
{
	const struct acting_creator *c = r->creator;
	return list_page(r, c, 200, NULL);
}

static enum db_status schedule_write(struct db *db, void *ctx)
{
	struct schedule *s = ctx;
	enum db_status rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(s->creator_id), DB_S(s->title),
		DB_S(s->starts), DB_S(s->stream), DB_S(s->replay), DB_S(s->words) }, NULL);
	if (rc != DB_OK)
		return rc;
	s->id = (long long)db_insert_id(db);
	for (size_t i = 0; i < s->nproducts && rc == DB_OK; i++)
		rc = db_query(db, NULL, &q_lineup, (struct db_param[]){ DB_I(s->id), DB_I(s->products[i]), DB_I((long long)i + 1) }, NULL);
	return rc;
}

/* The lineup from the repeated "product" fields: the creator's approved picks, no repeats. */
static const char *read_lineup(struct req *r, struct schedule *s)
{
	for (size_t k = 0; k < r->form.n; k++) {
		if (strcmp(r->form.items[k].key, "product") != 0)
			continue;
		long long id;
		if (!input_id(r->form.items[k].val, &id))
			return "Choose products from the list.";
		bool dup = false;
		for (size_t i = 0; i < s->nproducts; i++)
			dup = dup || s->products[i] == id;
		if (dup)
			continue;
		if (s->nproducts == LIVE_LINEUP_MAX)
			return "A lineup holds at most 20 products.";
		struct db_res ok;
		enum db_status rc = db_query(r->db, r->arena, &q_may_pick, (struct db_param[]){ DB_I(s->creator_id), DB_I(id) }, &ok);
		if (rc != DB_OK || ok.nrows == 0)
			return "The lineup may only hold your approved picks.";
		s->products[s->nproducts++] = id;
	}
	return s->nproducts ? NULL : "Choose at least one product for the lineup.";
}

int page_studio_live_create(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct schedule s = {
		.creator_id = c->id, .title = form_or_empty(r, "title"), .stream = form_or_empty(r, "stream_url"),
		.replay = form_or_empty(r, "replay_url"), .words = form_or_empty(r, "blocked_words"),
	};
	const char *problem = NULL;
	if (!validate_has_text(s.title))
		problem = "Enter a title.";
	else if (!live_parse_start(form_or_empty(r, "starts_at"), s.starts))
		problem = "Enter the start as a date and time (UTC), like 2026-12-01T18:00.";
	/* empty: the session goes live from an encoder with its stream key (docs/LIVE_STREAMING.md) */
	else if (*s.stream && !video_url_ok(s.stream))
		problem = "The stream must be an https:// link to an HLS or MP4 stream, or a /media/ file.";
	else if (*s.replay && !video_url_ok(s.replay))
		problem = "The replay must be an https:// link to a video, or a /media/ file.";
	else
		problem = read_lineup(r, &s);
	if (problem)
		return list_page(r, c, 422, problem);
	enum db_status rc = db_txn(r->db, schedule_write, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/live/%lld", s.id));
	return REQ_DONE;
}
