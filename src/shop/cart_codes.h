/* cart_codes.h: discount codes on the cart and at checkout: which codes the cart holds (typed
 * ones in cart_codes, the one a creator's link left in the cc_code cookie), what each takes off
 * which brand's order, who the sale is then credited to, and taking a use of a code in the
 * order transaction. The arithmetic is domain/commerce/discount.h, the credit rule
 * domain/creators/code_credit.h. Internal to src/shop. */
#ifndef CC_SHOP_CART_CODES_H
#define CC_SHOP_CART_CODES_H
#include "domain/commerce/discount.h"
#include "domain/creators/attr.h"
#include "shop/cart.h"

struct cart_code {
	struct discount_code rule;
	const char *code;		/* canonical text */
	const char *creator_handle;	/* "" for a brand's own code */
	const char *brand_name;
	const char *precedence;		/* the brand's brands.code_precedence */
	long long applied_at;		/* unix seconds */
	bool from_link;			/* carried by a creator's link (the cookie), not typed */
	bool unknown;			/* the link's text names no code */
	long long customer_uses;	/* orders this checkout's email placed with it (email known) */
	enum discount_verdict verdict;
	long long amount;		/* what it takes off its brand's order; 0 unless DISCOUNT_OK */
};

/* The key of a code's per-customer count: keyed BLAKE2b-256 of the email lowercased, with any
 * "+tag" of its local part dropped (name+1@ and Name@ are one customer); no address is stored. */
void cart_codes_customer_hash(struct req *r, const char *email, uint8_t out[32]);

/* Reads the cart's codes into c->codes and applies them: each brand's discount, its lines'
 * shares, its totals (tax after the discount), and the codes mixed into c->version so a
 * placed order matches the reviewed one. email: the checkout's, for per-customer limits; NULL
 * before it is known. Call after cart_load. */
enum db_status cart_codes_apply(struct req *r, struct db *db, struct cart *c, const char *email);

/* The CODES list into d: each code, whose it is, what it takes off or why it does not apply,
 * and with `removable` a remove button (the cart page). Each brand's discount line is
 * cart_render's. */
void cart_codes_render(struct req *r, tmpl_dict *d, const struct cart *c, bool removable);

/* A typed code onto the request's cart: NULL when it applies, else the message for the
 * shopper (no such code, expired, below minimum, does not combine...). */
enum db_status cart_codes_add(struct req *r, const char *typed, const char *email, const char **problem);

/* The brand's sale after its codes: code_credit_resolve over the link mark `at` and the codes
 * that apply to the brand. Sets b->creator_id and b->surface. */
void cart_codes_credit(const struct cart *c, struct cart_brand *b, const struct attribution *at);

/* In the order transaction, for order_id of brand b: locks each applied code (ascending id),
 * takes one use with a conditional update and records the redemption. DB_CONFLICT with *refused
 * naming the code when its last use went to another order or the customer used up their share. */
enum db_status cart_codes_redeem(struct db *db, struct req *r, const struct cart *c, const struct cart_brand *b,
				 long long order_id, const char *email, const struct cart_code **refused);

/* The notice for a review page shown again because a code stopped applying (used up, expired,
 * disabled) since the shopper reviewed; NULL if no code did. */
const char *cart_codes_change_notice(struct req *r, const struct cart *c);

/* After cart_codes_redeem refused a code: the review page again (409) with the cart as it is
 * now, where that code no longer applies, a new total, and a note saying why. */
int cart_codes_refused_page(struct req *r, const struct checkout_form *f);

int page_cart_code_add(struct req *r);
int page_cart_code_remove(struct req *r);

#endif
