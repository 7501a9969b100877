/* money.h: amounts are integer minor units plus an ISO 4217 code; never floating point. */
#ifndef CC_MONEY_H
#define CC_MONEY_H
#include <stdbool.h>
#include <stddef.h>

/* ISO 4217 currencies whose minor unit is not 2 decimal places, as lists of X(code) so that C
 * (money.c) and SQL (MONEY_UNIT_SQL) name the same codes. */
#define MONEY_EXP0_CODES(X) \
	X(BIF) X(CLP) X(DJF) X(GNF) X(ISK) X(JPY) X(KMF) X(KRW) X(PYG) \
	X(RWF) X(UGX) X(UYI) X(VND) X(VUV) X(XAF) X(XOF) X(XPF)
#define MONEY_EXP3_CODES(X) X(BHD) X(IQD) X(JOD) X(KWD) X(LYD) X(OMR) X(TND)
#define MONEY_SQL_CODE(c) "'" #c "',"
/* SQL: the minor units in one whole unit of the currency in column `col` (1 for JPY, 100 for USD,
 * 1000 for KWD), for comparing stored amounts with amounts typed in whole units. */
#define MONEY_UNIT_SQL(col) \
	"CASE WHEN " col " IN (" MONEY_EXP0_CODES(MONEY_SQL_CODE) "'') THEN 1" \
	" WHEN " col " IN (" MONEY_EXP3_CODES(MONEY_SQL_CODE) "'') THEN 1000 ELSE 100 END"

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
