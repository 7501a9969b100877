/* sales_figures.h: which order lines the dashboards count as sales and what each counts for, as
 * SQL over an order `o` and its line `l`: shared by the dashboards' live reads (studio) and the
 * worker's rollup of closed days (sales_rollup.c), so both give the same figures. */
#ifndef CC_SALES_FIGURES_H
#define CC_SALES_FIGURES_H
#include "domain/commerce/pay_test.h"

/* Orders paid and not (wholly) refunded or cancelled, and not paid by the test provider (no money
 * came in). Awaiting or failed payment, cancelled, refunded and test lines are listed, marked,
 * never counted. */
#define DASHBOARD_COUNTED "(o.status IN ('paid', 'shipped', 'delivered', 'partially_refunded')" \
	" AND " PAY_TEST_REAL_ORDER("o") ")"
/* What buyers paid for a line and kept: less its share of a discount code and what was refunded. */
#define DASHBOARD_NET_SALES "(l.line_total - l.discount - l.refunded_amount)"
/* A line's commission net of what was reversed. */
#define DASHBOARD_NET_COMMISSION "(l.commission_amount - (SELECT COALESCE(SUM(-ce.amount), 0) FROM commission_entries ce" \
	" WHERE ce.order_line_id = l.id AND ce.kind = 'reversal'))"

#endif
