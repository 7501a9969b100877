/* shop.h: the public shop's pages (one file each) and the product card they share. */
#ifndef CC_SHOP_H
#define CC_SHOP_H
#include "web/http.h"
#include "domain/moderation/takedown.h"
#include "domain/admin/admin_account.h"
#include "domain/media/image_asset.h"

/* Neither the creator (c) nor the brand (b) of a video, ad or live session is suspended; either
 * may be absent (NULL). */
#define OWNERS_ACTIVE_SQL ACCOUNT_ACTIVE_SQL("c.user_id") " AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id")

/* Columns every card query selects first, in this order, with these types; the picture is an
 * image reference (IMAGE_REF_SQL), never a remote address. */
/* The last column says whether the variants' prices differ (the card then says "from"): a look at
 * the product's few variant rows through their index, inside the page's one query. */
#define CARD_COLS \
	"p.handle, p.title, b.slug, b.name, p.price_min, p.currency, p.stock_total," \
	" " IMAGE_REF_SQL("i.url", "i.url_hash") ", COALESCE(i.alt, '')," \
	" EXISTS (SELECT 1 FROM variants pv WHERE pv.product_id = p.id AND pv.price <> p.price_min)"
#define CARD_TYPES "ssssisissi"
#define CARD_NCOLS 10
/* Joins that CARD_COLS needs, given products aliased p: the brand (approved, not suspended) and
 * the first image. */
#define CARD_JOINS \
	" JOIN brands b ON b.id = p.brand_id AND b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id") \
	" LEFT JOIN product_images i ON i.id = (SELECT i2.id FROM product_images i2" \
	" WHERE i2.product_id = p.id ORDER BY i2.position, i2.id LIMIT 1)"

/* The product grid of a page: one card.tpl include holding every card, since an include per
 * card cost a template lookup and a dictionary each (measured on /@lena, 20 cards). */
tmpl_dict *card_grid(tmpl_dict *page);
/* Cards go into a grid with card_view_add (views/card_view.h). */
/* Fills a card of a page's own product list (videos, ads) from CARD_COLS row `row`: title, brand,
 * price, image, and an add-to-cart of `variant` while in stock (else a sold-out mark). */
void card_fill_buyable(struct req *r, tmpl_dict *c, const struct db_res *t, size_t row, long long variant);

int page_home(struct req *r);
int page_storefront(struct req *r);
int page_collection(struct req *r);
int page_product(struct req *r);
int page_ping(struct req *r);
/* discovery: search.c, search_suggest.c, category.c, brand_page.c (search_list.h is what they share) */
int page_search(struct req *r);
int page_search_suggest(struct req *r);
int page_category(struct req *r);
int page_brand(struct req *r);
/* report_page.c: "Report this page", and the link to it that each reportable page shows */
int page_report_form(struct req *r);
int page_report(struct req *r);
void report_page_link(struct req *r, tmpl_dict *page, enum takedown_kind kind, long long id);
int page_feed(struct req *r);
int page_feed_tiktok(struct req *r);
int page_feed_meta(struct req *r);
int page_short_link(struct req *r);
/* cart, checkout and orders (cart.h has what these pages share) */
int page_cart(struct req *r);
int page_cart_add(struct req *r);
int page_cart_update(struct req *r);
int page_cart_remove(struct req *r);
int page_checkout(struct req *r);
int page_checkout_edit(struct req *r);
int page_checkout_review(struct req *r);
int page_checkout_place(struct req *r);
int page_checkout_done(struct req *r);
int page_order_lookup_form(struct req *r);
int page_order_lookup(struct req *r);
int page_payment_webhook(struct req *r);
int page_checkout_return(struct req *r);
/* The webhook of a hosted-payment provider (pay_webhook.c). */
struct payment_provider;
int pay_webhook_page(struct req *r, const struct payment_provider *p);
/* lead forms: leadform*.c */
int page_leadform(struct req *r);
int page_leadform_submit(struct req *r);
/* shoppable videos: video.c, video_feed.c */
int page_video(struct req *r);
int page_video_click(struct req *r);
int page_video_cart_add(struct req *r);
/* video_swipe.c: the videos one per screen, to swipe through on a phone */
int page_video_swipe(struct req *r);
/* Includes the ranked video feed (video_feed.tpl) as VIDEO_FEED into d: all videos, or creator_id's
 * (0: all); nothing when there are none or the database does not answer. */
void video_feed_add(struct req *r, tmpl_dict *d, long long creator_id);
/* The live shopping (live_list.tpl as LIVE_LIST: live, upcoming, replays; creator_id's or, with 0,
 * everyone's) and collection ad (ads_list.tpl as ADS_LIST) sections: surfaces.c. Nothing when
 * there are none or the database does not answer. */
void live_list_add(struct req *r, tmpl_dict *d, long long creator_id);
void ads_list_add(struct req *r, tmpl_dict *d);
/* collection ads: ad.c, go.c */
int page_ad(struct req *r);
int page_ad_click(struct req *r);
int page_ad_cart_add(struct req *r);
int page_go(struct req *r);
/* the one-click stop link of a notice: unsubscribe.c */
int page_unsubscribe_form(struct req *r);
int page_unsubscribe(struct req *r);
/* The shop's after-request hook: writes the worker's pending visit and video counts. */
void shop_after(struct db *db, bool final);

#endif
