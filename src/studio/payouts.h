/* payouts.h: payouts in the studio: the brand's settings, creators' balances, tax forms and
 * payout batches (payouts_brand.c, payouts_batch.c, payouts_export.c), the creator's payout
 * details, payouts and statement (payouts_creator.c), and the ledger line the dashboards show
 * (payouts_ledger_status.c). */
#ifndef CC_STUDIO_PAYOUTS_H
#define CC_STUDIO_PAYOUTS_H
#include "web/http.h"
#include "web/tmpl.h"

int page_payouts_brand(struct req *r);
int page_payouts_settings(struct req *r);
int page_payouts_tax_form(struct req *r);
int page_payouts_run(struct req *r);
int page_payouts_batch(struct req *r);
int page_payouts_batch_pay(struct req *r);
int page_payouts_batch_void(struct req *r);
int page_payouts_export(struct req *r);
int page_payouts_creator(struct req *r);
int page_payouts_creator_details(struct req *r);
int page_payouts_creator_statement(struct req *r);

/* Sets LEDGER_STATUS in `t`: "Ledger verified <time>" from the last `crowdcartctl ledger verify`
 * of the brand (brand_id) or of every brand the creator has entries with (creator_id), or where
 * it failed; and LEDGER_FAILED when it did. */
enum db_status payouts_ledger_status(struct req *r, tmpl_dict *t, long long brand_id, long long creator_id)
	DB_MUST_CHECK;

#endif
