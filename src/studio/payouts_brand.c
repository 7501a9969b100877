/* payouts_brand.c: "/studio/brand/payouts" — the brand's payout settings (threshold, schedule,
 * its own bank account for SEPA files), each creator's balance in the brand's currency with why
 * they would be held, the tax form each creator has sent (or not), the batches so far, and the
 * button that runs this period's batch (the same period gives the same batch). */
#include <string.h>
#include <time.h>
#include "lib/bank.h"
#include "lib/money.h"
#include "domain/creators/payout_batch.h"
#include "studio/payouts.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_batches = {
	"SELECT id, period, currency, status, total, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i'),"
	" (SELECT COUNT(*) FROM payout_lines pl WHERE pl.batch_id = pb.id) FROM payout_batches pb"
	" WHERE brand_id = ? ORDER BY id DESC LIMIT 100", "i", "isssisi" };
static const struct db_stmt q_tax_set = {
	"INSERT INTO creator_tax_forms (brand_id, creator_id, received_at, recorded_by)"
	" SELECT ?, c.id, UTC_TIMESTAMP(), ? FROM creators c WHERE c.id = ?"
	" ON DUPLICATE KEY UPDATE received_at = received_at", "iii", "" };
static const struct db_stmt q_tax_clear = {
	"DELETE FROM creator_tax_forms WHERE brand_id = ? AND creator_id = ?", "ii", "" };

static int payouts_brand_render(struct req *r, int status, const char *error, const struct payout_settings *form)
{
	const struct acting_brand *b = r->brand;
	struct payout_settings s;
	struct payout_creator *c;
	size_t nc;
	struct db_res batches;
	enum db_status rc = payout_batch_settings(r->db, r->arena, b->id, b->currency, &s);
	if (rc == DB_OK)
		rc = payout_batch_balances(r->db, r->arena, b->id, b->currency, s.threshold, &c, &nc);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_batches, (struct db_param[]){ DB_I(b->id) }, &batches);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *t = layout_begin(r, "studio_brand_payouts.tpl", "Payouts");
	if ((rc = payouts_ledger_status(r, t, b->id, 0)) != DB_OK)
		return req_db_fail(rc);
	tmpl_set(t, "BRAND", b->name);
	tmpl_set(t, "CURRENCY", b->currency);
	const struct payout_settings *f = form ? form : &s;
	if (!form) {
		/* The threshold as a plain decimal for the form field: 2500 EUR -> "25.00". */
		int exp = money_exponent(b->currency);
		long long unit = 1;
		for (int i = 0; i < exp; i++)
			unit *= 10;
		tmpl_set(t, "THRESHOLD", exp > 0 ? arena_printf(r->arena, "%lld.%0*lld", s.threshold / unit, exp,
								     s.threshold % unit)
						 : arena_printf(r->arena, "%lld", s.threshold));
	} else {
		tmpl_set(t, "THRESHOLD", req_form(r, "threshold") ? req_form(r, "threshold") : "");
	}
	tmpl_set(t, "THRESHOLD_TEXT", layout_money(r, s.threshold, b->currency));
	tmpl_show(t, f->schedule == PAYOUT_TWICE_MONTHLY ? "TWICE" : "MONTHLY");
	tmpl_set(t, "DEBTOR_NAME", f->debtor_name);
	tmpl_set(t, "DEBTOR_IBAN", f->debtor_iban);
	tmpl_set(t, "DEBTOR_BIC", f->debtor_bic);
	char period[PAYOUT_RULES_PERIOD_LEN];
	payout_rules_period(s.schedule, time(NULL), period);
	tmpl_set(t, "PERIOD", period);
	if (error)
		tmpl_set(tmpl_add(t, "ERROR"), "TEXT", error);
	const char *flash = req_query(r, "done");
	if (flash && strcmp(flash, "saved") == 0)
		tmpl_set(tmpl_add(t, "FLASH"), "TEXT", "Saved.");
	else if (flash && strcmp(flash, "nothing") == 0)
		tmpl_set(tmpl_add(t, "FLASH"), "TEXT", "Nobody is due a payout this period: no batch was made.");
	size_t shown = 0;
	for (size_t i = 0; i < nc; i++) {
		if (c[i].payable == 0 && c[i].pending == 0 && c[i].carried == 0 && c[i].tax_form)
			continue;
		shown++;
		tmpl_dict *e = tmpl_add(t, "CREATORS");
		tmpl_set(e, "HANDLE", c[i].handle);
		tmpl_set_int(e, "CREATOR_ID", c[i].creator_id);
		tmpl_set(e, "PENDING", layout_money(r, c[i].pending, b->currency));
		tmpl_set(e, "PAYABLE", layout_money(r, c[i].payable, b->currency));
		tmpl_set(e, "CARRIED", layout_money(r, c[i].carried, b->currency));
		tmpl_set(e, "BALANCE", layout_money(r, c[i].payable + c[i].carried, b->currency));
		tmpl_set(e, "STATUS", payout_rules_hold_text(c[i].hold));
		tmpl_set(e, "METHOD", c[i].method == PAYOUT_METHOD_PAYPAL ? "PayPal"
				      : c[i].method == PAYOUT_METHOD_SEPA ? "bank transfer (SEPA)" : "none given");
		tmpl_show(e, c[i].tax_form ? "TAX_YES" : "TAX_NO");
	}
	if (shown == 0)
		tmpl_show(t, "NO_CREATORS");
	for (size_t i = 0; i < batches.nrows; i++) {
		tmpl_dict *e = tmpl_add(t, "BATCHES");
		tmpl_set_int(e, "ID", db_at(&batches, i, 0)->i);
		tmpl_set(e, "PERIOD", db_at(&batches, i, 1)->s);
		tmpl_set(e, "STATUS", db_at(&batches, i, 3)->s);
		tmpl_set(e, "TOTAL", layout_money(r, db_at(&batches, i, 4)->i, db_at(&batches, i, 2)->s));
		tmpl_set(e, "CREATED", db_at(&batches, i, 5)->s);
		tmpl_set_int(e, "CREATORS", db_at(&batches, i, 6)->i);
	}
	if (batches.nrows == 0)
		tmpl_show(t, "NO_BATCHES");
	layout_end(r, status);
	return REQ_DONE;
}

int page_payouts_brand(struct req *r)
{
	return payouts_brand_render(r, 200, NULL, NULL);
}

int page_payouts_settings(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct payout_settings s = { 0, PAYOUT_MONTHLY, "", "", "" };
	const char *schedule = req_form(r, "schedule"), *name = req_form(r, "debtor_name");
	const char *iban = req_form(r, "debtor_iban"), *bic = req_form(r, "debtor_bic");
	char iban_n[BANK_IBAN_MAX + 1] = "", bic_n[BANK_BIC_MAX + 1] = "";
	s.schedule = schedule && strcmp(schedule, "twice_monthly") == 0 ? PAYOUT_TWICE_MONTHLY : PAYOUT_MONTHLY;
	s.debtor_name = name ? name : "";
	s.debtor_iban = iban ? iban : "";
	s.debtor_bic = bic ? bic : "";
	const char *error = NULL;
	if (!req_money(r, "threshold", b->currency, &s.threshold) || s.threshold <= 0)
		error = "The payout threshold is an amount above zero, like 25 or 25.00.";
	else if (*s.debtor_iban && !bank_iban_normalise(s.debtor_iban, iban_n))
		error = "That IBAN is not valid: check it for a typing mistake.";
	else if (*s.debtor_bic && !bank_bic_normalise(s.debtor_bic, bic_n))
		error = "A BIC has 8 or 11 letters and digits, like COBADEFFXXX.";
	if (error)
		return payouts_brand_render(r, 422, error, &s);
	s.debtor_iban = iban_n;
	s.debtor_bic = bic_n;
	enum db_status rc = payout_batch_settings_save(r->db, b->id, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/payouts?done=saved");
	return REQ_DONE;
}

int page_payouts_tax_form(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long creator = req_id(r, "creator_id");
	const char *received = req_form(r, "received");
	if (!creator || !received) {
		response_error(r, 400, "Say which creator and whether their tax form has arrived.");
		return REQ_DONE;
	}
	enum db_status rc = strcmp(received, "yes") == 0
		? db_query(r->db, NULL, &q_tax_set, (struct db_param[]){ DB_I(b->id), DB_I(r->sess.user_id), DB_I(creator) }, NULL)
		: db_query(r->db, NULL, &q_tax_clear, (struct db_param[]){ DB_I(b->id), DB_I(creator) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/payouts?done=saved");
	return REQ_DONE;
}

int page_payouts_run(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct payout_settings s;
	enum db_status rc = payout_batch_settings(r->db, r->arena, b->id, b->currency, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	char period[PAYOUT_RULES_PERIOD_LEN];
	payout_rules_period(s.schedule, time(NULL), period);
	long long id;
	enum payout_batch_outcome out;
	rc = payout_batch_run(r->db, r->arena, b->id, b->currency, period, s.threshold, r->sess.user_id, &id, &out);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (out == PAYOUT_BATCH_NOTHING)
		response_redirect(r, "/studio/brand/payouts?done=nothing");
	else
		response_redirect(r, arena_printf(r->arena, "/studio/brand/payouts/%lld%s", id,
						  out == PAYOUT_BATCH_EXISTS ? "?done=exists" : ""));
	return REQ_DONE;
}
