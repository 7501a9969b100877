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

#define CATALOG_MAX_OPTIONS 3
#define CATALOG_MAX_VARIANTS 100
#define CATALOG_MAX_IMAGES 250
#define CATALOG_MAX_IMAGE_POS 9999	/* Shopify Image Position: gaps are fine, beyond this is garbage */
#define CATALOG_MAX_ERRORS 50	/* reported; counting goes on */
#define CATALOG_MAX_NOTICES 4	/* things accepted but worth saying (a BOM, CRLF line ends) */
#define CATALOG_BATCH 200		/* products per write transaction */

/* The longest text the parse side lets through, per field, in bytes. The wire decoder holds a
 * product from the parsing child to the same limits, so they are named once, here. */
#define CATALOG_MAX_HANDLE 120
#define CATALOG_MAX_TITLE 255
#define CATALOG_MAX_NAME 120	/* vendor, type, external id, SKU, option values */
#define CATALOG_MAX_TAGS 1000
#define CATALOG_MAX_OPTION_NAME 60
#define CATALOG_MAX_BARCODE 64
#define CATALOG_MAX_URL 1000
#define CATALOG_MAX_ALT 255
#define CATALOG_MAX_MESSAGE 400	/* an error message, NUL included */
/* The sanitiser reads at most SANITIZE_MAX_INPUT bytes and escaping can lengthen what it keeps;
 * a cleaned description longer than this is refused rather than stored. */
#define CATALOG_MAX_BODY_HTML (8 * SANITIZE_MAX_INPUT)

enum catalog_format { CATALOG_SHOPIFY, CATALOG_WOOCOMMERCE, CATALOG_FEED };

struct catalog_image {
	const char *url, *alt;
	long pos;	/* Shopify's Image Position, 0 when the file gives none */
};

struct catalog_variant {
	const char *ext_id;	/* WooCommerce ID / feed id, "" for Shopify */
	const char *sku, *barcode, *opt[CATALOG_MAX_OPTIONS];
	long long price, compare_at;	/* compare_at < 0: none */
	const char *currency;
	long long stock;
	bool policy_continue;
	/* The source keeps no count and says it is in stock (a feed's "in stock" without a quantity,
	 * WooCommerce's unmanaged stock): selling never stops, and it is not a backorder. */
	bool stock_uncounted;
	const char *image_url;	/* "" or one of the product's images */
	unsigned long line;
};

struct catalog_product {
	const char *handle, *title, *body_html, *vendor, *type, *tags, *status;
	const char *opt_name[CATALOG_MAX_OPTIONS];
	size_t nopts;
	struct catalog_image *images;
	size_t nimages, capimages;
	struct catalog_variant *vars;
	size_t nvars, capvars;
	unsigned long line;	/* where the product starts */
	bool bad;		/* a row of it was rejected: never written */
	struct catalog_product *next;	/* the parse side's chaining (grouping formats) */
};

struct catalog_error {
	unsigned long line;
	const char *msg;
};

struct catalog_report {
	unsigned long rows;	/* data rows read */
	unsigned long products, variants, images;
	unsigned long created, updated, unchanged, skipped;
	struct catalog_error errors[CATALOG_MAX_ERRORS];
	size_t nerrors;		/* kept (<= CATALOG_MAX_ERRORS) */
	unsigned long error_count;	/* all of them */
	struct catalog_error notices[CATALOG_MAX_NOTICES];
	size_t nnotices;
	const char *fatal;	/* set when the import could not run at all (no brand, database) */
	struct arena *a;	/* in: the messages live here */
	long long user_id;	/* in: who uploaded the file, 0 for crowdcartctl */
};

/* Where the file comes from: read() like fread, rewind() to read it a second time. */
struct catalog_source {
	size_t (*read)(void *ctx, void *buf, size_t n);
	bool (*rewind)(void *ctx);
	void *ctx;
};

struct catalog_mem {
	const uint8_t *p;
	size_t len, pos;
};
struct catalog_source catalog_source_mem(struct catalog_mem *m, const void *data, size_t len);

bool catalog_format_parse(const char *s, enum catalog_format *out);
const char *catalog_format_name(enum catalog_format f);

#endif
