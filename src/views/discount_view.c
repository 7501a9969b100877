/* discount_view.c: see discount_view.h. */
#include "views/discount_view.h"
#include "web/layout.h"

void discount_view_line(struct req *r, tmpl_dict *d, const struct calc_totals *t, long long discount,
			const char *currency)
{
	if (discount <= 0)
		return;
	tmpl_dict *x = tmpl_add(d, "DISCOUNT");
	/* The discount came off the prices as shown (gross when they include tax), so adding it back
	 * to the shown subtotal gives the goods as priced. */
	tmpl_set(x, "ITEMS", layout_money(r, calc_shown_subtotal(t) + discount, currency));
	tmpl_set(x, "AMOUNT", layout_money(r, -discount, currency));
}
