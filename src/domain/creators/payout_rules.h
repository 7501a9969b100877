/* payout_rules.h: who a payout batch pays, for which period, over what threshold. Pure. */
#ifndef CC_PAYOUT_RULES_H
#define CC_PAYOUT_RULES_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define PAYOUT_RULES_PERIOD_LEN 16

enum payout_schedule { PAYOUT_MONTHLY, PAYOUT_TWICE_MONTHLY };

/* The period a batch run at `now` covers: "2026-12" monthly; "2026-12a" (days 1-15) or
 * "2026-12b" (16 to the end) twice monthly. The same period is the same batch. */
void payout_rules_period(enum payout_schedule s, time_t now, char out[PAYOUT_RULES_PERIOD_LEN]);

/* 25 in the currency's major unit: 2500 for EUR/USD, 25 for JPY, 25000 for KWD. */
long long payout_rules_default_threshold(const char *currency);

enum payout_method { PAYOUT_METHOD_NONE, PAYOUT_METHOD_PAYPAL, PAYOUT_METHOD_SEPA };

enum payout_hold {
	PAYOUT_PAY,			/* in the batch */
	PAYOUT_HOLD_NOTHING,		/* nothing payable, nothing carried */
	PAYOUT_HOLD_CARRIED,		/* clawbacks leave the balance at or below zero: carried */
	PAYOUT_HOLD_THRESHOLD,		/* below the brand's payout threshold */
	PAYOUT_HOLD_TAX_FORM,		/* the brand has not received the creator's tax form */
	PAYOUT_HOLD_DETAILS,		/* the creator has given no payout details */
	PAYOUT_HOLD_SEPA_CURRENCY,	/* a bank transfer (SEPA) pays euros only */
	PAYOUT_HOLD_UNVERIFIED,		/* the creator's account has no confirmed email address (or is deleted) */
};

/* Whether a creator with `balance` (payable less carried clawbacks, minor units) is paid. */
enum payout_hold payout_rules_hold(long long balance, long long threshold, bool tax_form, enum payout_method m,
				   const char *currency);
/* h for a creator whose account's address is confirmed; a creator who would be paid but whose
 * address is not is held until it is. */
enum payout_hold payout_rules_hold_verified(enum payout_hold h, bool verified);
/* The reason shown beside a held creator. */
const char *payout_rules_hold_text(enum payout_hold h);

#endif
