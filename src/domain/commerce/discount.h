/* discount.h: discount codes as arithmetic, with no I/O: whether a code applies to a brand's part
 * of a cart, how much it takes off, how that is shared over the brand's lines (what is left of
 * each line is what calc_order taxes), and the creator's commission on what the buyer paid.
 * Money in integer minor units of the brand's currency. docs/CREATORS.md ("Discount codes") has
 * the rules with examples. */
#ifndef CC_DISCOUNT_H
#define CC_DISCOUNT_H
#include <stdbool.h>
#include <stddef.h>

#define DISCOUNT_CODE_MIN 3
#define DISCOUNT_CODE_MAX 32	/* characters, as discount_codes.code */
#define DISCOUNT_MAX_BPS 10000
#define DISCOUNT_MAX_PER_CART 5	/* codes a cart may hold, over all its brands */

enum discount_kind { DISCOUNT_PERCENT, DISCOUNT_FIXED };

struct discount_code {
	long long id, brand_id;
	long long creator_id;		/* 0: the brand's own code, which credits nobody */
	enum discount_kind kind;
	long long value;		/* basis points (percent) or minor units (fixed) */
	long long min_order;		/* the brand's subtotal before discounts must reach it; 0: none */
	long long total_limit;		/* 0: no limit */
	long long per_customer_limit;	/* 0: no limit */
	long long starts_at, ends_at;	/* unix seconds, UTC; 0: open */
	bool combinable, active;
	long long uses;
};

enum discount_verdict {
	DISCOUNT_OK = 0,
	DISCOUNT_DISABLED,
	DISCOUNT_NOT_STARTED,
	DISCOUNT_EXPIRED,
	DISCOUNT_USED_UP,
	DISCOUNT_CUSTOMER_USED,
	DISCOUNT_BELOW_MINIMUM,
	DISCOUNT_NOT_COMBINABLE,
	DISCOUNT_NO_ITEMS,		/* nothing of the code's brand in the cart */
};

/* What the shopper reads about a verdict ("This code has expired."); "" for DISCOUNT_OK. */
const char *discount_verdict_text(enum discount_verdict v);

/* A typed code made canonical: surrounding spaces dropped, letters uppercased. False unless
 * DISCOUNT_CODE_MIN..DISCOUNT_CODE_MAX characters of A-Z, 0-9 and '-'. out may equal NULL. */
bool discount_code_normalize(const char *in, char out[DISCOUNT_CODE_MAX + 1]);

/* Whether one code may apply, on its own, at `now` to a brand subtotal (before discounts).
 * customer_uses: the orders this customer already placed with it; < 0 when not known yet (no
 * email), which skips the per-customer test. */
enum discount_verdict discount_check(const struct discount_code *c, long long now, long long subtotal,
				     long long customer_uses);

/* What the code takes off `base` (>= 0): a percentage rounded half up to the minor unit, or the
 * fixed amount; never more than base. */
long long discount_amount(const struct discount_code *c, long long base);

/* A brand's codes, in the order they were applied, against its subtotal: a code applies if
 * discount_check passes and either nothing applied before it, or it and every code applied
 * before it combine. Each applied code takes its amount off what the earlier ones left.
 * customer_uses may be NULL (unknown for all). Fills verdicts[] and amounts[] (0 for a code that
 * does not apply) and returns the brand's discount, never above subtotal. */
long long discount_stack(const struct discount_code *codes, size_t n, long long now, long long subtotal,
			 const long long *customer_uses, enum discount_verdict *verdicts, long long *amounts);

/* Shares `discount` over line totals in proportion, by largest remainder: every share is at
 * most its line's total, and the shares sum to discount exactly (ties go to the earlier line).
 * False if discount < 0, exceeds the sum of the lines, or a line total is negative. */
bool discount_allocate(long long discount, const long long *line_totals, size_t n, long long *shares);

/* The creator's commission on a discounted line: commission_amount(line_total - discount, bps). */
long long discount_line_commission(long long line_total, long long line_discount, unsigned bps);

#endif
