/* fuzz_sanitize.c: libFuzzer harness for sanitize_html: whatever goes in, only allowlisted,
 * escaped, UTF-8 markup comes out, and sanitising that again changes nothing. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lib/arena.h"
#include "lib/sanitize.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const tags[] = {
	"<p>", "</p>", "<br>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<strong>", "</strong>",
	"<em>", "</em>", "<b>", "</b>", "<i>", "</i>", "<a href=\"http", "</a>",
};

/* Every '<' opens an allowlisted tag; a link's attributes are exactly href and rel. */
static void check_markup(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		size_t i = 0;
		while (i < sizeof tags / sizeof tags[0] && strncasecmp(p, tags[i], strlen(tags[i])) != 0)
			i++;
		if (i == sizeof tags / sizeof tags[0])
			abort();
		const char *end = strchr(p, '>');
		if (!end)
			abort();
		if (strncmp(p, "<a ", 3) == 0 && strncmp(end - 20, "\" rel=\"nofollow ugc\">", 21) != 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(256 * 1024);
	size_t n;
	const char *out = sanitize_html(a, (const char *)data, size, &n);
	if (strlen(out) != n || !utf8_valid((const uint8_t *)out, n))
		abort();
	check_markup(out);
	if (strcasestr(out, "javascript:") && strstr(out, "href=\"javascript"))
		abort();
	size_t n2;
	const char *again = sanitize_html(a, out, n, &n2);
	if (n2 != n || memcmp(again, out, n) != 0)
		abort();
	arena_reset(a);
	return 0;
}
