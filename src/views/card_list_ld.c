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
	/* The site's address escaped once for every card, not measured, encoded and escaped per card. */
	size_t site_len = 0;
	const char *site = jsonld_site(r->arena, base, &site_len);
	for (size_t i = 0; i < cards->nrows; i++) {
		const char *card = card_view_path(r->arena, cards, i, NULL);
		size_t card_len = 3 + db_at(cards, i, 2)->len + 1 + db_at(cards, i, 0)->len;	/* "/p/{brand}/{product}" */
		/* Slugs and handles are letters, digits and '-': percent-encoding would change nothing. */
		if (!site || !jsonld_list_add_path(&list, db_at(cards, i, 1)->s, site, site_len, card, card_len))
			jsonld_list_add(&list, db_at(cards, i, 1)->s, page_meta_url_on(r, base, card));
	}
	return jsonld_list_end(&list);
}
