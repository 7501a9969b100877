/* pick_requests.c: "/studio/brand/pick-requests" — creators asking to pick the brand's products
 * (when the brand approves picks itself), approved or rejected here; the creator hears of the
 * decision by mail, queued with it. */
#include <string.h>
#include "domain/mail/notify.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_requests = {
	"SELECT pk.id, cr.handle, cr.display_name, p.title, pk.commission_bps, pk.created_at FROM picks pk"
	" JOIN products p ON p.id = pk.product_id JOIN creators cr ON cr.id = pk.creator_id"
	" WHERE p.brand_id = ? AND pk.status = 'requested' ORDER BY pk.created_at, pk.id LIMIT 200",
	"i", "isssis" };
static const struct db_stmt q_pick = {
	"SELECT pk.creator_id, p.title FROM picks pk JOIN products p ON p.id = pk.product_id WHERE pk.id = ?", "i", "is" };
/* Only a waiting request of one of this brand's products can be decided. */
static const struct db_stmt q_decide = {
	"UPDATE picks pk JOIN products p ON p.id = pk.product_id SET pk.status = ?, pk.decided_at = UTC_TIMESTAMP()"
	" WHERE pk.id = ? AND p.brand_id = ? AND pk.status = 'requested'", "sii", "" };

int page_pick_requests(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct db_res q;
	enum db_status rc = db_query(r->db, r->arena, &q_requests, (struct db_param[]){ DB_I(b->id) }, &q);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_pick_requests.tpl", "Pick requests");
	tmpl_set(d, "BRAND", b->name);
	for (size_t i = 0; i < q.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "REQUESTS");
		tmpl_set_int(e, "ID", db_at(&q, i, 0)->i);
		tmpl_set(e, "HANDLE", db_at(&q, i, 1)->s);
		tmpl_set(e, "NAME", db_at(&q, i, 2)->s);
		tmpl_set(e, "PRODUCT", db_at(&q, i, 3)->s);
		tmpl_set(e, "RATE", creator_rate_text(r, db_at(&q, i, 4)->i));
		tmpl_set(e, "WHEN", db_at(&q, i, 5)->s);
	}
	if (q.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, 200);
	return REQ_DONE;
}

struct decision {
	struct arena *a;
	const struct acting_brand *b;
	long long pick;
	bool approve;
};

static enum db_status decide(struct db *db, void *ctx)
{
	struct decision *d = ctx;
	enum db_status rc = db_query(db, NULL, &q_decide, (struct db_param[]){
		DB_S(d->approve ? "approved" : "rejected"), DB_I(d->pick), DB_I(d->b->id) }, NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return DB_CONFLICT;
	struct db_res p;
	if ((rc = db_query(db, d->a, &q_pick, (struct db_param[]){ DB_I(d->pick) }, &p)) != DB_OK || p.nrows == 0)
		return rc;
	struct notify_text t;
	notify_text_init(&t, d->a);
	notify_text_add(&t, "BRAND", d->b->name);
	notify_text_add(&t, "PRODUCT", db_at(&p, 0, 1)->s);
	notify_text_add(&t, "VERDICT", d->approve ? "approved" : "declined");
	notify_text_add(&t, "NEXT", d->approve ? "It is in your picks now." : "You may ask again later.");
	return notify_creator(db, d->a, db_at(&p, 0, 0)->i, NOTIFY_CREATOR_PICK_DECISION, &t);
}

int page_pick_request_decide(struct req *r)
{
	const char *decision = req_form(r, "decision");
	if (!decision || !*decision) {
		response_error(r, 400, "Choose to approve or reject the request.");
		return REQ_DONE;
	}
	struct decision d = { r->arena, r->brand, req_id(r, "id"), strcmp(decision, "approve") == 0 };
	enum db_status rc = db_txn(r->db, decide, &d);
	if (rc == DB_CONFLICT) {
		response_error(r, 404, "That request is not waiting for your decision.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/pick-requests");
	return REQ_DONE;
}
