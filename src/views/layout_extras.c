/* layout_extras.c: see layout_extras.h. */
#include "domain/commerce/pay_test.h"
#include "domain/commerce/payments.h"
#include "views/cart_count.h"
#include "views/layout_extras.h"
#include "views/studio_nav.h"

void layout_extras_show(struct req *r, tmpl_dict *layout)
{
	cart_count_show(r, layout);
	studio_nav_show(r, layout);
	/* An instance taking test payments must never pass for a shop taking real ones: shoppers,
	 * brands and creators all see it, on every page, error pages included. */
	if (payments_offered(pay_test.name))
		tmpl_show(layout, "TEST_PAYMENTS");
}
