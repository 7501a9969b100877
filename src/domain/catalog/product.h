/* product.h: a product as the studio form and the Shopping API submit it, and the pure checks on
 * it; product_store.c writes it. No I/O here, so the rules are unit-tested. */
#ifndef CC_PRODUCT_H
#define CC_PRODUCT_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/arena.h"
#include "db/db.h"

#define PROD_MAX_OPTIONS 3
#define PROD_MAX_VARIANTS 100
#define PROD_MAX_IMAGES 20
#define PROD_MAX_STOCK 1000000000LL

struct prod_variant {
	long long id;			/* 0 for a new variant */
	const char *opt[PROD_MAX_OPTIONS];
	const char *sku, *barcode;
	long long price;		/* minor units of the brand's currency */
	bool has_compare;
	long long compare_at;
	long long stock;
	const char *policy;		/* "deny" or "continue" */
};

struct prod_image {
	const char *url, *alt;
};

struct prod_input {
	const char *title, *description, *type, *tags, *vendor;	/* description: plain text */
	const char *opt_name[PROD_MAX_OPTIONS];
	struct prod_image *images;
	size_t nimages;
	struct prod_variant *variants;
	size_t nvariants;
};

/* What was wrong and with which field ("title", "variants[2].price"...); ok when msg is NULL. */
struct prod_problem {
	const char *field;
	const char *msg;
};

/* Every rule on a complete product (lengths in characters, URLs, option names vs values, stock
 * and policy). Returns false and fills p on the first problem. */
bool prod_check(struct arena *a, const struct prod_input *in, struct prod_problem *p);
/* The same without the variants (a change to a product's own fields and images). */
bool prod_check_fields(struct arena *a, const struct prod_input *in, struct prod_problem *p);
/* One variant alone (API: add a variant to a product whose option names are given). */
bool prod_check_variant(struct arena *a, const struct prod_variant *v, const char *const opt_name[PROD_MAX_OPTIONS],
			const char *prefix, struct prod_problem *p);
/* http:// or https:// with a host, no white space or control characters, at most 1000 bytes. */
bool prod_valid_url(const char *url);
/* Text of at most max characters, valid UTF-8, no control characters but tab and newlines when
 * multiline; NULL counts as "". */
bool prod_text_ok(const char *s, size_t max, bool multiline);
/* "12.50" for 1250 USD, "1200" for 1200 JPY, "-3.00"; the decimal form money_parse reads back. */
const char *prod_decimal(struct arena *a, long long minor, const char *currency);
/* The description a brand typed, as stored HTML: paragraphs at blank lines, <br> at single line
 * breaks, everything escaped. prod_html_text turns stored HTML back into that text. */
const char *prod_text_html(struct arena *a, const char *text);
const char *prod_html_text(struct arena *a, const char *html);
/* "draft", "active" or "archived". */
bool prod_status_ok(const char *s);

#endif
