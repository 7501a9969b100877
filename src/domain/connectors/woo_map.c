/* woo_map.c: WooCommerce's product JSON -> struct catalog_product. WooCommerce names a sale by
 * sale_price beside regular_price (crowdcart: the price, and the compare-at price above it), and
 * stock by manage_stock, stock_quantity and backorders. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "domain/connectors/woo_map.h"
#include "lib/buf.h"
#include "lib/sanitize.h"

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

/* Names of an array of {name}, joined by ", " (tags), or the first one (the category as a type). */
static const char *names(struct arena *a, json_t *list, bool first_only)
{
	struct buf b;
	buf_init(&b, a, 64);
	size_t i;
	json_t *t;
	json_array_foreach(list, i, t) {
		if (i && first_only)
			break;
		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, str(t, "name"));
	}
	return buf_cstr(&b);
}

static bool variant_values(struct catalog_run *run, unsigned long line, json_t *x, struct catalog_variant *v)
{
	const char *regular = str(x, "regular_price"), *sale = str(x, "sale_price");
	bool ok = true;
	if (!*regular)
		regular = str(x, "price");
	v->compare_at = -1;
	if (*sale) {
		ok &= catalog_price(run, line, "sale_price", sale, v->currency, &v->price) &
		      catalog_price(run, line, "regular_price", regular, v->currency, &v->compare_at);
	} else {
		ok &= catalog_price(run, line, "regular_price", regular, v->currency, &v->price);
	}
	/* Unmanaged stock has no count: in stock (or not) as stock_status says, never a backorder. */
	bool managed = json_is_true(json_object_get(x, "manage_stock"));
	json_t *qty = json_object_get(x, "stock_quantity");
	long long q = managed ? json_integer_value(qty) : 0;
	if (q < -1000000000LL || q > 1000000000LL)
		ok = catalog_err(run, line, "stock_quantity %lld is out of range", q);
	v->stock = q;
	v->stock_uncounted = !managed && strcmp(str(x, "stock_status"), "outofstock") != 0;
	v->policy_continue = v->stock_uncounted || (managed && strcmp(str(x, "backorders"), "no") != 0);
	return ok;
}

bool woo_map_variation(struct catalog_run *run, json_t *variation, struct catalog_variant *v)
{
	return variant_values(run, 1, variation, v);
}

static bool add_variant(struct catalog_run *run, struct catalog_product *p, unsigned long line, json_t *x,
			const char *const *opt, const char *image, struct connector_ids *ids)
{
	struct catalog_variant *v = catalog_variant_add(run, p, line);
	if (!v)
		return false;
	json_t *id = json_object_get(x, "id");
	v->ext_id = arena_printf(run->a, "%lld", json_integer_value(id));
	bool ok = catalog_text(run, line, "sku", str(x, "sku"), CATALOG_MAX_NAME, &v->sku);
	if (!json_is_integer(id) || json_integer_value(id) <= 0)
		ok = catalog_err(run, line, "a variant of \"%s\" has no id", p->handle);
	ok &= variant_values(run, line, x, v);
	for (size_t k = 0; k < p->nopts; k++) {
		ok &= catalog_text(run, line, "attribute option", opt[k], CATALOG_MAX_NAME, &v->opt[k]);
		if (ok && !*v->opt[k])
			ok = catalog_err(run, line, "a variation of \"%s\" has no value for \"%s\"", p->handle, p->opt_name[k]);
	}
	if (*image) {
		ok &= catalog_image_add(run, p, image, "", line);
		v->image_url = image;
	}
	if (ids->nitems < CATALOG_MAX_VARIANTS)
		ids->item[ids->nitems++] = json_integer_value(id);
	return ok;
}

/* The attributes variations are made of, in position order, as option names. */
static bool option_names(struct catalog_run *run, struct catalog_product *p, unsigned long line, json_t *attrs)
{
	bool ok = true;
	size_t i;
	json_t *at;
	json_array_foreach(attrs, i, at) {
		if (!json_is_true(json_object_get(at, "variation")))
			continue;
		if (p->nopts == CATALOG_MAX_OPTIONS)
			return catalog_err(run, line, "product \"%s\" varies by more than %d attributes", p->handle,
					   CATALOG_MAX_OPTIONS);
		ok &= catalog_text(run, line, "attribute name", str(at, "name"), CATALOG_MAX_OPTION_NAME,
				   &p->opt_name[p->nopts++]);
	}
	return ok;
}

struct catalog_product *woo_map_product(struct catalog_run *run, json_t *product, json_t *variations,
					unsigned long line, struct connector_ids *ids)
{
	memset(ids, 0, sizeof *ids);
	json_t *id = json_object_get(product, "id");
	ids->product = json_integer_value(id);
	struct catalog_product *p = catalog_product_new(run, line);
	const char *slug = str(product, "slug"), *html = str(product, "description");
	bool ok = catalog_text(run, line, "slug", slug, CATALOG_MAX_HANDLE, &p->handle);
	if (ok && !catalog_valid_handle(p->handle))
		ok = catalog_err(run, line, "slug \"%.60s\" must be 1 to 120 letters, digits, '-', '_' or '.'", slug);
	if (!json_is_integer(id) || ids->product <= 0)
		ok = catalog_err(run, line, "a product has no id");
	ok &= catalog_text(run, line, "name", str(product, "name"), CATALOG_MAX_TITLE, &p->title) &
	      catalog_text(run, line, "vendor", "", CATALOG_MAX_NAME, &p->vendor) &
	      catalog_text(run, line, "categories", names(run->a, json_object_get(product, "categories"), true),
			   CATALOG_MAX_NAME, &p->type) &
	      catalog_text(run, line, "tags", names(run->a, json_object_get(product, "tags"), false), CATALOG_MAX_TAGS,
			   &p->tags);
	p->body_html = sanitize_html(run->a, html, strlen(html), NULL);
	const char *status = str(product, "status");
	p->status = strcmp(status, "publish") == 0 ? "active" : "draft";
	size_t i;
	json_t *im;
	json_array_foreach(json_object_get(product, "images"), i, im)
		ok &= catalog_image_add_at(run, p, str(im, "src"), str(im, "alt"), (long)i + 1, line);
	const char *type = str(product, "type");
	if (strcmp(type, "variable") == 0) {
		ok &= option_names(run, p, line, json_object_get(product, "attributes"));
		if (json_array_size(variations) == 0)
			ok = catalog_err(run, line, "variable product \"%s\" has no variations", p->handle);
		json_t *x;
		json_array_foreach(variations, i, x) {
			const char *opt[CATALOG_MAX_OPTIONS] = { "", "", "" };
			size_t k;
			json_t *at;
			json_array_foreach(json_object_get(x, "attributes"), k, at)
				for (size_t o = 0; o < p->nopts; o++)
					if (p->opt_name[o] && strcasecmp(str(at, "name"), p->opt_name[o]) == 0)
						opt[o] = str(at, "option");
			ok &= add_variant(run, p, line, x, opt, str(json_object_get(x, "image"), "src"), ids);
		}
	} else if (strcmp(type, "simple") == 0) {
		ok &= add_variant(run, p, line, product, NULL, "", ids);
	} else {
		ok = catalog_err(run, line, "\"%s\" is a %s product: only simple and variable products are sold here",
				 p->handle, *type ? type : "typeless");
	}
	if (!ok)
		p->bad = true;
	return catalog_product_check(run, p) ? p : NULL;
}
