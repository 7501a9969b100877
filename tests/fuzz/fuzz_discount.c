/* fuzz_discount.c: libFuzzer harness for discount codes: a typed code normalises to 3-32 of
 * A-Z 0-9 '-' and to itself again; and for any codes, subtotal and lines the fuzzer makes up, the
 * stacked discount never exceeds the subtotal, its shares never exceed their lines and sum to it
 * exactly, and the precedence rule credits only a creator it was given. */
#include <stdlib.h>
#include <string.h>
#include "domain/commerce/calc.h"
#include "domain/commerce/discount.h"
#include "domain/creators/code_credit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long long take(const uint8_t **p, size_t *n, long long mod)
{
	unsigned long long v = 0;
	for (int i = 0; i < 6 && *n; i++, (*p)++, (*n)--)
		v = v << 8 | **p;
	return (long long)(v % (unsigned long long)mod);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	char code[DISCOUNT_CODE_MAX + 1], again[DISCOUNT_CODE_MAX + 1];
	if (discount_code_normalize(s, code)) {
		size_t n = strlen(code);
		if (n < DISCOUNT_CODE_MIN || n > DISCOUNT_CODE_MAX || strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != n)
			abort();
		if (!discount_code_normalize(code, again) || strcmp(code, again) != 0)
			abort();
	}
	free(s);

	const uint8_t *p = data;
	size_t left = size;
	struct discount_code codes[DISCOUNT_MAX_PER_CART];
	struct code_credit_code credit[DISCOUNT_MAX_PER_CART];
	size_t ncodes = (size_t)take(&p, &left, DISCOUNT_MAX_PER_CART + 1);
	for (size_t i = 0; i < ncodes; i++) {
		long long kind = take(&p, &left, 2);
		codes[i] = (struct discount_code){ .id = (long long)i + 1, .active = take(&p, &left, 8) != 0,
			.kind = kind ? DISCOUNT_FIXED : DISCOUNT_PERCENT,
			.value = 1 + take(&p, &left, kind ? CALC_MAX_AMOUNT : DISCOUNT_MAX_BPS),
			.min_order = take(&p, &left, 100000), .total_limit = take(&p, &left, 4), .uses = take(&p, &left, 4),
			.combinable = take(&p, &left, 2) != 0, .creator_id = take(&p, &left, 4) };
		credit[i] = (struct code_credit_code){ codes[i].creator_id, take(&p, &left, 1000) };
	}
	long long lines[8], shares[8], sub = 0;
	size_t nlines = (size_t)take(&p, &left, 9);
	for (size_t i = 0; i < nlines; i++)
		sub += lines[i] = take(&p, &left, CALC_MAX_AMOUNT / 8);
	enum discount_verdict v[DISCOUNT_MAX_PER_CART];
	long long amounts[DISCOUNT_MAX_PER_CART];
	long long disc = discount_stack(codes, ncodes, take(&p, &left, 1000), sub, NULL, v, amounts);
	long long sum = 0;
	for (size_t i = 0; i < ncodes; i++) {
		if (amounts[i] < 0 || (v[i] != DISCOUNT_OK && amounts[i] != 0))
			abort();
		sum += amounts[i];
	}
	if (disc < 0 || disc > sub || sum != disc)
		abort();
	if (!discount_allocate(disc, lines, nlines, shares))
		abort();
	sum = 0;
	for (size_t i = 0; i < nlines; i++) {
		if (shares[i] < 0 || shares[i] > lines[i])
			abort();
		sum += shares[i];
	}
	if (sum != disc)
		abort();
	long long link = take(&p, &left, 4);
	struct code_credit c = code_credit_resolve((enum code_precedence)take(&p, &left, 2), link, take(&p, &left, 1000),
						   "link", credit, ncodes);
	bool known = c.creator_id == 0 || c.creator_id == link;
	for (size_t i = 0; i < ncodes; i++)
		known |= c.creator_id == credit[i].creator_id;
	if (!known)
		abort();
	return 0;
}
