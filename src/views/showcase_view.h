/* showcase_view.h: fills templates/showcase.tpl, the titled carousel of product cards, from the
 * rows of showcase_products; shared by the shop's placements and the studio's preview. */
#ifndef CC_SHOWCASE_VIEW_H
#define CC_SHOWCASE_VIEW_H
#include "web/http.h"

#define SHOWCASE_TPL "showcase.tpl"

/* Sets the carousel's title and one card per row into d (showcase.tpl's dictionary). dom_id
 * names the list for the heading and the scroll buttons ("showcase-12"); `via` is the creator
 * handle the card links carry for attribution, or NULL. */
void showcase_fill(struct req *r, tmpl_dict *d, const char *dom_id, const char *title,
		   const struct db_res *res, const char *via);

#endif
