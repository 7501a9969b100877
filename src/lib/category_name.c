/* category_name.c: a category's name and slug from a product type or Google category path. */
#include <stdbool.h>
#include <string.h>
#include "lib/category_name.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *category_name(struct arena *a, const char *type)
{
	const char *s = type ? type : "", *gt = strrchr(s, '>');
	if (gt)
		s = gt + 1;
	while (is_space(*s))
		s++;
	size_t len = strlen(s);
	while (len > 0 && is_space(s[len - 1]))
		len--;
	if (len > CATEGORY_NAME_MAX) {
		len = CATEGORY_NAME_MAX;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	return arena_strndup(a, s, len);
}

const char *category_slug(struct arena *a, const char *name)
{
	char *out = arena_alloc(a, CATEGORY_SLUG_MAX + 1);
	size_t n = 0;
	bool dash = false;
	for (const char *p = name ? name : ""; *p && n < CATEGORY_SLUG_MAX; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0 && n + 1 < CATEGORY_SLUG_MAX)
				out[n++] = '-';
			dash = false;
			out[n++] = c;
		} else {
			dash = true;
		}
	}
	out[n] = '\0';
	return out;
}
