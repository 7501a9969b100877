/* catalog_map.h: what the parse side's files share (catalog_parse.c, catalog_value.c and the
 * format mappers): the run state and the value checks. The write side never includes it. */
#ifndef CC_CATALOG_MAP_H
#define CC_CATALOG_MAP_H
#include "domain/catalog/catalog_parse.h"

#define CATALOG_MAX_COLS 48

struct catalog_run;
typedef bool (*catalog_emit_fn)(struct catalog_run *run, struct catalog_product *p);

struct catalog_run {
	enum catalog_format fmt;
	const char *currency;		/* the brand's, for files without one */
	struct arena *a;		/* products; reset between products when streaming */
	struct catalog_report *rep;
	bool streaming;			/* products arrive complete one after another (Shopify) */
	bool header_done;
	int col[CATALOG_MAX_COLS];		/* mapper's column index per known column, -1 if absent */
	const char *const *col_names;	/* the known columns' names as the file's header spells them */
	struct catalog_product *cur;	/* streaming: the product being built */
	struct catalog_product *head, *tail;	/* grouping formats: every product, in file order */
	struct catalog_product **index;	/* grouping formats: hash of group keys */
	const char **index_key;
	size_t index_cap, index_n;
	catalog_emit_fn emit;
	void *emit_ctx;
};

/* Records an error for `line`; always returns false so callers can `return catalog_err(...)`. */
bool catalog_err(struct catalog_run *run, unsigned long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Maps header names (compared without case or surrounding space) to run->col; `required` is a
 * NULL-ended list of names that must be present. False (with an error on line 1) if not. */
bool catalog_header(struct catalog_run *run, const char *const *names, size_t nnames,
		const char *const *f, size_t n, const char *const *required);
/* Whether a header cell names `name` (without case or surrounding space). */
bool catalog_header_is(const char *cell, const char *name);
/* Field for known column k of the record, trimmed, "" when absent. */
const char *catalog_col(struct catalog_run *run, int k, const char *const *f, size_t n);

/* Value checks: each records an error naming the column and returns false. */
bool catalog_text(struct catalog_run *run, unsigned long line, const char *col, const char *v, size_t max,
	      const char **out);
bool catalog_price(struct catalog_run *run, unsigned long line, const char *col, const char *v,
	       const char *currency, long long *out);
bool catalog_count(struct catalog_run *run, unsigned long line, const char *col, const char *v, long long *out);
bool catalog_valid_handle(const char *h);
/* A URL-safe handle from a name or id: lowercase letters, digits and '-'; false if none remain. */
bool catalog_make_handle(struct catalog_run *run, const char *s, const char **out);

struct catalog_product *catalog_product_new(struct catalog_run *run, unsigned long line);
struct catalog_variant *catalog_variant_add(struct catalog_run *run, struct catalog_product *p, unsigned long line);
bool catalog_image_add(struct catalog_run *run, struct catalog_product *p, const char *url, const char *alt,
		   unsigned long line);
/* The same with a position (1..CATALOG_MAX_IMAGE_POS, 0: none). A URL listed again keeps its first
 * position and alt text; catalog_product_check orders the images by position. */
bool catalog_image_add_at(struct catalog_run *run, struct catalog_product *p, const char *url, const char *alt,
		      long pos, unsigned long line);
/* Product-level checks before it is written: a title, 1..100 variants in one currency,
 * distinct variants. Orders the images: positioned ones by position (ties in file order), then
 * the rest in file order. */
bool catalog_product_check(struct catalog_run *run, struct catalog_product *p);

/* Grouping formats: find or add the product for key. */
struct catalog_product *catalog_group(struct catalog_run *run, const char *key, unsigned long line, bool *created);
struct catalog_product *catalog_group_find(struct catalog_run *run, const char *key);
/* Makes key another name for p (WooCommerce parents are found by ID or by SKU). */
void catalog_group_alias(struct catalog_run *run, const char *key, struct catalog_product *p);
/* Grouping formats: checks and emits every product, in file order. */
bool catalog_group_emit_all(struct catalog_run *run);

/* The mappers. record() gets every record, the header first; finish() ends the input. */
bool catalog_shopify_record(void *run, unsigned long line, const char *const *f, const size_t *len, size_t n);
bool catalog_shopify_finish(struct catalog_run *run);
bool catalog_woo_record(void *run, unsigned long line, const char *const *f, const size_t *len, size_t n);
bool catalog_woo_finish(struct catalog_run *run);
bool catalog_feed_record(void *run, unsigned long line, const char *const *f, const size_t *len, size_t n);
bool catalog_feed_finish(struct catalog_run *run);

#endif
