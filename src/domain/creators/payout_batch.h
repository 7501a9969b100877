/* payout_batch.h: a brand's payout settings, its creators' balances, and payout batches: run
 * (gather every creator over the threshold, once per period), mark paid (the ledger's 'payout'
 * entries), void (before paid). */
#ifndef CC_PAYOUT_BATCH_H
#define CC_PAYOUT_BATCH_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/creators/payout_rules.h"

struct payout_settings {
	long long threshold;	/* minor units of the brand's currency */
	enum payout_schedule schedule;
	const char *debtor_name, *debtor_iban, *debtor_bic;	/* "" until set */
};

/* The brand's settings, or the defaults (25 in `currency`, monthly) when it has none. */
enum db_status payout_batch_settings(struct db *db, struct arena *a, long long brand_id, const char *currency,
				     struct payout_settings *out) DB_MUST_CHECK;
enum db_status payout_batch_settings_save(struct db *db, long long brand_id, const struct payout_settings *s)
	DB_MUST_CHECK;

/* One creator's balance with the brand in one currency, outside batches not yet paid or voided. */
struct payout_creator {
	long long creator_id;
	const char *handle;
	long long payable, pending, carried;	/* carried <= 0 */
	bool tax_form;
	enum payout_method method;
	enum payout_hold hold;
};

enum db_status payout_batch_balances(struct db *db, struct arena *a, long long brand_id, const char *currency,
				     long long threshold, struct payout_creator **out, size_t *n) DB_MUST_CHECK;

enum payout_batch_outcome {
	PAYOUT_BATCH_DONE,
	PAYOUT_BATCH_EXISTS,	/* run: this period already has its batch (its id is returned) */
	PAYOUT_BATCH_NOTHING,	/* run: nobody to pay */
	PAYOUT_BATCH_NOT_FOUND,
	PAYOUT_BATCH_IS_PAID,	/* void: too late; pay: already done (nothing written again) */
	PAYOUT_BATCH_IS_VOID,
};

/* Runs the period's batch in `currency` (one transaction): the same brand, currency and period
 * give the same batch however often it is run. */
enum db_status payout_batch_run(struct db *db, struct arena *a, long long brand_id, const char *currency,
				const char *period, long long threshold, long long user_id, long long *batch_id,
				enum payout_batch_outcome *outcome) DB_MUST_CHECK;
/* Appends one 'payout' entry per order line of the batch and marks it paid (one transaction). */
enum db_status payout_batch_pay(struct db *db, struct arena *a, long long brand_id, long long batch_id,
				long long user_id, enum payout_batch_outcome *outcome) DB_MUST_CHECK;
enum db_status payout_batch_void(struct db *db, struct arena *a, long long brand_id, long long batch_id,
				 enum payout_batch_outcome *outcome) DB_MUST_CHECK;
/* A draft batch becomes exported (its files were downloaded); other states stay. */
enum db_status payout_batch_exported(struct db *db, long long brand_id, long long batch_id) DB_MUST_CHECK;

#endif
