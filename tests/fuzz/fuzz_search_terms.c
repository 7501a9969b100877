/* fuzz_search_terms.c: libFuzzer harness for what a shopper types into the search box
 * (search_terms.h) and what a catalog names as a product type (category_name.h), and their
 * promises: words of the declared size, no boolean operator in the query sent to the server, a
 * bounded symmetric edit distance, slugs of lowercase letters, digits and inner dashes. */
#include <stdlib.h>
#include <string.h>
#include "lib/category_name.h"
#include "lib/search_terms.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void check_terms(struct arena *a, const char *s, bool valid)
{
	struct search_terms t;
	size_t n = search_terms_parse(s, &t);
	if (n > SEARCH_TERMS_MAX || n != t.n)
		abort();
	for (size_t i = 0; i < n; i++) {
		const char *w = t.t[i].word;
		size_t len = strlen(w);
		if (len < SEARCH_WORD_MIN || len > SEARCH_WORD_MAX || strpbrk(w, "+-*\"()<>~@' \t"))
			abort();
		for (const char *p = w; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				abort();
		if (valid && !utf8_valid((const uint8_t *)w, len))
			abort();
		char g[SEARCH_GRAMS_MAX][4];
		size_t ng = search_terms_grams(w, g, SEARCH_GRAMS_MAX);
		if (ng == 0 || ng > len)
			abort();
		for (size_t k = 0; k < ng; k++)
			if (strlen(g[k]) != 3)
				abort();
		const char *other = t.t[n - 1 - i].word;
		size_t d = search_terms_distance(w, other, 2);
		if (d > 3 || d != search_terms_distance(other, w, 2) || (strcmp(w, other) == 0) != (d == 0))
			abort();
	}
	const char *q = search_terms_boolean(a, &t);
	for (const char *p = q; *p; p++)
		if (strchr("-\"<>~@'", *p))
			abort();
}

static void check_category(struct arena *a, const char *s)
{
	const char *name = category_name(a, s), *slug = category_slug(a, name);
	size_t n = strlen(slug);
	if (strlen(name) > CATEGORY_NAME_MAX || n > CATEGORY_SLUG_MAX || strchr(name, '>'))
		abort();
	if (n && (slug[0] == '-' || slug[n - 1] == '-' || strstr(slug, "--")))
		abort();
	if (strspn(slug, "abcdefghijklmnopqrstuvwxyz0123456789-") != n)
		abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct arena *a = arena_new(4096);
	check_terms(a, s, utf8_valid(data, size));
	check_category(a, s);
	arena_free(a);
	free(s);
	return 0;
}
