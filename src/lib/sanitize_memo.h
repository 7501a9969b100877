/* sanitize_memo.h: sanitize_html for a page that shows the same rich text on every view (a
 * product's description): the worker remembers the last answers, keyed by the whole input. */
#ifndef CC_SANITIZE_MEMO_H
#define CC_SANITIZE_MEMO_H
#include <stddef.h>
#include "lib/arena.h"

/* What sanitize_html(a, html, len, NULL) gives, copied into arena `a`: from this process's memo
 * when it sanitised the same bytes before. */
const char *sanitize_memo_html(struct arena *a, const char *html, size_t len);

#endif
