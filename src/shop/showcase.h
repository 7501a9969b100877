/* showcase.h: dynamic showcases in the shop: the carousels a page can include.
 * Every function here is an extra on its page: when there is nothing to show or the database
 * does not answer, it adds nothing and the page renders as before. */
#ifndef CC_SHOP_SHOWCASE_H
#define CC_SHOP_SHOWCASE_H
#include <stdbool.h>
#include "web/http.h"

/* Includes templates/showcase.tpl as SHOWCASE into d: showcase `showcase_id`'s title and the
 * products its rules select now (read through the per-worker catalog cache; with the
 * recently-viewed rule, the visitor's cc_recent cookie). `via` is a creator handle that card
 * links carry for attribution (/p/{brand}/{product}?via={via}), or NULL. Nothing is included
 * when the showcase does not exist, selects no product, or the database does not answer.
 * Template side: put {{>SHOWCASE}} where the carousel goes. For the ad page (/ad/{slug}):
 *   showcase_add(r, d, ad_showcase_id, creator_handle_or_NULL);
 * showcase.tpl loads static/js/showcase.js itself (prev/next buttons; it runs once per page). */
void showcase_add(struct req *r, tmpl_dict *d, long long showcase_id, const char *via);

/* The creator's storefront showcases (up to two, in slot order) as SHOWCASES sections of d, each
 * holding one SHOWCASE include ({{#SHOWCASES}}{{>SHOWCASE}}{{/SHOWCASES}}); cards carry `via`.
 * True if one of them shows the visitor's recently viewed products, so the page differs per
 * visitor and must not be kept (layout_keep). */
bool showcase_storefront_add(struct req *r, tmpl_dict *d, long long creator_id, const char *via);

/* A product page's rows, as SHOWCASES sections of d like the storefront's: the brand's
 * product-page showcase (the brand picks it in the studio; without this product), then
 * "Recently viewed" when the cc_recent cookie names other products. Then records product_id in
 * cc_recent (newest first, SHOWCASE_RECENT_MAX ids, a browser-session cookie; no database write). */
void showcase_product_page_add(struct req *r, tmpl_dict *d, long long brand_id, long long product_id);

#endif
