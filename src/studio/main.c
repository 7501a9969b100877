/* main.c: the studio program's routing table, top to bottom. */
#include "studio/account.h"
#include "studio/admin.h"
#include "domain/admin/admin_audit.h"
#include "views/notice_text.h"
#include "studio/ads.h"
#include "studio/codes.h"
#include "studio/forms.h"
#include "studio/team.h"
#include "studio/connectors.h"
#include "domain/connectors/connector_store.h"
#include "studio/live_studio.h"
#include "studio/live_stream.h"
#include "domain/live/live_deal.h"
#include "studio/orders.h"
#include "studio/payouts.h"
#include "studio/image_upload.h"
#include "studio/products.h"
#include "studio/products_form.h"
#include "studio/samples.h"
#include "studio/showcases.h"
#include "studio/shopper.h"
#include "studio/studio.h"
#include "studio/two_step.h"
#include "web/ops_page.h"
#include "views/attribution.h"
#include "studio/studio_layout.h"
#include "domain/ads/brand_domain.h"
#include "domain/media/poster_frame.h"
#include "domain/creators/commission_rate.h"
#include "domain/showcases/showcase_rules.h"
#include "domain/video/video_rules.h"

/* Path parameters. Ids are typed, so "/studio/forms/abc" is a 404 before any handler runs; an
 * order number or a link code is looked up as it comes and a miss is the handler's 404. */
static const struct field path_id[] = { F_ID("id"), F_END };
static const struct field path_id_product[] = { F_ID("id"), F_ID("product"), F_END };
static const struct field path_id_field[] = { F_ID("id"), F_ID("field"), F_END };
static const struct field path_id_q[] = { F_ID("id"), F_ID("q"), F_END };
static const struct field path_number[] = { F_TEXT("number", 0), F_END };
static const struct field path_code[] = { F_TEXT("code", 0), F_END };

/* Query and body fields, one list per form. inline_error: the page shows a bad value again with
 * its own message, so the dispatcher hands it over and the typed reader says it is invalid. */
static const struct field login_fields[] = {
	F_EMAIL("email", .inline_error = true), F_TEXT("password", 128), F_TEXT("next", 300),
	F_ENUM("done", 5, F_ONE_OF("reset")), F_END,
};
/* account.h: links by mail, the reset form, the account page */
static const struct field path_token[] = { F_TEXT("token", TOKEN_B64_LEN), F_END };
static const struct field account_mail_fields[] = { F_EMAIL("email", .inline_error = true), F_END };
static const struct field account_reset_fields[] = { F_TEXT("password", 128), F_END };
static const struct field account_fields[] = {
	F_ENUM("done", 11, F_ONE_OF("password", "signed_out", "verify_sent", "email_sent", "verified")), F_END,
};
static const struct field account_email_fields[] = {
	F_EMAIL("email", .inline_error = true), F_TEXT("current_password", 128), F_END,
};
static const struct field account_reauth_fields[] = { F_TEXT("current_password", 128), F_END };
/* A checkbox per notice kind (domain/mail/notify_kind.h): present means on. */
static const struct field account_notify_fields[] = {
	F_ENUM("brand_order", 2, F_ONE_OF("on")), F_ENUM("brand_lead", 2, F_ONE_OF("on")),
	F_ENUM("brand_pick_request", 2, F_ONE_OF("on")), F_ENUM("brand_sample_request", 2, F_ONE_OF("on")),
	F_ENUM("brand_payout_due", 2, F_ONE_OF("on")),
	F_ENUM("creator_sale", 2, F_ONE_OF("on")), F_ENUM("creator_pick_decision", 2, F_ONE_OF("on")),
	F_ENUM("creator_payout_sent", 2, F_ONE_OF("on")), F_END,
};
static const struct field account_notify_query_fields[] = { F_ENUM("saved", 1, F_ONE_OF("1")), F_END };
static const struct field account_password_fields[] = {
	F_TEXT("current_password", 128), F_TEXT("password", 128), F_END,
};
/* two_step.h: the code after the first factor, and the second factor's set-up */
static const struct field login_code_fields[] = { F_TEXT("token", TOKEN_B64_LEN), F_TEXT("code", 40), F_END };
static const struct field two_step_confirm_fields[] = { F_TEXT("code", 24), F_END };
static const struct field two_step_off_fields[] = { F_TEXT("current_password", 128), F_TEXT("code", 40), F_END };
static const struct field signup_fields[] = {
	F_EMAIL("email", .inline_error = true), F_TEXT("password", 128), F_TEXT("display_name", 80),
	F_TEXT("role", 10), F_TEXT("handle", 30), F_TEXT("brand_name", 120), F_END,
};
static const struct field products_list_fields[] = { F_TEXT("status", 10), F_END };
static const struct field products_form_fields[] = {
	F_TEXT("title", 1020), F_TEXT("description", 80000), F_TEXT("product_type", 480),
	F_TEXT("vendor", 480), F_TEXT("tags", 4000), F_TEXT("option1_name", 240),
	F_TEXT("option2_name", 240), F_TEXT("option3_name", 240), F_ID("v_id", .inline_error = true),
	F_TEXT("v_opt1", 480), F_TEXT("v_opt2", 480), F_TEXT("v_opt3", 480), F_TEXT("v_sku", 480),
	F_TEXT("v_barcode", 256), F_MONEY("v_price", 20, .inline_error = true),
	F_MONEY("v_compare", 20, .inline_error = true),
	F_INT("v_stock", 12, -PRODUCT_MAX_STOCK, PRODUCT_MAX_STOCK, .inline_error = true),
	F_TEXT("v_policy", 10), F_TEXT("i_url", 1000), F_TEXT("i_alt", 1020), F_INT("i_pos", 3, 1, 999, .inline_error = true), F_TEXT("after", 4), F_END,
};
static const struct field products_edit_fields[] = { F_TEXT("saved", 1), F_TEXT("more", 1), F_END };
static const struct field products_status_fields[] = { F_TEXT("action", 10), F_END };
static const struct field product_image_fields[] = { F_TEXT("alt", 1020), F_END };
static const struct field marketplace_fields[] = {
	F_TEXT("marketplace_open", 3), F_TEXT("commission_percent", 8), F_TEXT("approval_required", 3),
	F_TEXT("marketplace", 10), F_INT("raised", 7, 0, 100000, .inline_error = true),
	F_INT("cut", 7, 0, 100000, .inline_error = true), F_INT("told", 7, 0, 100000, .inline_error = true), F_END,
};
static const struct field api_keys_fields[] = { F_TEXT("label", 320), F_END };

static const struct field creator_saved_fields[] = { F_TEXT("saved", 1), F_END };
static const struct field video_poster_frame_fields[] = {
	F_INT("second", 5, 0, POSTER_FRAME_MAX_S, .inline_error = true), F_END };
static const struct field brand_about_fields[] = { F_TEXT("about", BRAND_ABOUT_MAX), F_END };
static const struct field creator_profile_fields[] = {
	F_TEXT("display_name", 80), F_TEXT("bio", 2000), F_TEXT("avatar_url", 500),
	F_TEXT("link_label_1", 40), F_TEXT("link_url_1", 500), F_TEXT("link_label_2", 40),
	F_TEXT("link_url_2", 500), F_TEXT("link_label_3", 40), F_TEXT("link_url_3", 500),
	F_TEXT("link_label_4", 40), F_TEXT("link_url_4", 500), F_TEXT("link_label_5", 40),
	F_TEXT("link_url_5", 500), F_END,
};
static const struct field creator_added_fields[] = { F_TEXT("added", 10), F_END };
static const struct field creator_pick_fields[] = { F_ID("product_id", .inline_error = true), F_END };
static const struct field creator_move_fields[] = { F_ENUM("dir", 4, F_ONE_OF("up", "down")), F_END };
static const struct field creator_collection_fields[] = {
	F_TEXT("title", 120), F_TEXT("description", 2000), F_TEXT("published", 1), F_END,
};
static const struct field creator_note_fields[] = { F_TEXT("note", 500), F_END };
static const struct field creator_links_fields[] = { F_TEXT("deleted", 1), F_END };
static const struct field creator_link_fields[] = { F_TEXT("target", 20), F_TEXT("label", 80), F_END };
static const struct field brand_program_fields[] = {
	F_INT("attribution_window_days", 4, 1, ATTR_MAX_WINDOW_DAYS, .inline_error = true),
	F_INT("return_window_days", 4, 1, 90, .inline_error = true),
	F_INT("rate_notice_days", 4, COMMISSION_NOTICE_MIN_DAYS, COMMISSION_NOTICE_MAX_DAYS, .inline_error = true),
	F_TEXT("indirect_percent", 8), F_TEXT("first_order_percent", 8), F_END,
};
static const struct field brand_shipping_fields[] = {
	F_MONEY("shipping", 16, .inline_error = true), F_TEXT("tax_percent", 8),
	F_ENUM("prices", 8, F_ONE_OF("exclude", "include")), F_END,
};
static const struct field brand_tax_rate_fields[] = {
	F_TEXT("country", 2), F_TEXT("region", 3), F_TEXT("tax_percent", 8), F_END,
};
static const struct field brand_ship_rate_fields[] = {
	F_TEXT("dest", 2), F_MONEY("shipping", 16, .inline_error = true), F_END,
};
/* Discount codes: the form answers bad values with its own message (brand_code_form.c). */
static const struct field brand_code_fields[] = {
	F_TEXT("code", DISCOUNT_CODE_MAX + 8), F_ID("creator_id", .inline_error = true),
	F_ENUM("kind", 7, F_ONE_OF("percent", "fixed")), F_TEXT("value", 20), F_TEXT("min_order", 20),
	F_INT("total_limit", 10, 1, 1000000000, .inline_error = true),
	F_INT("per_customer_limit", 10, 1, 1000000000, .inline_error = true),
	F_DATE("starts_on", .inline_error = true), F_DATE("ends_on", .inline_error = true),
	F_TEXT("combinable", 3), F_END,
};
static const struct field brand_codes_list_fields[] = { F_TEXT("saved", DISCOUNT_CODE_MAX), F_END };
static const struct field brand_code_state_fields[] = { F_ENUM("active", 1, F_ONE_OF("0", "1"), .required = true), F_END };
static const struct field brand_code_precedence_fields[] = {
	F_ENUM("precedence", 10, F_ONE_OF("code", "last_click"), .required = true), F_END,
};
static const struct field pick_decision_fields[] = {
	F_ENUM("decision", 10, F_ONE_OF("approve", "reject")), F_END,
};
/* The period is read into times (dashboard_period), which also answers a bad date. */
static const struct field dashboard_fields[] = {
	F_DATE("from", .inline_error = true), F_DATE("to", .inline_error = true), F_TEXT("paid", 1), F_END,
};
static const struct field payout_fields[] = { F_ID("creator_id", .inline_error = true), F_END };
/* payouts_*.c: settings, tax forms, batches, exports, the creator's details */
static const struct field payouts_page_fields[] = { F_TEXT("done", 10), F_END };
static const struct field payouts_settings_fields[] = {
	F_MONEY("threshold", 20, .inline_error = true), F_ENUM("schedule", 13, F_ONE_OF("monthly", "twice_monthly")),
	F_TEXT("debtor_name", 70), F_TEXT("debtor_iban", 42), F_TEXT("debtor_bic", 14), F_END,
};
static const struct field payouts_tax_fields[] = {
	F_ID("creator_id", .required = true), F_ENUM("received", 3, F_ONE_OF("yes", "no"), .required = true), F_END,
};
static const struct field payouts_export_fields[] = {
	F_ENUM("format", 6, F_ONE_OF("paypal", "sepa"), .required = true), F_INT("part", 6, 1, 100000), F_END,
};
static const struct field payouts_details_fields[] = {
	F_ENUM("method", 6, F_ONE_OF("paypal", "sepa"), .required = true),
	F_EMAIL("paypal_email", .inline_error = true), F_TEXT("iban", 42), F_TEXT("bic", 14),
	F_TEXT("account_name", 70), F_END,
};

static const struct field orders_list_fields[] = {
	F_TEXT("status", 20), F_DATE("from", .inline_error = true), F_DATE("to", .inline_error = true),
	F_TEXT("creator", 30), F_INT("page", 6, 1, ORDERS_MAX_PAGE, .inline_error = true), F_END,
};
static const struct field order_detail_fields[] = { F_TEXT("done", 12), F_END };
/* The last order event the page was made from: a stale page is told so, a bad number too. */
#define ORDER_VERSION F_INT("version", 20, 0, 999999999999999, .inline_error = true)
static const struct field order_transition_fields[] = {
	F_TEXT("action", 12), F_TEXT("carrier", 60), F_TEXT("tracking_number", 100), ORDER_VERSION, F_END,
};
static const struct field order_refund_fields[] = {
	F_TEXT("mode", 8), ORDER_VERSION,
	F_INT("line", 20, 0, 1000000000, .inline_error = true),
	F_INT("qty", 10, 0, 1000000000, .inline_error = true), F_END,
};

static const struct field import_fields[] = { F_TEXT("format", 20), F_END };

/* A tag row: the product, its time range, and its hotspot (x, y in percent and a label). */
#define VIDEO_TAG_FIELDS(n) \
	F_TEXT("tag" #n "_product", 20), F_TEXT("tag" #n "_start", 8), F_TEXT("tag" #n "_end", 8), \
	F_INT("tag" #n "_x", 3, 0, 100, .inline_error = true), F_INT("tag" #n "_y", 3, 0, 100, .inline_error = true), \
	F_TEXT("tag" #n "_label", VIDEO_SPOT_LABEL_MAX)
#define VIDEO_FORM_FIELDS \
	F_TEXT("src_url", VIDEO_URL_MAX), F_TEXT("poster_url", VIDEO_URL_MAX), F_TEXT("caption", VIDEO_CAPTION_MAX), \
	VIDEO_TAG_FIELDS(1), VIDEO_TAG_FIELDS(2), VIDEO_TAG_FIELDS(3), VIDEO_TAG_FIELDS(4), VIDEO_TAG_FIELDS(5)
static const struct field video_fields[] = {
	VIDEO_FORM_FIELDS,
	F_ID("published", .inline_error = true),	/* the list page's notice after a publish */
	F_ID("deleted", .inline_error = true),	/* ... after a delete */
	F_TEXT("uploaded", 40),	/* ... and after an upload: the stored file's name */
	F_END,
};
static const struct field video_edit_fields[] = {
	VIDEO_FORM_FIELDS, F_ENUM("saved", 1, F_ONE_OF("1")), F_END,
};
_Static_assert(VIDEO_MAX_TAGS == 5, "video_fields has five tag rows");

static const struct field forms_create_fields[] = { F_TEXT("title", 120), F_TEXT("slug", 64), F_END };
static const struct field forms_save_fields[] = {
	F_TEXT("title", 120), F_TEXT("intro", 2000), F_TEXT("consent_text", 1000),
	F_TEXT("privacy_url", 500), F_TEXT("thanks_text", 1000), F_TEXT("status", 10),
	F_TEXT("creators_allowed", 3), F_TEXT("creator_handles", 1000),
	F_INT("min_fill_seconds", 3, 0, 600, .inline_error = true),
	F_INT("ip_limit_per_hour", 6, 1, 100000, .inline_error = true),
	F_INT("form_limit_per_hour", 7, 1, 1000000, .inline_error = true), F_TEXT("redirect_url", 1000),
	F_INT("retention_days", 4, 1, 3650, .inline_error = true), F_TEXT("phone_region", 2),
	F_END,
};
static const struct field forms_field_fields[] = {
	F_TEXT("type", 12), F_TEXT("label", 200), F_TEXT("help", 500), F_TEXT("required", 3),
	F_TEXT("options", 2000), F_TEXT("qualifying", 2000), F_TEXT("disqualifying", 2000),
	F_ID("show_if_field", .inline_error = true), F_TEXT("show_if_options", 2000),
	F_TEXT("appt_weekly", 500), F_INT("appt_slot_minutes", 3, 5, 480, .inline_error = true),
	F_TEXT("appt_tz", 64), F_INT("appt_notice_hours", 4, 0, 1440, .inline_error = true),
	F_INT("position", 4, 0, 999, .inline_error = true), F_ENUM("phone_strict", 3, F_ONE_OF("yes")), F_END,
};
static const struct field forms_position_fields[] = {
	F_INT("position", 4, 0, 999, .inline_error = true), F_END,
};
static const struct field leads_list_fields[] = {
	F_ID("form", .inline_error = true), F_DATE("from", .inline_error = true),
	F_DATE("to", .inline_error = true), F_TEXT("creator", 30), F_TEXT("status", 12), F_TEXT("label", 40),
	F_TEXT("q", 100), F_TEXT("format", 12), F_ENUM("mine", 2, F_ONE_OF("1")), F_END,
};
static const struct field lead_work_fields[] = {
	F_TEXT("status", 12), F_TEXT("labels", 500), F_TEXT("assignee", 20), F_END,
};
static const struct field lead_note_fields[] = { F_TEXT("note", 4000), F_END };
/* team.c, team_join.c: a brand's team */
static const struct field team_fields[] = { F_ENUM("done", 8, F_ONE_OF("invited", "removed")), F_END };
static const struct field team_invite_fields[] = { F_EMAIL("email", .inline_error = true), F_END };
static const struct field leads_bulk_fields[] = { F_ID("lead"), F_TEXT("status", 12), F_END };
static const struct field connector_fields[] = {
	F_TEXT("shop", 255), F_TEXT("token", CONNECTOR_SECRET_MAX), F_TEXT("secret", CONNECTOR_SECRET_MAX),
	F_TEXT("key", CONNECTOR_SECRET_MAX), F_TEXT("platform", 20), F_END,
};
static const struct field connector_platform_fields[] = { F_TEXT("platform", 20), F_END };
static const struct field leads_webhook_fields[] = {
	F_TEXT("url", 500), F_TEXT("rotate", 3), F_TEXT("remove", 3), F_END,
};

static const struct field live_schedule_fields[] = {
	F_TEXT("title", LIVE_TITLE_MAX), F_TEXT("starts_at", 19), F_TEXT("stream_url", VIDEO_URL_MAX),
	F_TEXT("replay_url", VIDEO_URL_MAX), F_TEXT("blocked_words", LIVE_WORDS_MAX),
	F_ID("product", .inline_error = true), F_END,
};
static const struct field live_state_fields[] = { F_TEXT("to", 12), F_END };
static const struct field live_pin_fields[] = { F_ID("product", .inline_error = true), F_END };
static const struct field live_settings_fields[] = {
	F_TEXT("replay_url", VIDEO_URL_MAX), F_TEXT("blocked_words", LIVE_WORDS_MAX),
	F_INT("chat_slow_s", 3, 0, LIVE_CHAT_SLOW_MAX, .inline_error = true), F_END,
};
static const struct field live_deal_fields[] = {
	F_ID("product", .inline_error = true), F_MONEY("price", 20, .inline_error = true),
	F_INT("seconds", 3, LIVE_DEAL_MIN_S, LIVE_DEAL_MAX_S, .inline_error = true),
	F_INT("stock", 6, 1, LIVE_DEAL_STOCK_MAX, .inline_error = true),
	F_INT("per_buyer", 2, 1, LIVE_DEAL_PER_BUYER_MAX, .inline_error = true), F_END,
};
static const struct field live_poll_fields[] = {
	F_TEXT("question", LIVE_POLL_QUESTION_MAX), F_TEXT("option1", LIVE_POLL_OPTION_MAX),
	F_TEXT("option2", LIVE_POLL_OPTION_MAX), F_TEXT("option3", LIVE_POLL_OPTION_MAX),
	F_TEXT("option4", LIVE_POLL_OPTION_MAX), F_END,
};
/* what nginx-rtmp's callbacks send that crowdcart reads (live_stream_hook.c) */
static const struct field live_stream_hook_fields[] = { F_TEXT("name", 100), F_TEXT("path", 1000), F_END };
static const struct field live_answer_fields[] = { F_TEXT("answer", LIVE_ANSWER_MAX), F_END };

static const struct field domains_fields[] = {
	F_TEXT("domain", DOMAIN_MAX), F_TEXT("added", DOMAIN_MAX), F_TEXT("queued", DOMAIN_MAX), F_END,
};
static const struct field ads_fields[] = {
	F_TEXT("slug", AD_SLUG_MAX), F_TEXT("title", 120), F_TEXT("headline", 300),
	F_ID("video", .inline_error = true), F_ID("showcase", .inline_error = true),
	F_TEXT("image_url", 500), F_TEXT("products", 4000), F_TEXT("creator", 30),
	F_TEXT("click_url", DOMAIN_URL_MAX), F_TEXT("state", 10), F_TEXT("saved", 3), F_END,
};

static const struct field showcase_list_fields[] = { F_TEXT("done", 20), F_END };
static const struct field showcase_form_fields[] = {
	F_TEXT("title", SHOWCASE_TITLE_MAX), F_ID("brand_id", .inline_error = true),
	F_TEXT("tags", SHOWCASE_TAGS_TEXT_MAX), F_TEXT("type", SHOWCASE_TYPE_MAX),
	F_TEXT("price_min", 20), F_TEXT("price_max", 20), F_TEXT("currency", 3),
	F_TEXT("in_stock_only", 3), F_TEXT("best_sellers_days", 3), F_TEXT("recently_viewed", 3),
	F_TEXT("sort", 20), F_TEXT("limit", 2), F_TEXT("slot", 1), F_TEXT("action", 10), F_END,
};

static const struct field ad_state_fields[] = { F_ENUM("state", 10, F_ONE_OF("blocked", "draft")), F_END };
static const struct field creator_ad_fields[] = {
	F_TEXT("slug", AD_SLUG_MAX), F_TEXT("title", 120), F_TEXT("headline", 300),
	F_ID("video", .inline_error = true), F_TEXT("image_url", 500), F_TEXT("products", 4000),
	F_TEXT("click_url", DOMAIN_URL_MAX), F_TEXT("state", 10), F_TEXT("saved", 3), F_END,
};

/* product samples: samples_*.c */
static const struct field sample_list_fields[] = { F_TEXT("done", 12), F_END };
static const struct field sample_new_fields[] = { F_ID("product_id", .required = true), F_END };
static const struct field sample_request_fields[] = {
	F_ID("product_id", .required = true), F_ID("variant_id", .inline_error = true),
	F_TEXT("note", SAMPLES_NOTE_MAX), F_TEXT("name", 120), F_TEXT("line1", 200), F_TEXT("line2", 200),
	F_TEXT("city", 100), F_TEXT("region", 100), F_TEXT("postal", 20), F_TEXT("country", 2), F_END,
};
static const struct field sample_creator_move_fields[] = {
	F_ENUM("action", 10, F_ONE_OF("cancel", "deliver"), .required = true), F_END,
};
static const struct field sample_brand_move_fields[] = {
	F_ENUM("action", 10, F_ONE_OF("approve", "decline", "ship", "deliver"), .required = true),
	F_TEXT("reason", SAMPLES_REASON_MAX), F_TEXT("carrier", 20), F_TEXT("tracking_number", 60), F_END,
};
static const struct field sample_limits_fields[] = {
	F_INT("open_limit", 3, 0, SAMPLE_LIMIT_MAX, .required = true, .inline_error = true),
	F_INT("monthly_limit", 3, 0, SAMPLE_LIMIT_MAX, .required = true, .inline_error = true), F_END,
};

/* admin_*.c: the /admin pages, for the admin role only */
#define ADMIN_ROLES F_ONE_OF("shopper", "creator", "brand", "admin")
static const struct field admin_users_fields[] = {
	F_TEXT("q", 254), F_ENUM("role", 7, ADMIN_ROLES), F_ENUM("state", 9, F_ONE_OF("active", "suspended")),
	F_INT("page", 6, 1, ADMIN_MAX_PAGE), F_END,
};
static const struct field admin_user_fields[] = {
	F_ENUM("done", 12, F_ONE_OF("suspended", "reinstated", "role", "unchanged", "verification", "two_step_off")), F_END,
};
static const struct field admin_reason_fields[] = { F_TEXT("reason", ADMIN_AUDIT_REASON_MAX), F_END };
static const struct field admin_role_fields[] = {
	F_ENUM("role", 7, ADMIN_ROLES, .required = true), F_TEXT("reason", ADMIN_AUDIT_REASON_MAX), F_END,
};
static const struct field admin_audit_fields[] = {
	F_TEXT("action", ADMIN_AUDIT_ACTION_MAX), F_TEXT("actor", 254), F_TEXT("kind", ADMIN_AUDIT_KIND_MAX),
	F_ID("target"), F_DATE("from"), F_DATE("to"), F_INT("page", 6, 1, ADMIN_MAX_PAGE), F_END,
};
/* moderation: admin_moderation.c, admin_brands.c; the kind and number name what is acted on */
static const struct field admin_done_fields[] = { F_TEXT("done", 20), F_END };
static const struct field admin_takedown_fields[] = {
	F_ENUM("kind", 10, F_ONE_OF("storefront", "collection", "video", "ad", "live", "form")),
	F_ID("target", .inline_error = true), F_TEXT("reason", 2000), F_END,
};

/* In the order of the rows below: the table order is the match precedence. */
enum studio_page {
	ST_HEALTH, ST_METRICS, ST_LOGIN_FORM, ST_LOGIN, ST_LOGOUT, ST_SIGNUP_FORM, ST_SIGNUP, ST_HOME, ST_PRODUCTS,
	ST_PRODUCT_NEW, ST_PRODUCT_CREATE, ST_PRODUCT_EDIT, ST_PRODUCT_SAVE, ST_PRODUCT_STATUS, ST_PRODUCT_IMAGE_UPLOAD,
	ST_MARKETPLACE_FORM, ST_MARKETPLACE_SAVE, ST_MARKETPLACE_PRODUCT, ST_API_KEYS,
	ST_API_KEY_CREATE, ST_API_KEY_REVOKE,
	ST_CR_PROFILE_FORM, ST_CR_PROFILE, ST_CR_AVATAR_UPLOAD, ST_CR_MARKET, ST_CR_PICK_ADD, ST_CR_PICKS,
	ST_CR_PICK_MOVE, ST_CR_PICK_REMOVE, ST_CR_COLLECTIONS, ST_CR_COLLECTION_CREATE,
	ST_CR_COLLECTION_MOVE, ST_CR_COLLECTION_EDIT, ST_CR_COLLECTION_SAVE, ST_CR_ITEM_ADD,
	ST_CR_ITEM_MOVE, ST_CR_ITEM_NOTE, ST_CR_ITEM_REMOVE, ST_CR_LINKS, ST_CR_LINK_CREATE,
	ST_BR_PROGRAM_FORM, ST_BR_PROGRAM, ST_BR_ABOUT_FORM, ST_BR_ABOUT, ST_BR_SHIPPING_FORM, ST_BR_SHIPPING, ST_BR_TAX_RATE_PUT, ST_BR_TAX_RATE_REMOVE,
	ST_BR_SHIP_RATE_PUT, ST_BR_SHIP_RATE_REMOVE, ST_BR_PICK_REQUESTS,
	ST_BR_PICK_DECIDE, ST_CR_DASHBOARD, ST_CR_DASHBOARD_CSV, ST_BR_DASHBOARD,
	ST_BR_DASHBOARD_CSV, ST_BR_PAYOUT,
	ST_ORDERS, ST_ORDERS_CSV, ST_ORDER, ST_ORDER_TRANSITION, ST_ORDER_REFUND,
	ST_IMPORT_FORM, ST_IMPORT,
	ST_VIDEOS, ST_VIDEO_PUBLISH, ST_VIDEO_UPLOAD, ST_VIDEO_EDIT, ST_VIDEO_SAVE, ST_VIDEO_DELETE,
	ST_FORMS, ST_FORM_CREATE, ST_FORM_EDIT, ST_FORM_SAVE, ST_FORM_FIELD_ADD,
	ST_FORM_FIELD_POSITION, ST_FORM_FIELD_REMOVE, ST_LEADS, ST_LEADS_CSV, ST_LEADS_WEBHOOK,
	ST_LEADS_WEBHOOK_SAVE, ST_CONNECTORS, ST_CONNECTORS_CONNECT, ST_CONNECTORS_SYNC, ST_CONNECTORS_DISCONNECT,
	ST_SHOPIFY_WEBHOOK, ST_WOO_WEBHOOK, ST_LEAD, ST_LEAD_DELETE, ST_LEAD_WORK, ST_LEAD_NOTE, ST_LEAD_ICS, ST_LEADS_BULK,
	ST_TEAM, ST_TEAM_INVITE, ST_TEAM_INVITE_CANCEL, ST_TEAM_MEMBER_REMOVE, ST_TEAM_JOIN_OPEN, ST_TEAM_JOIN,
	ST_CR_LINK_DELETE,
	ST_LIVE_LIST, ST_LIVE_CREATE, ST_LIVE_PANEL, ST_LIVE_STATE, ST_LIVE_PIN, ST_LIVE_SETTINGS,
	ST_LIVE_ANSWER, ST_LIVE_ANSWERED, ST_LIVE_HIDE, ST_LIVE_BLOCK,
	ST_LIVE_UNPIN, ST_LIVE_PIN_UP, ST_LIVE_DEAL, ST_LIVE_POLL, ST_LIVE_POLL_CLOSE, ST_LIVE_CHAT_HIDE,
	ST_LIVE_CHAT_BLOCK, ST_LIVE_CHAT_PIN, ST_LIVE_EXPORT,
	ST_DOMAINS, ST_DOMAIN_ADD, ST_DOMAIN_REMOVE, ST_DOMAIN_CHECK, ST_ADS, ST_AD_NEW,
	ST_AD_CREATE, ST_AD_EDIT, ST_AD_SAVE,
	ST_SHOWCASES, ST_SHOWCASE_NEW, ST_SHOWCASE_CREATE, ST_SHOWCASE_EDIT, ST_SHOWCASE_SAVE,
	ST_SHOWCASE_DELETE,
	ST_AD_STATE, ST_CR_ADS, ST_CR_AD_NEW, ST_CR_AD_CREATE, ST_CR_AD_EDIT, ST_CR_AD_SAVE,
	ST_PAYOUTS, ST_PAYOUTS_SETTINGS, ST_PAYOUTS_TAX, ST_PAYOUTS_RUN, ST_PAYOUTS_BATCH, ST_PAYOUTS_PAY,
	ST_PAYOUTS_VOID, ST_PAYOUTS_EXPORT, ST_CR_PAYOUTS, ST_CR_PAYOUTS_DETAILS, ST_CR_PAYOUTS_CSV,
	ST_CR_SAMPLES, ST_CR_SAMPLE_NEW, ST_CR_SAMPLE_CREATE, ST_CR_SAMPLE_MOVE, ST_BR_SAMPLES,
	ST_BR_SAMPLE_LIMITS, ST_BR_SAMPLE_MOVE,
	ST_BR_CODES, ST_BR_CODE_CREATE, ST_BR_CODE_PRECEDENCE, ST_BR_CODE_EDIT, ST_BR_CODE_SAVE,
	ST_BR_CODE_STATE, ST_CR_CODES,
	ST_LOGIN_LINK_FORM, ST_LOGIN_LINK, ST_LOGIN_LINK_OPEN, ST_LOGIN_LINK_USE, ST_FORGOT_FORM, ST_FORGOT,
	ST_RESET_FORM, ST_RESET, ST_ACCOUNT, ST_ACCOUNT_PASSWORD, ST_ACCOUNT_END_OTHERS,
	ST_LOGIN_CODE, ST_TWO_STEP, ST_TWO_STEP_QR, ST_TWO_STEP_BEGIN, ST_TWO_STEP_CONFIRM, ST_TWO_STEP_OFF, ST_TWO_STEP_RECOVERY,
	ST_ADMIN, ST_ADMIN_USERS, ST_ADMIN_USER, ST_ADMIN_USER_SUSPEND, ST_ADMIN_USER_REINSTATE,
	ST_ADMIN_USER_ROLE, ST_ADMIN_AUDIT, ST_ADMIN_SYSTEM,
	ST_ADMIN_MODERATION, ST_ADMIN_TAKE_DOWN, ST_ADMIN_RESTORE, ST_ADMIN_REPORT_DISMISS, ST_ADMIN_BRANDS,
	ST_ADMIN_BRAND_APPROVE,
	ST_SIGNUP_SENT, ST_VERIFY_OPEN, ST_VERIFY_USE, ST_ACCOUNT_EMAIL, ST_ACCOUNT_VERIFY,
	ST_ACCOUNT_DELETE_FORM, ST_ACCOUNT_DELETE, ST_ACCOUNT_EXPORT,
	ST_FOLLOW, ST_FOLLOW_ADD, ST_FOLLOW_REMOVE, ST_SAVE, ST_SAVE_ADD, ST_SAVE_REMOVE,
	ST_ACCOUNT_NOTIFICATIONS, ST_ACCOUNT_NOTIFICATIONS_SAVE,
	ST_ADMIN_USER_RESEND_VERIFICATION, ST_ADMIN_USER_TWO_STEP_OFF,
	ST_LIVE_STREAM_KEY, ST_LIVE_STREAM_REVOKE, ST_LIVE_STREAM_PUBLISH, ST_LIVE_STREAM_UPDATE, ST_LIVE_STREAM_DONE, ST_LIVE_STREAM_RECORDED,
	ST_CR_COVER_UPLOAD, ST_CR_COLLECTION_COVER_UPLOAD, ST_AD_HERO_UPLOAD, ST_CR_AD_HERO_UPLOAD, ST_VIDEO_POSTER,
	ST_VIDEO_POSTER_UPLOAD, ST_VIDEO_POSTER_FRAME, ST_CR_COVER_REMOVE, ST_CR_COLLECTION_COVER_REMOVE,
	ST__MAX
};

static const struct route routes[] = {
	/* for the operator (docs/OPERATING.md); they ask the database themselves, to say why not */
	[ST_HEALTH] = { .pat = { HTTP_GET, "/studio/_health" }, .fn = page_health, .needs = NEED_NO_DB },
	[ST_METRICS] = { .pat = { HTTP_GET, "/studio/_metrics" }, .fn = page_metrics, .needs = NEED_NO_DB },
	[ST_LOGIN_FORM] = { .pat = { HTTP_GET, "/login" }, .fn = page_login_form,
		.needs = NEED_SESSION, .fields = login_fields },
	[ST_LOGIN] = { .pat = { HTTP_POST, "/login" }, .fn = page_login,
		.fields = login_fields },
	[ST_LOGOUT] = { .pat = { HTTP_POST, "/logout" }, .fn = page_logout },
	[ST_SIGNUP_FORM] = { .pat = { HTTP_GET, "/signup" }, .fn = page_signup_form,
		.needs = NEED_SESSION },
	[ST_SIGNUP] = { .pat = { HTTP_POST, "/signup" }, .fn = page_signup,
		.fields = signup_fields },
	[ST_HOME] = { .pat = { HTTP_GET, "/studio" }, .fn = page_studio_home,
		.needs = NEED_LOGIN },
	[ST_PRODUCTS] = { .pat = { HTTP_GET, "/studio/products" }, .fn = page_products_list,
		.needs = NEED_SESSION | NEED_BRAND, .fields = products_list_fields },
	[ST_PRODUCT_NEW] = { .pat = { HTTP_GET, "/studio/products/new" }, .fn = page_products_new,
		.needs = NEED_SESSION | NEED_BRAND },
	[ST_PRODUCT_CREATE] = { .pat = { HTTP_POST, "/studio/products" },
		.fn = page_products_create, .needs = NEED_BRAND, .fields = products_form_fields,
		.max_fields = PF_MAX_FIELDS },
	[ST_PRODUCT_EDIT] = { .pat = { HTTP_GET, "/studio/products/{id}" }, .fn = page_products_edit,
		.needs = NEED_SESSION | NEED_BRAND, .path = path_id, .fields = products_edit_fields },
	[ST_PRODUCT_SAVE] = { .pat = { HTTP_POST, "/studio/products/{id}" }, .fn = page_products_update,
		.needs = NEED_BRAND, .path = path_id, .fields = products_form_fields,
		.max_fields = PF_MAX_FIELDS },
	[ST_PRODUCT_STATUS] = { .pat = { HTTP_POST, "/studio/products/{id}/status" },
		.fn = page_products_status, .needs = NEED_BRAND, .path = path_id,
		.fields = products_status_fields },
	/* a product picture: the bytes are checked by their header and queued for crowdcartctl worker */
	[ST_PRODUCT_IMAGE_UPLOAD] = { .pat = { HTTP_POST, "/studio/products/{id}/images" },
		.fn = page_product_image_upload, .needs = NEED_BRAND | NEED_MULTIPART, .path = path_id,
		.fields = product_image_fields, .max_body = STUDIO_IMAGE_UPLOAD_BODY },
	[ST_MARKETPLACE_FORM] = { .pat = { HTTP_GET, "/studio/marketplace" },
		.fn = page_marketplace_form, .needs = NEED_SESSION | NEED_BRAND,
		.fields = marketplace_fields },
	[ST_MARKETPLACE_SAVE] = { .pat = { HTTP_POST, "/studio/marketplace" },
		.fn = page_marketplace_save, .needs = NEED_BRAND, .fields = marketplace_fields },
	[ST_MARKETPLACE_PRODUCT] = { .pat = { HTTP_POST, "/studio/marketplace/products/{id}" },
		.fn = page_marketplace_product, .needs = NEED_BRAND, .path = path_id,
		.fields = marketplace_fields },
	[ST_API_KEYS] = { .pat = { HTTP_GET, "/studio/api-keys" }, .fn = page_api_keys,
		.needs = NEED_SESSION | NEED_BRAND },
	[ST_API_KEY_CREATE] = { .pat = { HTTP_POST, "/studio/api-keys" },
		.fn = page_api_keys_create, .needs = NEED_BRAND, .fields = api_keys_fields },
	[ST_API_KEY_REVOKE] = { .pat = { HTTP_POST, "/studio/api-keys/{id}/revoke" },
		.fn = page_api_keys_revoke, .needs = NEED_BRAND, .path = path_id },
	/* creators: studio pages for creators, and the brand side of picks and attribution */
	[ST_CR_PROFILE_FORM] = { .pat = { HTTP_GET, "/studio/creator/profile" },
		.fn = page_creator_profile_form, .needs = NEED_SESSION | NEED_CREATOR,
		.fields = creator_saved_fields },
	[ST_CR_PROFILE] = { .pat = { HTTP_POST, "/studio/creator/profile" },
		.fn = page_creator_profile, .needs = NEED_CREATOR, .fields = creator_profile_fields,
		.max_body = 32768 },
	[ST_CR_AVATAR_UPLOAD] = { .pat = { HTTP_POST, "/studio/creator/profile/avatar" },
		.fn = page_creator_avatar_upload, .needs = NEED_CREATOR | NEED_MULTIPART,
		.max_body = STUDIO_IMAGE_UPLOAD_BODY },
	[ST_CR_MARKET] = { .pat = { HTTP_GET, "/studio/creator/marketplace" },
		.fn = page_creator_marketplace, .needs = NEED_SESSION | NEED_CREATOR,
		.fields = creator_added_fields },
	[ST_CR_PICK_ADD] = { .pat = { HTTP_POST, "/studio/creator/picks" },
		.fn = page_creator_pick_add, .needs = NEED_CREATOR, .fields = creator_pick_fields,
		.max_body = 1024 },
	[ST_CR_PICKS] = { .pat = { HTTP_GET, "/studio/creator/picks" }, .fn = page_creator_picks,
		.needs = NEED_SESSION | NEED_CREATOR },
	[ST_CR_PICK_MOVE] = { .pat = { HTTP_POST, "/studio/creator/picks/{id}/move" },
		.fn = page_creator_pick_move, .needs = NEED_CREATOR, .path = path_id,
		.fields = creator_move_fields, .max_body = 1024 },
	[ST_CR_PICK_REMOVE] = { .pat = { HTTP_POST, "/studio/creator/picks/{id}/remove" },
		.fn = page_creator_pick_remove, .needs = NEED_CREATOR, .path = path_id,
		.max_body = 1024 },
	[ST_CR_COLLECTIONS] = { .pat = { HTTP_GET, "/studio/creator/collections" },
		.fn = page_creator_collections, .needs = NEED_SESSION | NEED_CREATOR },
	[ST_CR_COLLECTION_CREATE] = { .pat = { HTTP_POST, "/studio/creator/collections" },
		.fn = page_creator_collection_create, .needs = NEED_CREATOR,
		.fields = creator_collection_fields, .max_body = 8192 },
	[ST_CR_COLLECTION_MOVE] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}/move" },
		.fn = page_creator_collection_move, .needs = NEED_CREATOR, .path = path_id,
		.fields = creator_move_fields, .max_body = 1024 },
	[ST_CR_COLLECTION_EDIT] = { .pat = { HTTP_GET, "/studio/creator/collections/{id}" },
		.fn = page_creator_collection_edit, .needs = NEED_SESSION | NEED_CREATOR,
		.path = path_id },
	[ST_CR_COLLECTION_SAVE] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}" },
		.fn = page_creator_collection_update, .needs = NEED_CREATOR, .path = path_id,
		.fields = creator_collection_fields, .max_body = 8192 },
	[ST_CR_ITEM_ADD] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}/items" },
		.fn = page_creator_collection_item_add, .needs = NEED_CREATOR, .path = path_id,
		.fields = creator_pick_fields, .max_body = 1024 },
	[ST_CR_ITEM_MOVE] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}/items/{product}/move" },
		.fn = page_creator_collection_item_move, .needs = NEED_CREATOR, .path = path_id_product,
		.fields = creator_move_fields, .max_body = 1024 },
	[ST_CR_ITEM_NOTE] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}/items/{product}/note" },
		.fn = page_creator_collection_item_note, .needs = NEED_CREATOR, .path = path_id_product,
		.fields = creator_note_fields, .max_body = 4096 },
	[ST_CR_ITEM_REMOVE] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}/items/{product}/remove" },
		.fn = page_creator_collection_item_remove, .needs = NEED_CREATOR,
		.path = path_id_product, .max_body = 1024 },
	[ST_CR_LINKS] = { .pat = { HTTP_GET, "/studio/creator/links" }, .fn = page_creator_links,
		.needs = NEED_SESSION | NEED_CREATOR, .fields = creator_links_fields },
	[ST_CR_LINK_CREATE] = { .pat = { HTTP_POST, "/studio/creator/links" },
		.fn = page_creator_link_create, .needs = NEED_CREATOR,
		.fields = creator_link_fields, .max_body = 1024 },
	[ST_BR_PROGRAM_FORM] = { .pat = { HTTP_GET, "/studio/brand/creator-program" },
		.fn = page_brand_creator_program_form, .needs = NEED_SESSION | NEED_BRAND,
		.fields = creator_saved_fields },
	[ST_BR_PROGRAM] = { .pat = { HTTP_POST, "/studio/brand/creator-program" },
		.fn = page_brand_creator_program, .needs = NEED_BRAND,
		.fields = brand_program_fields, .max_body = 1024 },
	[ST_BR_ABOUT_FORM] = { .pat = { HTTP_GET, "/studio/brand/about" },
		.fn = page_brand_about_form, .needs = NEED_SESSION | NEED_BRAND, .fields = creator_saved_fields },
	[ST_BR_ABOUT] = { .pat = { HTTP_POST, "/studio/brand/about" },
		.fn = page_brand_about, .needs = NEED_BRAND, .fields = brand_about_fields, .max_body = 16384 },
	[ST_BR_SHIPPING_FORM] = { .pat = { HTTP_GET, "/studio/brand/shipping" },
		.fn = page_brand_shipping_form, .needs = NEED_SESSION | NEED_BRAND,
		.fields = creator_saved_fields },
	[ST_BR_SHIPPING] = { .pat = { HTTP_POST, "/studio/brand/shipping" },
		.fn = page_brand_shipping, .needs = NEED_BRAND, .fields = brand_shipping_fields,
		.max_body = 1024 },
	[ST_BR_TAX_RATE_PUT] = { .pat = { HTTP_POST, "/studio/brand/shipping/tax-rates" },
		.fn = page_brand_tax_rate_put, .needs = NEED_BRAND, .fields = brand_tax_rate_fields,
		.max_body = 1024 },
	[ST_BR_TAX_RATE_REMOVE] = { .pat = { HTTP_POST, "/studio/brand/shipping/tax-rates/remove" },
		.fn = page_brand_tax_rate_remove, .needs = NEED_BRAND, .fields = brand_tax_rate_fields,
		.max_body = 1024 },
	[ST_BR_SHIP_RATE_PUT] = { .pat = { HTTP_POST, "/studio/brand/shipping/rates" },
		.fn = page_brand_ship_rate_put, .needs = NEED_BRAND, .fields = brand_ship_rate_fields,
		.max_body = 1024 },
	[ST_BR_SHIP_RATE_REMOVE] = { .pat = { HTTP_POST, "/studio/brand/shipping/rates/remove" },
		.fn = page_brand_ship_rate_remove, .needs = NEED_BRAND, .fields = brand_ship_rate_fields,
		.max_body = 1024 },
	[ST_BR_PICK_REQUESTS] = { .pat = { HTTP_GET, "/studio/brand/pick-requests" },
		.fn = page_pick_requests, .needs = NEED_SESSION | NEED_BRAND },
	[ST_BR_PICK_DECIDE] = { .pat = { HTTP_POST, "/studio/brand/pick-requests/{id}" },
		.fn = page_pick_request_decide, .needs = NEED_BRAND, .path = path_id,
		.fields = pick_decision_fields, .max_body = 1024 },
	[ST_CR_DASHBOARD] = { .pat = { HTTP_GET, "/studio/creator/dashboard" },
		.fn = page_dashboard_creator, .needs = NEED_CREATOR, .fields = dashboard_fields },
	[ST_CR_DASHBOARD_CSV] = { .pat = { HTTP_GET, "/studio/creator/dashboard.csv" },
		.fn = page_dashboard_creator, .needs = NEED_CREATOR, .fields = dashboard_fields },
	[ST_BR_DASHBOARD] = { .pat = { HTTP_GET, "/studio/brand/dashboard" },
		.fn = page_dashboard_brand, .needs = NEED_SESSION | NEED_BRAND,
		.fields = dashboard_fields },
	[ST_BR_DASHBOARD_CSV] = { .pat = { HTTP_GET, "/studio/brand/dashboard.csv" },
		.fn = page_dashboard_brand, .needs = NEED_BRAND, .fields = dashboard_fields },
	[ST_BR_PAYOUT] = { .pat = { HTTP_POST, "/studio/brand/payouts" },
		.fn = page_dashboard_brand_payout, .needs = NEED_BRAND, .fields = payout_fields,
		.max_body = 1024 },
	/* brand fulfilment: orders_*.c */
	[ST_ORDERS] = { .pat = { HTTP_GET, "/studio/orders" }, .fn = page_orders_list,
		.needs = NEED_SESSION | NEED_BRAND, .fields = orders_list_fields },
	[ST_ORDERS_CSV] = { .pat = { HTTP_GET, "/studio/orders.csv" }, .fn = page_orders_csv,
		.needs = NEED_BRAND, .fields = orders_list_fields },
	[ST_ORDER] = { .pat = { HTTP_GET, "/studio/orders/{number}" }, .fn = page_order_detail,
		.needs = NEED_SESSION | NEED_BRAND, .path = path_number, .fields = order_detail_fields },
	[ST_ORDER_TRANSITION] = { .pat = { HTTP_POST, "/studio/orders/{number}/transition" },
		.fn = page_order_transition, .needs = NEED_BRAND, .path = path_number,
		.fields = order_transition_fields, .max_body = 2048 },
	[ST_ORDER_REFUND] = { .pat = { HTTP_POST, "/studio/orders/{number}/refund" },
		.fn = page_order_refund, .needs = NEED_BRAND, .path = path_number,
		.fields = order_refund_fields, .max_body = 16384 },
	/* catalog upload: the file arrives as multipart/form-data, up to 16 MiB */
	[ST_IMPORT_FORM] = { .pat = { HTTP_GET, "/studio/import" }, .fn = page_import_form,
		.needs = NEED_SESSION | NEED_BRAND },
	[ST_IMPORT] = { .pat = { HTTP_POST, "/studio/import" }, .fn = page_import,
		.needs = NEED_BRAND | NEED_MULTIPART, .fields = import_fields, .max_body = 16 << 20 },
	/* shoppable videos: videos.c; creators and brands both (NEED_OWNER) */
	[ST_VIDEOS] = { .pat = { HTTP_GET, "/studio/videos" }, .fn = page_studio_videos,
		.needs = NEED_SESSION | NEED_OWNER, .fields = video_fields },
	[ST_VIDEO_PUBLISH] = { .pat = { HTTP_POST, "/studio/videos" },
		.fn = page_studio_video_publish, .needs = NEED_OWNER, .fields = video_fields,
		.max_body = 16384 },
	[ST_VIDEO_UPLOAD] = { .pat = { HTTP_POST, "/studio/videos/upload" },
		.fn = page_studio_video_upload, .needs = NEED_OWNER | NEED_MULTIPART,
		.max_body = STUDIO_VIDEO_UPLOAD_BODY },
	/* editing and deleting a video: video_edit.c */
	[ST_VIDEO_EDIT] = { .pat = { HTTP_GET, "/studio/videos/{id}/edit" }, .fn = page_studio_video_edit,
		.needs = NEED_SESSION | NEED_OWNER, .path = path_id, .fields = video_edit_fields },
	[ST_VIDEO_SAVE] = { .pat = { HTTP_POST, "/studio/videos/{id}/edit" }, .fn = page_studio_video_save,
		.needs = NEED_OWNER, .path = path_id, .fields = video_edit_fields, .max_body = 16384 },
	[ST_VIDEO_DELETE] = { .pat = { HTTP_POST, "/studio/videos/{id}/delete" }, .fn = page_studio_video_delete,
		.needs = NEED_OWNER, .path = path_id, .max_body = 1024 },
	/* lead forms: forms*.c builds them, leads*.c lists, exports, erases and syncs leads */
	[ST_FORMS] = { .pat = { HTTP_GET, "/studio/forms" }, .fn = page_forms_list,
		.needs = NEED_SESSION | NEED_BRAND },
	[ST_FORM_CREATE] = { .pat = { HTTP_POST, "/studio/forms" }, .fn = page_forms_create,
		.needs = NEED_BRAND, .fields = forms_create_fields, .max_body = 4096 },
	[ST_FORM_EDIT] = { .pat = { HTTP_GET, "/studio/forms/{id}" }, .fn = page_forms_edit,
		.needs = NEED_SESSION | NEED_BRAND, .path = path_id },
	[ST_FORM_SAVE] = { .pat = { HTTP_POST, "/studio/forms/{id}" }, .fn = page_forms_save,
		.needs = NEED_BRAND, .path = path_id, .fields = forms_save_fields, .max_body = 32768 },
	[ST_FORM_FIELD_ADD] = { .pat = { HTTP_POST, "/studio/forms/{id}/fields" },
		.fn = page_forms_field_add, .needs = NEED_BRAND, .path = path_id,
		.fields = forms_field_fields, .max_body = 16384 },
	[ST_FORM_FIELD_POSITION] = { .pat = { HTTP_POST, "/studio/forms/{id}/fields/{field}/position" },
		.fn = page_forms_field_position, .needs = NEED_BRAND, .path = path_id_field,
		.fields = forms_position_fields, .max_body = 1024 },
	[ST_FORM_FIELD_REMOVE] = { .pat = { HTTP_POST, "/studio/forms/{id}/fields/{field}/remove" },
		.fn = page_forms_field_remove, .needs = NEED_BRAND, .path = path_id_field,
		.max_body = 1024 },
	[ST_LEADS] = { .pat = { HTTP_GET, "/studio/leads" }, .fn = page_leads_list,
		.needs = NEED_SESSION | NEED_BRAND | NEED_TEAM, .fields = leads_list_fields },
	[ST_LEADS_CSV] = { .pat = { HTTP_GET, "/studio/leads.csv" }, .fn = page_leads_csv,
		.needs = NEED_BRAND | NEED_TEAM, .fields = leads_list_fields },
	[ST_LEADS_WEBHOOK] = { .pat = { HTTP_GET, "/studio/leads/webhook" },
		.fn = page_leads_webhook, .needs = NEED_SESSION | NEED_BRAND },
	[ST_LEADS_WEBHOOK_SAVE] = { .pat = { HTTP_POST, "/studio/leads/webhook" },
		.fn = page_leads_webhook_save, .needs = NEED_BRAND, .fields = leads_webhook_fields,
		.max_body = 4096 },
	/* shop connectors: connectors.c */
	[ST_CONNECTORS] = { .pat = { HTTP_GET, "/studio/connectors" }, .fn = page_connectors,
		.needs = NEED_SESSION | NEED_BRAND },
	[ST_CONNECTORS_CONNECT] = { .pat = { HTTP_POST, "/studio/connectors" }, .fn = page_connectors_connect,
		.needs = NEED_BRAND, .fields = connector_fields },
	[ST_CONNECTORS_SYNC] = { .pat = { HTTP_POST, "/studio/connectors/sync" }, .fn = page_connectors_sync,
		.needs = NEED_BRAND, .fields = connector_platform_fields },
	[ST_CONNECTORS_DISCONNECT] = { .pat = { HTTP_POST, "/studio/connectors/disconnect" },
		.fn = page_connectors_disconnect, .needs = NEED_BRAND, .fields = connector_platform_fields },
	/* a connected shop's changes, authenticated by their HMAC: shopify_webhook.c */
	[ST_SHOPIFY_WEBHOOK] = { .pat = { HTTP_POST, "/studio/webhooks/shopify/{id}" }, .fn = page_shopify_webhook,
		.needs = NEED_RAW_BODY | NEED_SIGNED, .path = path_id, .max_body = 1048576 },
	[ST_WOO_WEBHOOK] = { .pat = { HTTP_POST, "/studio/webhooks/woocommerce/{id}" }, .fn = page_woo_webhook,
		.needs = NEED_RAW_BODY | NEED_SIGNED, .path = path_id, .max_body = 1048576 },
	[ST_LEAD] = { .pat = { HTTP_GET, "/studio/leads/{id}" }, .fn = page_leads_detail,
		.needs = NEED_SESSION | NEED_BRAND | NEED_TEAM, .path = path_id },
	[ST_LEAD_DELETE] = { .pat = { HTTP_POST, "/studio/leads/{id}/delete" }, .fn = page_leads_delete,
		.needs = NEED_BRAND, .path = path_id, .max_body = 1024 },
	[ST_LEAD_WORK] = { .pat = { HTTP_POST, "/studio/leads/{id}/work" }, .fn = page_leads_work,
		.needs = NEED_BRAND | NEED_TEAM, .path = path_id, .fields = lead_work_fields, .max_body = 4096 },
	[ST_LEAD_NOTE] = { .pat = { HTTP_POST, "/studio/leads/{id}/notes" }, .fn = page_leads_note,
		.needs = NEED_BRAND | NEED_TEAM, .path = path_id, .fields = lead_note_fields, .max_body = 16384 },
	[ST_LEAD_ICS] = { .pat = { HTTP_GET, "/studio/leads/{id}/appointment.ics" }, .fn = page_leads_ics,
		.needs = NEED_SESSION | NEED_BRAND | NEED_TEAM, .path = path_id },
	[ST_LEADS_BULK] = { .pat = { HTTP_POST, "/studio/leads/bulk" }, .fn = page_leads_bulk,
		.needs = NEED_BRAND | NEED_TEAM, .fields = leads_bulk_fields, .max_body = 16384, .max_fields = 520 },
	/* a brand's team: the owner's page (team.c) and the invitation's link (team_join.c) */
	[ST_TEAM] = { .pat = { HTTP_GET, "/studio/team" }, .fn = page_team, .needs = NEED_SESSION | NEED_BRAND,
		.fields = team_fields },
	[ST_TEAM_INVITE] = { .pat = { HTTP_POST, "/studio/team/invite" }, .fn = page_team_invite, .needs = NEED_BRAND,
		.fields = team_invite_fields, .max_body = 1024 },
	[ST_TEAM_INVITE_CANCEL] = { .pat = { HTTP_POST, "/studio/team/invites/{id}/cancel" },
		.fn = page_team_invite_cancel, .needs = NEED_BRAND, .path = path_id, .max_body = 1024 },
	[ST_TEAM_MEMBER_REMOVE] = { .pat = { HTTP_POST, "/studio/team/members/{id}/remove" },
		.fn = page_team_member_remove, .needs = NEED_BRAND, .path = path_id, .max_body = 1024 },
	[ST_TEAM_JOIN_OPEN] = { .pat = { HTTP_GET, "/studio/team/join/{token}" }, .fn = page_team_join_open,
		.needs = NEED_SESSION, .path = path_token },
	[ST_TEAM_JOIN] = { .pat = { HTTP_POST, "/studio/team/join/{token}" }, .fn = page_team_join,
		.needs = NEED_LOGIN, .path = path_token, .max_body = 1024 },
	[ST_CR_LINK_DELETE] = { .pat = { HTTP_POST, "/studio/creator/links/{code}/delete" },
		.fn = page_creator_link_delete, .needs = NEED_CREATOR, .path = path_code,
		.max_body = 1024 },
	/* live shopping: live_*.c; a session is its creator's, anyone else gets a 404 */
	[ST_LIVE_LIST] = { .pat = { HTTP_GET, "/studio/live" }, .fn = page_studio_live_list,
		.needs = NEED_SESSION | NEED_CREATOR },
	[ST_LIVE_CREATE] = { .pat = { HTTP_POST, "/studio/live" }, .fn = page_studio_live_create,
		.needs = NEED_CREATOR, .fields = live_schedule_fields, .max_body = 16384 },
	[ST_LIVE_PANEL] = { .pat = { HTTP_GET, "/studio/live/{id}" }, .fn = page_studio_live_panel,
		.needs = NEED_SESSION | NEED_CREATOR, .path = path_id },
	[ST_LIVE_STATE] = { .pat = { HTTP_POST, "/studio/live/{id}/state" },
		.fn = page_studio_live_state, .needs = NEED_CREATOR, .path = path_id,
		.fields = live_state_fields, .max_body = 1024 },
	[ST_LIVE_PIN] = { .pat = { HTTP_POST, "/studio/live/{id}/pin" }, .fn = page_studio_live_pin,
		.needs = NEED_CREATOR, .path = path_id, .fields = live_pin_fields, .max_body = 1024 },
	[ST_LIVE_SETTINGS] = { .pat = { HTTP_POST, "/studio/live/{id}/settings" },
		.fn = page_studio_live_settings, .needs = NEED_CREATOR, .path = path_id,
		.fields = live_settings_fields, .max_body = 8192 },
	[ST_LIVE_ANSWER] = { .pat = { HTTP_POST, "/studio/live/{id}/questions/{q}/answer" },
		.fn = page_studio_live_answer, .needs = NEED_CREATOR, .path = path_id_q,
		.fields = live_answer_fields, .max_body = 8192 },
	[ST_LIVE_ANSWERED] = { .pat = { HTTP_POST, "/studio/live/{id}/questions/{q}/answered" },
		.fn = page_studio_live_answered, .needs = NEED_CREATOR, .path = path_id_q,
		.max_body = 1024 },
	[ST_LIVE_HIDE] = { .pat = { HTTP_POST, "/studio/live/{id}/questions/{q}/hide" },
		.fn = page_studio_live_hide, .needs = NEED_CREATOR, .path = path_id_q,
		.max_body = 1024 },
	[ST_LIVE_BLOCK] = { .pat = { HTTP_POST, "/studio/live/{id}/questions/{q}/block" },
		.fn = page_studio_live_block, .needs = NEED_CREATOR, .path = path_id_q,
		.max_body = 1024 },
	/* in the session (live_pins.c, live_deals.c, live_polls.c, live_chat_moderate.c, live_export.c) */
	[ST_LIVE_UNPIN] = { .pat = { HTTP_POST, "/studio/live/{id}/pins/{q}/unpin" },
		.fn = page_studio_live_unpin, .needs = NEED_CREATOR, .path = path_id_q, .max_body = 1024 },
	[ST_LIVE_PIN_UP] = { .pat = { HTTP_POST, "/studio/live/{id}/pins/{q}/up" },
		.fn = page_studio_live_pin_up, .needs = NEED_CREATOR, .path = path_id_q, .max_body = 1024 },
	[ST_LIVE_DEAL] = { .pat = { HTTP_POST, "/studio/live/{id}/deals" }, .fn = page_studio_live_deal,
		.needs = NEED_CREATOR, .path = path_id, .fields = live_deal_fields, .max_body = 2048 },
	[ST_LIVE_POLL] = { .pat = { HTTP_POST, "/studio/live/{id}/polls" }, .fn = page_studio_live_poll,
		.needs = NEED_CREATOR, .path = path_id, .fields = live_poll_fields, .max_body = 4096 },
	[ST_LIVE_POLL_CLOSE] = { .pat = { HTTP_POST, "/studio/live/{id}/polls/{q}/close" },
		.fn = page_studio_live_poll_close, .needs = NEED_CREATOR, .path = path_id_q, .max_body = 1024 },
	[ST_LIVE_CHAT_HIDE] = { .pat = { HTTP_POST, "/studio/live/{id}/chat/{q}/hide" },
		.fn = page_studio_live_chat_hide, .needs = NEED_CREATOR, .path = path_id_q, .max_body = 1024 },
	[ST_LIVE_CHAT_BLOCK] = { .pat = { HTTP_POST, "/studio/live/{id}/chat/{q}/block" },
		.fn = page_studio_live_chat_block, .needs = NEED_CREATOR, .path = path_id_q, .max_body = 1024 },
	[ST_LIVE_CHAT_PIN] = { .pat = { HTTP_POST, "/studio/live/{id}/chat/{q}/pin" },
		.fn = page_studio_live_chat_pin, .needs = NEED_CREATOR, .path = path_id_q, .max_body = 1024 },
	[ST_LIVE_EXPORT] = { .pat = { HTTP_GET, "/studio/live/{id}/chat.csv" }, .fn = page_studio_live_export,
		.needs = NEED_SESSION | NEED_CREATOR, .path = path_id },
	/* collection ads and verified domains: ads.c, domains.c; "new" before "{id}" */
	[ST_DOMAINS] = { .pat = { HTTP_GET, "/studio/domains" }, .fn = page_studio_domains,
		.needs = NEED_SESSION | NEED_BRAND, .fields = domains_fields },
	[ST_DOMAIN_ADD] = { .pat = { HTTP_POST, "/studio/domains" }, .fn = page_studio_domain_add,
		.needs = NEED_BRAND, .fields = domains_fields, .max_body = 2048 },
	[ST_DOMAIN_REMOVE] = { .pat = { HTTP_POST, "/studio/domains/{id}/remove" },
		.fn = page_studio_domain_remove, .needs = NEED_BRAND, .path = path_id,
		.max_body = 1024 },
	[ST_DOMAIN_CHECK] = { .pat = { HTTP_POST, "/studio/domains/{id}/check" },
		.fn = page_studio_domain_check, .needs = NEED_BRAND, .path = path_id,
		.max_body = 1024 },
	[ST_ADS] = { .pat = { HTTP_GET, "/studio/ads" }, .fn = page_studio_ads,
		.needs = NEED_SESSION | NEED_BRAND },
	[ST_AD_NEW] = { .pat = { HTTP_GET, "/studio/ads/new" }, .fn = page_studio_ad_edit,
		.needs = NEED_SESSION | NEED_BRAND },
	[ST_AD_CREATE] = { .pat = { HTTP_POST, "/studio/ads" }, .fn = page_studio_ad_save,
		.needs = NEED_BRAND, .fields = ads_fields, .max_body = 16384 },
	[ST_AD_EDIT] = { .pat = { HTTP_GET, "/studio/ads/{id}" }, .fn = page_studio_ad_edit,
		.needs = NEED_SESSION | NEED_BRAND, .path = path_id, .fields = ads_fields },
	[ST_AD_SAVE] = { .pat = { HTTP_POST, "/studio/ads/{id}" }, .fn = page_studio_ad_save,
		.needs = NEED_BRAND, .path = path_id, .fields = ads_fields, .max_body = 16384 },
	/* dynamic showcases: showcase*.c; creators and brands both (NEED_OWNER) */
	[ST_SHOWCASES] = { .pat = { HTTP_GET, "/studio/showcases" }, .fn = page_showcases,
		.needs = NEED_SESSION | NEED_OWNER, .fields = showcase_list_fields },
	[ST_SHOWCASE_NEW] = { .pat = { HTTP_GET, "/studio/showcases/new" }, .fn = page_showcase_new,
		.needs = NEED_SESSION | NEED_OWNER },
	[ST_SHOWCASE_CREATE] = { .pat = { HTTP_POST, "/studio/showcases" },
		.fn = page_showcase_create, .needs = NEED_OWNER, .fields = showcase_form_fields,
		.max_body = 8192 },
	[ST_SHOWCASE_EDIT] = { .pat = { HTTP_GET, "/studio/showcases/{id}" }, .fn = page_showcase_edit,
		.needs = NEED_SESSION | NEED_OWNER, .path = path_id },
	[ST_SHOWCASE_SAVE] = { .pat = { HTTP_POST, "/studio/showcases/{id}" },
		.fn = page_showcase_update, .needs = NEED_OWNER, .path = path_id,
		.fields = showcase_form_fields, .max_body = 8192 },
	[ST_SHOWCASE_DELETE] = { .pat = { HTTP_POST, "/studio/showcases/{id}/delete" },
		.fn = page_showcase_delete, .needs = NEED_OWNER, .path = path_id, .max_body = 1024 },
	/* creators' own collection ads: creator_ads.c; the brand of their products may take
	 * one down (ads_state.c) but not edit it; the form and the save are shared (ad_form.c, ad_save.c) */
	[ST_AD_STATE] = { .pat = { HTTP_POST, "/studio/ads/{id}/state" }, .fn = page_studio_ad_state,
		.needs = NEED_BRAND, .path = path_id, .fields = ad_state_fields, .max_body = 1024 },
	[ST_CR_ADS] = { .pat = { HTTP_GET, "/studio/creator/ads" }, .fn = page_creator_ads,
		.needs = NEED_SESSION | NEED_CREATOR },
	[ST_CR_AD_NEW] = { .pat = { HTTP_GET, "/studio/creator/ads/new" },
		.fn = page_creator_ad_edit, .needs = NEED_SESSION | NEED_CREATOR },
	[ST_CR_AD_CREATE] = { .pat = { HTTP_POST, "/studio/creator/ads" },
		.fn = page_creator_ad_save, .needs = NEED_CREATOR, .fields = creator_ad_fields,
		.max_body = 16384 },
	[ST_CR_AD_EDIT] = { .pat = { HTTP_GET, "/studio/creator/ads/{id}" }, .fn = page_creator_ad_edit,
		.needs = NEED_SESSION | NEED_CREATOR, .path = path_id, .fields = creator_ad_fields },
	[ST_CR_AD_SAVE] = { .pat = { HTTP_POST, "/studio/creator/ads/{id}" },
		.fn = page_creator_ad_save, .needs = NEED_CREATOR, .path = path_id,
		.fields = creator_ad_fields, .max_body = 16384 },
	/* payouts: payouts_*.c */
	[ST_PAYOUTS] = { .pat = { HTTP_GET, "/studio/brand/payouts" }, .fn = page_payouts_brand,
		.needs = NEED_SESSION | NEED_BRAND, .fields = payouts_page_fields },
	[ST_PAYOUTS_SETTINGS] = { .pat = { HTTP_POST, "/studio/brand/payouts/settings" },
		.fn = page_payouts_settings, .needs = NEED_BRAND, .fields = payouts_settings_fields,
		.max_body = 2048 },
	[ST_PAYOUTS_TAX] = { .pat = { HTTP_POST, "/studio/brand/payouts/tax-forms" },
		.fn = page_payouts_tax_form, .needs = NEED_BRAND, .fields = payouts_tax_fields, .max_body = 1024 },
	[ST_PAYOUTS_RUN] = { .pat = { HTTP_POST, "/studio/brand/payouts/run" }, .fn = page_payouts_run,
		.needs = NEED_BRAND, .max_body = 1024 },
	[ST_PAYOUTS_BATCH] = { .pat = { HTTP_GET, "/studio/brand/payouts/{id}" }, .fn = page_payouts_batch,
		.needs = NEED_SESSION | NEED_BRAND, .path = path_id, .fields = payouts_page_fields },
	[ST_PAYOUTS_PAY] = { .pat = { HTTP_POST, "/studio/brand/payouts/{id}/paid" },
		.fn = page_payouts_batch_pay, .needs = NEED_BRAND, .path = path_id, .max_body = 1024 },
	[ST_PAYOUTS_VOID] = { .pat = { HTTP_POST, "/studio/brand/payouts/{id}/void" },
		.fn = page_payouts_batch_void, .needs = NEED_BRAND, .path = path_id, .max_body = 1024 },
	[ST_PAYOUTS_EXPORT] = { .pat = { HTTP_POST, "/studio/brand/payouts/{id}/export" },
		.fn = page_payouts_export, .needs = NEED_BRAND, .path = path_id,
		.fields = payouts_export_fields, .max_body = 1024 },
	[ST_CR_PAYOUTS] = { .pat = { HTTP_GET, "/studio/creator/payouts" }, .fn = page_payouts_creator,
		.needs = NEED_SESSION | NEED_CREATOR, .fields = creator_saved_fields },
	[ST_CR_PAYOUTS_DETAILS] = { .pat = { HTTP_POST, "/studio/creator/payouts/details" },
		.fn = page_payouts_creator_details, .needs = NEED_CREATOR, .fields = payouts_details_fields,
		.max_body = 2048 },
	[ST_CR_PAYOUTS_CSV] = { .pat = { HTTP_GET, "/studio/creator/payouts.csv" },
		.fn = page_payouts_creator_statement, .needs = NEED_CREATOR },
	/* product samples: samples_creator.c asks and follows, samples_brand.c decides and ships;
	 * "limits" before "{id}" */
	[ST_CR_SAMPLES] = { .pat = { HTTP_GET, "/studio/creator/samples" }, .fn = page_creator_samples,
		.needs = NEED_SESSION | NEED_CREATOR, .fields = sample_list_fields },
	[ST_CR_SAMPLE_NEW] = { .pat = { HTTP_GET, "/studio/creator/samples/new" },
		.fn = page_creator_sample_new, .needs = NEED_SESSION | NEED_CREATOR, .fields = sample_new_fields },
	[ST_CR_SAMPLE_CREATE] = { .pat = { HTTP_POST, "/studio/creator/samples" },
		.fn = page_creator_sample_create, .needs = NEED_CREATOR, .fields = sample_request_fields,
		.max_body = 8192 },
	[ST_CR_SAMPLE_MOVE] = { .pat = { HTTP_POST, "/studio/creator/samples/{id}" },
		.fn = page_creator_sample_move, .needs = NEED_CREATOR, .path = path_id,
		.fields = sample_creator_move_fields, .max_body = 1024 },
	[ST_BR_SAMPLES] = { .pat = { HTTP_GET, "/studio/brand/samples" }, .fn = page_brand_samples,
		.needs = NEED_SESSION | NEED_BRAND, .fields = sample_list_fields },
	[ST_BR_SAMPLE_LIMITS] = { .pat = { HTTP_POST, "/studio/brand/samples/limits" },
		.fn = page_brand_sample_limits, .needs = NEED_BRAND, .fields = sample_limits_fields,
		.max_body = 1024 },
	[ST_BR_SAMPLE_MOVE] = { .pat = { HTTP_POST, "/studio/brand/samples/{id}" },
		.fn = page_brand_sample_move, .needs = NEED_BRAND, .path = path_id,
		.fields = sample_brand_move_fields, .max_body = 4096 },
	/* discount codes: brand_code*.c, creator_codes.c; "precedence" before "{id}" */
	[ST_BR_CODES] = { .pat = { HTTP_GET, "/studio/brand/codes" }, .fn = page_brand_codes,
		.needs = NEED_SESSION | NEED_BRAND, .fields = brand_codes_list_fields },
	[ST_BR_CODE_CREATE] = { .pat = { HTTP_POST, "/studio/brand/codes" }, .fn = page_brand_code_create,
		.needs = NEED_BRAND, .fields = brand_code_fields, .max_body = 4096 },
	[ST_BR_CODE_PRECEDENCE] = { .pat = { HTTP_POST, "/studio/brand/codes/precedence" },
		.fn = page_brand_code_precedence, .needs = NEED_BRAND, .fields = brand_code_precedence_fields,
		.max_body = 1024 },
	[ST_BR_CODE_EDIT] = { .pat = { HTTP_GET, "/studio/brand/codes/{id}" }, .fn = page_brand_code_edit,
		.needs = NEED_SESSION | NEED_BRAND, .path = path_id },
	[ST_BR_CODE_SAVE] = { .pat = { HTTP_POST, "/studio/brand/codes/{id}" }, .fn = page_brand_code_save,
		.needs = NEED_BRAND, .path = path_id, .fields = brand_code_fields, .max_body = 4096 },
	[ST_BR_CODE_STATE] = { .pat = { HTTP_POST, "/studio/brand/codes/{id}/state" },
		.fn = page_brand_code_state, .needs = NEED_BRAND, .path = path_id,
		.fields = brand_code_state_fields, .max_body = 1024 },
	[ST_CR_CODES] = { .pat = { HTTP_GET, "/studio/creator/codes" }, .fn = page_creator_codes,
		.needs = NEED_SESSION | NEED_CREATOR },
	/* the owner's ways back in and the account page: login_mail.c, login_link.c,
	 * password_reset.c, account*.c */
	[ST_LOGIN_LINK_FORM] = { .pat = { HTTP_GET, "/login/link" }, .fn = page_login_link_form,
		.needs = NEED_SESSION, .fields = account_mail_fields },
	[ST_LOGIN_LINK] = { .pat = { HTTP_POST, "/login/link" }, .fn = page_login_link,
		.fields = account_mail_fields, .max_body = 1024 },
	[ST_LOGIN_LINK_OPEN] = { .pat = { HTTP_GET, "/login/link/{token}" }, .fn = page_login_link_open,
		.needs = NEED_SESSION, .path = path_token },
	[ST_LOGIN_LINK_USE] = { .pat = { HTTP_POST, "/login/link/{token}" }, .fn = page_login_link_use,
		.path = path_token, .max_body = 1024 },
	[ST_FORGOT_FORM] = { .pat = { HTTP_GET, "/login/forgot" }, .fn = page_forgot_form,
		.needs = NEED_SESSION, .fields = account_mail_fields },
	[ST_FORGOT] = { .pat = { HTTP_POST, "/login/forgot" }, .fn = page_forgot,
		.fields = account_mail_fields, .max_body = 1024 },
	[ST_RESET_FORM] = { .pat = { HTTP_GET, "/login/reset/{token}" }, .fn = page_reset_form,
		.needs = NEED_SESSION, .path = path_token },
	[ST_RESET] = { .pat = { HTTP_POST, "/login/reset/{token}" }, .fn = page_reset,
		.path = path_token, .fields = account_reset_fields, .max_body = 2048 },
	[ST_ACCOUNT] = { .pat = { HTTP_GET, "/studio/account" }, .fn = page_account,
		.needs = NEED_LOGIN, .fields = account_fields },
	[ST_ACCOUNT_PASSWORD] = { .pat = { HTTP_POST, "/studio/account/password" },
		.fn = page_account_password, .needs = NEED_LOGIN, .fields = account_password_fields,
		.max_body = 2048 },
	[ST_ACCOUNT_END_OTHERS] = { .pat = { HTTP_POST, "/studio/account/sessions/end-others" },
		.fn = page_account_end_others, .needs = NEED_LOGIN, .fields = account_reauth_fields,
		.max_body = 1024 },
	/* two-step sign-in: login_code.c asks the code, two_step.c sets it up */
	[ST_LOGIN_CODE] = { .pat = { HTTP_POST, "/login/code" }, .fn = page_login_code,
		.fields = login_code_fields, .max_body = 1024 },
	[ST_TWO_STEP] = { .pat = { HTTP_GET, "/studio/account/two-step" }, .fn = page_two_step,
		.needs = NEED_LOGIN },
	[ST_TWO_STEP_QR] = { .pat = { HTTP_GET, "/studio/account/two-step/qr.svg" }, .fn = page_two_step_qr,
		.needs = NEED_LOGIN },
	[ST_TWO_STEP_BEGIN] = { .pat = { HTTP_POST, "/studio/account/two-step/begin" },
		.fn = page_two_step_begin, .needs = NEED_LOGIN, .max_body = 1024 },
	[ST_TWO_STEP_CONFIRM] = { .pat = { HTTP_POST, "/studio/account/two-step/confirm" },
		.fn = page_two_step_confirm, .needs = NEED_LOGIN, .fields = two_step_confirm_fields,
		.max_body = 1024 },
	[ST_TWO_STEP_OFF] = { .pat = { HTTP_POST, "/studio/account/two-step/off" },
		.fn = page_two_step_off, .needs = NEED_LOGIN, .fields = two_step_off_fields,
		.max_body = 2048 },
	[ST_TWO_STEP_RECOVERY] = { .pat = { HTTP_POST, "/studio/account/two-step/recovery" },
		.fn = page_two_step_recovery, .needs = NEED_LOGIN, .fields = two_step_off_fields,
		.max_body = 2048 },
	/* admin: every /admin route needs NEED_ADMIN (tests/http/admin.test.mjs walks them all) */
	[ST_ADMIN] = { .pat = { HTTP_GET, "/admin" }, .fn = page_admin_home, .needs = NEED_SESSION | NEED_ADMIN },
	[ST_ADMIN_USERS] = { .pat = { HTTP_GET, "/admin/users" }, .fn = page_admin_users,
		.needs = NEED_SESSION | NEED_ADMIN, .fields = admin_users_fields },
	[ST_ADMIN_USER] = { .pat = { HTTP_GET, "/admin/users/{id}" }, .fn = page_admin_user,
		.needs = NEED_SESSION | NEED_ADMIN, .path = path_id, .fields = admin_user_fields },
	[ST_ADMIN_USER_SUSPEND] = { .pat = { HTTP_POST, "/admin/users/{id}/suspend" },
		.fn = page_admin_user_suspend, .needs = NEED_ADMIN, .path = path_id,
		.fields = admin_reason_fields, .max_body = 4096 },
	[ST_ADMIN_USER_REINSTATE] = { .pat = { HTTP_POST, "/admin/users/{id}/reinstate" },
		.fn = page_admin_user_reinstate, .needs = NEED_ADMIN, .path = path_id,
		.fields = admin_reason_fields, .max_body = 4096 },
	[ST_ADMIN_USER_ROLE] = { .pat = { HTTP_POST, "/admin/users/{id}/role" }, .fn = page_admin_user_role,
		.needs = NEED_ADMIN, .path = path_id, .fields = admin_role_fields, .max_body = 4096 },
	[ST_ADMIN_AUDIT] = { .pat = { HTTP_GET, "/admin/audit" }, .fn = page_admin_audit,
		.needs = NEED_SESSION | NEED_ADMIN, .fields = admin_audit_fields },
	[ST_ADMIN_SYSTEM] = { .pat = { HTTP_GET, "/admin/system" }, .fn = page_admin_system,
		.needs = NEED_SESSION | NEED_ADMIN },
	/* moderation and brand approval: admin_moderation.c, admin_brands.c */
	[ST_ADMIN_MODERATION] = { .pat = { HTTP_GET, "/admin/moderation" }, .fn = page_admin_moderation,
		.needs = NEED_SESSION | NEED_ADMIN, .fields = admin_done_fields },
	[ST_ADMIN_TAKE_DOWN] = { .pat = { HTTP_POST, "/admin/moderation/take-down" }, .fn = page_admin_take_down,
		.needs = NEED_ADMIN, .fields = admin_takedown_fields, .max_body = 8192 },
	[ST_ADMIN_RESTORE] = { .pat = { HTTP_POST, "/admin/moderation/restore" }, .fn = page_admin_restore,
		.needs = NEED_ADMIN, .fields = admin_takedown_fields, .max_body = 8192 },
	[ST_ADMIN_REPORT_DISMISS] = { .pat = { HTTP_POST, "/admin/moderation/reports/{id}/dismiss" },
		.fn = page_admin_report_dismiss, .needs = NEED_ADMIN, .path = path_id, .max_body = 1024 },
	[ST_ADMIN_BRANDS] = { .pat = { HTTP_GET, "/admin/brands" }, .fn = page_admin_brands,
		.needs = NEED_SESSION | NEED_ADMIN, .fields = admin_done_fields },
	[ST_ADMIN_BRAND_APPROVE] = { .pat = { HTTP_POST, "/admin/brands/{id}/approve" },
		.fn = page_admin_brand_approve, .needs = NEED_ADMIN, .path = path_id, .max_body = 1024 },
	/* account_email.c, account_delete.c, account_export.c: the address, deletion, the export */
	[ST_SIGNUP_SENT] = { .pat = { HTTP_GET, "/signup/sent" }, .fn = page_signup_sent },
	[ST_VERIFY_OPEN] = { .pat = { HTTP_GET, "/login/verify/{token}" }, .fn = page_verify_open,
		.needs = NEED_SESSION, .path = path_token },
	[ST_VERIFY_USE] = { .pat = { HTTP_POST, "/login/verify/{token}" }, .fn = page_verify_use,
		.path = path_token, .max_body = 1024 },
	[ST_ACCOUNT_EMAIL] = { .pat = { HTTP_POST, "/studio/account/email" }, .fn = page_account_email,
		.needs = NEED_LOGIN, .fields = account_email_fields, .max_body = 2048 },
	[ST_ACCOUNT_VERIFY] = { .pat = { HTTP_POST, "/studio/account/verify" },
		.fn = page_account_verify_resend, .needs = NEED_LOGIN, .max_body = 1024 },
	[ST_ACCOUNT_DELETE_FORM] = { .pat = { HTTP_GET, "/studio/account/delete" },
		.fn = page_account_delete_form, .needs = NEED_LOGIN },
	[ST_ACCOUNT_DELETE] = { .pat = { HTTP_POST, "/studio/account/delete" }, .fn = page_account_delete,
		.needs = NEED_LOGIN, .fields = account_reauth_fields, .max_body = 1024 },
	[ST_ACCOUNT_EXPORT] = { .pat = { HTTP_GET, "/studio/account/export.json" }, .fn = page_account_export,
		.needs = NEED_LOGIN },
	/* shopper_keep.c: following creators and saving products (an anonymous visitor is sent to log in) */
	[ST_FOLLOW] = { .pat = { HTTP_GET, "/studio/follow/{id}" }, .fn = page_follow,
		.needs = NEED_LOGIN, .path = path_id },
	[ST_FOLLOW_ADD] = { .pat = { HTTP_POST, "/studio/follow/{id}" }, .fn = page_follow_add,
		.needs = NEED_LOGIN, .path = path_id, .max_body = 1024 },
	[ST_FOLLOW_REMOVE] = { .pat = { HTTP_POST, "/studio/follow/{id}/remove" }, .fn = page_follow_remove,
		.needs = NEED_LOGIN, .path = path_id, .max_body = 1024 },
	[ST_SAVE] = { .pat = { HTTP_GET, "/studio/save/{id}" }, .fn = page_save,
		.needs = NEED_LOGIN, .path = path_id },
	[ST_SAVE_ADD] = { .pat = { HTTP_POST, "/studio/save/{id}" }, .fn = page_save_add,
		.needs = NEED_LOGIN, .path = path_id, .max_body = 1024 },
	[ST_SAVE_REMOVE] = { .pat = { HTTP_POST, "/studio/save/{id}/remove" }, .fn = page_save_remove,
		.needs = NEED_LOGIN, .path = path_id, .max_body = 1024 },
	[ST_ACCOUNT_NOTIFICATIONS] = { .pat = { HTTP_GET, "/studio/account/notifications" },
		.fn = page_account_notifications, .needs = NEED_LOGIN, .fields = account_notify_query_fields },
	[ST_ACCOUNT_NOTIFICATIONS_SAVE] = { .pat = { HTTP_POST, "/studio/account/notifications" },
		.fn = page_account_notifications_save, .needs = NEED_LOGIN, .fields = account_notify_fields,
		.max_body = 2048 },
	/* admin_user.c: helping an owner back in (admin_access.h) */
	[ST_ADMIN_USER_RESEND_VERIFICATION] = { .pat = { HTTP_POST, "/admin/users/{id}/resend-verification" },
		.fn = page_admin_user_resend_verification, .needs = NEED_ADMIN, .path = path_id, .max_body = 1024 },
	[ST_ADMIN_USER_TWO_STEP_OFF] = { .pat = { HTTP_POST, "/admin/users/{id}/two-step-off" },
		.fn = page_admin_user_two_step_off, .needs = NEED_ADMIN, .path = path_id,
		.fields = admin_reason_fields, .max_body = 4096 },
	/* going live from an encoder: live_stream.c, and the streaming server's callbacks,
	 * live_stream_hook.c (allowed by address, the key is the authentication: no CSRF token) */
	[ST_LIVE_STREAM_KEY] = { .pat = { HTTP_POST, "/studio/live/{id}/stream-key" },
		.fn = page_studio_live_stream_key, .needs = NEED_CREATOR, .path = path_id, .max_body = 1024 },
	[ST_LIVE_STREAM_REVOKE] = { .pat = { HTTP_POST, "/studio/live/{id}/stream-key/revoke" },
		.fn = page_studio_live_stream_revoke, .needs = NEED_CREATOR, .path = path_id, .max_body = 1024 },
	[ST_LIVE_STREAM_PUBLISH] = { .pat = { HTTP_POST, "/studio/streaming/publish" },
		.fn = page_live_stream_publish, .needs = NEED_SIGNED, .fields = live_stream_hook_fields,
		.max_body = 4096 },
	[ST_LIVE_STREAM_UPDATE] = { .pat = { HTTP_POST, "/studio/streaming/update" },
		.fn = page_live_stream_update, .needs = NEED_SIGNED, .fields = live_stream_hook_fields,
		.max_body = 4096 },
	[ST_LIVE_STREAM_DONE] = { .pat = { HTTP_POST, "/studio/streaming/done" },
		.fn = page_live_stream_done, .needs = NEED_SIGNED, .fields = live_stream_hook_fields,
		.max_body = 4096 },
	[ST_LIVE_STREAM_RECORDED] = { .pat = { HTTP_POST, "/studio/streaming/recorded" },
		.fn = page_live_stream_recorded, .needs = NEED_SIGNED, .fields = live_stream_hook_fields,
		.max_body = 4096 },
	/* covers, ad heroes and video posters, uploaded like product pictures: cover_upload.c */
	[ST_CR_COVER_UPLOAD] = { .pat = { HTTP_POST, "/studio/creator/profile/cover" },
		.fn = page_creator_cover_upload, .needs = NEED_CREATOR | NEED_MULTIPART,
		.max_body = STUDIO_IMAGE_UPLOAD_BODY },
	[ST_CR_COLLECTION_COVER_UPLOAD] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}/cover" },
		.fn = page_collection_cover_upload, .needs = NEED_CREATOR | NEED_MULTIPART, .path = path_id,
		.max_body = STUDIO_IMAGE_UPLOAD_BODY },
	[ST_AD_HERO_UPLOAD] = { .pat = { HTTP_POST, "/studio/ads/{id}/hero" },
		.fn = page_ad_hero_upload, .needs = NEED_BRAND | NEED_MULTIPART, .path = path_id,
		.max_body = STUDIO_IMAGE_UPLOAD_BODY },
	[ST_CR_AD_HERO_UPLOAD] = { .pat = { HTTP_POST, "/studio/creator/ads/{id}/hero" },
		.fn = page_creator_ad_hero_upload, .needs = NEED_CREATOR | NEED_MULTIPART, .path = path_id,
		.max_body = STUDIO_IMAGE_UPLOAD_BODY },
	[ST_VIDEO_POSTER] = { .pat = { HTTP_GET, "/studio/videos/{id}/poster" }, .fn = page_video_poster,
		.needs = NEED_SESSION | NEED_OWNER, .path = path_id },
	[ST_VIDEO_POSTER_UPLOAD] = { .pat = { HTTP_POST, "/studio/videos/{id}/poster" },
		.fn = page_video_poster_upload, .needs = NEED_OWNER | NEED_MULTIPART, .path = path_id,
		.max_body = STUDIO_IMAGE_UPLOAD_BODY },
	[ST_VIDEO_POSTER_FRAME] = { .pat = { HTTP_POST, "/studio/videos/{id}/poster-frame" },
		.fn = page_video_poster_frame, .needs = NEED_OWNER, .path = path_id,
		.fields = video_poster_frame_fields, .max_body = 1024 },
	[ST_CR_COVER_REMOVE] = { .pat = { HTTP_POST, "/studio/creator/profile/cover/remove" },
		.fn = page_creator_cover_remove, .needs = NEED_CREATOR, .max_body = 1024 },
	[ST_CR_COLLECTION_COVER_REMOVE] = { .pat = { HTTP_POST, "/studio/creator/collections/{id}/cover/remove" },
		.fn = page_collection_cover_remove, .needs = NEED_CREATOR, .path = path_id, .max_body = 1024 },
};
_Static_assert(sizeof routes / sizeof routes[0] == ST__MAX, "one row per studio page");

int main(int argc, char **argv)
{
	static const struct app studio = {
		.name = "studio", .routes = routes, .nroutes = ST__MAX, .writes_media = true,
		.layout = studio_layout_show, .admin_gate = admin_gate_two_step,
	};
	notify_renderer_set(notice_text_render);
	return worker_main(&studio, argc, argv);
}
