/* plain_format.c: see plain_format.h. */
#include <string.h>
#include "lib/plain_format.h"

static bool plain_format_put(char *out, size_t cap, size_t *n, const char *s, size_t k)
{
	if (cap - *n <= k)	/* the NUL needs a byte too */
		return false;
	memcpy(out + *n, s, k);
	*n += k;
	return true;
}

/* v in decimal, zero-padded after its sign to `width` characters as "%0Nd" does. */
static bool plain_format_number(char *out, size_t cap, size_t *n, unsigned long long v, bool negative,
				unsigned width)
{
	char digits[32];
	size_t k = sizeof digits;
	do
		digits[--k] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (sizeof digits - k + negative < width)
		digits[--k] = '0';
	if (negative)
		digits[--k] = '-';
	return plain_format_put(out, cap, n, digits + k, sizeof digits - k);
}

bool plain_format(char *out, size_t cap, size_t *len, const char *fmt, va_list ap)
{
	size_t n = 0;
	if (!cap)
		return false;
	for (const char *p = fmt; *p;) {
		const char *pct = strchr(p, '%');
		size_t run = pct ? (size_t)(pct - p) : strlen(p);
		if (!plain_format_put(out, cap, &n, p, run))
			return false;
		if (!pct)
			break;
		p = pct + 1;
		/* "%02lld": a zero flag and a one-digit width, for numbers only (times, dates) */
		unsigned width = 0;
		if (p[0] == '0' && p[1] >= '1' && p[1] <= '9') {
			width = (unsigned)(p[1] - '0');
			p += 2;
		}
		enum { INT, LONG, LLONG, SIZE } size = INT;
		if (p[0] == 'l' && p[1] == 'l') {
			size = LLONG;
			p += 2;
		} else if (p[0] == 'l') {
			size = LONG;
			p++;
		} else if (p[0] == 'z') {
			size = SIZE;
			p++;
		}
		char conv = *p;
		if (!conv || (size == SIZE && conv != 'u'))
			return false;	/* a lone '%' at the end; %zd (ssize_t) is not worth its own case */
		p++;
		if (width && conv != 'd' && conv != 'i' && conv != 'u')
			return false;
		if (conv == '%' && size == INT) {
			if (!plain_format_put(out, cap, &n, "%", 1))
				return false;
		} else if (conv == 's' && size == INT) {
			const char *s = va_arg(ap, const char *);
			if (!s || !plain_format_put(out, cap, &n, s, strlen(s)))
				return false;
		} else if (conv == 'd' || conv == 'i') {
			long long v = size == LLONG ? va_arg(ap, long long) : size == LONG ? va_arg(ap, long) : va_arg(ap, int);
			unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
			if (!plain_format_number(out, cap, &n, mag, v < 0, width))
				return false;
		} else if (conv == 'u') {
			unsigned long long v = size == LLONG ? va_arg(ap, unsigned long long)
					     : size == LONG ? va_arg(ap, unsigned long)
					     : size == SIZE ? va_arg(ap, size_t) : va_arg(ap, unsigned);
			if (!plain_format_number(out, cap, &n, v, false, width))
				return false;
		} else {
			return false;
		}
	}
	out[n] = '\0';
	*len = n;
	return true;
}
