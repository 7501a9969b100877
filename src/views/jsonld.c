/* jsonld.c: schema.org objects as jansson values (see jsonld.h). */
#include <string.h>
#include "lib/money.h"
#include "views/jsonld.h"

/* Leaves out what the page does not have rather than writing an empty value. */
static void jsonld_set(json_t *o, const char *key, const char *value)
{
	if (value && *value)
		json_object_set_new(o, key, json_string(value));
}

static json_t *jsonld_typed(const char *type)
{
	json_t *o = json_object();
	json_object_set_new(o, "@type", json_string(type));
	return o;
}

json_t *jsonld_product(const char *name, const char *description, const char *image, const char *url,
		       const char *brand, const char *sku, const struct jsonld_offer *offer)
{
	json_t *p = jsonld_typed("Product");
	jsonld_set(p, "name", name);
	jsonld_set(p, "description", description);
	jsonld_set(p, "image", image);
	jsonld_set(p, "url", url);
	jsonld_set(p, "sku", sku);
	if (brand && *brand) {
		json_t *b = jsonld_typed("Brand");
		jsonld_set(b, "name", brand);
		json_object_set_new(p, "brand", b);
	}
	char amount[64];
	if (offer && money_decimal(amount, sizeof amount, offer->price_minor, offer->currency)) {
		json_t *o = jsonld_typed("Offer");
		jsonld_set(o, "price", amount);
		jsonld_set(o, "priceCurrency", offer->currency);
		jsonld_set(o, "availability",
			   offer->in_stock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");
		jsonld_set(o, "url", url);
		json_object_set_new(p, "offers", o);
	}
	return p;
}

json_t *jsonld_item_list(const char *name, const char *url)
{
	json_t *l = jsonld_typed("ItemList");
	jsonld_set(l, "name", name);
	jsonld_set(l, "url", url);
	json_object_set_new(l, "itemListElement", json_array());
	return l;
}

void jsonld_list_add(json_t *list, const char *name, const char *url)
{
	json_t *items = json_object_get(list, "itemListElement");
	json_t *li = jsonld_typed("ListItem");
	json_object_set_new(li, "position", json_integer((json_int_t)json_array_size(items) + 1));
	jsonld_set(li, "name", name);
	/* A breadcrumb names its page as "item" (Google's breadcrumb rule), a list entry as "url". */
	const char *type = json_string_value(json_object_get(list, "@type"));
	jsonld_set(li, type && strcmp(type, "BreadcrumbList") == 0 ? "item" : "url", url);
	json_array_append_new(items, li);
}

json_t *jsonld_breadcrumbs(void)
{
	json_t *l = jsonld_typed("BreadcrumbList");
	json_object_set_new(l, "itemListElement", json_array());
	return l;
}

json_t *jsonld_person(const char *name, const char *description, const char *image, const char *url)
{
	json_t *p = jsonld_typed("Person");
	jsonld_set(p, "name", name);
	jsonld_set(p, "description", description);
	jsonld_set(p, "image", image);
	jsonld_set(p, "url", url);
	return p;
}
