/* showcase_rules.h: the rule set of a dynamic showcase as typed values: parsing and
 * validating what a person typed in the studio, and the recently-viewed cookie. Pure, no I/O.
 * The one query that evaluates a rule set is in showcase_query.h; docs/SHOWCASES.md has the rules. */
#ifndef CC_SHOWCASE_RULES_H
#define CC_SHOWCASE_RULES_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/arena.h"

#define SHOWCASE_TITLE_MAX 80
#define SHOWCASE_MAX_TAGS 5		/* bound as five parameters, NULL for the unused ones */
#define SHOWCASE_TAG_MAX 60
#define SHOWCASE_TAGS_TEXT_MAX 400	/* the form field: five tags, commas and spaces */
#define SHOWCASE_TYPE_MAX 120		/* as products.product_type */
#define SHOWCASE_LIMIT_MAX 24
#define SHOWCASE_LIMIT_DEFAULT 12
#define SHOWCASE_DAYS_MAX 365
#define SHOWCASE_RECENT_MAX 12		/* ids in the cc_recent cookie */
#define SHOWCASE_RECENT_COOKIE "cc_recent"
/* Twelve ids of at most 18 digits and the dots between them, and the NUL. */
#define SHOWCASE_RECENT_TEXT_MAX (SHOWCASE_RECENT_MAX * 19)

enum showcase_sort {
	SHOWCASE_SORT_FEATURED = 0,	/* the catalog's trending score */
	SHOWCASE_SORT_NEWEST,
	SHOWCASE_SORT_PRICE_ASC,
	SHOWCASE_SORT_PRICE_DESC,
	SHOWCASE_SORT__MAX
};

struct showcase_rules {
	long long brand_id;		/* 0: any brand the owner may show */
	const char *tags[SHOWCASE_MAX_TAGS];	/* any-of; ntags of them are set */
	size_t ntags;
	const char *type;		/* "": any product type */
	bool has_min, has_max;
	long long price_min, price_max;	/* minor units of `currency`, when has_min / has_max */
	char currency[4];		/* "" unless a price bound is set */
	bool in_stock_only;
	int best_sellers_days;		/* 0: off; else 1..365, most units sold in that window first */
	bool recently_viewed;		/* only the visitor's recently viewed products (cc_recent) */
	enum showcase_sort sort;
	int limit;			/* 1..24 */
};

/* What the studio form sends; NULL or "" means not given. */
struct showcase_input {
	const char *title, *brand_id, *tags, *type, *price_min, *price_max, *currency, *in_stock_only,
		*best_sellers_days, *recently_viewed, *sort, *limit;
};

/* The first problem found: the form field it belongs to and a sentence for the person. */
struct showcase_problem {
	const char *field, *message;
};

/* Parses and checks a rule set: a title of 1..80 characters; tags separated by commas, at most 5
 * of at most 60 characters each, without control characters; a price bound as a plain decimal
 * in `currency` (three capital letters, required with a bound) and min <= max; best sellers 1..365
 * days; a limit of 1..24 (default 12); a known sort. Strings in `out` live in arena `a`. On false,
 * `p` names the field and the reason. */
bool showcase_rules_parse(struct arena *a, const struct showcase_input *in, struct showcase_rules *out,
			  struct showcase_problem *p);

/* "tag1,tag2" for storage; "" without tags. */
const char *showcase_tags_join(struct arena *a, const struct showcase_rules *r);
/* Splits stored tags ("a,b") into r->tags; extra ones beyond SHOWCASE_MAX_TAGS are ignored. */
void showcase_tags_split(struct arena *a, const char *stored, struct showcase_rules *r);

const char *showcase_sort_name(enum showcase_sort s);	/* "featured", "newest", ...; "" if out of range */
/* SHOWCASE_SORT__MAX for an unknown name. */
enum showcase_sort showcase_sort_parse(const char *name);

/* The cc_recent cookie: product ids, newest first, separated by '.', each 1..18 digits without a
 * leading zero, at most SHOWCASE_RECENT_MAX and no repeats. Anything else (a stray character, an
 * empty item, a repeat, a thirteenth id) makes the whole cookie count as empty: it is never
 * personal data, so losing it costs nothing. Returns the number of ids written to `ids`. */
size_t showcase_recent_parse(const char *text, long long ids[SHOWCASE_RECENT_MAX]);
/* Puts `id` first, dropping an earlier copy of it and the oldest beyond the cap; the new count. */
size_t showcase_recent_push(long long ids[SHOWCASE_RECENT_MAX], size_t n, long long id);
/* Writes the cookie text for ids into out (SHOWCASE_RECENT_TEXT_MAX bytes). */
void showcase_recent_format(const long long *ids, size_t n, char out[SHOWCASE_RECENT_TEXT_MAX]);

#endif
