/* card_list_ld.c: product cards as a schema.org ItemList (see card_list_ld.h). */
#include "views/card_list_ld.h"
#include "views/jsonld.h"
#include "views/page_meta.h"

json_t *card_list_ld(struct req *r, const char *name, const char *path, const struct db_res *cards)
{
	json_t *list = jsonld_item_list(name, page_meta_url(r, path));
	for (size_t i = 0; i < cards->nrows; i++) {
		const char *handle = db_at(cards, i, 0)->s, *brand = db_at(cards, i, 2)->s;
		jsonld_list_add(list, db_at(cards, i, 1)->s,
				page_meta_url(r, arena_concat(r->arena, "/p/", brand, "/", handle, (char *)NULL)));
	}
	return list;
}
