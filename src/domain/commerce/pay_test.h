/* pay_test.h: the test provider, for development and test stacks: it marks an order paid at once
 * without any money moving. Off unless the operator lists "test" in payment_providers; while it
 * is on every page says so, and the orders it paid are test orders everywhere: marked in the
 * studio, the API and the CSV export, never accruing commission, left out of payouts, dashboard
 * figures and best sellers. Whether it is on: payments_offered(pay_test.name). */
#ifndef CC_PAY_TEST_H
#define CC_PAY_TEST_H
#include "domain/commerce/payment.h"

extern const struct payment_provider pay_test;

/* The provider declines every payment whose email's local part ends in this. */
#define PAY_TEST_DECLINE "+decline"

/* SQL: true for a test order; `o` is the alias of the orders table. The provider's name is on the
 * order row (orders.payment_provider), so no query needs a join to tell. */
#define PAY_TEST_ORDER(o) "(" o ".payment_provider = 'test')"
#define PAY_TEST_REAL_ORDER(o) "(" o ".payment_provider <> 'test')"

#endif
