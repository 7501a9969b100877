/* payouts_export.c: POST "/studio/brand/payouts/{id}/export" (format paypal, part N | sepa) — a
 * batch's payment file: the PayPal Payouts CSV of its PayPal creators (5,000 a file, numbered
 * parts) or the SEPA pain.001.001.03 file of its bank-transfer creators (euro batches only, from
 * the brand's own account in its payout settings). A POST because the first download moves the
 * batch from draft to exported. */
#include <string.h>
#include <time.h>
#include "lib/bank.h"
#include "domain/creators/payout_batch.h"
#include "domain/creators/payout_details.h"
#include "domain/creators/payout_paypal_csv.h"
#include "domain/creators/payout_sepa.h"
#include "studio/payouts.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_batch = {
	"SELECT currency, status, period FROM payout_batches WHERE id = ? AND brand_id = ?", "ii", "sss" };
static const struct db_stmt q_lines = {
	"SELECT pl.creator_id, pl.amount, pl.method, d.paypal_email, d.iban_sealed, d.bic, d.account_name, c.display_name"
	" FROM payout_lines pl JOIN creators c ON c.id = pl.creator_id"
	" JOIN creator_payout_details d ON d.creator_id = pl.creator_id WHERE pl.batch_id = ? AND pl.method = ?"
	" ORDER BY pl.creator_id LIMIT 100000", "is", "iissbsss" };

/* A creator moved from PayPal to a bank account (or back) after the batch was made: the file
 * would pay nobody, so the brand voids the batch and runs the period again. */
static int payouts_export_changed(struct req *r)
{
	response_error(r, 409, "A creator in this batch has changed how they are paid since it was made: "
			       "void it and run the period again.");
	return REQ_DONE;
}

static int payouts_export_paypal(struct req *r, const struct db_res *l, long long id, const char *cur,
				 const char *period, long long part)
{
	size_t n = l->nrows, files = payout_paypal_csv_files(n);
	if (part < 1 || (size_t)part > files) {
		response_error(r, 404, "This batch has no such PayPal file.");
		return REQ_DONE;
	}
	struct payout_paypal_row *rows = arena_zalloc(r->arena, (n + 1) * sizeof *rows);
	const char *note = arena_printf(r->arena, "%s: creator commission, %s", r->brand->name, period);
	for (size_t i = 0; i < n; i++) {
		if (!*db_at(l, i, 3)->s)
			return payouts_export_changed(r);
		rows[i] = (struct payout_paypal_row){ db_at(l, i, 3)->s, db_at(l, i, 1)->i,
			arena_printf(r->arena, "cc-%lld-%lld", id, db_at(l, i, 0)->i), note };
	}
	payout_paypal_csv_write(&r->body, rows, n, (size_t)part - 1, cur);
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", arena_printf(r->arena,
			"attachment; filename=\"paypal-payouts-%lld-part-%lld-of-%zu.csv\"", id, part, files));
	return REQ_DONE;
}

static int payouts_export_sepa(struct req *r, const struct db_res *l, long long id, const char *cur, const char *period)
{
	struct payout_settings s;
	enum db_status rc = payout_batch_settings(r->db, r->arena, r->brand->id, r->brand->currency, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (strcmp(cur, "EUR") != 0) {
		response_error(r, 422, "A SEPA file pays euros only; this batch is not in euros.");
		return REQ_DONE;
	}
	if (!*s.debtor_name || !*s.debtor_iban || !*s.debtor_bic) {
		response_error(r, 422, "Add your account holder name, IBAN and BIC in the payout settings first.");
		return REQ_DONE;
	}
	if (l->nrows == 0) {
		response_error(r, 404, "Nobody in this batch is paid by bank transfer.");
		return REQ_DONE;
	}
	struct payout_sepa_tx *tx = arena_zalloc(r->arena, (l->nrows + 1) * sizeof *tx);
	for (size_t i = 0; i < l->nrows; i++) {
		char *iban = arena_alloc(r->arena, BANK_IBAN_MAX + 1);
		if (db_at(l, i, 4)->null)
			return payouts_export_changed(r);
		if (!payout_details_iban((const uint8_t *)db_at(l, i, 4)->s, db_at(l, i, 4)->len, iban)) {
			response_error(r, 409, "A creator's bank details can no longer be read (the server secret changed): "
					       "ask them to enter them again.");
			return REQ_DONE;
		}
		const char *holder = *db_at(l, i, 6)->s ? db_at(l, i, 6)->s : db_at(l, i, 7)->s;
		tx[i] = (struct payout_sepa_tx){ arena_printf(r->arena, "CC-%lld-%lld", id, db_at(l, i, 0)->i),
			db_at(l, i, 1)->i, { holder, iban, db_at(l, i, 5)->s },
			arena_printf(r->arena, "%s creator commission %s", r->brand->name, period) };
	}
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char created[20], date[11];
	strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%S", &tm);
	now += 86400;	/* executed the next day */
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	struct payout_sepa_doc d = { arena_printf(r->arena, "CC-%lld-%s", id, period), created, date,
				     { s.debtor_name, s.debtor_iban, s.debtor_bic }, tx, l->nrows };
	if (!payout_sepa_write(&r->body, &d)) {
		response_error(r, 409, "This batch has no amount a bank could pay.");
		return REQ_DONE;
	}
	r->status = 200;
	r->content_type = "application/xml; charset=utf-8";
	response_header(r, "Content-Disposition", arena_printf(r->arena, "attachment; filename=\"sepa-payouts-%lld.xml\"", id));
	return REQ_DONE;
}

int page_payouts_export(struct req *r)
{
	long long id = req_id(r, "id"), part = 1;
	const char *format = req_form(r, "format");
	if (req_form(r, "part") && !req_int(r, "part", &part)) {
		response_error(r, 400, "The part is a file number.");
		return REQ_DONE;
	}
	struct db_res batch, lines;
	enum db_status rc = db_query(r->db, r->arena, &q_batch, (struct db_param[]){ DB_I(id), DB_I(r->brand->id) }, &batch);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (batch.nrows == 0) {
		response_error(r, 404, "There is no such payout batch.");
		return REQ_DONE;
	}
	if (strcmp(db_at(&batch, 0, 1)->s, "void") == 0) {
		response_error(r, 409, "This batch was voided: it has no files.");
		return REQ_DONE;
	}
	bool sepa = format && strcmp(format, "sepa") == 0;
	rc = db_query(r->db, r->arena, &q_lines, (struct db_param[]){ DB_I(id), DB_S(sepa ? "sepa" : "paypal") }, &lines);
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char *cur = db_at(&batch, 0, 0)->s, *period = db_at(&batch, 0, 2)->s;
	int done = sepa ? payouts_export_sepa(r, &lines, id, cur, period)
			: payouts_export_paypal(r, &lines, id, cur, period, part);
	/* Only a file actually handed over moves the batch on. */
	if (done == REQ_DONE && r->status == 200 && (rc = payout_batch_exported(r->db, r->brand->id, id)) != DB_OK)
		return req_db_fail(rc);
	return done;
}
