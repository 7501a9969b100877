/* catalog.h: catalog imports (Shopify, WooCommerce, feed) into one product model, and the
 * report. One code path for crowdcartctl import and the studio upload. */
#ifndef CC_CATALOG_H
#define CC_CATALOG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/arena.h"
#include "db/db.h"

#define CAT_MAX_OPTIONS 3
#define CAT_MAX_VARIANTS 100
#define CAT_MAX_IMAGES 250
#define CAT_MAX_IMAGE_POS 9999	/* Shopify Image Position: gaps are fine, beyond this is garbage */
#define CAT_MAX_ERRORS 50	/* reported; counting goes on */
#define CAT_MAX_NOTICES 4	/* things accepted but worth saying (a BOM, CRLF line ends) */
#define CAT_BATCH 200		/* products per write transaction */

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
	struct cat_product *next;	/* importer-private chaining */
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

/* Reads the source once to check every row (nothing is written if any row is bad: the report
 * lists the bad rows), then again to write, CAT_BATCH products per transaction. With db NULL,
 * only checks (the fuzzers, the unit tests). Records the run in import_runs when db is set. */
bool catalog_import(struct db *db, long long brand_id, const char *currency, enum cat_format f,
		    const struct cat_source *src, const char *source_name, struct cat_report *rep);

#endif
