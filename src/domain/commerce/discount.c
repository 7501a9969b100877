/* discount.c: discount code arithmetic (see discount.h); pure. */
#include <string.h>
#include "domain/commerce/calc.h"
#include "domain/commerce/discount.h"
#include "domain/creators/commission.h"

const char *discount_verdict_text(enum discount_verdict v)
{
	switch (v) {
	case DISCOUNT_OK: return "";
	case DISCOUNT_DISABLED: return "This code is no longer valid.";
	case DISCOUNT_NOT_STARTED: return "This code is not valid yet.";
	case DISCOUNT_EXPIRED: return "This code has expired.";
	case DISCOUNT_USED_UP: return "This code is used up: every use it had has been taken.";
	case DISCOUNT_CUSTOMER_USED: return "You have already used this code as many times as it allows.";
	case DISCOUNT_BELOW_MINIMUM: return "Your order from this brand is below the code's minimum.";
	case DISCOUNT_NOT_COMBINABLE: return "This code does not combine with the other code for this brand.";
	case DISCOUNT_NO_ITEMS: return "Nothing in your cart is from the brand this code is for.";
	}
	return "This code cannot be used.";
}

bool discount_code_normalize(const char *in, char out[DISCOUNT_CODE_MAX + 1])
{
	if (!in)
		return false;
	while (*in == ' ')
		in++;
	size_t n = strlen(in);
	while (n && in[n - 1] == ' ')
		n--;
	if (n < DISCOUNT_CODE_MIN || n > DISCOUNT_CODE_MAX)
		return false;
	char buf[DISCOUNT_CODE_MAX + 1];
	for (size_t i = 0; i < n; i++) {
		char c = in[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
		buf[i] = c;
	}
	buf[n] = '\0';
	if (out)
		memcpy(out, buf, n + 1);
	return true;
}

enum discount_verdict discount_check(const struct discount_code *c, long long now, long long subtotal,
				     long long customer_uses)
{
	if (!c->active)
		return DISCOUNT_DISABLED;
	if (c->starts_at && now < c->starts_at)
		return DISCOUNT_NOT_STARTED;
	if (c->ends_at && now >= c->ends_at)
		return DISCOUNT_EXPIRED;
	if (subtotal <= 0)
		return DISCOUNT_NO_ITEMS;
	if (c->total_limit > 0 && c->uses >= c->total_limit)
		return DISCOUNT_USED_UP;
	if (c->per_customer_limit > 0 && customer_uses >= c->per_customer_limit)
		return DISCOUNT_CUSTOMER_USED;
	if (subtotal < c->min_order)
		return DISCOUNT_BELOW_MINIMUM;
	return DISCOUNT_OK;
}

long long discount_amount(const struct discount_code *c, long long base)
{
	if (base <= 0 || c->value <= 0)
		return 0;
	if (c->kind == DISCOUNT_FIXED)
		return c->value < base ? c->value : base;
	long long bps = c->value > DISCOUNT_MAX_BPS ? DISCOUNT_MAX_BPS : c->value;
	/* (q*10000 + r) * bps / 10000, the remainder part rounded half up: no product overflows. */
	long long q = base / 10000, r = base % 10000;
	long long amount = q * bps + (r * bps + 5000) / 10000;
	return amount < base ? amount : base;
}

long long discount_stack(const struct discount_code *codes, size_t n, long long now, long long subtotal,
			 const long long *customer_uses, enum discount_verdict *verdicts, long long *amounts)
{
	long long left = subtotal > 0 ? subtotal : 0;
	bool any = false, all_combine = true;
	for (size_t i = 0; i < n; i++) {
		amounts[i] = 0;
		verdicts[i] = discount_check(&codes[i], now, subtotal, customer_uses ? customer_uses[i] : -1);
		if (verdicts[i] != DISCOUNT_OK)
			continue;
		if (any && !(all_combine && codes[i].combinable)) {
			verdicts[i] = DISCOUNT_NOT_COMBINABLE;
			continue;
		}
		any = true;
		all_combine &= codes[i].combinable;
		amounts[i] = discount_amount(&codes[i], left);
		left -= amounts[i];
	}
	return (subtotal > 0 ? subtotal : 0) - left;
}

bool discount_allocate(long long discount, const long long *line_totals, size_t n, long long *shares)
{
	long long sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (line_totals[i] < 0 || line_totals[i] > CALC_MAX_AMOUNT)
			return false;
		sum += line_totals[i];
		shares[i] = 0;
	}
	if (discount < 0 || discount > sum)
		return false;
	if (discount == 0)
		return true;
	/* Each line's exact share is discount * line / sum; its floor first, then one more minor
	 * unit to the lines with the largest remainders until the shares add up. The products reach
	 * 10^13 * 10^13, so they are computed in 128 bits. */
	long long given = 0;
	for (size_t i = 0; i < n; i++) {
		__int128 exact = (__int128)discount * line_totals[i];
		shares[i] = (long long)(exact / sum);
		given += shares[i];
	}
	for (long long left = discount - given; left > 0; left--) {
		size_t best = n;
		__int128 best_rem = -1;
		for (size_t i = 0; i < n; i++) {
			if (shares[i] >= line_totals[i])
				continue;
			__int128 r = (__int128)discount * line_totals[i] - (__int128)shares[i] * sum;
			if (r > best_rem) {
				best_rem = r;
				best = i;
			}
		}
		if (best == n)
			return false;
		shares[best]++;
	}
	return true;
}

long long discount_line_commission(long long line_total, long long line_discount, unsigned bps)
{
	return commission_amount(line_total - line_discount, bps);
}
