/* jsonld.h: the schema.org objects public pages describe themselves with (page_meta.h writes
 * them out): Product with its Offer, ItemList, Person, BreadcrumbList. Each is written at once as
 * the JSON text of a script data block ("@context" first, json_script.h's escaping), keys in a
 * fixed order: no tree is built and freed per view. Every address given is absolute
 * (page_meta_url, share_image_url); a NULL or empty value is left out, and so is one that is not
 * UTF-8. */
#ifndef CC_JSONLD_H
#define CC_JSONLD_H
#include <stdbool.h>
#include "lib/arena.h"
#include "lib/buf.h"

struct jsonld_offer {
	long long price_minor;
	const char *currency;
	bool in_stock;
};

/* A list being written: jsonld_item_list or jsonld_breadcrumbs, jsonld_list_add per entry,
 * then jsonld_list_end for its text. */
struct jsonld_list {
	struct buf b;
	long long n;
	bool crumbs;
};

/* A Product with one Offer (its price as a decimal string, priceCurrency, availability). */
const char *jsonld_product(struct arena *a, const char *name, const char *description, const char *image,
			   const char *url, const char *brand, const char *sku, const struct jsonld_offer *offer);
/* An empty ItemList; jsonld_list_add appends a ListItem (position counted from 1). */
void jsonld_item_list(struct jsonld_list *l, struct arena *a, const char *name, const char *url);
/* A BreadcrumbList: start it empty and add crumbs from the home page down, with the same add. */
void jsonld_breadcrumbs(struct jsonld_list *l, struct arena *a);
void jsonld_list_add(struct jsonld_list *l, const char *name, const char *url);
/* An ItemList's entry, its address the site's (`site_json`: its JSON text without quotes, made
 * once for a whole list with jsonld_site) followed by `path`: a grid's cards then write their
 * addresses without measuring, percent-encoding and escaping the site's address once per card.
 * false, and nothing written, when the path has a byte other than letters, digits, "-._~" and
 * '/' (one an address would percent-encode: jsonld_list_add with the whole address then). */
bool jsonld_list_add_path(struct jsonld_list *l, const char *name, const char *site_json, size_t site_json_len,
			  const char *path, size_t path_len);
/* The JSON text of a site's address without its quotes, for jsonld_list_add_path; NULL when the
 * address would be left out (empty, or not UTF-8). */
const char *jsonld_site(struct arena *a, const char *base, size_t *len);
const char *jsonld_list_end(struct jsonld_list *l);
const char *jsonld_person(struct arena *a, const char *name, const char *description, const char *image,
			  const char *url);

#endif
