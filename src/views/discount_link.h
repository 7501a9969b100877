/* discount_link.h: a creator's link that carries a discount code (/@lena?code=LENA15, or any
 * creator surface with ?code=). The page is an anonymous GET, which never writes to the database,
 * so the code waits in the cc_code cookie ("<CODE>.<unix time>") until the cart reads it; the
 * cart shows it as applied (with a remove button) and the order redeems it. The cookie is not
 * signed: it holds nothing the shopper could not type at checkout. */
#ifndef CC_DISCOUNT_LINK_H
#define CC_DISCOUNT_LINK_H
#include <stdbool.h>
#include "domain/commerce/discount.h"
#include "web/http.h"

#define DISCOUNT_LINK_COOKIE "cc_code"
#define DISCOUNT_LINK_DAYS 30

/* On a creator surface: a well-formed ?code= goes into the cookie (the latest link wins). */
void discount_link_remember(struct req *r);
/* The code the cookie holds and when the link was followed; false if none or malformed. */
bool discount_link_read(struct req *r, char code[DISCOUNT_CODE_MAX + 1], long long *at);
/* Clears the cookie (the shopper removed the code, or an order used it). */
void discount_link_forget(struct req *r);

#endif
