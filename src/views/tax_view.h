/* tax_view.h: an order's totals as the shopper reads them, on the cart, the review, the
 * confirmation and in the studio: the goods and shipping as they were priced, then either
 * "Tax (US-CA 7.25 %)" added before the total, or "Includes €22.98 VAT (DE 19 %)" under a total
 * that already holds it. */
#ifndef CC_TAX_VIEW_H
#define CC_TAX_VIEW_H
#include "domain/commerce/calc.h"
#include "web/http.h"

/* Where a rate comes from: "DE", "US-CA" (region ""): "" without a country. */
const char *tax_view_place(struct arena *a, const char *country, const char *region);
/* "19 %", "7.25 %", "7.5 %". */
const char *tax_view_rate(struct arena *a, unsigned bps);
/* Sets SUBTOTAL, SHIPPING, TAX and TOTAL in d, and either a TAX_ADDED section (LABEL,
 * AMOUNT) or a TAX_INCLUDED section (TEXT). `place` is where the rate comes from ("DE",
 * "US-CA"), "" when the destination is not known yet (the rate is then the brand's default,
 * and the label says it is an estimate). */
void tax_view_totals(struct req *r, tmpl_dict *d, const struct calc_totals *t, const char *currency,
		     unsigned bps, const char *place);
/* The same as one line of text, for mail: "Subtotal €119.00, shipping €4.95, total €123.95
 * (includes €19.79 VAT, DE 19 %)". */
const char *tax_view_text(struct req *r, const struct calc_totals *t, const char *currency, unsigned bps,
			  const char *place);

#endif
