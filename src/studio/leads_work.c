/* leads_work.c: a brand's owner or team member works its leads — "POST /studio/leads/{id}/work"
 * (status, labels, the account it is assigned to), "POST /studio/leads/{id}/notes" and
 * "POST /studio/leads/bulk" (one status for the selected leads). Each change and its line in the
 * lead's history are written in one transaction. */
#include <stdlib.h>
#include <string.h>
#include "domain/accounts/brand_team.h"
#include "domain/leads/lead_status.h"
#include "studio/forms.h"
#include "web/response.h"
#include "studio/studio.h"
#include "lib/validate.h"
#include "web/input.h"

#define LEADS_WORK_MAX_LABELS 10
#define LEADS_WORK_BULK_MAX 500	/* the list shows at most 500 */

static const struct db_stmt q_current = {
	"SELECT status, labels, COALESCE(assignee_user_id, 0) FROM leads WHERE id = ? AND brand_id = ? FOR UPDATE",
	"ii", "ssi" };
static const struct db_stmt q_work = {
	"UPDATE leads SET status = ?, status_by_hand = status_by_hand OR ?, labels = ? WHERE id = ? AND brand_id = ?",
	"sisii", "" };
/* Assigning an account replaces the name typed before teams; unassigning keeps that text. */
static const struct db_stmt q_assign = {
	"UPDATE leads SET assignee_user_id = NULLIF(?, 0), assignee = IF(? = 0, assignee, '') WHERE id = ? AND brand_id = ?",
	"iiii", "" };
static const struct db_stmt q_event = {
	"INSERT INTO lead_events (lead_id, actor, what, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())", "iss", "" };
static const struct db_stmt q_note = {
	"INSERT INTO lead_notes (lead_id, author, body, created_at)"
	" SELECT id, ?, ?, UTC_TIMESTAMP() FROM leads WHERE id = ? AND brand_id = ?", "ssii", "" };

struct work {
	struct req *r;
	long long id;
	const char *status, *labels;	/* NULL: leave as it is */
	long long assignee;		/* an account of the team, 0 for nobody, -1: leave as it is */
	const char *assignee_name;	/* its name, for the history */
	bool found;
};

static const char *actor(struct req *r)
{
	return r->sess.user_name && *r->sess.user_name ? r->sess.user_name : r->brand->name;
}

static enum db_status event(struct db *db, struct req *r, long long id, const char *what)
{
	return db_query(db, NULL, &q_event, (struct db_param[]){ DB_I(id), DB_S(actor(r)), DB_S(what) }, NULL);
}

/* One lead: what changed goes to its history, each change on a line of its own. */
static enum db_status work_one(struct db *db, void *ctx)
{
	struct work *w = ctx;
	struct arena *a = w->r->arena;
	struct db_res cur;
	enum db_status rc = db_query(db, a, &q_current, (struct db_param[]){ DB_I(w->id), DB_I(w->r->brand->id) }, &cur);
	if (rc != DB_OK)
		return rc;
	w->found = cur.nrows == 1;
	if (!w->found)
		return DB_OK;
	const char *status = w->status ? w->status : db_at(&cur, 0, 0)->s;
	const char *labels = w->labels ? w->labels : db_at(&cur, 0, 1)->s;
	bool status_changed = strcmp(status, db_at(&cur, 0, 0)->s) != 0;
	bool assignee_changed = w->assignee >= 0 && w->assignee != db_at(&cur, 0, 2)->i;
	rc = db_query(db, NULL, &q_work, (struct db_param[]){ DB_S(status), DB_I(status_changed), DB_S(labels),
		DB_I(w->id), DB_I(w->r->brand->id) }, NULL);
	if (rc == DB_OK && assignee_changed)
		rc = db_query(db, NULL, &q_assign, (struct db_param[]){ DB_I(w->assignee), DB_I(w->assignee), DB_I(w->id),
			DB_I(w->r->brand->id) }, NULL);
	if (rc == DB_OK && status_changed) {
		enum lead_status st = LEAD_RAW;
		lead_status_parse(status, &st);
		rc = event(db, w->r, w->id, arena_printf(a, "Status set to %s", lead_status_label(st)));
	}
	if (rc == DB_OK && strcmp(labels, db_at(&cur, 0, 1)->s) != 0)
		rc = event(db, w->r, w->id, *labels ? arena_printf(a, "Labels: %s", labels) : "Labels removed");
	if (rc == DB_OK && assignee_changed)
		rc = event(db, w->r, w->id, w->assignee ? arena_printf(a, "Assigned to %s", w->assignee_name) : "Unassigned");
	return rc;
}

int page_leads_work(struct req *r)
{
	long long id = req_id(r, "id");
	const char *status = req_form(r, "status"), *labels = req_form(r, "labels"), *assignee = req_form(r, "assignee");
	enum lead_status st;
	char norm[501];
	if (!status || !lead_status_parse(status, &st)) {
		response_error(r, 422, "Choose one of the statuses listed.");
		return REQ_DONE;
	}
	if (!lead_status_labels(labels ? labels : "", norm, sizeof norm, LEADS_WORK_MAX_LABELS)) {
		response_error(r, 422, "Labels are separated by commas: at most 10, each at most 40 characters.");
		return REQ_DONE;
	}
	struct work w = { .r = r, .id = id, .status = lead_status_name(st), .labels = norm, .assignee = -1 };
	if (assignee && !*assignee) {
		w.assignee = 0;
	} else if (assignee) {
		/* Only the brand's owner and members: an id of anyone else names nobody here. */
		enum db_status rc = DB_OK;
		if (!input_id(assignee, &w.assignee) ||
		    (rc = brand_team_name(r->db, r->arena, r->brand->id, w.assignee, &w.assignee_name)) != DB_OK ||
		    !w.assignee_name) {
			if (rc != DB_OK)
				return req_db_fail(rc);
			response_error(r, 422, "Choose someone of the brand's team, or nobody.");
			return REQ_DONE;
		}
	}
	enum db_status rc = db_txn(r->db, work_one, &w);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!w.found) {
		response_error(r, 404, "There is no such lead.");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/leads/%lld", id));
	return REQ_DONE;
}

struct note {
	struct req *r;
	long long id;
	const char *body;
	bool found;
};

static enum db_status add_note(struct db *db, void *ctx)
{
	struct note *n = ctx;
	enum db_status rc = db_query(db, NULL, &q_note, (struct db_param[]){ DB_S(actor(n->r)), DB_S(n->body),
		DB_I(n->id), DB_I(n->r->brand->id) }, NULL);
	n->found = rc == DB_OK && db_affected(db) == 1;
	if (rc == DB_OK && n->found)
		rc = event(db, n->r, n->id, "Note added");
	return rc;
}

int page_leads_note(struct req *r)
{
	const char *body = req_form(r, "note");
	if (!body || !validate_has_text(body)) {
		response_error(r, 422, "Write the note first.");
		return REQ_DONE;
	}
	struct note n = { .r = r, .id = req_id(r, "id"), .body = body };
	enum db_status rc = db_txn(r->db, add_note, &n);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (!n.found) {
		response_error(r, 404, "There is no such lead.");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/leads/%lld", n.id));
	return REQ_DONE;
}

struct bulk {
	struct req *r;
	const char *status;
	long long *ids;
	size_t n;
};

/* Lead by lead in id order, so two bulk changes over overlapping leads lock them in one order. */
static enum db_status bulk_all(struct db *db, void *ctx)
{
	struct bulk *b = ctx;
	for (size_t i = 0; i < b->n; i++) {
		struct work w = { .r = b->r, .id = b->ids[i], .status = b->status, .assignee = -1 };
		enum db_status rc = work_one(db, &w);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int by_id(const void *x, const void *y)
{
	long long a = *(const long long *)x, b = *(const long long *)y;
	return (a > b) - (a < b);
}

int page_leads_bulk(struct req *r)
{
	enum lead_status st;
	if (!lead_status_parse(req_form(r, "status"), &st)) {
		response_error(r, 422, "Choose one of the statuses listed.");
		return REQ_DONE;
	}
	size_t n = kv_count(&r->form, "lead");
	if (n == 0 || n > LEADS_WORK_BULK_MAX) {
		response_error(r, 422, "Select at least one lead (at most 500).");
		return REQ_DONE;
	}
	struct bulk b = { .r = r, .status = lead_status_name(st), .ids = arena_alloc(r->arena, n * sizeof *b.ids) };
	for (size_t j = 0; j < r->form.n; j++) {
		if (strcmp(r->form.items[j].key, "lead") != 0)
			continue;
		if (!input_id(r->form.items[j].val, &b.ids[b.n])) {
			response_error(r, 422, "A selected lead is not a lead.");
			return REQ_DONE;
		}
		b.n++;
	}
	qsort(b.ids, b.n, sizeof *b.ids, by_id);
	enum db_status rc = db_txn(r->db, bulk_all, &b);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/leads");
	return REQ_DONE;
}
