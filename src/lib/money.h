/* money.h: amounts are integer minor units plus an ISO 4217 code; never floating point. */
#ifndef CC_MONEY_H
#define CC_MONEY_H
#include <stdbool.h>
#include <stddef.h>

/* Minor-unit exponent of a currency: 2 for USD/EUR/GBP..., 0 for JPY/KRW..., 3 for BHD/KWD...;
 * -1 for a code that is not three uppercase letters. Unknown valid codes get 2. */
int money_exponent(const char *currency);

/* "$12.50", "€1,234.00", "£0.99", "¥1,200", others "1,234.50 CHF"; negative "-$3.00".
 * Returns false if out is too small or the currency is invalid. */
bool money_format(char *out, size_t outlen, long long minor, const char *currency);

/* The plain decimal amount, as structured data and feeds write it: "12.50", "1200" for JPY,
 * "-3.00"; no symbol, no grouping. False if out is too small or the currency is invalid. */
bool money_decimal(char *out, size_t outlen, long long minor, const char *currency);

/* Parses a plain decimal amount ("12", "12.5", "12.50") into minor units for the currency's
 * exponent. Rejects signs, thousands separators, exponents, spaces, more decimals than the
 * exponent allows, and values above 10^13 minor units. */
bool money_parse(const char *s, const char *currency, long long *minor);

#endif
