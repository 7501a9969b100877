/* card_list_ld.c: product cards as a schema.org ItemList (see card_list_ld.h). */
#include "views/card_list_ld.h"
#include "views/card_view.h"
#include "views/jsonld.h"
#include "views/page_meta.h"

const char *card_list_ld(struct req *r, const char *name, const char *path, const struct db_res *cards)
{
	const char *base = page_meta_base(r);
	struct jsonld_list list;
	jsonld_item_list(&list, r->arena, name, page_meta_url_on(r, base, path));
	for (size_t i = 0; i < cards->nrows; i++)
		jsonld_list_add(&list, db_at(cards, i, 1)->s, page_meta_url_on(r, base, card_view_path(r->arena, cards, i, NULL)));
	return jsonld_list_end(&list);
}
