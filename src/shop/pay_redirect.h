/* pay_redirect.h: placing an order paid on a provider's hosted page. In the order transaction the
 * orders wait as awaiting_payment with their stock held and a payment session row; after the
 * commit the provider's checkout is created and the shopper sent to it, or, when the provider is
 * down or refuses, the hold is released again (orders payment_failed, stock back) and the shopper
 * told that nothing was charged. Internal to src/shop. */
#ifndef CC_SHOP_PAY_REDIRECT_H
#define CC_SHOP_PAY_REDIRECT_H
#include <stdbool.h>
#include "shop/cart.h"
#include "domain/commerce/payment.h"

#define PAY_REDIRECT_MIXED_TEXT "Your cart holds items priced in different currencies, which one card payment " \
	"cannot cover. Choose another way to pay, or order each currency's items separately."

struct pay_redirect {
	struct arena *a;
	const struct cart *cart;
	const char **numbers;	/* the order number of each of the cart's brands, in order */
	size_t n;
	long long row;		/* payment_sessions.id */
};

/* True when every brand of the cart sells in one currency: one provider checkout can pay it. */
bool pay_redirect_one_currency(const struct cart *c);
/* For each run of the order transaction, once the cart is final; then each order's number. */
void pay_redirect_init(struct pay_redirect *pr, struct arena *a, const struct cart *c);
void pay_redirect_order(struct pay_redirect *pr, const char *number);
/* In the order transaction: the payment session row that holds the stock. */
enum db_status pay_redirect_hold(struct db *db, struct pay_redirect *pr, long long checkout_id,
				 const char *provider) DB_MUST_CHECK;
/* After the commit: creates the provider's checkout and answers the request (a page that sends the
 * shopper on, or the "nothing was charged" page). */
int pay_redirect_start(struct req *r, const struct payment_provider *p, struct pay_redirect *pr, const char *ref,
		       const char *email);
/* The answer to a repeated "Place order" of checkout ref by the session that placed it: its
 * confirmation, or for a hosted payment its return page (which leads on to the provider's page
 * while unpaid), so a double click never strands the shopper on an unpaid order. */
int pay_redirect_replay(struct req *r, const char *ref);
/* The transport the shop's providers use. */
extern const struct payment_http pay_redirect_http;

#endif
