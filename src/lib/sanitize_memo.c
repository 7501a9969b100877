/* sanitize_memo.c: see sanitize_memo.h. libxml2's parse and the walk over its tree cost a product
 * page view some 90k instructions, the same for every view of that product; a hit costs a hash, a
 * compare and a copy. An entry is a pure function of its input, kept whole and compared byte for
 * byte (no hash collision can hand one product's text to another), so this is a memo, not state:
 * an edited description is a different input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "lib/sanitize.h"
#include "lib/sanitize_memo.h"

#define MEMO_SLOTS 256
/* Longer texts are sanitised every time: few descriptions are, and the memo stays a few MB. */
#define MEMO_MAX_INPUT (16 * 1024)

struct sanitize_memo_entry {
	char *in, *out;	/* one malloc'd block: the input, then the output, each NUL-terminated */
	size_t in_len, out_len;
};
static struct sanitize_memo_entry sanitize_memo_slots[MEMO_SLOTS];

const char *sanitize_memo_html(struct arena *a, const char *html, size_t len)
{
	if (len > MEMO_MAX_INPUT)
		return sanitize_html(a, html, len, NULL);
	struct sanitize_memo_entry *e = &sanitize_memo_slots[XXH3_64bits(html, len) % MEMO_SLOTS];
	if (!e->in || e->in_len != len || memcmp(e->in, html, len) != 0) {
		size_t out_len;
		const char *out = sanitize_html(a, html, len, &out_len);
		char *block = xmalloc(len + 1 + out_len + 1);
		memcpy(block, html, len);
		block[len] = '\0';
		memcpy(block + len + 1, out, out_len + 1);
		free(e->in);
		e->in = block;
		e->in_len = len;
		e->out = block + len + 1;
		e->out_len = out_len;
		return out;
	}
	char *copy = arena_alloc(a, e->out_len + 1);
	memcpy(copy, e->out, e->out_len + 1);
	return copy;
}
