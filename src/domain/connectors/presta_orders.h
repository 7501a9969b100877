/* presta_orders.h: a crowdcart order as a PrestaShop order through the Webservice, and its
 * shipping read back. PrestaShop makes an order from a cart (its validateOrder), so a push creates
 * what the cart needs first: the customer (found again by email), a delivery address (its alias
 * names the crowdcart order), the cart with the lines by product and combination, then the order,
 * paid, with a payment module's name. Every step first looks for what an earlier push whose answer
 * was lost may have made, so a push tried again never makes a second customer, cart or order. The
 * queue and its states: connector_orders.c. */
#ifndef CC_PRESTA_ORDERS_H
#define CC_PRESTA_ORDERS_H
#include "db/db.h"
#include "domain/connectors/presta_api.h"

#define PRESTA_ALIAS_PREFIX "crowdcart "	/* + the order number: the address alias (32 at most) */

struct presta_order_line {
	long long product, combination, quantity;
};

struct presta_order_in {
	const char *number, *email, *currency;
	const char *first_name, *last_name, *line1, *line2, *city, *postal, *country;
	const char *region;	/* the ISO 3166-2 code of the state ("CA") where crowdcart knows one, else "" */
	const char *total;	/* what the shopper paid for the lines, as a decimal ("48.00") */
	struct presta_order_line *lines;
	size_t nlines;
};

/* The order's number, address and synced lines (less refunded units); false when the order is
 * gone or the database failed (*rc). */
bool presta_orders_input(struct db *db, struct arena *a, long long order_id, long long connector_id,
			 struct presta_order_in *in, enum db_status *rc);

/* OK with the shop's order id and reference; otherwise err says why and *final is true when asking
 * again cannot help (the shop refused the order, the key, or has no such currency or country). */
enum connector_fetch presta_orders_push(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
					const struct presta_order_in *in, long long *remote_id, const char **reference,
					bool *final, char err[200]);

struct presta_order_state {
	const char *reference;
	const char *carrier, *tracking;	/* "" when the order's carrier has no tracking number */
	bool shipped;		/* a tracking number, or a state PrestaShop counts as shipped */
};
enum connector_fetch presta_orders_read(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
					long long remote_id, struct presta_order_state *out, char err[200]);

/* "Ada Mae Lovelace" -> "Ada Mae" and "Lovelace", without what PrestaShop refuses in a name
 * (digits, and !<>,;?=+()/\@#"*`{}_^$%:[]|). Exposed for the unit tests. */
void presta_orders_names(struct arena *a, const char *full, const char **first, const char **last);

#endif
