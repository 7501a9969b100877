/* catalog.h: the product model every catalog import (Shopify, WooCommerce, feed) maps a file
 * onto, and the report. Shared by the parse side (catalog_parse.h), the write side
 * (catalog_write.h), the wire between them (catalog_wire.h) and the driver (catalog_import.h). */
#ifndef CC_CATALOG_H
#define CC_CATALOG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/arena.h"
#include "lib/sanitize.h"

#define CAT_MAX_OPTIONS 3
#define CAT_MAX_VARIANTS 100
#define CAT_MAX_IMAGES 250
#define CAT_MAX_IMAGE_POS 9999	/* Shopify Image Position: gaps are fine, beyond this is garbage */
#define CAT_MAX_ERRORS 50	/* reported; counting goes on */
#define CAT_MAX_NOTICES 4	/* things accepted but worth saying (a BOM, CRLF line ends) */
#define CAT_BATCH 200		/* products per write transaction */

/* The longest text the parse side lets through, per field, in bytes. The wire decoder holds a
 * product from the parsing child to the same limits, so they are named once, here. */
#define CAT_MAX_HANDLE 120
#define CAT_MAX_TITLE 255
#define CAT_MAX_NAME 120	/* vendor, type, external id, SKU, option values */
#define CAT_MAX_TAGS 1000
#define CAT_MAX_OPTION_NAME 60
#define CAT_MAX_BARCODE 64
#define CAT_MAX_URL 1000
#define CAT_MAX_ALT 255
#define CAT_MAX_MESSAGE 400	/* an error message, NUL included */
/* The sanitiser reads at most SANITIZE_MAX_INPUT bytes and escaping can lengthen what it keeps;
 * a cleaned description longer than this is refused rather than stored. */
#define CAT_MAX_BODY_HTML (8 * SANITIZE_MAX_INPUT)

enum cat_format { CAT_SHOPIFY, CAT_WOOCOMMERCE, CAT_FEED };

struct cat_image {
	const char *url, *alt;
	long pos;	/* Shopify's Image Position, 0 when the file gives none */
};

struct cat_variant {
	const char *ext_id;	/* WooCommerce ID / feed id, "" for Shopify */
	const char *sku, *barcode, *opt[CAT_MAX_OPTIONS];
	long long price, compare_at;	/* compare_at < 0: none */
	const char *currency;
	long long stock;
	bool policy_continue;
	const char *image_url;	/* "" or one of the product's images */
	unsigned long line;
};

struct cat_product {
	const char *handle, *title, *body_html, *vendor, *type, *tags, *status;
	const char *opt_name[CAT_MAX_OPTIONS];
	size_t nopts;
	struct cat_image *images;
	size_t nimages, capimages;
	struct cat_variant *vars;
	size_t nvars, capvars;
	unsigned long line;	/* where the product starts */
	bool bad;		/* a row of it was rejected: never written */
	struct cat_product *next;	/* the parse side's chaining (grouping formats) */
};

struct cat_error {
	unsigned long line;
	const char *msg;
};

struct cat_report {
	unsigned long rows;	/* data rows read */
	unsigned long products, variants, images;
	unsigned long created, updated, unchanged, skipped;
	struct cat_error errors[CAT_MAX_ERRORS];
	size_t nerrors;		/* kept (<= CAT_MAX_ERRORS) */
	unsigned long error_count;	/* all of them */
	struct cat_error notices[CAT_MAX_NOTICES];
	size_t nnotices;
	const char *fatal;	/* set when the import could not run at all (no brand, database) */
	struct arena *a;	/* in: the messages live here */
	long long user_id;	/* in: who uploaded the file, 0 for crowdcartctl */
};

/* Where the file comes from: read() like fread, rewind() to read it a second time. */
struct cat_source {
	size_t (*read)(void *ctx, void *buf, size_t n);
	bool (*rewind)(void *ctx);
	void *ctx;
};

struct cat_mem {
	const uint8_t *p;
	size_t len, pos;
};
struct cat_source cat_source_mem(struct cat_mem *m, const void *data, size_t len);

bool cat_format_parse(const char *s, enum cat_format *out);
const char *cat_format_name(enum cat_format f);

#endif
