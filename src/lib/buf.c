/* buf.c: growable buffer in an arena; growth doubles so appends are amortised O(1). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/buf.h"

void buf_init(struct buf *b, struct arena *a, size_t cap)
{
	b->a = a;
	b->cap = cap ? cap : 64;
	b->len = 0;
	b->p = arena_alloc(a, b->cap);
}

void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra < b->len)
		abort();
	if (b->len + extra <= b->cap)
		return;
	size_t cap = b->cap * 2;
	while (cap < b->len + extra)
		cap *= 2;
	char *p = arena_alloc(b->a, cap);
	memcpy(p, b->p, b->len);
	b->p = p;
	b->cap = cap;
}

void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_put_ulong(struct buf *b, unsigned long long v)
{
	char digits[20];
	size_t n = sizeof digits;
	do
		digits[--n] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	buf_put(b, digits + n, sizeof digits - n);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	buf_reserve(b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *buf_cstr(struct buf *b)
{
	buf_reserve(b, 1);
	b->p[b->len] = '\0';
	return b->p;
}
