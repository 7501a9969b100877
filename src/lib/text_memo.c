/* text_memo.c: see text_memo.h. A hit costs a hash, a compare and a copy. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "lib/text_memo.h"

const char *text_memo_get(struct text_memo *m, text_memo_fn *make, struct arena *a, const char *in, size_t len,
			  size_t arg)
{
	if (len > TEXT_MEMO_MAX_INPUT)
		return make(a, in, len, arg);
	struct text_memo_entry *e = &m->slots[(XXH3_64bits(in, len) ^ arg) % TEXT_MEMO_SLOTS];
	if (!e->in || e->in_len != len || e->arg != arg || memcmp(e->in, in, len) != 0) {
		const char *out = make(a, in, len, arg);
		size_t out_len = strlen(out);
		char *block = xmalloc(len + 1 + out_len + 1);
		memcpy(block, in, len);
		block[len] = '\0';
		memcpy(block + len + 1, out, out_len + 1);
		free(e->in);
		e->in = block;
		e->in_len = len;
		e->arg = arg;
		e->out = block + len + 1;
		e->out_len = out_len;
		return out;
	}
	char *copy = arena_alloc(a, e->out_len + 1);
	memcpy(copy, e->out, e->out_len + 1);
	return copy;
}
