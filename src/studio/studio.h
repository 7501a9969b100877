/* studio.h: the studio program: accounts (sign-up, log-in, log-out) and the brand/creator studio. */
#ifndef CC_STUDIO_H
#define CC_STUDIO_H
#include "web/http.h"

int page_login_form(struct req *r);
int page_login(struct req *r);
int page_logout(struct req *r);
int page_signup_form(struct req *r);
int page_signup(struct req *r);
int page_studio_home(struct req *r);
int page_import_form(struct req *r);
int page_import(struct req *r);

/* ---- creators: creator_*.c, pick_requests.c, dashboard_*.c ---- */
/* The dashboard period from the from/to query fields (YYYY-MM-DD, UTC), default the last 30
 * days; false if malformed or reversed. */
bool dashboard_period(struct req *r, char from[11], char to[11]);
/* Every day from..to as "YYYY-MM-DD" strings in the arena; the count. */
size_t dashboard_days(struct req *r, const char *from, const char *to, const char ***days);
/* orders / visits as a percentage with two decimals ("1.25%"), "–" without visits. */
const char *dashboard_conversion(struct req *r, long long orders, long long visits);
/* The owner of what a page shared by creators and brands shows (videos, showcases, ads): one of
 * the two ids set. */
struct studio_owner {
	long long brand_id, creator_id;
};
/* The acting creator or brand of a NEED_OWNER page; false for an account that is neither, which
 * the page refuses in its own words. */
bool studio_owner(const struct req *r, struct studio_owner *o);
/* brand_shipping.c: the shipping and tax checkout applies to the brand's orders, by destination. */
int page_brand_shipping_form(struct req *r);
int page_brand_shipping(struct req *r);
int page_brand_tax_rate_put(struct req *r);
int page_brand_tax_rate_remove(struct req *r);
int page_brand_ship_rate_put(struct req *r);
int page_brand_ship_rate_remove(struct req *r);
/* "12.5%" from basis points, in integers. */
const char *creator_rate_text(struct req *r, long long bps);
/* Moves the item `id` one place up (dir < 0) or down in `ids` (n items, in display order),
 * returning false if it is not there or already at that end. Pure. */
bool creator_move(long long *ids, size_t n, long long id, int dir);
int page_creator_profile_form(struct req *r);
int page_creator_profile(struct req *r);
int page_creator_marketplace(struct req *r);
int page_creator_pick_add(struct req *r);
int page_creator_picks(struct req *r);
int page_creator_pick_move(struct req *r);
int page_creator_pick_remove(struct req *r);
int page_creator_collections(struct req *r);
int page_creator_collection_create(struct req *r);
int page_creator_collection_move(struct req *r);
int page_creator_collection_edit(struct req *r);
int page_creator_collection_update(struct req *r);
int page_creator_collection_item_add(struct req *r);
int page_creator_collection_item_move(struct req *r);
int page_creator_collection_item_note(struct req *r);
int page_creator_collection_item_remove(struct req *r);
int page_creator_links(struct req *r);
int page_creator_link_create(struct req *r);
int page_creator_link_delete(struct req *r);
int page_brand_creator_program_form(struct req *r);
int page_brand_creator_program(struct req *r);
int page_pick_requests(struct req *r);
int page_pick_request_decide(struct req *r);
int page_dashboard_creator(struct req *r);
int page_dashboard_brand(struct req *r);
int page_dashboard_brand_payout(struct req *r);

/* ---- brand fulfilment: orders_*.c ---- */
int page_orders_list(struct req *r);
int page_orders_csv(struct req *r);
int page_order_detail(struct req *r);
int page_order_transition(struct req *r);
int page_order_refund(struct req *r);

/* ---- shoppable videos: videos.c ---- */
/* The upload route's body cap: the 16 MiB file (VIDEO_UPLOAD_MAX) plus the form around it. */
#define STUDIO_VIDEO_UPLOAD_BODY ((16 << 20) + 65536)
/* The videos page for the signed-in creator or brand, with an error message (or NULL). */
int video_studio_page(struct req *r, int status, const char *error);
int page_studio_videos(struct req *r);
int page_studio_video_publish(struct req *r);
int page_studio_video_upload(struct req *r);

#endif
