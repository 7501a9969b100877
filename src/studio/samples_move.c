/* samples_move.c: one move of a sample request (approve, decline, ship, deliver, cancel) in one
 * transaction with the mail that tells the other side, shared by the creator's and brand's pages. */
#include "lib/base_url.h"
#include "studio/samples.h"
#include "domain/mail/outbox.h"

/* Only the creator who asked, or the brand asked, finds the request; the lock keeps two moves of
 * one request (two tabs, two staff) from both passing the status check. */
static const struct db_stmt q_lock_creator = {
	"SELECT status FROM sample_requests WHERE id = ? AND creator_id = ? FOR UPDATE", "ii", "s" };
static const struct db_stmt q_lock_brand = {
	"SELECT status FROM sample_requests WHERE id = ? AND brand_id = ? FOR UPDATE", "ii", "s" };
static const struct db_stmt q_people = {
	"SELECT p.title, b.name, cr.display_name, cr.handle, COALESCE(cu.email, ''), COALESCE(bu.email, '')"
	" FROM sample_requests s JOIN products p ON p.id = s.product_id JOIN brands b ON b.id = s.brand_id"
	" JOIN creators cr ON cr.id = s.creator_id LEFT JOIN users cu ON cu.id = cr.user_id"
	" LEFT JOIN users bu ON bu.id = b.owner_user_id WHERE s.id = ?", "i", "ssssss" };

static const struct db_stmt q_approve = {
	"UPDATE sample_requests SET status = 'approved', decided_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()"
	" WHERE id = ?", "i", "" };
static const struct db_stmt q_decline = {
	"UPDATE sample_requests SET status = 'declined', decline_reason = ?, decided_at = UTC_TIMESTAMP(),"
	" updated_at = UTC_TIMESTAMP() WHERE id = ?", "si", "" };
static const struct db_stmt q_ship = {
	"UPDATE sample_requests SET status = 'shipped', carrier = ?, tracking_number = ?, shipped_at = UTC_TIMESTAMP(),"
	" updated_at = UTC_TIMESTAMP() WHERE id = ?", "ssi", "" };
static const struct db_stmt q_deliver = {
	"UPDATE sample_requests SET status = 'delivered', delivered_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()"
	" WHERE id = ?", "i", "" };
static const struct db_stmt q_cancel = {
	"UPDATE sample_requests SET status = 'cancelled', cancelled_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()"
	" WHERE id = ?", "i", "" };

const char *samples_action_verb(enum sample_action a)
{
	switch (a) {
	case SAMPLE_APPROVE: return "approved";
	case SAMPLE_DECLINE: return "declined";
	case SAMPLE_SHIP: return "shipped";
	case SAMPLE_DELIVER: return "marked as delivered";
	default: return "cancelled";
	}
}

void samples_tracking_fill(struct req *r, tmpl_dict *d, const char *carrier, const char *tracking)
{
	if (!*tracking)
		return;
	const struct sample_carrier *c = sample_carrier_find(carrier);
	tmpl_dict *t = tmpl_add(d, "SHIPPED_WITH");
	tmpl_set(t, "CARRIER", c ? c->name : carrier);
	tmpl_set(t, "TRACKING", tracking);
	if (c && *c->track_prefix)
		tmpl_set(tmpl_add(t, "TRACK_LINK"), "URL", arena_concat(r->arena, c->track_prefix, tracking, (char *)NULL));
}

/* What the mail says happened, to whom it goes, and its subject. */
static enum db_status move_mail(struct db *db, struct arena *a, const struct samples_move *m)
{
	struct db_res p;
	enum db_status rc = db_query(db, a, &q_people, (struct db_param[]){ DB_I(m->id) }, &p);
	if (rc != DB_OK || p.nrows == 0)
		return rc;
	const char *product = db_at(&p, 0, 0)->s, *brand = db_at(&p, 0, 1)->s, *creator = db_at(&p, 0, 2)->s;
	const char *to = m->who == SAMPLE_BY_BRAND ? db_at(&p, 0, 4)->s : db_at(&p, 0, 5)->s;
	if (!*to)	/* an account gone since: nobody to tell */
		return DB_OK;
	const char *news;
	switch (m->action) {
	case SAMPLE_APPROVE:
		news = arena_printf(a, "%s approved your request for a sample of %s. You will hear again when it ships.",
				    brand, product);
		break;
	case SAMPLE_DECLINE:
		news = arena_printf(a, "%s declined your request for a sample of %s.\nTheir reason: %s", brand, product,
				    m->reason);
		break;
	case SAMPLE_SHIP: {
		const struct sample_carrier *c = sample_carrier_find(m->carrier);
		news = arena_printf(a, "%s has sent your sample of %s.\nCarrier: %s\nTracking number: %s%s%s", brand, product,
				    c ? c->name : m->carrier, m->tracking, c && *c->track_prefix ? "\nTrack it: " : "",
				    c && *c->track_prefix ? arena_concat(a, c->track_prefix, m->tracking, (char *)NULL) : "");
		break;
	}
	case SAMPLE_DELIVER:
		news = m->who == SAMPLE_BY_BRAND
			? arena_printf(a, "%s marked your sample of %s as delivered. Where you show it, your pages now say "
				       "\"Gifted by %s\".", brand, product, brand)
			: arena_printf(a, "%s (@%s) says the sample of %s arrived.", creator, db_at(&p, 0, 3)->s, product);
		break;
	default:
		news = arena_printf(a, "%s (@%s) cancelled their request for a sample of %s.", creator, db_at(&p, 0, 3)->s,
				    product);
		break;
	}
	const char *subject = arena_printf(a, "Sample of %s: %s", product, samples_action_verb(m->action));
	char base[BASE_URL_MAX];
	if (!base_url_get(base))
		base[0] = '\0';	/* mail links are absolute once base_url is set; send-mail requires it */
	const char *body = arena_printf(a, "Hello,\n\n%s\n\nSee it in your studio: %s/studio/%s/samples\n\n-- \ncrowdcart\n", news,
					base, m->who == SAMPLE_BY_BRAND ? "creator" : "brand");
	return outbox_add(db, to, subject, body, 0, 0);
}

static enum db_status move_txn(struct db *db, void *ctx)
{
	struct samples_move *m = ctx;
	struct arena *a = m->a;
	m->http = 0;
	struct db_res s;
	enum db_status rc = db_query(db, a, m->who == SAMPLE_BY_BRAND ? &q_lock_brand : &q_lock_creator,
				     (struct db_param[]){ DB_I(m->id), DB_I(m->owner_id) }, &s);
	if (rc != DB_OK)
		return rc;
	if (s.nrows == 0) {
		m->http = 404;
		return DB_CONFLICT;
	}
	m->from = sample_status_parse(db_at(&s, 0, 0)->s);
	if (sample_next(m->from, m->action, m->who) == SAMPLE_INVALID) {
		m->http = 409;
		return DB_CONFLICT;
	}
	struct db_param id = DB_I(m->id);
	switch (m->action) {
	case SAMPLE_APPROVE:
		rc = db_query(db, NULL, &q_approve, &id, NULL);
		break;
	case SAMPLE_DECLINE:
		rc = db_query(db, NULL, &q_decline, (struct db_param[]){ DB_S(m->reason), id }, NULL);
		break;
	case SAMPLE_SHIP:
		rc = db_query(db, NULL, &q_ship, (struct db_param[]){ DB_S(m->carrier), DB_S(m->tracking), id }, NULL);
		break;
	case SAMPLE_DELIVER:
		rc = db_query(db, NULL, &q_deliver, &id, NULL);
		break;
	case SAMPLE_CANCEL:
		rc = db_query(db, NULL, &q_cancel, &id, NULL);
		break;
	default:
		return DB_ERR;
	}
	return rc == DB_OK ? move_mail(db, a, m) : rc;
}

enum db_status samples_move_run(struct req *r, struct samples_move *m)
{
	m->a = r->arena;
	return db_txn(r->db, move_txn, m);
}
