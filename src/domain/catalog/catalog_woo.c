/* catalog_woo.c: WooCommerce's product CSV export: simple and variable products, variations
 * joined to their parent by Parent ("id:123" or the parent's SKU), wherever they appear. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "domain/catalog/catalog_map.h"
#include "lib/sanitize.h"

enum { C_ID, C_TYPE, C_SKU, C_NAME, C_PUBLISHED, C_SHORT, C_DESC, C_INSTOCK, C_STOCK, C_BACKORDERS,
       C_SALE, C_REGULAR, C_CATEGORIES, C_TAGS, C_IMAGES, C_PARENT, C_GTIN,
       C_A1N, C_A1V, C_A2N, C_A2V, C_A3N, C_A3V, C__N };

static const char *const names[C__N] = {
	"ID", "Type", "SKU", "Name", "Published", "Short description", "Description", "In stock?",
	"Stock", "Backorders allowed?", "Sale price", "Regular price", "Categories", "Tags", "Images",
	"Parent", "GTIN, UPC, EAN, or ISBN", "Attribute 1 name", "Attribute 1 value(s)",
	"Attribute 2 name", "Attribute 2 value(s)", "Attribute 3 name", "Attribute 3 value(s)",
};
static const char *const required[] = { "ID", "Type", "SKU", "Name", "Regular price", "Parent", NULL };

/* Images is a comma-separated list of URLs; the first is the main one. */
static bool add_images(struct catalog_run *run, struct catalog_product *p, const char *list,
		       unsigned long line, const char **first)
{
	*first = "";
	bool ok = true;
	while (*list) {
		const char *comma = strchr(list, ',');
		size_t n = comma ? (size_t)(comma - list) : strlen(list);
		while (n && list[n - 1] == ' ')
			n--;
		if (n) {
			const char *url = arena_strndup(run->a, list, n);
			ok &= catalog_image_add(run, p, url, "", line);
			if (!**first)
				*first = url;
		}
		list = comma ? comma + 1 : list + strlen(list);
		while (*list == ' ')
			list++;
	}
	return ok;
}

/* Price, compare-at and stock of a simple product or a variation. */
static bool variant_values(struct catalog_run *run, struct catalog_variant *v, unsigned long line,
			   const char *const *f, size_t n)
{
	const char *reg = catalog_col(run, C_REGULAR, f, n), *sale = catalog_col(run, C_SALE, f, n);
	const char *stock = catalog_col(run, C_STOCK, f, n), *instock = catalog_col(run, C_INSTOCK, f, n);
	const char *back = catalog_col(run, C_BACKORDERS, f, n);
	bool ok = catalog_text(run, line, "SKU", catalog_col(run, C_SKU, f, n), CATALOG_MAX_NAME, &v->sku) &
		  catalog_text(run, line, "GTIN", catalog_col(run, C_GTIN, f, n), CATALOG_MAX_BARCODE, &v->barcode) &
		  catalog_text(run, line, "ID", catalog_col(run, C_ID, f, n), CATALOG_MAX_NAME, &v->ext_id) &
		  catalog_price(run, line, "Regular price", reg, v->currency, &v->price);
	if (*sale) {
		long long s;
		if (catalog_price(run, line, "Sale price", sale, v->currency, &s)) {
			v->compare_at = v->price;
			v->price = s;
		} else {
			ok = false;
		}
	}
	if (*stock)
		ok &= catalog_count(run, line, "Stock", stock, &v->stock);
	/* Unmanaged stock that is "in stock", or backorders allowed: selling never stops. */
	v->stock_uncounted = !*stock && strcmp(instock, "1") == 0;
	v->policy_continue = strcmp(back, "1") == 0 || strcasecmp(back, "notify") == 0 || v->stock_uncounted;
	if (v->stock < 0 && !v->policy_continue)
		ok = catalog_err(run, line, "Stock is negative and backorders are not allowed");
	return ok;
}

static bool parent_fields(struct catalog_run *run, struct catalog_product *p, unsigned long line,
			  const char *type, const char *const *f, size_t n)
{
	const char *name = catalog_col(run, C_NAME, f, n), *desc = catalog_col(run, C_DESC, f, n);
	const char *cats = catalog_col(run, C_CATEGORIES, f, n), *pub = catalog_col(run, C_PUBLISHED, f, n);
	if (!*desc)
		desc = catalog_col(run, C_SHORT, f, n);
	bool ok = catalog_text(run, line, "Name", name, CATALOG_MAX_TITLE, &p->title) &
		  catalog_text(run, line, "Tags", catalog_col(run, C_TAGS, f, n), CATALOG_MAX_TAGS, &p->tags);
	if (ok && !catalog_make_handle(run, name, &p->handle))
		ok = catalog_err(run, line, "Name \"%.60s\" has no letter or digit to make a handle from", name);
	p->body_html = sanitize_html(run->a, desc, strlen(desc), NULL);
	/* "Clothing > Hoodies, Sale": the first category's last level is the type. */
	size_t cn = strcspn(cats, ",");
	const char *gt = cats;
	for (const char *s = cats; s < cats + cn; s++)
		if (*s == '>')
			gt = s + 1;
	while (*gt == ' ')
		gt++;
	size_t tn = (size_t)(cats + cn - gt);
	while (tn && gt[tn - 1] == ' ')
		tn--;
	ok &= catalog_text(run, line, "Categories", arena_strndup(run->a, gt, tn), CATALOG_MAX_NAME, &p->type);
	p->status = strcmp(pub, "1") == 0 || !*pub ? "active" : "draft";
	p->line = line;
	if (strcmp(type, "variable") == 0) {
		static const int an[] = { C_A1N, C_A2N, C_A3N };
		for (int k = 0; k < CATALOG_MAX_OPTIONS; k++) {
			const char *on = catalog_col(run, an[k], f, n);
			if (!*on)
				break;
			ok &= catalog_text(run, line, "Attribute name", on, CATALOG_MAX_OPTION_NAME, &p->opt_name[k]);
			p->nopts = (size_t)k + 1;
		}
	}
	const char *first;
	ok &= add_images(run, p, catalog_col(run, C_IMAGES, f, n), line, &first);
	return ok;
}

static bool variation(struct catalog_run *run, unsigned long line, const char *const *f, size_t n)
{
	const char *parent = catalog_col(run, C_PARENT, f, n);
	if (!*parent)
		return catalog_err(run, line, "a variation needs its Parent (\"id:123\" or the parent's SKU)");
	const char *key = strncmp(parent, "id:", 3) == 0 ? parent : arena_printf(run->a, "sku:%s", parent);
	bool created;
	struct catalog_product *p = strncmp(parent, "id:", 3) == 0 ? catalog_group(run, key, line, &created)
							       : catalog_group_find(run, key);
	if (!p)
		return catalog_err(run, line, "Parent \"%.60s\" is not a variable product earlier in the file", parent);
	struct catalog_variant *v = catalog_variant_add(run, p, line);
	if (!v)
		return false;
	bool ok = variant_values(run, v, line, f, n);
	static const int av[] = { C_A1V, C_A2V, C_A3V };
	for (int k = 0; k < CATALOG_MAX_OPTIONS; k++)
		ok &= catalog_text(run, line, "Attribute value", catalog_col(run, av[k], f, n), CATALOG_MAX_NAME, &v->opt[k]);
	const char *first;
	ok &= add_images(run, p, catalog_col(run, C_IMAGES, f, n), line, &first);
	v->image_url = first;
	if (!ok)
		p->bad = true;
	return true;
}

bool catalog_woo_record(void *vrun, unsigned long line, const char *const *f, const size_t *len, size_t n)
{
	struct catalog_run *run = vrun;
	(void)len;
	if (!run->header_done)
		return catalog_header(run, names, C__N, f, n, required);
	run->rep->rows++;
	const char *t = catalog_col(run, C_TYPE, f, n);
	char type[16];
	snprintf(type, sizeof type, "%.*s", (int)strcspn(t, ", "), t);	/* "simple, virtual" */
	if (strcmp(type, "variation") == 0)
		return variation(run, line, f, n);
	if (strcmp(type, "grouped") == 0 || strcmp(type, "external") == 0) {
		run->rep->skipped++;	/* nothing to sell here: a grouped product is a list, an external one a link */
		return true;
	}
	if (strcmp(type, "simple") && strcmp(type, "variable")) {
		catalog_err(run, line, "Type \"%.30s\" is not simple, variable, variation, grouped or external", t);
		return true;
	}
	const char *id = catalog_col(run, C_ID, f, n), *sku = catalog_col(run, C_SKU, f, n);
	if (!*id && !*sku) {
		catalog_err(run, line, "a product needs an ID or a SKU");
		return true;
	}
	bool created;
	const char *key = *id ? arena_printf(run->a, "id:%s", id) : arena_printf(run->a, "sku:%s", sku);
	struct catalog_product *p = catalog_group(run, key, line, &created);
	if (!created && *p->handle) {
		catalog_err(run, line, "%s appears twice in the file (line %lu)", key, p->line);
		return true;
	}
	if (*sku)
		catalog_group_alias(run, arena_printf(run->a, "sku:%s", sku), p);
	bool ok = parent_fields(run, p, line, type, f, n);
	if (strcmp(type, "simple") == 0) {
		struct catalog_variant *v = catalog_variant_add(run, p, line);
		ok &= v && variant_values(run, v, line, f, n);
	}
	if (!ok)
		p->bad = true;
	return true;
}

bool catalog_woo_finish(struct catalog_run *run)
{
	for (struct catalog_product *p = run->head; p; p = p->next)
		if (!*p->handle) {
			catalog_err(run, p->line, "the variation's parent product is not in the file");
			p->bad = true;
		}
	return catalog_group_emit_all(run);
}
