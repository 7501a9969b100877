/* studio.h: the studio program: accounts (sign-up, log-in, log-out) and the brand/creator studio. */
#ifndef CC_STUDIO_H
#define CC_STUDIO_H
#include "web/http.h"
#include "domain/commerce/pay_test.h"
#include "domain/creators/sales_figures.h"

int page_login_form(struct req *r);
int page_login(struct req *r);
int page_logout(struct req *r);
int page_signup_form(struct req *r);
int page_signup(struct req *r);
/* The page both a new and an already registered address end on after sign-up. */
int page_signup_sent(struct req *r);
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
/* DASHBOARD_COUNTED, DASHBOARD_NET_SALES, DASHBOARD_NET_COMMISSION: sales_figures.h */
/* The state a latest-sales row shows: the order's status, or "test" for a test order. */
#define DASHBOARD_LINE_STATUS "IF(" PAY_TEST_ORDER("o") ", 'test', o.status)"
/* dashboard_live.c: the parts of the period from..to a brand dashboard reads live from the order
 * lines rather than from the rollup (sales_rollup.h), as SALES_ROLLUP_LIVE_RANGES pairs of day
 * bounds [from, to) for DASHBOARD_LIVE (an unused pair matches nothing). */
#define DASHBOARD_LIVE_BOUNDS 8
#define DASHBOARD_LIVE(col) "((" col " >= ? AND " col " < ?) OR (" col " >= ? AND " col " < ?) OR (" col " >= ? AND " \
	col " < ?) OR (" col " >= ? AND " col " < ?))"
#define DASHBOARD_LIVE_TYPES "ssssssss"
/* And the rest of the period, for the per-creator table: the whole months no live day touches, as
 * DASHBOARD_MONTH_BOUNDS for DASHBOARD_MONTHS (read from the month rollup), and the other days as
 * DASHBOARD_DAY_BOUNDS for DASHBOARD_DAYS (read from the day rollup but for the live days). */
#define DASHBOARD_MONTH_BOUNDS 10
#define DASHBOARD_MONTHS(col) "((" col " >= ? AND " col " < ?) OR (" col " >= ? AND " col " < ?) OR (" col " >= ? AND " \
	col " < ?) OR (" col " >= ? AND " col " < ?) OR (" col " >= ? AND " col " < ?))"
#define DASHBOARD_MONTH_TYPES "ssssssssss"
#define DASHBOARD_DAY_BOUNDS 12
#define DASHBOARD_DAYS(col) "(" DASHBOARD_MONTHS(col) " OR (" col " >= ? AND " col " < ?))"
#define DASHBOARD_DAY_TYPES DASHBOARD_MONTH_TYPES "ss"
struct dashboard_parts {
	struct db_param live[DASHBOARD_LIVE_BOUNDS], months[DASHBOARD_MONTH_BOUNDS], days[DASHBOARD_DAY_BOUNDS];
};
enum db_status dashboard_live_bounds(struct req *r, long long brand_id, const char *from, const char *to,
				     struct dashboard_parts *parts);
/* What a line of an order in `status` (DASHBOARD_LINE_STATUS) shows beside it: "not paid yet",
 * "cancelled", "refunded", "partly refunded", "test order", or the status. */
const char *dashboard_line_state(const char *status);
/* Whether DASHBOARD_COUNTED holds for the status. */
bool dashboard_line_counted(const char *status);
/* A latest-sales row's KIND ("direct", "indirect", "direct, first order") and STATE (the order's
 * state; a row not counted as a sale shows the VOID section). */
void dashboard_sale_marks(struct req *r, tmpl_dict *row, const char *status, const char *kind, bool first_order);
#define DASHBOARD_MAX_CURRENCIES 8
struct dashboard_sums {
	size_t n;
	const char *currency[DASHBOARD_MAX_CURRENCIES];
	long long v[DASHBOARD_MAX_CURRENCIES];
};
void dashboard_sum_add(struct dashboard_sums *s, const char *currency, long long v);
/* "$50.00 · €12.00"; zero in fallback_currency when empty. */
const char *dashboard_sum_text(struct req *r, const struct dashboard_sums *s, const char *fallback_currency);
/* One bar chart per currency (a `section` with CURRENCY and SANITISED_CHART) of the val_col
 * amounts per day, from rows sorted by day holding a day ("YYYY-MM-DD") and a currency column. */
void dashboard_charts_by_currency(struct req *r, tmpl_dict *t, const char *section, const char *id_prefix,
				  const char *what, const struct db_res *rows, size_t day_col, size_t cur_col,
				  size_t val_col, const char *from, const char *to);
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
/* commission_rates.c: the highest rate a brand may offer, 50 %. */
#define COMMISSION_OFFER_MAX_BPS 5000
/* A percentage with at most two decimals ("12.5") in basis points (1250), 0..50 %. */
bool commission_percent_parse(const char *s, long long *bps);
/* "10% on a sale today", or with a change coming (pending_bps >= 0) "10% on a sale today; from
 * 2027-01-05 14:00 UTC, 8%". */
const char *commission_schedule_text(struct req *r, long long bps, long long pending_bps, const char *pending_day);
/* Moves the item `id` one place up (dir < 0) or down in `ids` (n items, in display order),
 * returning false if it is not there or already at that end. Pure. */
bool creator_move(long long *ids, size_t n, long long id, int dir);
int page_creator_profile_form(struct req *r);
int page_creator_profile(struct req *r);
/* avatar_upload.c: the storefront's picture, uploaded (image_upload.h) */
int page_creator_avatar_upload(struct req *r);
/* cover_upload.c: covers, ad heroes and video posters, uploaded (image_upload.h) */
int page_creator_cover_upload(struct req *r);
int page_collection_cover_upload(struct req *r);
int page_creator_cover_remove(struct req *r);
int page_collection_cover_remove(struct req *r);
int page_ad_hero_upload(struct req *r);
int page_creator_ad_hero_upload(struct req *r);
int page_video_poster_upload(struct req *r);
/* video_poster_page.c: a video's poster, uploaded or a frame at a chosen second */
int page_video_poster(struct req *r);
int page_video_poster_frame(struct req *r);
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
/* brand_about.c: the story /b/{brand} opens with (brands.description), plain text */
#define BRAND_ABOUT_MAX 2000
int page_brand_about_form(struct req *r);
int page_brand_about(struct req *r);
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
/* video_edit.c: the owner's edit form, its save, and the delete (a mark that keeps the row) */
int page_studio_video_edit(struct req *r);
int page_studio_video_save(struct req *r);
int page_studio_video_delete(struct req *r);

/* takedown_note.c: "taken down by the moderators" and why, in a row of a studio list, when the
 * row's taken_down_reason (reason) is not NULL. */
void takedown_note_add(tmpl_dict *row, const struct db_val *reason);

#endif
