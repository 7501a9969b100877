/* card_list_ld.h: a grid of product cards (card_view.h's columns) as a schema.org ItemList, the
 * structured data of storefronts and collections. */
#ifndef CC_CARD_LIST_LD_H
#define CC_CARD_LIST_LD_H
#include "web/http.h"

/* The list named `name` at the site path `path`, one ListItem per card row, each the product
 * page's canonical address (without ?via=); its JSON text (jsonld.h). */
const char *card_list_ld(struct req *r, const char *name, const char *path, const struct db_res *cards);

#endif
