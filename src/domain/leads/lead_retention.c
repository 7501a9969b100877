/* lead_retention.c: lead retention and its purge (see lead_retention.h). */
#include "domain/leads/lead_retention.h"
#include "lib/config.h"

#define PURGE_BATCH 500

static const struct db_stmt q_forms = {
	"SELECT id, COALESCE(retention_days, ?) FROM lead_forms WHERE id > ? ORDER BY id LIMIT 1000", "ii", "ii" };
/* One form's oldest leads past its retention (index leads_form_updated), locked, so a submission
 * merging into one of them waits and then finds it gone (and makes a new lead) rather than
 * updating a lead being erased. */
static const struct db_stmt q_due = {
	"SELECT id FROM leads WHERE form_id = ? AND updated_at < UTC_TIMESTAMP() - INTERVAL ? DAY"
	" ORDER BY updated_at, id LIMIT 500 FOR UPDATE", "ii", "i" };
static const struct db_stmt q_erase = { "DELETE FROM leads WHERE id = ?", "i", "" };
/* a delivery needs no lead row (lead.erased outlives its lead): a purged lead's go with it */
static const struct db_stmt q_erase_deliveries = { "DELETE FROM webhook_deliveries WHERE lead_id = ?", "i", "" };
static const struct db_stmt q_count = {
	"UPDATE lead_forms SET purged_leads = purged_leads + ? WHERE id = ?", "ii", "" };
_Static_assert(PURGE_BATCH == 500, "q_due's LIMIT is the batch");

long lead_retention_default(void)
{
	return config_int("lead_retention_days", LEAD_RETENTION_DEFAULT, 1, 3650);
}

long lead_retention_days(long long form_days)
{
	return form_days > 0 ? (long)form_days : lead_retention_default();
}

struct batch {
	struct arena *a;
	long long form_id, days;
	size_t n;
};

static enum db_status purge_batch(struct db *db, void *ctx)
{
	struct batch *b = ctx;
	struct db_res due;
	enum db_status rc = db_query(db, b->a, &q_due, (struct db_param[]){ DB_I(b->form_id), DB_I(b->days) }, &due);
	b->n = 0;
	for (size_t i = 0; rc == DB_OK && i < due.nrows; i++) {
		rc = db_query(db, NULL, &q_erase_deliveries, (struct db_param[]){ DB_I(db_at(&due, i, 0)->i) }, NULL);
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_erase, (struct db_param[]){ DB_I(db_at(&due, i, 0)->i) }, NULL);
	}
	if (rc == DB_OK && due.nrows)
		rc = db_query(db, NULL, &q_count, (struct db_param[]){ DB_I((long long)due.nrows), DB_I(b->form_id) }, NULL);
	if (rc == DB_OK)
		b->n = due.nrows;
	return rc;
}

enum db_status lead_retention_purge(struct db *db, struct arena *a, unsigned long long *erased)
{
	*erased = 0;
	long long after = 0;
	for (;;) {
		struct db_res forms;
		enum db_status rc = db_query(db, a, &q_forms, (struct db_param[]){ DB_I(lead_retention_default()), DB_I(after) }, &forms);
		if (rc != DB_OK)
			return rc;
		for (size_t i = 0; i < forms.nrows; i++) {
			struct batch b = { .a = a, .form_id = db_at(&forms, i, 0)->i, .days = db_at(&forms, i, 1)->i };
			do {
				rc = db_txn(db, purge_batch, &b);
				if (rc != DB_OK)
					return rc;
				*erased += b.n;
			} while (b.n == PURGE_BATCH);
			after = b.form_id;
		}
		if (forms.nrows < 1000)
			return DB_OK;
	}
}
