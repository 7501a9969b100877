/* creator_marketplace.c: "/studio/creator/marketplace" — products brands opened to creators, with
 * the commission each pays, and adding one as a pick: approved at once, or requested when the
 * brand approves picks itself. */
#include "domain/creators/commission_rate.h"
#include "domain/mail/notify.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

/* Open to creators: the product says 'open', or says 'inherit' and its brand is open. */
#define OPEN_TO_CREATORS \
	" p.status = 'active' AND (p.marketplace = 'open' OR (p.marketplace = 'inherit' AND b.marketplace_open = 1))"

/* The rate column: for a product the creator picked, what their pick earns on a sale today (a
 * waiting cut whose date has come is the rate) and a cut still coming with its date; otherwise
 * what the brand offers a new pick. Then the brand's indirect and first-order rates. */
static const struct db_stmt q_market = {
	"SELECT p.id, p.title, p.handle, b.slug, b.name, p.price_min, p.currency,"
	" CASE WHEN pk.status = 'approved' THEN " COMMISSION_RATE_TODAY_SQL("pk")
	" ELSE COALESCE(p.commission_bps, b.default_commission_bps) END, b.approval_required, COALESCE(pk.status, ''),"
	" IF(pk.status = 'approved' AND pk.pending_at > UTC_TIMESTAMP(), pk.pending_bps, -1),"
	" COALESCE(DATE_FORMAT(pk.pending_at, '%Y-%m-%d %H:%i UTC'), ''), b.indirect_commission_bps,"
	" COALESCE(b.first_order_commission_bps, -1)"
	" FROM products p JOIN brands b ON b.id = p.brand_id"
	" LEFT JOIN picks pk ON pk.product_id = p.id AND pk.creator_id = ?"
	" WHERE" OPEN_TO_CREATORS " ORDER BY b.name, p.title, p.id LIMIT 300", "i", "isssssiiisisii" };
static const struct db_stmt q_offer = {
	"SELECT COALESCE(p.commission_bps, b.default_commission_bps), b.approval_required, b.id, p.title"
	" FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id = ? AND" OPEN_TO_CREATORS, "i", "iiis" };
/* A rejected request may be asked again; an existing request or pick is left as it is. */
static const struct db_stmt q_pick = {
	"INSERT INTO picks (creator_id, product_id, commission_bps, status, position, created_at)"
	" SELECT ?, ?, ?, ?, COALESCE(MAX(position), 0) + 1, UTC_TIMESTAMP() FROM picks WHERE creator_id = ?"
	" ON DUPLICATE KEY UPDATE"	/* status last: later assignments would see its new value */
	" commission_bps = IF(status = 'rejected', VALUES(commission_bps), commission_bps),"
	" decided_at = IF(status = 'rejected', NULL, decided_at),"
	" status = IF(status = 'rejected', VALUES(status), status)", "iiisi", "" };

const char *creator_rate_text(struct req *r, long long bps)
{
	return bps % 100 ? arena_printf(r->arena, "%lld.%02lld%%", bps / 100, bps % 100)
			 : arena_printf(r->arena, "%lld%%", bps / 100);
}

int page_creator_marketplace(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct db_res m;
	enum db_status rc = db_query(r->db, r->arena, &q_market, (struct db_param[]){ DB_I(c->id) }, &m);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_creator_marketplace.tpl", "Creator marketplace");
	const char *done = req_query(r, "added");
	if (done)
		tmpl_set(tmpl_add(d, "FLASH"), "TEXT", *done == 'r' ? "Requested: the brand will approve or decline your pick."
								    : "Added to your picks.");
	for (size_t i = 0; i < m.nrows; i++) {
		tmpl_dict *p = tmpl_add(d, "PRODUCTS");
		tmpl_set_int(p, "ID", db_at(&m, i, 0)->i);
		tmpl_set(p, "TITLE", db_at(&m, i, 1)->s);
		tmpl_set(p, "URL", arena_printf(r->arena, "/p/%s/%s", db_at(&m, i, 3)->s, db_at(&m, i, 2)->s));
		tmpl_set(p, "BRAND", db_at(&m, i, 4)->s);
		tmpl_set(p, "PRICE", layout_money(r, db_at(&m, i, 5)->i, db_at(&m, i, 6)->s));
		long long coming = db_at(&m, i, 10)->i, indirect = db_at(&m, i, 12)->i, first = db_at(&m, i, 13)->i;
		tmpl_set(p, "RATE", commission_schedule_text(r, db_at(&m, i, 7)->i, coming, db_at(&m, i, 11)->s));
		if (coming >= 0)
			tmpl_show(p, "COMING");
		if (indirect > 0)
			tmpl_set(tmpl_add(p, "INDIRECT"), "RATE", creator_rate_text(r, indirect));
		if (first >= 0)
			tmpl_set(tmpl_add(p, "FIRST_ORDER"), "RATE", creator_rate_text(r, first));
		const char *st = db_at(&m, i, 9)->s;
		if (*st == 'a')
			tmpl_set(tmpl_add(p, "STATE"), "TEXT", "In your picks");
		else if (*st == 'r' && st[2] == 'q')
			tmpl_set(tmpl_add(p, "STATE"), "TEXT", "Requested");
		else
			tmpl_set(tmpl_add(p, "ADD"), "LABEL", db_at(&m, i, 8)->i ? "Request pick" : "Add pick");
	}
	if (m.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, 200);
	return REQ_DONE;
}

/* A new request (or one asked again after a refusal) is told to the brand with it; an unchanged
 * row tells nobody twice. */
struct pick_add {
	struct arena *a;
	const struct acting_creator *c;
	long long product, bps, brand;
	const char *title;
	bool ask;
};

static enum db_status pick_add(struct db *db, void *ctx)
{
	struct pick_add *p = ctx;
	enum db_status rc = db_query(db, NULL, &q_pick, (struct db_param[]){ DB_I(p->c->id), DB_I(p->product), DB_I(p->bps),
		DB_S(p->ask ? "requested" : "approved"), DB_I(p->c->id) }, NULL);
	if (rc != DB_OK || !p->ask || db_affected(db) == 0)
		return rc;
	struct notify_text t;
	notify_text_init(&t, p->a);
	notify_text_add(&t, "CREATOR", p->c->name);
	notify_text_add(&t, "HANDLE", p->c->handle);
	notify_text_add(&t, "PRODUCT", p->title);
	return notify_brand(db, p->a, p->brand, NOTIFY_BRAND_PICK_REQUEST, &t);
}

int page_creator_pick_add(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct db_res o;
	long long product = req_id(r, "product_id");
	enum db_status rc = db_query(r->db, r->arena, &q_offer, (struct db_param[]){ DB_I(product) }, &o);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (o.nrows == 0) {
		response_error(r, 404, "That product is not open to creators.");
		return REQ_DONE;
	}
	struct pick_add p = { r->arena, c, product, db_at(&o, 0, 0)->i, db_at(&o, 0, 2)->i, db_at(&o, 0, 3)->s,
			      db_at(&o, 0, 1)->i != 0 };
	if ((rc = db_txn(r->db, pick_add, &p)) != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, p.ask ? "/studio/creator/marketplace?added=requested" : "/studio/creator/marketplace?added=approved");
	return REQ_DONE;
}
