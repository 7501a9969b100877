/* lead_erase.c: one lead erased, and the CRM told (see lead_erase.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "domain/leads/lead_erase.h"
#include "domain/leads/webhook_out.h"
#include "lib/buf.h"

static const struct db_stmt q_lead = {
	"SELECT l.brand_id, l.email, f.slug, EXISTS (SELECT w.brand_id FROM lead_webhooks w WHERE w.brand_id = l.brand_id)"
	" FROM leads l JOIN lead_forms f ON f.id = l.form_id WHERE l.id = ? AND (? = 0 OR l.brand_id = ?) FOR UPDATE",
	"iii", "issi" };
static const struct db_stmt q_delete = { "DELETE FROM leads WHERE id = ?", "i", "" };
/* its deliveries (answers in their payloads) go with it; a delivery needs no lead row */
static const struct db_stmt q_delete_deliveries = { "DELETE FROM webhook_deliveries WHERE lead_id = ?", "i", "" };
static const struct db_stmt q_delivery = {
	"INSERT INTO webhook_deliveries (brand_id, lead_id, event, payload, next_attempt_at, created_at)"
	" VALUES (?, ?, 'lead.erased', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "iis", "" };

struct erase {
	struct arena *a;
	long long brand_id, lead_id;
	bool found;
};

static enum db_status erase_one(struct db *db, void *ctx)
{
	struct erase *e = ctx;
	struct db_res l;
	enum db_status rc = db_query(db, e->a, &q_lead, (struct db_param[]){ DB_I(e->lead_id), DB_I(e->brand_id),
		DB_I(e->brand_id) }, &l);
	e->found = rc == DB_OK && l.nrows == 1;
	if (!e->found)
		return rc;
	rc = db_query(db, NULL, &q_delete_deliveries, (struct db_param[]){ DB_I(e->lead_id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_delete, (struct db_param[]){ DB_I(e->lead_id) }, NULL);
	if (rc != DB_OK || !db_at(&l, 0, 3)->i)
		return rc;
	/* The id and address let the CRM find its record; nothing else of the lead is sent again. */
	char at[32];
	time_t now = time(NULL);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	struct buf b;
	buf_init(&b, e->a, 256);
	buf_printf(&b, "{\"event\":\"lead.erased\",\"lead_id\":%lld,\"form\":", e->lead_id);
	webhook_json_str(&b, db_at(&l, 0, 2)->s);
	buf_puts(&b, ",\"email\":");
	webhook_json_str(&b, db_at(&l, 0, 1)->s);
	buf_printf(&b, ",\"erased_at\":\"%s\"}", at);
	return db_query(db, NULL, &q_delivery, (struct db_param[]){ DB_I(db_at(&l, 0, 0)->i), DB_I(e->lead_id), DB_S(buf_cstr(&b)) }, NULL);
}

enum db_status lead_erase(struct db *db, struct arena *a, long long brand_id, long long lead_id, bool *found)
{
	struct erase e = { .a = a, .brand_id = brand_id, .lead_id = lead_id };
	enum db_status rc = db_txn(db, erase_one, &e);
	*found = e.found;
	return rc;
}
