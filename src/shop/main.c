/* main.c: the public shop program: its routing table, top to bottom. */
#include <limits.h>
#include "shop/cart.h"
#include "shop/cart_codes.h"
#include "shop/crawl.h"
#include "views/attribution.h"
#include "views/layout_extras.h"
#include "views/notice_text.h"
#include "shop/leadform.h"
#include "domain/video/media_from.h"
#include "shop/live_view.h"
#include "shop/shop.h"
#include "shop/search_list.h"
#include "domain/moderation/report.h"
#include "web/ops_page.h"

/* Path parameters. Ids are typed, so "/v/abc" is a 404 before any handler runs; handles, slugs
 * and codes are looked up as they come and a miss is the handler's 404. */
static const struct field path_id[] = { F_ID("id"), F_END };
static const struct field path_id_q[] = { F_ID("id"), F_ID("q"), F_END };
static const struct field path_id_product[] = { F_ID("id"), F_ID("product"), F_END };
static const struct field path_brand[] = { F_TEXT("brand", 0), F_END };
static const struct field path_brand_product[] = { F_TEXT("brand", 0), F_TEXT("product", 0), F_END };
static const struct field path_handle[] = { F_TEXT("handle", 0), F_END };
static const struct field path_handle_collection[] = { F_TEXT("handle", 0), F_TEXT("collection", 0), F_END };
static const struct field path_handle_slug[] = { F_TEXT("handle", 0), F_TEXT("slug", 0), F_END };
static const struct field path_slug[] = { F_TEXT("slug", 0), F_END };
static const struct field path_slug_product[] = { F_TEXT("slug", 0), F_ID("product"), F_END };
static const struct field path_code[] = { F_TEXT("code", 0), F_END };
static const struct field path_ref[] = { F_TEXT("ref", 0), F_END };
static const struct field path_provider[] = { F_TEXT("provider", 0), F_END };
static const struct field path_token[] = { F_TEXT("token", 0), F_END };
static const struct field path_id_token[] = { F_ID("id"), F_TEXT("token", 0), F_END };
static const struct field path_report[] = {
	F_ENUM("kind", 10, F_ONE_OF("storefront", "collection", "video", "ad", "live", "form")), F_ID("id"), F_END,
};
static const struct field path_sitemap[] = {
	F_ENUM("kind", 12, F_ONE_OF("storefronts", "collections", "products")), F_ID("id"), F_END,
};

/* Query and body fields. inline_error: the page answers a bad value with its own message (a
 * 422 naming what to choose, a form shown again), so the dispatcher hands it over as invalid. */
static const struct field cart_fields[] = {
	F_ID("variant", .inline_error = true),
	/* a product with several options posts its chosen values instead (shop/product_picker.h) */
	F_ID("product", .inline_error = true), F_TEXT("option1", 120), F_TEXT("option2", 120), F_TEXT("option3", 120),
	F_INT("quantity", 4, 0, CART_MAX_QTY, .inline_error = true),
	F_END,
};
/* A video's card adds and comes back to the video (back=video); its product page's form does not. */
static const struct field video_cart_fields[] = {
	F_ID("variant", .inline_error = true),
	F_ID("product", .inline_error = true), F_TEXT("option1", 120), F_TEXT("option2", 120), F_TEXT("option3", 120),
	F_INT("quantity", 4, 0, CART_MAX_QTY, .inline_error = true),
	F_ENUM("back", 5, F_ONE_OF("video")), F_END,
};
/* A typed code is checked by the page, which says what a code looks like. */
static const struct field cart_code_fields[] = { F_TEXT("code", DISCOUNT_CODE_MAX + 8), F_END };
#define CHECKOUT_FIELDS \
	F_EMAIL("email", .inline_error = true), F_TEXT("name", 120), F_TEXT("line1", 200), \
	F_TEXT("line2", 200), F_TEXT("city", 100), F_TEXT("region", 100), F_TEXT("postal", 20), \
	F_TEXT("country", 2), F_TEXT("provider", 20), F_TEXT("code", DISCOUNT_CODE_MAX + 8)
static const struct field checkout_fields[] = { CHECKOUT_FIELDS, F_END };
static const struct field place_fields[] = {
	CHECKOUT_FIELDS, F_TEXT("token", CALC_TOKEN_LEN), F_TEXT("version", CALC_VERSION_LEN), F_END,
};
static const struct field return_fields[] = { F_TEXT("cancelled", 1), F_END };
static const struct field lookup_fields[] = {
	F_TEXT("number", 40), F_EMAIL("email", .inline_error = true), F_END,
};
/* code: a discount code a creator's link carries (views/discount_link.h); a malformed one is
 * ignored by the page, so a mistyped link still opens the storefront. */
#define VIA_FIELDS \
	F_TEXT("via", 30), F_TEXT("utm_source", 100), F_TEXT("utm_medium", 100), F_TEXT("utm_campaign", 100), \
	F_TEXT("code", 100)
static const struct field via_fields[] = { VIA_FIELDS, F_END };
/* A video page also says what its card just added (?added=variant, video.c). */
static const struct field video_fields[] = { VIA_FIELDS, F_ID("added", .inline_error = true), F_END };
/* The product page also takes the video or ad it was reached from (media_from.h), and the
 * option an add to the cart found short of stock (cart.c sends the shopper back with it). */
static const struct field product_fields[] = {
	VIA_FIELDS, F_TEXT("from", MEDIA_FROM_MAX), F_ID("short", .inline_error = true), F_END,
};
static const struct field live_fields[] = { VIA_FIELDS, F_TEXT("reminded", 1), F_END };
/* The events poll answers a bad "after" with a JSON problem of its own. */
static const struct field live_events_fields[] = {
	F_INT("after", 20, 0, LLONG_MAX, .inline_error = true), F_END,
};
static const struct field live_ask_fields[] = {
	F_TEXT("text", LIVE_QUESTION_MAX), F_TEXT("name", LIVE_NAME_MAX), F_END,
};
static const struct field live_remind_fields[] = { F_EMAIL("email", .inline_error = true), F_END };
static const struct field live_chat_fields[] = {
	F_TEXT("text", LIVE_CHAT_MAX), F_TEXT("name", LIVE_NAME_MAX), F_END,
};
static const struct field live_poll_vote_fields[] = {
	F_INT("choice", 1, 1, LIVE_POLL_OPTIONS_MAX, .inline_error = true), F_END,
};
static const struct field live_react_fields[] = { F_TEXT("emoji", 10), F_TEXT("js", 1), F_END };
static const struct field live_deal_fields[] = {
	F_ID("variant", .inline_error = true), F_INT("quantity", 2, 1, 10, .inline_error = true), F_END,
};
/* A lead form's answers arrive as q1..q30, whatever the brand made of them, plus the signed
 * fill-time stamp, the honeypot and the consent box. */
static const struct field leadform_fields[] = {
	F_TEXT("q1", 5000), F_TEXT("q2", 5000), F_TEXT("q3", 5000), F_TEXT("q4", 5000), F_TEXT("q5", 5000),
	F_TEXT("q6", 5000), F_TEXT("q7", 5000), F_TEXT("q8", 5000), F_TEXT("q9", 5000), F_TEXT("q10", 5000),
	F_TEXT("q11", 5000), F_TEXT("q12", 5000), F_TEXT("q13", 5000), F_TEXT("q14", 5000), F_TEXT("q15", 5000),
	F_TEXT("q16", 5000), F_TEXT("q17", 5000), F_TEXT("q18", 5000), F_TEXT("q19", 5000), F_TEXT("q20", 5000),
	F_TEXT("q21", 5000), F_TEXT("q22", 5000), F_TEXT("q23", 5000), F_TEXT("q24", 5000), F_TEXT("q25", 5000),
	F_TEXT("q26", 5000), F_TEXT("q27", 5000), F_TEXT("q28", 5000), F_TEXT("q29", 5000), F_TEXT("q30", 5000),
	F_TEXT("t", LEAD_STAMP_LEN), F_TEXT("confirm", LEAD_STAMP_LEN), F_TEXT("website", 200), F_TEXT("consent", 3),
	F_TEXT("shown", 4),	/* repeated: the conditional questions the page showed */
	F_END,
};
_Static_assert(LEAD_MAX_FIELDS == 30, "one declared input per possible lead form field");
/* Search and the product lists of category and brand pages (search_list.h): an empty value is
 * no filter; a page past the bound is a 400, as is a q longer than anyone types. */
#define LIST_FIELDS \
	F_SLUG("brand", 64), F_SLUG("category", 64), F_INT("min", 9, 0, 999999999), F_INT("max", 9, 0, 999999999), \
	F_ENUM("stock", 1, F_ONE_OF("1")), F_ENUM("sort", 10, F_ONE_OF("relevance", "price_asc", "price_desc", "newest")), \
	F_INT("page", 2, 1, SEARCH_PAGES_MAX)
static const struct field search_fields[] = { F_TEXT("q", 200), F_TEXT("creator", 30), LIST_FIELDS, F_END };
static const struct field list_fields[] = { LIST_FIELDS, F_END };
static const struct field suggest_fields[] = { F_TEXT("q", 200), F_END };
static const struct field path_category[] = { F_SLUG("category", 64), F_END };
/* The report form answers a missing reason itself (report.c). */
static const struct field report_fields[] = {
	F_ENUM("category", 12, F_ONE_OF("scam", "counterfeit", "spam", "hate", "adult", "other")),
	F_TEXT("body", REPORT_BODY_MAX), F_END,
};

/* In the order of the rows below: the table order is the match precedence. */
enum shop_page {
	SHOP_HOME, SHOP_PING, SHOP_HEALTH, SHOP_METRICS, SHOP_PRODUCT, SHOP_STOREFRONT,
	SHOP_LEADFORM, SHOP_LEADFORM_SUBMIT, SHOP_LEADFORM_VIA, SHOP_LEADFORM_VIA_SUBMIT,
	SHOP_LEADFORM_ERASE_FORM, SHOP_LEADFORM_ERASE, SHOP_LEADFORM_ICS,
	SHOP_COLLECTION, SHOP_SHORT_LINK, SHOP_CART, SHOP_CART_ADD, SHOP_CART_UPDATE,
	SHOP_CART_REMOVE, SHOP_CHECKOUT, SHOP_CHECKOUT_EDIT, SHOP_CHECKOUT_REVIEW,
	SHOP_CHECKOUT_PLACE, SHOP_CHECKOUT_DONE, SHOP_CHECKOUT_RETURN, SHOP_LOOKUP_FORM, SHOP_LOOKUP,
	SHOP_PAYMENT_WEBHOOK, SHOP_FEED, SHOP_FEED_TIKTOK, SHOP_FEED_META, SHOP_BRAND, SHOP_CATEGORY,
	SHOP_SEARCH, SHOP_SEARCH_SUGGEST,
	SHOP_VIDEO, SHOP_VIDEO_CLICK, SHOP_VIDEO_CART_ADD, SHOP_VIDEO_SWIPE,
	SHOP_LIVE, SHOP_LIVE_EVENTS, SHOP_LIVE_ASK, SHOP_LIVE_VOTE, SHOP_LIVE_REMIND,
	SHOP_LIVE_CART_ADD, SHOP_LIVE_CONFIRM_FORM, SHOP_LIVE_CONFIRM, SHOP_LIVE_STOP_FORM, SHOP_LIVE_STOP,
	SHOP_LIVE_CHAT, SHOP_LIVE_POLL_VOTE, SHOP_LIVE_REACT, SHOP_LIVE_HERE, SHOP_LIVE_DEAL,
	SHOP_AD, SHOP_AD_CLICK, SHOP_AD_CART_ADD, SHOP_GO,
	SHOP_CART_CODE, SHOP_CART_CODE_REMOVE,
	SHOP_REPORT_FORM, SHOP_REPORT,
	SHOP_UNSUBSCRIBE_FORM, SHOP_UNSUBSCRIBE,
	SHOP_ROBOTS, SHOP_SITEMAP_INDEX, SHOP_SITEMAP,
	SHOP__MAX
};

static const struct route routes[] = {
	[SHOP_HOME] = { .pat = { HTTP_GET, "/" }, .fn = page_home, .shared_cache = true },
	[SHOP_PING] = { .pat = { HTTP_GET, "/_ping" }, .fn = page_ping,
		.needs = NEED_NO_DB },
	/* for the operator (docs/OPERATING.md); they ask the database themselves, to say why not */
	[SHOP_HEALTH] = { .pat = { HTTP_GET, "/_health" }, .fn = page_health, .needs = NEED_NO_DB },
	[SHOP_METRICS] = { .pat = { HTTP_GET, "/_metrics" }, .fn = page_metrics, .needs = NEED_NO_DB },
	[SHOP_PRODUCT] = { .pat = { HTTP_GET, "/p/{brand}/{product}" }, .fn = page_product,
		.needs = NEED_SESSION, .path = path_brand_product, .fields = product_fields, .shared_cache = true },
	[SHOP_STOREFRONT] = { .pat = { HTTP_GET, "/@{handle}" }, .fn = page_storefront,
		.path = path_handle, .fields = via_fields, .shared_cache = true },
	/* lead forms: before the collection row, which has the same shape as /@{handle}/f */
	[SHOP_LEADFORM] = { .pat = { HTTP_GET, "/f/{slug}" }, .fn = page_leadform,
		.needs = NEED_SESSION, .path = path_slug, .shared_cache = true },
	[SHOP_LEADFORM_SUBMIT] = { .pat = { HTTP_POST, "/f/{slug}" }, .fn = page_leadform_submit,
		.path = path_slug, .fields = leadform_fields, .max_body = 65536 },
	[SHOP_LEADFORM_VIA] = { .pat = { HTTP_GET, "/@{handle}/f/{slug}" }, .fn = page_leadform,
		.needs = NEED_SESSION, .path = path_handle_slug, .shared_cache = true },
	[SHOP_LEADFORM_VIA_SUBMIT] = { .pat = { HTTP_POST, "/@{handle}/f/{slug}" },
		.fn = page_leadform_submit, .path = path_handle_slug, .fields = leadform_fields,
		.max_body = 65536 },
	/* the self-erasure link of a lead's confirmation mail (leadform_erase.c) */
	[SHOP_LEADFORM_ERASE_FORM] = { .pat = { HTTP_GET, "/leads/erase/{id}/{token}" },
		.fn = page_leadform_erase_form, .needs = NEED_SESSION, .path = path_id_token },
	[SHOP_LEADFORM_ERASE] = { .pat = { HTTP_POST, "/leads/erase/{id}/{token}" },
		.fn = page_leadform_erase, .path = path_id_token, .max_body = 1024 },
	[SHOP_LEADFORM_ICS] = { .pat = { HTTP_GET, "/leads/ics/{id}/{token}" },
		.fn = page_leadform_ics, .path = path_id_token },
	[SHOP_COLLECTION] = { .pat = { HTTP_GET, "/@{handle}/{collection}" }, .fn = page_collection,
		.path = path_handle_collection, .fields = via_fields, .shared_cache = true },
	[SHOP_SHORT_LINK] = { .pat = { HTTP_GET, "/s/{code}" }, .fn = page_short_link,
		.path = path_code, .fields = via_fields },
	[SHOP_CART] = { .pat = { HTTP_GET, "/cart" }, .fn = page_cart,
		.needs = NEED_SESSION },
	[SHOP_CART_ADD] = { .pat = { HTTP_POST, "/cart/add" }, .fn = page_cart_add,
		.fields = cart_fields, .max_body = 4096 },
	[SHOP_CART_UPDATE] = { .pat = { HTTP_POST, "/cart/update" }, .fn = page_cart_update,
		.fields = cart_fields, .max_body = 4096 },
	[SHOP_CART_REMOVE] = { .pat = { HTTP_POST, "/cart/remove" }, .fn = page_cart_remove,
		.fields = cart_fields, .max_body = 4096 },
	[SHOP_CHECKOUT] = { .pat = { HTTP_GET, "/checkout" }, .fn = page_checkout,
		.needs = NEED_SESSION },
	[SHOP_CHECKOUT_EDIT] = { .pat = { HTTP_POST, "/checkout/edit" }, .fn = page_checkout_edit,
		.fields = checkout_fields, .max_body = 8192 },
	[SHOP_CHECKOUT_REVIEW] = { .pat = { HTTP_POST, "/checkout/review" },
		.fn = page_checkout_review, .fields = checkout_fields, .max_body = 8192 },
	[SHOP_CHECKOUT_PLACE] = { .pat = { HTTP_POST, "/checkout/place" },
		.fn = page_checkout_place, .fields = place_fields, .max_body = 8192 },
	[SHOP_CHECKOUT_DONE] = { .pat = { HTTP_GET, "/checkout/done/{ref}" }, .fn = page_checkout_done,
		.path = path_ref },
	/* a hosted payment page sends the shopper back here: pay_return.c */
	[SHOP_CHECKOUT_RETURN] = { .pat = { HTTP_GET, "/checkout/return/{ref}" }, .fn = page_checkout_return,
		.needs = NEED_SESSION, .path = path_ref, .fields = return_fields },
	[SHOP_LOOKUP_FORM] = { .pat = { HTTP_GET, "/orders/lookup" }, .fn = page_order_lookup_form,
		.needs = NEED_SESSION, .shared_cache = true },
	[SHOP_LOOKUP] = { .pat = { HTTP_POST, "/orders/lookup" }, .fn = page_order_lookup,
		.fields = lookup_fields, .max_body = 4096 },
	/* Authenticated by its HMAC signature, not by a session: no CSRF token. */
	[SHOP_PAYMENT_WEBHOOK] = { .pat = { HTTP_POST, "/webhooks/payment/{provider}" },
		.fn = page_payment_webhook, .needs = NEED_RAW_BODY | NEED_SIGNED, .path = path_provider,
		.max_body = 65536 },
	[SHOP_FEED] = { .pat = { HTTP_GET, "/b/{brand}/feed.tsv" }, .fn = page_feed,
		.path = path_brand, .shared_cache = true },
	/* the ad platforms' catalog feeds: ad_feeds.c */
	[SHOP_FEED_TIKTOK] = { .pat = { HTTP_GET, "/b/{brand}/tiktok.csv" }, .fn = page_feed_tiktok,
		.path = path_brand, .shared_cache = true },
	[SHOP_FEED_META] = { .pat = { HTTP_GET, "/b/{brand}/meta.csv" }, .fn = page_feed_meta,
		.path = path_brand, .shared_cache = true },
	/* discovery: brand_page.c, category.c, search.c, search_suggest.c; GET forms only, so no
	 * session is made for an anonymous visitor */
	[SHOP_BRAND] = { .pat = { HTTP_GET, "/b/{brand}" }, .fn = page_brand,
		.path = path_brand, .fields = list_fields, .shared_cache = true },
	[SHOP_CATEGORY] = { .pat = { HTTP_GET, "/c/{category}" }, .fn = page_category,
		.path = path_category, .fields = list_fields, .shared_cache = true },
	[SHOP_SEARCH] = { .pat = { HTTP_GET, "/search" }, .fn = page_search,
		.fields = search_fields },
	[SHOP_SEARCH_SUGGEST] = { .pat = { HTTP_GET, "/search/suggest.json" }, .fn = page_search_suggest,
		.fields = suggest_fields },
	/* shoppable videos: video.c */
	[SHOP_VIDEO] = { .pat = { HTTP_GET, "/v/{id}" }, .fn = page_video,
		.needs = NEED_SESSION, .path = path_id, .fields = video_fields, .shared_cache = true },
	[SHOP_VIDEO_CLICK] = { .pat = { HTTP_GET, "/v/{id}/p/{product}" }, .fn = page_video_click,
		.path = path_id_product },
	[SHOP_VIDEO_CART_ADD] = { .pat = { HTTP_POST, "/v/{id}/cart" }, .fn = page_video_cart_add,
		.path = path_id, .fields = video_cart_fields, .max_body = 4096 },
	[SHOP_VIDEO_SWIPE] = { .pat = { HTTP_GET, "/videos" }, .fn = page_video_swipe, .shared_cache = true },
	/* live shopping: live_*.c; the events poll is public and answers from a per-worker cache */
	[SHOP_LIVE] = { .pat = { HTTP_GET, "/live/{id}" }, .fn = page_live,
		.needs = NEED_SESSION, .path = path_id, .fields = live_fields, .shared_cache = true },
	[SHOP_LIVE_EVENTS] = { .pat = { HTTP_GET, "/live/{id}/events" }, .fn = page_live_events,
		.path = path_id, .fields = live_events_fields },
	[SHOP_LIVE_ASK] = { .pat = { HTTP_POST, "/live/{id}/ask" }, .fn = page_live_ask,
		.path = path_id, .fields = live_ask_fields, .max_body = 4096 },
	[SHOP_LIVE_VOTE] = { .pat = { HTTP_POST, "/live/{id}/questions/{q}/vote" },
		.fn = page_live_vote, .path = path_id_q, .max_body = 1024 },
	[SHOP_LIVE_REMIND] = { .pat = { HTTP_POST, "/live/{id}/remind" }, .fn = page_live_remind,
		.path = path_id, .fields = live_remind_fields, .max_body = 2048 },
	[SHOP_LIVE_CART_ADD] = { .pat = { HTTP_POST, "/live/{id}/cart" }, .fn = page_live_cart_add,
		.path = path_id, .fields = cart_fields, .max_body = 4096 },
	/* the links a "remind me" mail carries: each GET shows a button, its POST acts (live_links.c) */
	[SHOP_LIVE_CONFIRM_FORM] = { .pat = { HTTP_GET, "/live/reminders/confirm/{token}" },
		.fn = page_live_confirm_form, .needs = NEED_SESSION, .path = path_token },
	[SHOP_LIVE_CONFIRM] = { .pat = { HTTP_POST, "/live/reminders/confirm/{token}" },
		.fn = page_live_confirm, .path = path_token, .max_body = 1024 },
	[SHOP_LIVE_STOP_FORM] = { .pat = { HTTP_GET, "/live/reminders/stop/{token}" },
		.fn = page_live_stop_form, .needs = NEED_SESSION, .path = path_token },
	/* The stop link is also the mail's List-Unsubscribe: a mail client posts to it with no cookie
	 * (RFC 8058), so the token in the path is the authentication, as for a signed webhook. */
	[SHOP_LIVE_STOP] = { .pat = { HTTP_POST, "/live/reminders/stop/{token}" },
		.fn = page_live_stop, .needs = NEED_SIGNED | NEED_MULTIPART, .path = path_token, .max_body = 1024 },
	/* in the session: live_chat.c, live_poll_vote.c, live_react.c, live_here.c, live_deal_claim.c */
	[SHOP_LIVE_CHAT] = { .pat = { HTTP_POST, "/live/{id}/chat" }, .fn = page_live_chat,
		.path = path_id, .fields = live_chat_fields, .max_body = 2048 },
	[SHOP_LIVE_POLL_VOTE] = { .pat = { HTTP_POST, "/live/{id}/polls/{q}/vote" }, .fn = page_live_poll_vote,
		.path = path_id_q, .fields = live_poll_vote_fields, .max_body = 1024 },
	[SHOP_LIVE_REACT] = { .pat = { HTTP_POST, "/live/{id}/react" }, .fn = page_live_react,
		.path = path_id, .fields = live_react_fields, .max_body = 1024 },
	[SHOP_LIVE_HERE] = { .pat = { HTTP_POST, "/live/{id}/here" }, .fn = page_live_here,
		.path = path_id, .max_body = 1024 },
	[SHOP_LIVE_DEAL] = { .pat = { HTTP_POST, "/live/{id}/deals/{q}" }, .fn = page_live_deal_claim,
		.path = path_id_q, .fields = live_deal_fields, .max_body = 1024 },
	/* collection ads: ad.c, and their signed click-outs: go.c */
	[SHOP_AD] = { .pat = { HTTP_GET, "/ad/{slug}" }, .fn = page_ad,
		.needs = NEED_SESSION, .path = path_slug, .fields = via_fields, .shared_cache = true },
	[SHOP_AD_CLICK] = { .pat = { HTTP_GET, "/ad/{slug}/p/{product}" }, .fn = page_ad_click,
		.path = path_slug_product },
	[SHOP_AD_CART_ADD] = { .pat = { HTTP_POST, "/ad/{slug}/cart" }, .fn = page_ad_cart_add,
		.path = path_slug, .fields = cart_fields, .max_body = 4096 },
	[SHOP_GO] = { .pat = { HTTP_GET, "/go/{token}" }, .fn = page_go,
		.path = path_token },
	/* discount codes typed into the cart, or removed from it: cart_codes_pages.c */
	[SHOP_CART_CODE] = { .pat = { HTTP_POST, "/cart/code" }, .fn = page_cart_code_add,
		.fields = cart_code_fields, .max_body = 2048 },
	[SHOP_CART_CODE_REMOVE] = { .pat = { HTTP_POST, "/cart/code/remove" }, .fn = page_cart_code_remove,
		.fields = cart_code_fields, .max_body = 2048 },
	/* "Report this page": report.c */
	[SHOP_REPORT_FORM] = { .pat = { HTTP_GET, "/report/{kind}/{id}" }, .fn = page_report_form,
		.needs = NEED_SESSION, .path = path_report },
	[SHOP_REPORT] = { .pat = { HTTP_POST, "/report/{kind}/{id}" }, .fn = page_report,
		.path = path_report, .fields = report_fields, .max_body = 16384 },
	/* a notice's one-click stop link (unsubscribe.c): like the reminders' stop link above, its
	 * POST comes from mail clients with no cookie, so the token in the path authenticates it */
	[SHOP_UNSUBSCRIBE_FORM] = { .pat = { HTTP_GET, "/unsubscribe/{token}" }, .fn = page_unsubscribe_form,
		.needs = NEED_SESSION, .path = path_token },
	[SHOP_UNSUBSCRIBE] = { .pat = { HTTP_POST, "/unsubscribe/{token}" }, .fn = page_unsubscribe,
		.needs = NEED_SIGNED | NEED_MULTIPART, .path = path_token, .max_body = 1024 },
	/* for search engines' crawlers: robots.c, sitemap.c */
	[SHOP_ROBOTS] = { .pat = { HTTP_GET, "/robots.txt" }, .fn = page_robots, .needs = NEED_NO_DB },
	[SHOP_SITEMAP_INDEX] = { .pat = { HTTP_GET, "/sitemap.xml" }, .fn = page_sitemap_index },
	[SHOP_SITEMAP] = { .pat = { HTTP_GET, "/sitemaps/{kind}/{id}" }, .fn = page_sitemap,
		.path = path_sitemap },
};
_Static_assert(sizeof routes / sizeof routes[0] == SHOP__MAX, "one row per shop page");

int main(int argc, char **argv)
{
	static const struct app shop = {
		.name = "shop", .routes = routes, .nroutes = SHOP__MAX, .after = shop_after,
		.layout = layout_extras_show,
	};
	notify_renderer_set(notice_text_render);
	return worker_main(&shop, argc, argv);
}
