/* catalog_map.h: what the parse side's files share (catalog_parse.c, catalog_value.c and the
 * format mappers): the run state and the value checks. The write side never includes it. */
#ifndef CC_CATALOG_MAP_H
#define CC_CATALOG_MAP_H
#include "domain/catalog/catalog_parse.h"

#define CAT_MAX_COLS 48

struct cat_run;
typedef bool (*cat_emit_fn)(struct cat_run *run, struct cat_product *p);

struct cat_run {
	enum cat_format fmt;
	const char *currency;		/* the brand's, for files without one */
	struct arena *a;		/* products; reset between products when streaming */
	struct cat_report *rep;
	bool streaming;			/* products arrive complete one after another (Shopify) */
	bool header_done;
	int col[CAT_MAX_COLS];		/* mapper's column index per known column, -1 if absent */
	struct cat_product *cur;	/* streaming: the product being built */
	struct cat_product *head, *tail;	/* grouping formats: every product, in file order */
	struct cat_product **index;	/* grouping formats: hash of group keys */
	const char **index_key;
	size_t index_cap, index_n;
	cat_emit_fn emit;
	void *emit_ctx;
};

/* Records an error for `line`; always returns false so callers can `return cat_err(...)`. */
bool cat_err(struct cat_run *run, unsigned long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Maps header names (compared without case or surrounding space) to run->col; `required` is a
 * NULL-ended list of names that must be present. False (with an error on line 1) if not. */
bool cat_header(struct cat_run *run, const char *const *names, size_t nnames,
		const char *const *f, size_t n, const char *const *required);
/* Field for known column k of the record, trimmed, "" when absent. */
const char *cat_col(struct cat_run *run, int k, const char *const *f, size_t n);

/* Value checks: each records an error naming the column and returns false. */
bool cat_text(struct cat_run *run, unsigned long line, const char *col, const char *v, size_t max,
	      const char **out);
bool cat_price(struct cat_run *run, unsigned long line, const char *col, const char *v,
	       const char *currency, long long *out);
bool cat_count(struct cat_run *run, unsigned long line, const char *col, const char *v, long long *out);
bool cat_valid_handle(const char *h);
/* A URL-safe handle from a name or id: lowercase letters, digits and '-'; false if none remain. */
bool cat_make_handle(struct cat_run *run, const char *s, const char **out);

struct cat_product *cat_product_new(struct cat_run *run, unsigned long line);
struct cat_variant *cat_variant_add(struct cat_run *run, struct cat_product *p, unsigned long line);
bool cat_image_add(struct cat_run *run, struct cat_product *p, const char *url, const char *alt,
		   unsigned long line);
/* The same with a position (1..CAT_MAX_IMAGE_POS, 0: none). A URL listed again keeps its first
 * position and alt text; cat_product_check orders the images by position. */
bool cat_image_add_at(struct cat_run *run, struct cat_product *p, const char *url, const char *alt,
		      long pos, unsigned long line);
/* Product-level checks before it is written: a title, 1..100 variants in one currency,
 * distinct variants. Orders the images: positioned ones by position (ties in file order), then
 * the rest in file order. */
bool cat_product_check(struct cat_run *run, struct cat_product *p);

/* Grouping formats: find or add the product for key. */
struct cat_product *cat_group(struct cat_run *run, const char *key, unsigned long line, bool *created);
struct cat_product *cat_group_find(struct cat_run *run, const char *key);
/* Makes key another name for p (WooCommerce parents are found by ID or by SKU). */
void cat_group_alias(struct cat_run *run, const char *key, struct cat_product *p);
/* Grouping formats: checks and emits every product, in file order. */
bool cat_group_emit_all(struct cat_run *run);

/* The mappers. record() gets every record, the header first; finish() ends the input. */
bool cat_shopify_record(void *run, unsigned long line, const char *const *f, const size_t *len, size_t n);
bool cat_shopify_finish(struct cat_run *run);
bool cat_woo_record(void *run, unsigned long line, const char *const *f, const size_t *len, size_t n);
bool cat_woo_finish(struct cat_run *run);
bool cat_feed_record(void *run, unsigned long line, const char *const *f, const size_t *len, size_t n);
bool cat_feed_finish(struct cat_run *run);

#endif
