/* sanitize_memo.c: see sanitize_memo.h. libxml2's parse and the walk over its tree cost a product
 * page view some 90k instructions, the same for every view of that product (text_memo.h). */
#include "lib/sanitize.h"
#include "lib/sanitize_memo.h"
#include "lib/text_memo.h"

static const char *sanitize_memo_make(struct arena *a, const char *html, size_t len, size_t unused)
{
	return sanitize_html(a, html, len, NULL);
}

const char *sanitize_memo_html(struct arena *a, const char *html, size_t len)
{
	static struct text_memo memo;
	return text_memo_get(&memo, sanitize_memo_make, a, html, len, 0);
}
