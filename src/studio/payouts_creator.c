/* payouts_creator.c: "/studio/creator/payouts" — how the creator is paid (PayPal email, or IBAN,
 * BIC and account holder; the IBAN is shown back only as its last four characters), each payout
 * batch that pays them with the order lines it settles, and a statement of every ledger entry
 * of theirs as CSV ("/studio/creator/payouts.csv"). */
#include <string.h>
#include "lib/bank.h"
#include "lib/csv_out.h"
#include "lib/money.h"
#include "domain/creators/payout_details.h"
#include "studio/payouts.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_payouts = {
	"SELECT pb.id, b.name, pb.period, pb.currency, pb.status, pl.amount, DATE_FORMAT(pb.created_at, '%Y-%m-%d'),"
	" COALESCE(DATE_FORMAT(pb.paid_at, '%Y-%m-%d'), '') FROM payout_lines pl"
	" JOIN payout_batches pb ON pb.id = pl.batch_id JOIN brands b ON b.id = pb.brand_id"
	" WHERE pl.creator_id = ? AND pb.status <> 'void' ORDER BY pb.id DESC LIMIT 200", "i", "issssiss" };
static const struct db_stmt q_items = {
	"SELECT i.batch_id, o.number, l.title, i.amount FROM payout_items i JOIN payout_batches pb ON pb.id = i.batch_id"
	" JOIN order_lines l ON l.id = i.order_line_id JOIN orders o ON o.id = l.order_id"
	" WHERE i.creator_id = ? AND pb.status <> 'void' ORDER BY i.batch_id DESC, i.order_line_id LIMIT 20000",
	"i", "issi" };
static const struct db_stmt q_statement = {
	"SELECT DATE_FORMAT(ce.created_at, '%Y-%m-%d %H:%i:%s'), b.name, ce.kind, COALESCE(o.number, ''),"
	" COALESCE(l.title, ''), ce.amount, ce.currency, COALESCE(ce.payout_id, 0) FROM commission_entries ce"
	" JOIN brands b ON b.id = ce.brand_id LEFT JOIN order_lines l ON l.id = ce.order_line_id"
	" LEFT JOIN orders o ON o.id = l.order_id WHERE ce.creator_id = ? ORDER BY ce.created_at, ce.id LIMIT 100000",
	"i", "sssssisi" };

static int payouts_creator_render(struct req *r, int status, const char *error)
{
	const struct acting_creator *c = r->creator;
	struct payout_details d;
	struct db_res payouts, items;
	enum db_status rc = payout_details_load(r->db, r->arena, c->id, &d);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_payouts, (struct db_param[]){ DB_I(c->id) }, &payouts);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_items, (struct db_param[]){ DB_I(c->id) }, &items);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *t = layout_begin(r, "studio_creator_payouts.tpl", "Payouts");
	if ((rc = payouts_ledger_status(r, t, 0, c->id)) != DB_OK)
		return req_db_fail(rc);
	if (error)
		tmpl_set(tmpl_add(t, "ERROR"), "TEXT", error);
	if (req_query(r, "saved"))
		tmpl_show(t, "SAVED");
	tmpl_show(t, d.method == PAYOUT_METHOD_SEPA ? "SEPA_CHECKED" : "PAYPAL_CHECKED");
	tmpl_set(t, "PAYPAL_EMAIL", d.paypal_email);
	tmpl_set(t, "BIC", d.bic);
	tmpl_set(t, "ACCOUNT_NAME", d.account_name);
	if (*d.iban_last4)
		tmpl_set(tmpl_add(t, "IBAN_ON_FILE"), "LAST4", d.iban_last4);
	if (d.method == PAYOUT_METHOD_NONE)
		tmpl_show(t, "NO_DETAILS");
	for (size_t i = 0; i < payouts.nrows; i++) {
		const char *cur = db_at(&payouts, i, 3)->s;
		long long id = db_at(&payouts, i, 0)->i;
		tmpl_dict *e = tmpl_add(t, "PAYOUTS");
		tmpl_set_int(e, "ID", id);
		tmpl_set(e, "BRAND", db_at(&payouts, i, 1)->s);
		tmpl_set(e, "PERIOD", db_at(&payouts, i, 2)->s);
		tmpl_set(e, "STATUS", db_at(&payouts, i, 4)->s);
		tmpl_set(e, "AMOUNT", layout_money(r, db_at(&payouts, i, 5)->i, cur));
		tmpl_set(e, "CREATED", db_at(&payouts, i, 6)->s);
		tmpl_set(e, "PAID_AT", *db_at(&payouts, i, 7)->s ? db_at(&payouts, i, 7)->s : "not yet");
		for (size_t k = 0; k < items.nrows; k++) {
			if (db_at(&items, k, 0)->i != id)
				continue;
			tmpl_dict *it = tmpl_add(e, "ITEMS");
			tmpl_set(it, "NUMBER", db_at(&items, k, 1)->s);
			tmpl_set(it, "PRODUCT", db_at(&items, k, 2)->s);
			tmpl_set(it, "AMOUNT", layout_money(r, db_at(&items, k, 3)->i, cur));
			if (db_at(&items, k, 3)->i < 0)
				tmpl_show(it, "CARRIED");
		}
	}
	if (payouts.nrows == 0)
		tmpl_show(t, "NO_PAYOUTS");
	layout_end(r, status);
	return REQ_DONE;
}

int page_payouts_creator(struct req *r)
{
	return payouts_creator_render(r, 200, NULL);
}

int page_payouts_creator_details(struct req *r)
{
	const struct acting_creator *c = r->creator;
	const char *method = req_form(r, "method"), *email = req_form(r, "paypal_email");
	const char *iban = req_form(r, "iban"), *bic = req_form(r, "bic"), *holder = req_form(r, "account_name");
	enum db_status rc;
	if (method && strcmp(method, "paypal") == 0) {
		if (!email || !*email || req_invalid(r, "paypal_email"))
			return payouts_creator_render(r, 422, "Give the email address of your PayPal account.");
		rc = payout_details_save_paypal(r->db, c->id, email);
	} else {
		char iban_n[BANK_IBAN_MAX + 1], bic_n[BANK_BIC_MAX + 1];
		if (!iban || !bank_iban_normalise(iban, iban_n))
			return payouts_creator_render(r, 422, "That IBAN is not valid: check it for a typing mistake.");
		if (!bic || !bank_bic_normalise(bic, bic_n))
			return payouts_creator_render(r, 422, "A BIC has 8 or 11 letters and digits, like COBADEFFXXX.");
		if (!holder || !*holder)
			return payouts_creator_render(r, 422, "Give the name the bank account is held in.");
		rc = payout_details_save_sepa(r->db, c->id, iban_n, bic_n, holder);
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/creator/payouts?saved=1");
	return REQ_DONE;
}

int page_payouts_creator_statement(struct req *r)
{
	struct db_res s;
	enum db_status rc = db_query(r->db, r->arena, &q_statement, (struct db_param[]){ DB_I(r->creator->id) }, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	struct csv_out c;
	csv_out_begin(&c, &r->body);
	static const char *const head[] = { "time_utc", "brand", "entry", "order", "product", "amount", "currency",
					    "payout_batch" };
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_out_text(&c, head[i]);
	csv_out_end_row(&c);
	for (size_t i = 0; i < s.nrows; i++) {
		for (size_t k = 0; k < 5; k++)
			csv_out_text(&c, db_at(&s, i, k)->s);
		csv_out_minor(&c, db_at(&s, i, 5)->i, money_exponent(db_at(&s, i, 6)->s));
		csv_out_text(&c, db_at(&s, i, 6)->s);
		if (db_at(&s, i, 7)->i)
			csv_out_int(&c, db_at(&s, i, 7)->i);
		else
			csv_out_text(&c, "");
		csv_out_end_row(&c);
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", "attachment; filename=\"commission-statement.csv\"");
	return REQ_DONE;
}
