/* fuzz_showcase.c: libFuzzer harness for the showcase rule parser and the cc_recent cookie parser,
 * and their promises (showcase_rules.h). */
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "domain/showcases/showcase_rules.h"

/* The cookie: at most 12 distinct positive ids, and formatting them reads back the same. */
static void fuzz_recent(const char *text)
{
	long long ids[SHOWCASE_RECENT_MAX], back[SHOWCASE_RECENT_MAX];
	size_t n = showcase_recent_parse(text, ids);
	if (n > SHOWCASE_RECENT_MAX)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (ids[i] <= 0)
			abort();
		for (size_t j = 0; j < i; j++)
			if (ids[i] == ids[j])
				abort();
	}
	char out[SHOWCASE_RECENT_TEXT_MAX];
	showcase_recent_format(ids, n, out);
	if (showcase_recent_parse(out, back) != n || memcmp(ids, back, n * sizeof ids[0]) != 0)
		abort();
	if (n) {
		n = showcase_recent_push(ids, n, ids[n - 1] + 1);
		if (n > SHOWCASE_RECENT_MAX)
			abort();
	}
}

/* A rule set that parses keeps every range the query relies on. */
static void fuzz_rules(struct arena *a, char **f)
{
	struct showcase_input in = { f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11] };
	struct showcase_rules r;
	struct showcase_problem p;
	if (!showcase_rules_parse(a, &in, &r, &p)) {
		if (!p.field || !p.message)
			abort();
		return;
	}
	if (r.limit < 1 || r.limit > SHOWCASE_LIMIT_MAX || r.ntags > SHOWCASE_MAX_TAGS ||
	    r.best_sellers_days < 0 || r.best_sellers_days > SHOWCASE_DAYS_MAX || r.sort >= SHOWCASE_SORT__MAX ||
	    (r.has_min && r.has_max && r.price_min > r.price_max) || ((r.has_min || r.has_max) && strlen(r.currency) != 3))
		abort();
	for (size_t i = 0; i < r.ntags; i++)
		if (!*r.tags[i] || strchr(r.tags[i], ','))
			abort();
	struct showcase_rules again;
	showcase_tags_split(a, showcase_tags_join(a, &r), &again);
	if (again.ntags != r.ntags)
		abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(65536);
	arena_reset(a);
	char *text = arena_strndup(a, (const char *)data, size);
	fuzz_recent(text);
	/* The same bytes as twelve form fields separated by NULs (missing ones empty). */
	char *f[12];
	const char *p = (const char *)data, *end = p + size;
	for (int i = 0; i < 12; i++) {
		const char *nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		size_t n = p < end ? (nul ? (size_t)(nul - p) : (size_t)(end - p)) : 0;
		f[i] = arena_strndup(a, p < end ? p : "", n);
		p = nul ? nul + 1 : end;
	}
	fuzz_rules(a, f);
	return 0;
}
