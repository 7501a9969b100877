/* creator_picks.c: "/studio/creator/picks" — the storefront settings: which picks the storefront
 * shows and in what order (move up/down), each pick's state and commission (what a sale today
 * earns, and a lower rate coming with its date), the brands' notices, and removing one. */
#include <string.h>
#include "domain/creators/commission_rate.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

#define MAX_PICKS 500

/* The rate a sale today earns: a waiting cut whose date has come is the rate (commission_rate.h). */
static const struct db_stmt q_picks = {
	"SELECT pk.id, p.title, b.name, pk.status, pk.commission_bps, p.handle, b.slug,"
	" " COMMISSION_RATE_TODAY_SQL("pk") ","
	" IF(pk.pending_at > UTC_TIMESTAMP(), pk.pending_bps, -1),"
	" COALESCE(DATE_FORMAT(pk.pending_at, '%Y-%m-%d %H:%i UTC'), '')"
	" FROM picks pk JOIN products p ON p.id = pk.product_id JOIN brands b ON b.id = p.brand_id"
	" WHERE pk.creator_id = ? ORDER BY pk.status = 'approved' DESC, pk.position, pk.id LIMIT 500",
	"i", "isssissiis" };
static const struct db_stmt q_notices = {
	"SELECT DATE_FORMAT(created_at, '%Y-%m-%d'), body FROM creator_notices WHERE creator_id = ?"
	" AND created_at > UTC_TIMESTAMP() - INTERVAL 120 DAY ORDER BY created_at DESC, id DESC LIMIT 10", "i", "ss" };
static const struct db_stmt q_order = {
	"SELECT id FROM picks WHERE creator_id = ? AND status = 'approved' ORDER BY position, id LIMIT 500 FOR UPDATE",
	"i", "i" };
static const struct db_stmt q_set_pos = {
	"UPDATE picks SET position = ? WHERE id = ? AND creator_id = ?", "iii", "" };
/* Removing a pick also takes it out of the creator's collections. */
static const struct db_stmt q_unlist = {
	"DELETE ci FROM collection_items ci JOIN collections c ON c.id = ci.collection_id"
	" JOIN picks pk ON pk.product_id = ci.product_id AND pk.creator_id = c.creator_id"
	" WHERE pk.id = ? AND c.creator_id = ?", "ii", "" };
static const struct db_stmt q_remove = {
	"DELETE FROM picks WHERE id = ? AND creator_id = ?", "ii", "" };

int page_creator_picks(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct db_res ps, ns;
	enum db_status rc = db_query(r->db, r->arena, &q_picks, (struct db_param[]){ DB_I(c->id) }, &ps);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_notices, (struct db_param[]){ DB_I(c->id) }, &ns);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_creator_picks.tpl", "Your picks");
	tmpl_set(d, "HANDLE", c->handle);
	for (size_t i = 0; i < ps.nrows; i++) {
		const char *st = db_at(&ps, i, 3)->s;
		tmpl_dict *p = tmpl_add(d, "PICKS");
		tmpl_set_int(p, "ID", db_at(&ps, i, 0)->i);
		tmpl_set(p, "TITLE", db_at(&ps, i, 1)->s);
		tmpl_set(p, "URL", arena_printf(r->arena, "/p/%s/%s?via=%s", db_at(&ps, i, 6)->s, db_at(&ps, i, 5)->s, c->handle));
		tmpl_set(p, "BRAND", db_at(&ps, i, 2)->s);
		tmpl_set(p, "STATUS", strcmp(st, "approved") == 0 ? "On your storefront"
				      : strcmp(st, "requested") == 0 ? "Waiting for the brand" : "Declined by the brand");
		long long coming = db_at(&ps, i, 8)->i;
		tmpl_set(p, "RATE", commission_schedule_text(r, db_at(&ps, i, 7)->i, coming, db_at(&ps, i, 9)->s));
		if (coming >= 0)
			tmpl_show(p, "COMING");
		if (strcmp(st, "approved") == 0)
			tmpl_show(p, "MOVABLE");
	}
	if (ps.nrows == 0)
		tmpl_show(d, "EMPTY");
	for (size_t i = 0; i < ns.nrows; i++) {
		tmpl_dict *n = tmpl_add(d, "NOTICES");
		tmpl_set(n, "DAY", db_at(&ns, i, 0)->s);
		/* One paragraph per line of the mailed text. */
		char *body = arena_printf(r->arena, "%s", db_at(&ns, i, 1)->s), *save = NULL;
		for (char *line = strtok_r(body, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
			tmpl_set(tmpl_add(n, "LINE"), "TEXT", line);
	}
	layout_end(r, 200);
	return REQ_DONE;
}

struct pick_move {
	long long creator_id, pick_id;
	int dir;
	bool moved;
	struct arena *a;
	long long *ids;		/* MAX_PICKS slots */
};

static enum db_status move_txn(struct db *db, void *ctx)
{
	struct pick_move *m = ctx;
	struct db_res o;
	long long *ids = m->ids;
	enum db_status rc = db_query(db, m->a, &q_order, (struct db_param[]){ DB_I(m->creator_id) }, &o);
	size_t n = rc == DB_OK ? o.nrows : 0;
	for (size_t i = 0; i < n; i++)
		ids[i] = db_at(&o, i, 0)->i;
	m->moved = rc == DB_OK && creator_move(ids, n, m->pick_id, m->dir);
	/* Positions are rewritten 1..n, which also mends ties left by older rows. */
	for (size_t i = 0; m->moved && rc == DB_OK && i < n; i++)
		rc = db_query(db, NULL, &q_set_pos, (struct db_param[]){ DB_I((long long)i + 1), DB_I(ids[i]),
			      DB_I(m->creator_id) }, NULL);
	return rc;
}

int page_creator_pick_move(struct req *r)
{
	const struct acting_creator *c = r->creator;
	const char *dir = req_form(r, "dir");
	struct pick_move m = { c->id, req_id(r, "id"), dir && strcmp(dir, "up") == 0 ? -1 : 1, false, r->arena,
			       arena_alloc(r->arena, MAX_PICKS * sizeof(long long)) };
	if (!dir || !*dir) {
		response_error(r, 400, "Choose to move the pick up or down.");
		return REQ_DONE;
	}
	enum db_status rc = db_txn(r->db, move_txn, &m);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/creator/picks");
	return REQ_DONE;
}

struct pick_remove {
	long long creator_id, pick_id;
};

static enum db_status remove_txn(struct db *db, void *ctx)
{
	struct pick_remove *p = ctx;
	struct db_param k[] = { DB_I(p->pick_id), DB_I(p->creator_id) };
	enum db_status rc = db_query(db, NULL, &q_unlist, k, NULL);
	return rc == DB_OK ? db_query(db, NULL, &q_remove, k, NULL) : rc;
}

int page_creator_pick_remove(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct pick_remove p = { c->id, req_id(r, "id") };
	enum db_status rc = db_txn(r->db, remove_txn, &p);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/creator/picks");
	return REQ_DONE;
}
