/* card_view.h: the fields every product card shows (card.tpl, showcase.tpl, the ad and video
 * rows), filled from a row whose first columns are the shop's card columns, in this order:
 * product handle, title, brand slug, brand name, price, currency, stock, image reference, image alt,
 * whether the variants' prices differ (CARD_COLS in src/shop/shop.h; showcase_products selects
 * the same). */
#ifndef CC_CARD_VIEW_H
#define CC_CARD_VIEW_H
#include "web/http.h"
#include "domain/creators/sample.h"

/* TITLE, BRAND, PRICE, and the IMAGE section with the picture's fields (image_view.h) set on the
 * card itself (the section reads them from its parent: one dictionary less per card). */
void card_view_fill(struct req *r, tmpl_dict *c, const struct db_res *res, size_t row);
/* The product page's path of card `row`, "/p/{brand}/{product}", with "?via={via}" unless via is
 * NULL: a grid's link and a list's JSON-LD address. */
const char *card_view_path(struct arena *a, const struct db_res *res, size_t row, const char *via);
/* One more PRODUCTS card in `list` (card.tpl's or showcase.tpl's dictionary): the link to the
 * product page, carrying `via` (a creator handle, for attribution) unless NULL, the fields above
 * and a sold-out mark. Returns the card's dictionary for extra fields. */
tmpl_dict *card_view_add(struct req *r, tmpl_dict *list, const struct db_res *res, size_t row, const char *via);

/* A pick shown on a creator's page says "Gifted by {brand}" when that creator received the
 * product free as a sample that arrived (docs/CREATORS.md). The column is one more of the query
 * the page already runs, so the label costs no query of its own: CARD_GIFTED(creator) for a card
 * query's product p, `creator` an SQL expression (a column or "?"). */
#define CARD_GIFTED(creator) SAMPLE_GIFT_SQL(creator, "p.id")
/* Shows card c's GIFTED section ("Gifted by {{BRAND}}", the card's own brand) when column `col`
 * of the row is 1; returns whether, for the page's note beside its disclosure. */
bool card_view_gifted(tmpl_dict *c, const struct db_res *res, size_t row, size_t col);

#endif
