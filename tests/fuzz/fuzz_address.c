/* fuzz_address.c: libFuzzer harness for what checkout prints from what shoppers type and for the
 * tax arithmetic: whatever the address fields hold, every printed line is non-empty, has no
 * leading, trailing or doubled space and the country's name is last; whatever the amount and
 * rate, the tax on top and the tax included match a 128-bit reference and an order's stored
 * totals add up. */
#include <stdlib.h>
#include <string.h>
#include "domain/commerce/address.h"
#include "domain/commerce/calc.h"
#include "domain/commerce/country.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena *ar;

static void check_tax(const uint8_t *data, size_t size)
{
	if (size < 10)
		return;
	unsigned long long raw;
	memcpy(&raw, data, 8);
	long long amount = (long long)(raw % 1000000000000001ULL);	/* 0 .. 10^15 */
	unsigned bps = ((unsigned)data[8] << 8 | data[9]) % (CALC_MAX_BPS + 1);
	__int128 on_top = ((__int128)amount * bps * 2 + 10000) / 20000;
	__int128 d = 10000 + bps, included = ((__int128)amount * bps * 2 + d) / (2 * d);
	if (calc_tax(amount, bps) != (long long)on_top || calc_tax_included(amount, bps) != (long long)included)
		abort();
	long long lines[3] = { amount % 10000000000000LL, amount % 7919, amount % 104729 };
	struct calc_totals t;
	for (int incl = 0; incl < 2; incl++)
		if (calc_order(lines, 3, amount % 100000, bps, incl, &t) &&
		    (t.subtotal + t.shipping + t.tax != t.total || t.subtotal < 0 || t.shipping < 0 ||
		     calc_shown_subtotal(&t) != lines[0] + lines[1] + lines[2] ||
		     calc_shown_shipping(&t) != amount % 100000 || (incl && t.total != calc_shown_subtotal(&t) + calc_shown_shipping(&t))))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ar)
		ar = arena_new(1 << 16);
	check_tax(data, size);
	/* Seven NUL-separated fields: name, line1, line2, city, region, postal, country. */
	char *s = malloc(size + 8);
	if (!s)
		abort();
	memcpy(s, data, size);
	memset(s + size, 0, 8);
	const char *f[7];
	const char *p = s;
	for (int i = 0; i < 7; i++) {
		f[i] = p;
		p += strlen(p) + (p < s + size ? 1 : 0);
	}
	struct address ad = { f[0], f[1], f[2], f[3], f[4], f[5], f[6] };
	const char *lines[ADDRESS_MAX_LINES];
	size_t n = address_lines(ar, &ad, lines);
	if (n > ADDRESS_MAX_LINES)
		abort();
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);
		if (len == 0 || lines[i][0] == ' ' || lines[i][len - 1] == ' ' || strstr(lines[i], "  ") ||
		    strpbrk(lines[i], "\t\r\n"))
			abort();
	}
	const struct country *c = country_find(f[6]);
	if (c && (n == 0 || strcmp(lines[n - 1], c->name) != 0))
		abort();
	arena_reset(ar);
	free(s);
	return 0;
}
