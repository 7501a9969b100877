/* shopify_map.c: Shopify's product (GraphQL node or webhook JSON) -> struct catalog_product. The
 * two shapes name the same facts differently; each is read into the same few values here and then
 * checked exactly as a CSV row would be. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "domain/connectors/shopify_map.h"
#include "lib/buf.h"
#include "lib/sanitize.h"

long long shopify_map_gid(const char *gid)
{
	if (!gid)
		return 0;
	const char *slash = strrchr(gid, '/');
	const char *s = slash ? slash + 1 : gid;
	char *end;
	long long n = strtoll(s, &end, 10);
	return *s && !*end && n > 0 ? n : 0;
}

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

/* A JSON id that is a number (REST) or a global id string (GraphQL). */
static long long id_of(json_t *v)
{
	if (json_is_integer(v))
		return json_integer_value(v);
	return shopify_map_gid(json_string_value(v));
}

static bool product_fields(struct catalog_run *run, struct catalog_product *p, unsigned long line,
			   const char *handle, const char *title, const char *html, const char *vendor,
			   const char *type, const char *tags, const char *status)
{
	bool handle_ok = catalog_text(run, line, "handle", handle, CATALOG_MAX_HANDLE, &p->handle);
	if (handle_ok && !catalog_valid_handle(p->handle))
		handle_ok = catalog_err(run, line, "handle \"%.60s\" must be 1 to 120 letters, digits, '-', '_' or '.'", handle);
	bool ok = handle_ok & catalog_text(run, line, "title", title, CATALOG_MAX_TITLE, &p->title) &
		  catalog_text(run, line, "vendor", vendor, CATALOG_MAX_NAME, &p->vendor) &
		  catalog_text(run, line, "productType", type, CATALOG_MAX_NAME, &p->type) &
		  catalog_text(run, line, "tags", tags, CATALOG_MAX_TAGS, &p->tags);
	p->body_html = sanitize_html(run->a, html, strlen(html), NULL);
	p->status = strcasecmp(status, "draft") == 0 ? "draft" : strcasecmp(status, "archived") == 0 ? "archived" : "active";
	return ok;
}

/* Option names in position order; Shopify's "Title" with the one value "Default Title" means none. */
static bool option_names(struct catalog_run *run, struct catalog_product *p, unsigned long line, json_t *options,
			 const char *first_value)
{
	bool ok = true;
	size_t i;
	json_t *o;
	json_array_foreach(options, i, o) {
		if (i >= CATALOG_MAX_OPTIONS)
			return catalog_err(run, line, "product \"%s\" has more than %d options", p->handle, CATALOG_MAX_OPTIONS);
		const char *name = str(o, "name");
		if (i == 0 && strcmp(name, "Title") == 0 && strcmp(first_value, "Default Title") == 0)
			break;
		ok &= catalog_text(run, line, "option name", name, CATALOG_MAX_OPTION_NAME, &p->opt_name[i]);
		p->nopts = i + 1;
	}
	return ok;
}

struct variant_in {
	json_t *id;
	const char *sku, *barcode, *price, *compare, *policy, *image, *opt[CATALOG_MAX_OPTIONS];
	json_t *qty, *item;
};

static bool add_variant(struct catalog_run *run, struct catalog_product *p, unsigned long line,
			const struct variant_in *in, struct connector_ids *ids)
{
	struct catalog_variant *v = catalog_variant_add(run, p, line);
	if (!v)
		return false;
	v->ext_id = arena_printf(run->a, "%lld", id_of(in->id));
	bool ok = catalog_text(run, line, "sku", in->sku, CATALOG_MAX_NAME, &v->sku) &
		  catalog_text(run, line, "barcode", in->barcode, CATALOG_MAX_BARCODE, &v->barcode) &
		  catalog_price(run, line, "price", in->price, v->currency, &v->price);
	if (*in->compare)
		ok &= catalog_price(run, line, "compareAtPrice", in->compare, v->currency, &v->compare_at);
	for (size_t k = 0; k < p->nopts; k++) {
		ok &= catalog_text(run, line, "option value", in->opt[k], CATALOG_MAX_NAME, &v->opt[k]);
		if (ok && !*v->opt[k])
			ok = catalog_err(run, line, "a variant of \"%s\" has no value for option \"%s\"", p->handle, p->opt_name[k]);
	}
	/* An untracked variant has no quantity: it can always be ordered. */
	v->policy_continue = strcasecmp(in->policy, "continue") == 0 || json_is_null(in->qty) || !in->qty;
	long long q = json_integer_value(in->qty);
	if (q < -1000000000LL || q > 1000000000LL)
		ok = catalog_err(run, line, "inventoryQuantity %lld is out of range", q);
	v->stock = q;
	if (*in->image) {
		ok &= catalog_image_add(run, p, in->image, "", line);
		v->image_url = in->image;
	}
	if (ids->nitems < CATALOG_MAX_VARIANTS)
		ids->item[ids->nitems++] = id_of(in->item);
	return ok;
}

static struct catalog_product *finish(struct catalog_run *run, struct catalog_product *p, bool ok)
{
	if (!ok)
		p->bad = true;
	return catalog_product_check(run, p) ? p : NULL;
}

static const char *join_tags(struct arena *a, json_t *tags)
{
	if (json_is_string(tags))
		return json_string_value(tags);
	struct buf b;
	buf_init(&b, a, 64);
	size_t i;
	json_t *t;
	json_array_foreach(tags, i, t) {
		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, json_string_value(t) ? json_string_value(t) : "");
	}
	return buf_cstr(&b);
}

struct catalog_product *shopify_map_graphql(struct catalog_run *run, json_t *node, unsigned long line,
					    struct connector_ids *ids)
{
	memset(ids, 0, sizeof *ids);
	ids->product = id_of(json_object_get(node, "id"));
	struct catalog_product *p = catalog_product_new(run, line);
	bool ok = product_fields(run, p, line, str(node, "handle"), str(node, "title"), str(node, "descriptionHtml"),
				 str(node, "vendor"), str(node, "productType"),
				 join_tags(run->a, json_object_get(node, "tags")), str(node, "status"));
	json_t *vars = json_object_get(json_object_get(node, "variants"), "nodes");
	json_t *first_opts = json_object_get(json_array_get(vars, 0), "selectedOptions");
	ok &= option_names(run, p, line, json_object_get(node, "options"), str(json_array_get(first_opts, 0), "value"));
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(json_object_get(node, "media"), "nodes"), i, m) {
		json_t *img = json_object_get(m, "image");
		if (img)
			ok &= catalog_image_add_at(run, p, str(img, "url"), str(img, "altText"), (long)i + 1, line);
	}
	json_t *v;
	json_array_foreach(vars, i, v) {
		struct variant_in in = { json_object_get(v, "id"), str(v, "sku"), str(v, "barcode"), str(v, "price"),
			str(v, "compareAtPrice"), str(v, "inventoryPolicy"), str(json_object_get(v, "image"), "url"),
			{ "", "", "" }, json_object_get(v, "inventoryQuantity"),
			json_object_get(json_object_get(v, "inventoryItem"), "id") };
		size_t k;
		json_t *so;
		json_array_foreach(json_object_get(v, "selectedOptions"), k, so)
			if (k < CATALOG_MAX_OPTIONS)
				in.opt[k] = str(so, "value");
		ok &= add_variant(run, p, line, &in, ids);
	}
	return finish(run, p, ok);
}

struct catalog_product *shopify_map_webhook(struct catalog_run *run, json_t *product, unsigned long line,
					    struct connector_ids *ids)
{
	memset(ids, 0, sizeof *ids);
	ids->product = id_of(json_object_get(product, "id"));
	struct catalog_product *p = catalog_product_new(run, line);
	bool ok = product_fields(run, p, line, str(product, "handle"), str(product, "title"), str(product, "body_html"),
				 str(product, "vendor"), str(product, "product_type"),
				 join_tags(run->a, json_object_get(product, "tags")), str(product, "status"));
	json_t *vars = json_object_get(product, "variants");
	ok &= option_names(run, p, line, json_object_get(product, "options"), str(json_array_get(vars, 0), "option1"));
	json_t *images = json_object_get(product, "images");
	size_t i;
	json_t *im;
	json_array_foreach(images, i, im) {
		json_t *pos = json_object_get(im, "position");
		ok &= catalog_image_add_at(run, p, str(im, "src"), str(im, "alt"),
					   json_is_integer(pos) ? (long)json_integer_value(pos) : 0, line);
	}
	json_t *v;
	json_array_foreach(vars, i, v) {
		/* A variant names its picture by image id. */
		const char *image = "";
		json_t *image_id = json_object_get(v, "image_id");
		size_t k;
		json_array_foreach(images, k, im)
			if (json_is_integer(image_id) && json_integer_value(json_object_get(im, "id")) == json_integer_value(image_id))
				image = str(im, "src");
		struct variant_in in = { json_object_get(v, "id"), str(v, "sku"), str(v, "barcode"), str(v, "price"),
			str(v, "compare_at_price"), str(v, "inventory_policy"), image,
			{ str(v, "option1"), str(v, "option2"), str(v, "option3") }, json_object_get(v, "inventory_quantity"),
			json_object_get(v, "inventory_item_id") };
		ok &= add_variant(run, p, line, &in, ids);
	}
	return finish(run, p, ok);
}
