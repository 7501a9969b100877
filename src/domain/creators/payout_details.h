/* payout_details.h: how a creator is paid (creator_payout_details): a PayPal email, or a bank
 * account (IBAN, BIC, account holder). The IBAN is sealed with libsodium secretbox under a key
 * derived from the server secret, and only its last four characters are shown back. */
#ifndef CC_PAYOUT_DETAILS_H
#define CC_PAYOUT_DETAILS_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"
#include "lib/bank.h"
#include "domain/creators/payout_rules.h"

struct payout_details {
	enum payout_method method;
	const char *paypal_email;
	const char *iban_last4;		/* "" when none */
	const char *bic, *account_name;
	const uint8_t *iban_sealed;	/* as stored */
	size_t iban_sealed_len;
};

enum db_status payout_details_load(struct db *db, struct arena *a, long long creator_id, struct payout_details *out)
	DB_MUST_CHECK;
/* Saves PayPal details (email checked by the caller). */
enum db_status payout_details_save_paypal(struct db *db, long long creator_id, const char *email) DB_MUST_CHECK;
/* Saves bank details; iban and bic normalised (bank.h) by the caller. DB_ERR without a secret. */
enum db_status payout_details_save_sepa(struct db *db, long long creator_id, const char *iban, const char *bic,
					const char *account_name) DB_MUST_CHECK;
/* The IBAN back from its sealed form, for the bank file only; false when it does not open. */
bool payout_details_iban(const uint8_t *sealed, size_t len, char out[BANK_IBAN_MAX + 1]);

#endif
