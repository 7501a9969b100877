/* jsonld.h: the schema.org objects public pages describe themselves with (page_meta.h writes
 * them out): Product with its Offer, ItemList, Person, BreadcrumbList. Every address given is
 * absolute (page_meta_url, share_image_url); a NULL one is left out. */
#ifndef CC_JSONLD_H
#define CC_JSONLD_H
#include <jansson.h>
#include <stdbool.h>

struct jsonld_offer {
	long long price_minor;
	const char *currency;
	bool in_stock;
};

/* A Product with one Offer (its price as a decimal string, priceCurrency, availability). */
json_t *jsonld_product(const char *name, const char *description, const char *image, const char *url,
		       const char *brand, const char *sku, const struct jsonld_offer *offer);
/* An empty ItemList; jsonld_list_add appends a ListItem (position counted from 1). */
json_t *jsonld_item_list(const char *name, const char *url);
void jsonld_list_add(json_t *list, const char *name, const char *url);
/* A BreadcrumbList: start it empty and add crumbs from the home page down, with the same add. */
json_t *jsonld_breadcrumbs(void);
json_t *jsonld_person(const char *name, const char *description, const char *image, const char *url);

#endif
