/* showcase_view.c: one carousel of product cards (templates/showcase.tpl), the look of card.tpl. */
#include "views/card_view.h"
#include "domain/showcases/showcase_query.h"
#include "views/showcase_view.h"

void showcase_fill(struct req *r, tmpl_dict *d, const char *dom_id, const char *title,
		   const struct db_res *res, const char *via)
{
	tmpl_set(d, "DOM_ID", dom_id);
	tmpl_set(d, "TITLE", title);
	for (size_t i = 0; i < res->nrows; i++)
		card_view_gifted(card_view_add(r, d, res, i, via), res, i, SHOWCASE_COL_GIFTED);
}
