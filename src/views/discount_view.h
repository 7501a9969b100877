/* discount_view.h: an order's discount as the shopper and the brand read it, above the totals:
 * "Items $79.00", "Discount -$11.85", then the subtotal after the discount (tax_view.h). */
#ifndef CC_DISCOUNT_VIEW_H
#define CC_DISCOUNT_VIEW_H
#include "domain/commerce/calc.h"
#include "web/http.h"

/* With a discount (> 0): a DISCOUNT section in d with ITEMS (the goods as priced, before the
 * discount) and AMOUNT (minus the discount). t holds the totals after the discount. */
void discount_view_line(struct req *r, tmpl_dict *d, const struct calc_totals *t, long long discount,
			const char *currency);

#endif
