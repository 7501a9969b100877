/* cart.h: what the cart, checkout and order pages of the shop share: the cart as it stands now
 * (current prices and stock, grouped into one future order per brand), the checkout form, and
 * the rendering of orders. Internal to src/shop. */
#ifndef CC_SHOP_CART_H
#define CC_SHOP_CART_H
#include <stdbool.h>
#include "domain/commerce/calc.h"
#include "web/http.h"
#include "views/form_errors.h"

#define CART_MAX_ITEMS 50
#define CART_MAX_QTY 99
#define CART_KEY_COOKIE "cc_cart_key"	/* names an anonymous cart, so it survives signing in */

struct cart_line {
	long long variant_id, product_id, quantity, price_seen, unit_price, stock, line_total;
	long long video_id, ad_id;	/* the medium it was added from, copied to the order line; 0: none */
	bool deny;		/* inventory_policy 'deny': stock bounds the quantity */
	bool unavailable;	/* the product left the shop, or fewer in stock than wanted */
	bool short_stock;	/* fewer in stock than wanted */
	long long commission_bps;	/* at checkout: the rate commission_rate_choose() gave the line */
	const char *commission_kind;	/* at checkout: "direct", "indirect" or "" */
	bool commission_first_order;	/* at checkout: the buyer's first-order rate applied */
	bool price_changed;	/* the price differs from when it went into the cart */
	long long discount;	/* this line's share of its brand's discount (cart_codes.h) */
	const char *title, *variant_title, *sku, *currency, *url;
	const char *image;	/* the reference of the product's first picture (IMAGE_REF_SQL), "" if it has none */
};

struct cart_brand {
	long long brand_id, shipping_rate;	/* the destination's shipping rate */
	unsigned tax_bps;	/* the destination's tax rate */
	bool tax_included;	/* the brand's prices include tax */
	const char *tax_region;	/* the region whose rate applies, "" for the country's or the default */
	const char *name, *slug, *currency;
	bool mixed_currency;	/* a line priced in another currency than the brand's */
	long long owner_user_id;	/* the brand owner's account (its new-order notice), or 0 */
	bool owner_notice;	/* read by the checkout's readings only: the owner has that notice on */
	long long creator_id;	/* at checkout: the creator the sale is attributed to, or 0 */
	const char *surface;
	long long discount;	/* the brand's codes take this off its subtotal, before tax */
	struct cart_line *lines;
	size_t nlines;
	struct calc_totals t;
};

struct cart {
	long long id;		/* 0: no cart yet */
	struct cart_brand *brands;
	size_t nbrands, nlines;
	long long count;	/* units in all */
	bool changed, unavailable;
	const char *country, *region;	/* the destination; "" before the shopper gave one */
	char version[CALC_VERSION_LEN + 1];
	struct cart_code *codes;	/* discount codes on the cart, filled by cart_codes_apply */
	size_t ncodes;
	bool deals_held;	/* a live flash deal holds a price for this cart (domain/live/live_deal.h) */
	bool no_codes;		/* known to hold no discount code: cart_codes_apply need not look */
};

/* What the caller has already read about a cart, sparing cart_load_known and cart_codes_apply a
 * lookup each (the checkout learns both while it locks the cart), and what it does not need. */
struct cart_known {
	bool no_deals, no_codes;
	bool unpictured;	/* the page shows no pictures (the checkout's): the lines' are left "" */
};

/* The request's cart id (signed in: the user's, adopting the session's cart; else the session's).
 * With `create`, makes one if there is none. *id is 0 when there is none. */
enum db_status cart_find(struct req *r, bool create, long long *id);
/* Reads cart `id` with current prices, stock and brand rates into c (c->id = id; empty for 0),
 * with the shipping and tax of each brand for the destination `country` (a code from the
 * country table, or "" for the brands' defaults) and `region` (as typed; its rate applies when it
 * names a region of the brand's tax table, such as "CA"). */
enum db_status cart_load_to(struct db *db, struct arena *a, long long id, const char *country, const char *region,
			    struct cart *c);
/* cart_load_to, with what `known` says (NULL: nothing) taken as read. */
enum db_status cart_load_known(struct db *db, struct arena *a, long long id, const char *country, const char *region,
			       const struct cart_known *known, struct cart *c);
/* cart_load_to without a destination yet: the cart page. */
enum db_status cart_load(struct db *db, struct arena *a, long long id, struct cart *c);
/* "DE", "US-CA": where the brand's tax rate comes from, "" without a destination. */
const char *cart_tax_place(struct arena *a, const struct cart *c, const struct cart_brand *b);
/* The cart page, with status and, when not NULL, a message about the code just typed. */
int cart_page(struct req *r, int status, const char *problem);
/* Fills BRANDS sections (each with LINES and totals) and the grand COUNT into d. */
void cart_render(struct req *r, tmpl_dict *d, const struct cart *c);
/* The cart's add (POST fields variant, quantity; 303 to /cart, or 404/409/422) from video
 * `video_id` or ad `ad_id` (0: neither): the item records that medium if the variant's product is
 * tagged in the video or listed in the ad, and otherwise keeps the medium it had. page_cart_add is
 * cart_add_from(r, 0, 0). From a video with back=video the 303 goes back to the video instead. */
int cart_add_from(struct req *r, long long video_id, long long ad_id);
struct product_picker_problem;
/* How an add refused for product `product_id` is answered (with `status`, and `p` for the
 * picker) on a page of the caller's, instead of the product page. */
typedef int (*cart_refusal_fn)(struct req *r, long long product_id, int status, const struct product_picker_problem *p);
/* cart_add_from, a refusal (a combination not made, sold out, a full cart) answered by `refused`. */
int cart_add_answering(struct req *r, long long video_id, long long ad_id, cart_refusal_fn refused);

/* The checkout form's fields, as typed. */
struct checkout_form {
	const char *email, *name, *line1, *line2, *city, *region, *postal, *country, *provider;
};
/* Reads the form; returns NULL or a message for the person, and the field it is about. */
const char *checkout_form_read(struct req *r, struct checkout_form *f, const char **field);
/* The same read, listing every mistake (form_errors.h) in the form's order; returns how many. */
#define CHECKOUT_MAX_ERRORS 7
size_t checkout_form_check(struct req *r, struct checkout_form *f, struct form_error out[CHECKOUT_MAX_ERRORS]);
/* Puts the form's values and the payment choices into d. */
void checkout_form_fill(struct req *r, tmpl_dict *d, const struct checkout_form *f);
/* The review page: summary, changes, and (if the cart can be ordered) a new one-time token. */
void checkout_review_page(struct req *r, const struct checkout_form *f, const struct cart *c, int status,
			  const char *notice);
/* A page with a headline, a message and a way back to the cart. */
void checkout_problem(struct req *r, int status, const char *title, const char *message);

/* Adds one ORDERS section for the order with id `order_id` (number, status, lines, totals,
 * address) to d. */
enum db_status order_render(struct req *r, tmpl_dict *d, long long order_id);

#endif
