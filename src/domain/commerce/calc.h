/* calc.h: the pure arithmetic and identifiers of checkout: order totals with tax
 * rounded half up per line, order numbers and checkout references, the one-time idempotency
 * token of the review form and the version of the summary the shopper was shown. No I/O but
 * randomness. */
#ifndef CC_CALC_H
#define CC_CALC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#define CALC_MAX_BPS 10000u
#define CALC_ORDERNO_LEN 20	/* 100 random bits in Crockford base32 */
#define CALC_REF_LEN 26		/* 130 random bits */
#define CALC_TOKEN_LEN 64	/* hex: 16-byte nonce + 16-byte MAC */
#define CALC_VERSION_LEN 32	/* hex of a 16-byte hash */
#define CALC_MAX_AMOUNT 10000000000000LL	/* 10^13 minor units, as money_parse */

/* One brand's order as the database stores it: total = subtotal + shipping + tax always holds.
 * Prices that exclude tax (US style): subtotal and shipping are what the shopper saw, tax is
 * added on top. Prices that include tax (EU style): the shopper saw gross amounts, so subtotal
 * and shipping are stored net of the tax they include, tax is that included tax, and the total
 * is what the shopper saw; calc_shown_subtotal and calc_shown_shipping give the gross amounts
 * back. Shipping is taxed at the destination's rate like the goods in both styles. */
struct calc_totals {
	long long subtotal, shipping, tax, total;
	long long shipping_tax;	/* the part of tax on shipping */
	bool tax_included;
};

/* round_half_up(amount * bps / 10000) for amount >= 0, without overflow (amount <= 10^15):
 * the tax added on top of an amount that excludes it. */
long long calc_tax(long long amount, unsigned bps);
/* round_half_up(gross * bps / (10000 + bps)) for gross >= 0: the tax contained in an amount
 * that includes it (19 % of a net price inside a gross 119). */
long long calc_tax_included(long long gross, unsigned bps);

/* One brand's order to one destination. lines[0..nlines) are the amounts of its lines as
 * charged (after any discount, >= 0), in the brand's currency; shipping is the destination's
 * rate, charged when there is at least one line; tax_bps is the destination's rate and
 * tax_included the brand's style. Tax is rounded half up per line (and once for shipping) and
 * summed. False if an input is negative or a result would exceed CALC_MAX_AMOUNT. */
bool calc_order(const long long *lines, size_t nlines, long long shipping, unsigned tax_bps, bool tax_included,
		struct calc_totals *out);
/* The goods and the shipping as the shopper saw them: gross when tax is included. */
long long calc_shown_subtotal(const struct calc_totals *t);
long long calc_shown_shipping(const struct calc_totals *t);

/* unit * quantity, false if negative or above CALC_MAX_AMOUNT. */
bool calc_line_total(long long unit, long long quantity, long long *out);

/* Random identifiers in Crockford base32 (0-9 A-Z without I L O U), NUL-terminated. */
void calc_orderno_new(char out[CALC_ORDERNO_LEN + 1]);
void calc_ref_new(char out[CALC_REF_LEN + 1]);
/* What a person typed as an order number, made canonical: spaces and dashes dropped, letters
 * uppercased, I/L read as 1 and O as 0. False unless exactly CALC_ORDERNO_LEN base32 digits. */
bool calc_orderno_normalize(const char *in, char out[CALC_ORDERNO_LEN + 1]);
bool calc_ref_valid(const char *s);

/* The idempotency token of one review form: a random nonce and a MAC binding it to the session
 * (key: the server secret), so a token cannot be made up or carried to another session. */
void calc_token_new(const uint8_t secret[32], const uint8_t session_hash[32], char out[CALC_TOKEN_LEN + 1]);
bool calc_token_check(const uint8_t secret[32], const uint8_t session_hash[32], const char *token);
/* What the database stores for a token: BLAKE2b-256 of it. */
void calc_token_hash(const char *token, uint8_t out[32]);

/* The version of a summary: a hash over everything the shopper agrees to (the destination; per
 * line: variant, quantity, unit price, currency; per brand: shipping, tax rate, whether prices
 * include tax), fed in order. */
struct calc_version { crypto_generichash_state st; };
void calc_version_init(struct calc_version *v);
void calc_version_add(struct calc_version *v, long long n);
void calc_version_add_str(struct calc_version *v, const char *s);
void calc_version_final(struct calc_version *v, char out[CALC_VERSION_LEN + 1]);

#endif
