/* main.c: the public shop program: its routing table, top to bottom. */
#include "cart.h"
#include "attribution.h"
#include "leadform.h"
#include "media_from.h"
#include "live_view.h"
#include "shop.h"

static const struct field no_fields[] = { { NULL, 0 } };
static const struct field cart_fields[] = { { "variant", 20 }, { "quantity", 4 }, { NULL, 0 } };
static const struct field checkout_fields[] = { CHECKOUT_FIELDS, { NULL, 0 } };
static const struct field place_fields[] = {
	CHECKOUT_FIELDS, { "token", CALC_TOKEN_LEN }, { "version", CALC_VERSION_LEN }, { NULL, 0 },
};
static const struct field lookup_fields[] = { { "number", 40 }, { "email", 254 }, { NULL, 0 } };
static const struct field via_fields[] = {
	{ "via", 30 }, { "utm_source", 100 }, { "utm_medium", 100 }, { "utm_campaign", 100 },
	{ NULL, 0 },
};
/* The product page also takes the video or ad it was reached from (media_from.h). */
static const struct field product_fields[] = {
	{ "via", 30 }, { "utm_source", 100 }, { "utm_medium", 100 }, { "utm_campaign", 100 },
	{ "from", MEDIA_FROM_MAX }, { NULL, 0 },
};
static const struct field live_fields[] = {
	{ "via", 30 }, { "utm_source", 100 }, { "utm_medium", 100 }, { "utm_campaign", 100 }, { "reminded", 1 },
	{ NULL, 0 },
};
static const struct field live_events_fields[] = { { "after", 20 }, { NULL, 0 } };
static const struct field live_ask_fields[] = { { "text", LIVE_QUESTION_MAX }, { "name", LIVE_NAME_MAX }, { NULL, 0 } };
static const struct field live_remind_fields[] = { { "email", 254 }, { NULL, 0 } };

enum shop_page { SHOP_HOME, SHOP_PING, SHOP_PRODUCT, SHOP_STOREFRONT, SHOP_LEADFORM, SHOP_LEADFORM_SUBMIT,
	SHOP_LEADFORM_VIA, SHOP_LEADFORM_VIA_SUBMIT, SHOP_COLLECTION, SHOP_SHORT_LINK,
	SHOP_CART, SHOP_CART_ADD, SHOP_CART_UPDATE, SHOP_CART_REMOVE, SHOP_CHECKOUT, SHOP_CHECKOUT_EDIT,
	SHOP_CHECKOUT_REVIEW, SHOP_CHECKOUT_PLACE, SHOP_CHECKOUT_DONE, SHOP_LOOKUP_FORM, SHOP_LOOKUP,
	SHOP_PAYMENT_WEBHOOK, SHOP_FEED,
	SHOP_VIDEO, SHOP_VIDEO_CLICK, SHOP_VIDEO_CART_ADD,
	SHOP_LIVE, SHOP_LIVE_EVENTS, SHOP_LIVE_ASK, SHOP_LIVE_VOTE, SHOP_LIVE_REMIND, SHOP_LIVE_CART_ADD,
	SHOP_AD, SHOP_AD_CLICK, SHOP_AD_CART_ADD, SHOP_GO,
	SHOP__MAX };

static const struct route routes[] = {
	[SHOP_HOME] = { { HTTP_GET, "/" }, page_home, 0, no_fields },
	[SHOP_PING] = { { HTTP_GET, "/_ping" }, page_ping, NEED_NO_DB, no_fields },
	[SHOP_PRODUCT] = { { HTTP_GET, "/p/{brand}/{product}" }, page_product, NEED_SESSION, product_fields },
	[SHOP_STOREFRONT] = { { HTTP_GET, "/@{handle}" }, page_storefront, 0, via_fields },
	/* lead forms (issue 8): before the collection row, which has the same shape as /@{handle}/f */
	[SHOP_LEADFORM] = { { HTTP_GET, "/f/{slug}" }, page_leadform, NEED_SESSION, no_fields },
	[SHOP_LEADFORM_SUBMIT] = { { HTTP_POST, "/f/{slug}" }, page_leadform_submit, 0, leadform_fields, 65536 },
	[SHOP_LEADFORM_VIA] = { { HTTP_GET, "/@{handle}/f/{slug}" }, page_leadform, NEED_SESSION, no_fields },
	[SHOP_LEADFORM_VIA_SUBMIT] = { { HTTP_POST, "/@{handle}/f/{slug}" }, page_leadform_submit, 0, leadform_fields, 65536 },
	[SHOP_COLLECTION] = { { HTTP_GET, "/@{handle}/{collection}" }, page_collection, 0, via_fields },
	[SHOP_SHORT_LINK] = { { HTTP_GET, "/s/{code}" }, page_short_link, 0, via_fields },
	[SHOP_CART] = { { HTTP_GET, "/cart" }, page_cart, NEED_SESSION, no_fields },
	[SHOP_CART_ADD] = { { HTTP_POST, "/cart/add" }, page_cart_add, 0, cart_fields, 4096 },
	[SHOP_CART_UPDATE] = { { HTTP_POST, "/cart/update" }, page_cart_update, 0, cart_fields, 4096 },
	[SHOP_CART_REMOVE] = { { HTTP_POST, "/cart/remove" }, page_cart_remove, 0, cart_fields, 4096 },
	[SHOP_CHECKOUT] = { { HTTP_GET, "/checkout" }, page_checkout, NEED_SESSION, no_fields },
	[SHOP_CHECKOUT_EDIT] = { { HTTP_POST, "/checkout/edit" }, page_checkout_edit, 0, checkout_fields, 8192 },
	[SHOP_CHECKOUT_REVIEW] = { { HTTP_POST, "/checkout/review" }, page_checkout_review, 0, checkout_fields, 8192 },
	[SHOP_CHECKOUT_PLACE] = { { HTTP_POST, "/checkout/place" }, page_checkout_place, 0, place_fields, 8192 },
	[SHOP_CHECKOUT_DONE] = { { HTTP_GET, "/checkout/done/{ref}" }, page_checkout_done, 0, no_fields },
	[SHOP_LOOKUP_FORM] = { { HTTP_GET, "/orders/lookup" }, page_order_lookup_form, NEED_SESSION, no_fields },
	[SHOP_LOOKUP] = { { HTTP_POST, "/orders/lookup" }, page_order_lookup, 0, lookup_fields, 4096 },
	/* Authenticated by its HMAC signature, not by a session: no CSRF token. */
	[SHOP_PAYMENT_WEBHOOK] = { { HTTP_POST, "/webhooks/payment/{provider}" }, page_payment_webhook,
				   NEED_RAW_BODY | NEED_SIGNED, no_fields, 16384 },
	[SHOP_FEED] = { { HTTP_GET, "/b/{brand}/feed.tsv" }, page_feed, 0, no_fields },
	/* shoppable videos (issue 6): video.c */
	[SHOP_VIDEO] = { { HTTP_GET, "/v/{id}" }, page_video, NEED_SESSION, via_fields },
	[SHOP_VIDEO_CLICK] = { { HTTP_GET, "/v/{id}/p/{product}" }, page_video_click, 0, no_fields },
	[SHOP_VIDEO_CART_ADD] = { { HTTP_POST, "/v/{id}/cart" }, page_video_cart_add, 0, cart_fields, 4096 },
	/* live shopping (issue 7): live_*.c; the events poll is public and answers from a per-worker cache */
	[SHOP_LIVE] = { { HTTP_GET, "/live/{id}" }, page_live, NEED_SESSION, live_fields },
	[SHOP_LIVE_EVENTS] = { { HTTP_GET, "/live/{id}/events" }, page_live_events, 0, live_events_fields },
	[SHOP_LIVE_ASK] = { { HTTP_POST, "/live/{id}/ask" }, page_live_ask, 0, live_ask_fields, 4096 },
	[SHOP_LIVE_VOTE] = { { HTTP_POST, "/live/{id}/questions/{q}/vote" }, page_live_vote, 0, no_fields, 1024 },
	[SHOP_LIVE_REMIND] = { { HTTP_POST, "/live/{id}/remind" }, page_live_remind, 0, live_remind_fields, 2048 },
	[SHOP_LIVE_CART_ADD] = { { HTTP_POST, "/live/{id}/cart" }, page_live_cart_add, 0, cart_fields, 4096 },
	/* collection ads (issue 6): ad.c, and their signed click-outs: go.c */
	[SHOP_AD] = { { HTTP_GET, "/ad/{slug}" }, page_ad, NEED_SESSION, via_fields },
	[SHOP_AD_CLICK] = { { HTTP_GET, "/ad/{slug}/p/{product}" }, page_ad_click, 0, no_fields },
	[SHOP_AD_CART_ADD] = { { HTTP_POST, "/ad/{slug}/cart" }, page_ad_cart_add, 0, cart_fields, 4096 },
	[SHOP_GO] = { { HTTP_GET, "/go/{token}" }, page_go, 0, no_fields },
};
_Static_assert(sizeof routes / sizeof routes[0] == SHOP__MAX, "one row per shop page");

int main(int argc, char **argv)
{
	static const struct app shop = { "shop", routes, SHOP__MAX, NULL, shop_after };
	return app_main(&shop, argc, argv);
}
