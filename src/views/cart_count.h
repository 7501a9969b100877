/* cart_count.h: the cart's item count in every page's header, shop and studio alike. It rides in
 * a cookie the cart pages set, so no page pays a query for it; it is only ever displayed. */
#ifndef CC_CART_COUNT_H
#define CC_CART_COUNT_H
#include "web/http.h"

#define CART_COUNT_COOKIE "cc_cart"

/* Shows CART_COUNT in the layout's dictionary when the cookie holds a small positive number
 * (struct app's layout hook). */
void cart_count_show(struct req *r, tmpl_dict *layout);
/* Sets the cookie after the cart changed: the count, or deleted when 0. */
void cart_count_set(struct req *r, long long count);

#endif
