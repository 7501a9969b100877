/* cart_drawer.h: the cart as a drawer on a page the shopper should not have to leave (a video):
 * its lines and a checkout button in a <details> that opens without a script. Internal to src/shop. */
#ifndef CC_SHOP_CART_DRAWER_H
#define CC_SHOP_CART_DRAWER_H
#include <stdbool.h>
#include "web/http.h"

/* Includes cart_drawer.tpl as CART_DRAWER in d when the header's count says the cart holds
 * something (no query otherwise), open when `open`. A database error leaves the drawer out. */
void cart_drawer_add(struct req *r, tmpl_dict *d, bool open);

#endif
