/* product.h: a product as the studio form and the Shopping API submit it, and the pure checks on
 * it; product_store.c writes it. No I/O here, so the rules are unit-tested. */
#ifndef CC_PRODUCT_H
#define CC_PRODUCT_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/arena.h"
#include "db/db.h"

#define PRODUCT_MAX_OPTIONS 3
#define PRODUCT_MAX_VARIANTS 100
#define PRODUCT_MAX_IMAGES 20
#define PRODUCT_MAX_STOCK 1000000000LL

struct product_variant {
	long long id;			/* 0 for a new variant */
	const char *opt[PRODUCT_MAX_OPTIONS];
	const char *sku, *barcode;
	long long price;		/* minor units of the brand's currency */
	bool has_compare;
	long long compare_at;
	long long stock;
	const char *policy;		/* "deny" or "continue" */
};

struct product_image {
	const char *url, *alt;
};

struct product_input {
	const char *title, *description, *type, *tags, *vendor;	/* description: plain text */
	const char *opt_name[PRODUCT_MAX_OPTIONS];
	struct product_image *images;
	size_t nimages;
	struct product_variant *variants;
	size_t nvariants;
};

/* What was wrong and with which field ("title", "variants[2].price"...); ok when msg is NULL. */
struct product_problem {
	const char *field;
	const char *msg;
};

/* Several problems at once, for a form that shows each beside its field: one message a field, in
 * the order of the form, at most PRODUCT_MAX_PROBLEMS (or max, when not 0). */
#define PRODUCT_MAX_PROBLEMS 16
struct product_problems {
	struct product_problem list[PRODUCT_MAX_PROBLEMS];
	size_t n, max;
};

/* Every rule on a complete product (lengths in characters, URLs, option names vs values, stock
 * and policy). Returns false and fills p on the first problem. */
bool product_check(struct arena *a, const struct product_input *in, struct product_problem *p);
/* The same, adding every problem to ps (which may already hold the form's own, such as a price
 * that is not a number); true when ps stays empty. */
bool product_check_all(struct arena *a, const struct product_input *in, struct product_problems *ps);
/* The same without the variants (a change to a product's own fields and images). */
bool product_check_fields(struct arena *a, const struct product_input *in, struct product_problem *p);
/* One variant alone (API: add a variant to a product whose option names are given). */
bool product_check_variant(struct arena *a, const struct product_variant *v, const char *const opt_name[PRODUCT_MAX_OPTIONS],
			const char *prefix, struct product_problem *p);
/* http:// or https:// with a host, no white space or control characters, at most 1000 bytes. */
bool product_valid_url(const char *url);
/* Text of at most max characters, valid UTF-8, no control characters but tab and newlines when
 * multiline; NULL counts as "". */
bool product_text_ok(const char *s, size_t max, bool multiline);
/* "12.50" for 1250 USD, "1200" for 1200 JPY, "-3.00"; the decimal form money_parse reads back. */
const char *product_decimal(struct arena *a, long long minor, const char *currency);
/* The description a brand typed, as stored HTML: paragraphs at blank lines, <br> at single line
 * breaks, everything escaped. product_html_text turns stored HTML back into that text. */
const char *product_text_html(struct arena *a, const char *text);
const char *product_html_text(struct arena *a, const char *html);
/* "draft", "active" or "archived". */
bool product_status_ok(const char *s);

#endif
