/* buf.h: growable byte buffer whose storage lives in an arena. */
#ifndef CC_BUF_H
#define CC_BUF_H
#include <stddef.h>
#include <string.h>
#include "lib/arena.h"

struct buf {
	char *p;
	size_t len, cap;
	struct arena *a;
};

void buf_init(struct buf *b, struct arena *a, size_t cap);
/* Room for n more bytes, moving the buffer when it has to grow (buf_put's slow path). */
void buf_reserve(struct buf *b, size_t n);
void buf_puts(struct buf *b, const char *s);

/* Inline: pages append thousands of short pieces, and the call cost more than the copy. */
static inline void buf_put(struct buf *b, const void *s, size_t n)
{
	if (b->cap - b->len < n)
		buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static inline void buf_putc(struct buf *b, char c)
{
	if (b->cap == b->len)
		buf_reserve(b, 1);
	b->p[b->len++] = c;
}
/* v in decimal: what a header's length or age needs, without a printf's format parsing. */
void buf_put_ulong(struct buf *b, unsigned long long v);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_cstr(struct buf *b);                  /* NUL-terminates without counting it */

#endif
