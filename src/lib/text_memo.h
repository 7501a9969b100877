/* text_memo.h: a worker's memory of a pure text function's last answers (a product description
 * sanitised, or summarised), for pages that show the same text on every view. */
#ifndef CC_TEXT_MEMO_H
#define CC_TEXT_MEMO_H
#include <stddef.h>
#include "lib/arena.h"

#define TEXT_MEMO_SLOTS 256
/* Longer inputs are worked out every time: few texts are, and a memo stays a few MB. */
#define TEXT_MEMO_MAX_INPUT (16 * 1024)

struct text_memo_entry {
	char *in, *out;	/* one malloc'd block: the input, then the output, each NUL-terminated */
	size_t in_len, out_len, arg;
};

/* One per function (a static of its caller), zero-initialised. */
struct text_memo {
	struct text_memo_entry slots[TEXT_MEMO_SLOTS];
};

/* The answer to (in, len, arg), made by a pure function of those three. */
typedef const char *text_memo_fn(struct arena *a, const char *in, size_t len, size_t arg);

/* make(a, in, len, arg) in arena `a`: copied from the memo when it was asked the same before.
 * An entry is found by its whole input and arg, compared byte for byte (no hash collision can
 * hand one text's answer to another), so this is a memo, not state: a changed text is another
 * input. */
const char *text_memo_get(struct text_memo *m, text_memo_fn *make, struct arena *a, const char *in, size_t len,
			  size_t arg);

#endif
