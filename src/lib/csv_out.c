/* csv_out.c: the CSV writer behind every export (RFC 4180, UTF-8 BOM, formula cells neutralised). */
#include <stdio.h>
#include <string.h>
#include "lib/cell_guard.h"
#include "lib/csv_out.h"

void csv_out_begin(struct csv_out *c, struct buf *b)
{
	c->b = b;
	c->mid_row = false;
	buf_put(b, "\xEF\xBB\xBF", 3);
}

static void csv_sep(struct csv_out *c)
{
	if (c->mid_row)
		buf_putc(c->b, ',');
	c->mid_row = true;
}

void csv_out_text(struct csv_out *c, const char *s)
{
	csv_sep(c);
	if (!s || !*s)
		return;
	size_t n = strlen(s);
	bool risky = cell_guard_needed(s);
	bool quote = strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || s[n - 1] == ' ';
	if (quote)
		buf_putc(c->b, '"');
	if (risky)
		buf_putc(c->b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(c->b, '"');
		buf_putc(c->b, *p);
	}
	if (quote)
		buf_putc(c->b, '"');
}

void csv_out_int(struct csv_out *c, long long v)
{
	csv_sep(c);
	buf_printf(c->b, "%lld", v);
}

void csv_out_minor(struct csv_out *c, long long minor, int exponent)
{
	csv_sep(c);
	/* Work on the magnitude as unsigned so LLONG_MIN does not overflow. */
	unsigned long long m = minor < 0 ? 0ULL - (unsigned long long)minor : (unsigned long long)minor;
	if (exponent <= 0) {
		buf_printf(c->b, "%s%llu", minor < 0 ? "-" : "", m);
		return;
	}
	unsigned long long div = 1;
	for (int i = 0; i < exponent; i++)
		div *= 10;
	buf_printf(c->b, "%s%llu.%0*llu", minor < 0 ? "-" : "", m / div, exponent, m % div);
}

void csv_out_end_row(struct csv_out *c)
{
	buf_put(c->b, "\r\n", 2);
	c->mid_row = false;
}
