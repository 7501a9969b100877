/* buf.h: growable byte buffer whose storage lives in an arena. */
#ifndef CC_BUF_H
#define CC_BUF_H
#include <stddef.h>
#include "lib/arena.h"

struct buf {
	char *p;
	size_t len, cap;
	struct arena *a;
};

void buf_init(struct buf *b, struct arena *a, size_t cap);
void buf_put(struct buf *b, const void *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_cstr(struct buf *b);                  /* NUL-terminates without counting it */

#endif
