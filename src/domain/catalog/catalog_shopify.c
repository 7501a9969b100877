/* catalog_shopify.c: Shopify's product CSV: one row per variant or extra image, grouped by Handle.
 * Shopify renamed most columns in its current export ("URL handle", "Price", "Product image URL"...)
 * without changing what the rows mean, so both headers map onto the same columns; which one a file
 * uses is read from its header, and a header mixing the two is refused (a hand-merged file whose
 * columns would be read half one way, half the other). */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "domain/catalog/catalog_map.h"
#include "lib/sanitize.h"

enum { C_HANDLE, C_TITLE, C_BODY, C_VENDOR, C_TYPE, C_TAGS, C_PUBLISHED, C_STATUS,
       C_O1N, C_O1V, C_O2N, C_O2V, C_O3N, C_O3V, C_SKU, C_QTY, C_POLICY, C_PRICE, C_COMPARE,
       C_BARCODE, C_IMG, C_IMG_POS, C_IMG_ALT, C_VAR_IMG, C__N };

static const char *const classic[C__N] = {
	"Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published", "Status",
	"Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name",
	"Option3 Value", "Variant SKU", "Variant Inventory Qty", "Variant Inventory Policy",
	"Variant Price", "Variant Compare At Price", "Variant Barcode", "Image Src",
	"Image Position", "Image Alt Text", "Variant Image",
};
static const char *const current[C__N] = {
	"URL handle", "Title", "Description", "Vendor", "Type", "Tags", "Published on online store", "Status",
	"Option1 name", "Option1 value", "Option2 name", "Option2 value", "Option3 name",
	"Option3 value", "SKU", "Inventory quantity", "Continue selling when out of stock",
	"Price", "Compare-at price", "Barcode", "Product image URL",
	"Image position", "Image alt text", "Variant image URL",
};
static const char *const classic_required[] = { "Handle", "Title", "Variant Price", NULL };
static const char *const current_required[] = { "URL handle", "Title", "Price", NULL };

/* The header name of column k in the file's own naming, for messages. */
#define COL(run, k) ((run)->col_names[k])

/* Product-level columns come from the first row of a handle. */
static bool start_product(struct catalog_run *run, struct catalog_product *p, unsigned long line,
			  const char *const *f, size_t n)
{
	const char *body = catalog_col(run, C_BODY, f, n), *pub = catalog_col(run, C_PUBLISHED, f, n);
	const char *status = catalog_col(run, C_STATUS, f, n);
	bool ok = catalog_text(run, line, COL(run, C_TITLE), catalog_col(run, C_TITLE, f, n), CATALOG_MAX_TITLE, &p->title) &
		  catalog_text(run, line, COL(run, C_VENDOR), catalog_col(run, C_VENDOR, f, n), CATALOG_MAX_NAME, &p->vendor) &
		  catalog_text(run, line, COL(run, C_TYPE), catalog_col(run, C_TYPE, f, n), CATALOG_MAX_NAME, &p->type) &
		  catalog_text(run, line, COL(run, C_TAGS), catalog_col(run, C_TAGS, f, n), CATALOG_MAX_TAGS, &p->tags);
	p->body_html = sanitize_html(run->a, body, strlen(body), NULL);
	if (*status) {
		if (strcasecmp(status, "active") && strcasecmp(status, "draft") && strcasecmp(status, "archived"))
			ok = catalog_err(run, line, "%s \"%.20s\" is not active, draft or archived", COL(run, C_STATUS), status);
		else
			p->status = strcasecmp(status, "active") == 0 ? "active" :
				    strcasecmp(status, "draft") == 0 ? "draft" : "archived";
	} else if (*pub) {
		if (strcasecmp(pub, "true") && strcasecmp(pub, "false"))
			ok = catalog_err(run, line, "%s \"%.20s\" is not true or false", COL(run, C_PUBLISHED), pub);
		else
			p->status = strcasecmp(pub, "true") == 0 ? "active" : "draft";
	}
	static const int opt_cols[] = { C_O1N, C_O2N, C_O3N };
	for (int k = 0; k < CATALOG_MAX_OPTIONS; k++) {
		const char *on = catalog_col(run, opt_cols[k], f, n);
		if (!*on)
			break;
		/* Shopify's placeholder for a product without options. */
		if (k == 0 && strcmp(on, "Title") == 0 && strcmp(catalog_col(run, C_O1V, f, n), "Default Title") == 0)
			break;
		ok &= catalog_text(run, line, COL(run, opt_cols[k]), on, CATALOG_MAX_OPTION_NAME, &p->opt_name[k]);
		p->nopts = (size_t)k + 1;
	}
	return ok;
}

static bool add_variant(struct catalog_run *run, struct catalog_product *p, unsigned long line,
			const char *const *f, size_t n)
{
	struct catalog_variant *v = catalog_variant_add(run, p, line);
	if (!v)
		return false;
	static const int val_cols[] = { C_O1V, C_O2V, C_O3V };
	bool ok = true;
	for (size_t k = 0; k < p->nopts; k++) {
		ok &= catalog_text(run, line, COL(run, val_cols[k]), catalog_col(run, val_cols[k], f, n), CATALOG_MAX_NAME, &v->opt[k]);
		if (ok && !*v->opt[k])
			ok = catalog_err(run, line, "%s is empty for option \"%s\"", COL(run, val_cols[k]), p->opt_name[k]);
	}
	const char *qty = catalog_col(run, C_QTY, f, n), *policy = catalog_col(run, C_POLICY, f, n);
	const char *cmp = catalog_col(run, C_COMPARE, f, n), *vimg = catalog_col(run, C_VAR_IMG, f, n);
	ok &= catalog_text(run, line, COL(run, C_SKU), catalog_col(run, C_SKU, f, n), CATALOG_MAX_NAME, &v->sku);
	ok &= catalog_text(run, line, COL(run, C_BARCODE), catalog_col(run, C_BARCODE, f, n), CATALOG_MAX_BARCODE, &v->barcode);
	ok &= catalog_price(run, line, COL(run, C_PRICE), catalog_col(run, C_PRICE, f, n), v->currency, &v->price);
	if (*cmp)
		ok &= catalog_price(run, line, COL(run, C_COMPARE), cmp, v->currency, &v->compare_at);
	if (*qty)
		ok &= catalog_count(run, line, COL(run, C_QTY), qty, &v->stock);
	if (*policy && strcasecmp(policy, "deny") && strcasecmp(policy, "continue"))
		ok = catalog_err(run, line, "%s \"%.20s\" is not deny or continue", COL(run, C_POLICY), policy);
	v->policy_continue = strcasecmp(policy, "continue") == 0;
	if (v->stock < 0 && !v->policy_continue)
		ok = catalog_err(run, line, "%s is negative while %s is deny", COL(run, C_QTY), COL(run, C_POLICY));
	if (*vimg) {
		ok &= catalog_image_add(run, p, vimg, "", line);
		v->image_url = vimg;
	}
	return ok;
}

/* Image Position: blank means "after the positioned images, in file order"; anything but a whole
 * number 1..CATALOG_MAX_IMAGE_POS is a row error rather than a guess (a shifted column looks so). */
static bool image_position(struct catalog_run *run, unsigned long line, const char *v, long *out)
{
	*out = 0;
	if (!*v)
		return true;
	long n = 0;
	for (const char *s = v; *s; s++) {
		if (!isdigit((unsigned char)*s) || n > CATALOG_MAX_IMAGE_POS)
			return catalog_err(run, line, "%s \"%.20s\" is not a whole number from 1 to %d",
				       COL(run, C_IMG_POS), v, CATALOG_MAX_IMAGE_POS);
		n = n * 10 + (*s - '0');
	}
	if (n < 1 || n > CATALOG_MAX_IMAGE_POS)
		return catalog_err(run, line, "%s \"%.20s\" is not a whole number from 1 to %d",
			       COL(run, C_IMG_POS), v, CATALOG_MAX_IMAGE_POS);
	*out = n;
	return true;
}

static bool finish_product(struct catalog_run *run)
{
	struct catalog_product *p = run->cur;
	run->cur = NULL;
	if (!p)
		return true;
	catalog_product_check(run, p);
	return run->emit(run, p);
}

/* Which naming the header uses: a column whose name differs between the two exports tells. */
static bool read_header(struct catalog_run *run, const char *const *f, size_t n)
{
	int classic_col = -1, current_col = -1;
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < C__N; k++) {
			if (strcasecmp(classic[k], current[k]) == 0)
				continue;
			if (classic_col < 0 && catalog_header_is(f[i], classic[k]))
				classic_col = k;
			if (current_col < 0 && catalog_header_is(f[i], current[k]))
				current_col = k;
		}
	if (classic_col >= 0 && current_col >= 0) {
		run->header_done = true;
		return catalog_err(run, 1, "the header mixes Shopify's classic column names (\"%s\") with today's "
				   "(\"%s\"): export the file again from Shopify, or name every column one way",
				   classic[classic_col], current[current_col]);
	}
	bool today = current_col >= 0;
	run->col_names = today ? current : classic;
	return catalog_header(run, run->col_names, C__N, f, n, today ? current_required : classic_required);
}

bool catalog_shopify_record(void *vrun, unsigned long line, const char *const *f, const size_t *len, size_t n)
{
	struct catalog_run *run = vrun;
	(void)len;
	if (!run->header_done)
		return read_header(run, f, n);
	run->rep->rows++;
	const char *handle = catalog_col(run, C_HANDLE, f, n);
	bool ok = catalog_text(run, line, COL(run, C_HANDLE), handle, CATALOG_MAX_HANDLE, &handle);
	if (ok && !catalog_valid_handle(handle))
		ok = catalog_err(run, line, "%s \"%.60s\" must be 1 to 120 letters, digits, '-', '_' or '.'", COL(run, C_HANDLE), handle);
	if (!ok) {
		if (run->cur)
			run->cur->bad = true;
		return true;
	}
	if (!run->cur || strcmp(run->cur->handle, handle) != 0) {
		if (!finish_product(run))
			return false;
		handle = catalog_col(run, C_HANDLE, f, n);	/* emitting may have reset the arena */
		run->cur = catalog_product_new(run, line);
		run->cur->handle = handle;
		if (!start_product(run, run->cur, line, f, n))
			run->cur->bad = true;
	}
	struct catalog_product *p = run->cur;
	const char *img = catalog_col(run, C_IMG, f, n);
	long pos;
	if (*img && (!image_position(run, line, catalog_col(run, C_IMG_POS, f, n), &pos) ||
		     !catalog_image_add_at(run, p, img, catalog_col(run, C_IMG_ALT, f, n), pos, line)))
		p->bad = true;
	bool variant_row = *catalog_col(run, C_PRICE, f, n) || *catalog_col(run, C_O1V, f, n) || *catalog_col(run, C_SKU, f, n);
	if (variant_row && !add_variant(run, p, line, f, n))
		p->bad = true;
	return true;
}

bool catalog_shopify_finish(struct catalog_run *run)
{
	return finish_product(run);
}
