/* layout_extras.h: what the shop and the studio add to every page's layout (struct app's layout
 * hook): the cart count, the studio's navigation on studio pages, and while the test provider is
 * on, the test-payments banner. */
#ifndef CC_LAYOUT_EXTRAS_H
#define CC_LAYOUT_EXTRAS_H
#include "web/http.h"

void layout_extras_show(struct req *r, tmpl_dict *layout);

#endif
