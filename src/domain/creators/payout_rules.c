/* payout_rules.c: see payout_rules.h. */
#include <string.h>
#include "lib/money.h"
#include "domain/creators/payout_rules.h"

void payout_rules_period(enum payout_schedule s, time_t now, char out[PAYOUT_RULES_PERIOD_LEN])
{
	struct tm tm;
	gmtime_r(&now, &tm);
	size_t n = strftime(out, PAYOUT_RULES_PERIOD_LEN, "%Y-%m", &tm);
	if (s == PAYOUT_TWICE_MONTHLY && n + 1 < PAYOUT_RULES_PERIOD_LEN) {
		out[n] = tm.tm_mday <= 15 ? 'a' : 'b';
		out[n + 1] = '\0';
	}
}

long long payout_rules_default_threshold(const char *currency)
{
	int exp = money_exponent(currency);
	long long t = 25;
	for (int i = 0; i < exp; i++)
		t *= 10;
	return t;
}

enum payout_hold payout_rules_hold(long long balance, long long threshold, bool tax_form, enum payout_method m,
				   const char *currency)
{
	if (balance == 0)
		return PAYOUT_HOLD_NOTHING;
	if (balance < 0)
		return PAYOUT_HOLD_CARRIED;
	if (balance < threshold)
		return PAYOUT_HOLD_THRESHOLD;
	if (!tax_form)
		return PAYOUT_HOLD_TAX_FORM;
	if (m == PAYOUT_METHOD_NONE)
		return PAYOUT_HOLD_DETAILS;
	if (m == PAYOUT_METHOD_SEPA && strcmp(currency, "EUR") != 0)
		return PAYOUT_HOLD_SEPA_CURRENCY;
	return PAYOUT_PAY;
}

enum payout_hold payout_rules_hold_verified(enum payout_hold h, bool verified)
{
	return h == PAYOUT_PAY && !verified ? PAYOUT_HOLD_UNVERIFIED : h;
}

const char *payout_rules_hold_text(enum payout_hold h)
{
	switch (h) {
	case PAYOUT_PAY: return "paid in this run";
	case PAYOUT_HOLD_NOTHING: return "nothing payable yet";
	case PAYOUT_HOLD_CARRIED: return "held: refunds after payout leave the balance below zero (carried)";
	case PAYOUT_HOLD_THRESHOLD: return "held: below the payout threshold";
	case PAYOUT_HOLD_TAX_FORM: return "held: tax form not received";
	case PAYOUT_HOLD_DETAILS: return "held: no payout details";
	case PAYOUT_HOLD_SEPA_CURRENCY: return "held: bank transfer (SEPA) pays euros only";
	case PAYOUT_HOLD_UNVERIFIED: return "held: the creator has not confirmed their email address";
	}
	return "";
}
