/* main.c: the studio program's routing table, top to bottom. */
#include "ads.h"
#include "forms.h"
#include "live_studio.h"
#include "products.h"
#include "products_form.h"
#include "showcases.h"
#include "studio.h"

static const struct field no_fields[] = { { NULL, 0 } };
static const struct field import_fields[] = { { "format", 20 }, { NULL, 0 } };
static const struct field login_fields[] = {
	{ "email", 254 }, { "password", 128 }, { "next", 300 }, { NULL, 0 },
};
static const struct field signup_fields[] = {
	{ "email", 254 }, { "password", 128 }, { "display_name", 80 }, { "role", 10 },
	{ "handle", 30 }, { "brand_name", 120 }, { NULL, 0 },
};

enum studio_page { ST_LOGIN_FORM, ST_LOGIN, ST_LOGOUT, ST_SIGNUP_FORM, ST_SIGNUP, ST_HOME,
	ST_PRODUCTS, ST_PRODUCT_NEW, ST_PRODUCT_CREATE, ST_PRODUCT_EDIT, ST_PRODUCT_SAVE, ST_PRODUCT_STATUS,
	ST_MARKETPLACE_FORM, ST_MARKETPLACE_SAVE, ST_MARKETPLACE_PRODUCT, ST_API_KEYS, ST_API_KEY_CREATE,
	ST_API_KEY_REVOKE,
	ST_CR_PROFILE_FORM, ST_CR_PROFILE, ST_CR_MARKET, ST_CR_PICK_ADD, ST_CR_PICKS, ST_CR_PICK_MOVE,
	ST_CR_PICK_REMOVE, ST_CR_COLLECTIONS, ST_CR_COLLECTION_CREATE, ST_CR_COLLECTION_MOVE, ST_CR_COLLECTION_EDIT,
	ST_CR_COLLECTION_SAVE, ST_CR_ITEM_ADD, ST_CR_ITEM_MOVE, ST_CR_ITEM_NOTE, ST_CR_ITEM_REMOVE,
	ST_CR_LINKS, ST_CR_LINK_CREATE, ST_BR_PROGRAM_FORM, ST_BR_PROGRAM, ST_BR_PICK_REQUESTS,
	ST_BR_PICK_DECIDE, ST_CR_DASHBOARD, ST_CR_DASHBOARD_CSV, ST_BR_DASHBOARD, ST_BR_DASHBOARD_CSV,
	ST_BR_PAYOUT, ST_ORDERS, ST_ORDERS_CSV, ST_ORDER, ST_ORDER_TRANSITION, ST_ORDER_REFUND,
	ST_IMPORT_FORM, ST_IMPORT, ST_BR_SHIPPING_FORM, ST_BR_SHIPPING,
	ST_VIDEOS, ST_VIDEO_PUBLISH, ST_VIDEO_UPLOAD,
	ST_FORMS, ST_FORM_CREATE, ST_FORM_EDIT, ST_FORM_SAVE, ST_FORM_FIELD_ADD, ST_FORM_FIELD_POSITION,
	ST_FORM_FIELD_REMOVE,
	ST_LEADS, ST_LEADS_CSV, ST_LEADS_WEBHOOK, ST_LEADS_WEBHOOK_SAVE, ST_LEAD, ST_LEAD_DELETE,
	ST_CR_LINK_DELETE,
	ST_LIVE_LIST, ST_LIVE_CREATE, ST_LIVE_PANEL, ST_LIVE_STATE, ST_LIVE_PIN, ST_LIVE_SETTINGS,
	ST_LIVE_ANSWER, ST_LIVE_ANSWERED, ST_LIVE_HIDE, ST_LIVE_BLOCK,
	ST_DOMAINS, ST_DOMAIN_ADD, ST_DOMAIN_REMOVE, ST_ADS, ST_AD_NEW, ST_AD_CREATE, ST_AD_EDIT, ST_AD_SAVE,
	ST_DOMAIN_CHECK,
	ST_SHOWCASES, ST_SHOWCASE_NEW, ST_SHOWCASE_CREATE, ST_SHOWCASE_EDIT, ST_SHOWCASE_SAVE, ST_SHOWCASE_DELETE,
	ST_AD_STATE, ST_CR_ADS, ST_CR_AD_NEW, ST_CR_AD_CREATE, ST_CR_AD_EDIT, ST_CR_AD_SAVE,
	ST__MAX };

static const struct route routes[] = {
	[ST_LOGIN_FORM] = { { HTTP_GET, "/login" }, page_login_form, NEED_SESSION, login_fields },
	[ST_LOGIN] = { { HTTP_POST, "/login" }, page_login, 0, login_fields },
	[ST_LOGOUT] = { { HTTP_POST, "/logout" }, page_logout, 0, no_fields },
	[ST_SIGNUP_FORM] = { { HTTP_GET, "/signup" }, page_signup_form, NEED_SESSION, no_fields },
	[ST_SIGNUP] = { { HTTP_POST, "/signup" }, page_signup, 0, signup_fields },
	[ST_HOME] = { { HTTP_GET, "/studio" }, page_studio_home, NEED_LOGIN, no_fields },
	[ST_PRODUCTS] = { { HTTP_GET, "/studio/products" }, page_products_list, NEED_SESSION | NEED_BRAND, products_list_fields },
	[ST_PRODUCT_NEW] = { { HTTP_GET, "/studio/products/new" }, page_products_new, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_PRODUCT_CREATE] = { { HTTP_POST, "/studio/products" }, page_products_create, NEED_BRAND, products_form_fields, 0, PF_MAX_FIELDS },
	[ST_PRODUCT_EDIT] = { { HTTP_GET, "/studio/products/{id}" }, page_products_edit, NEED_SESSION | NEED_BRAND, products_edit_fields },
	[ST_PRODUCT_SAVE] = { { HTTP_POST, "/studio/products/{id}" }, page_products_update, NEED_BRAND, products_form_fields, 0, PF_MAX_FIELDS },
	[ST_PRODUCT_STATUS] = { { HTTP_POST, "/studio/products/{id}/status" }, page_products_status, NEED_BRAND, products_status_fields },
	[ST_MARKETPLACE_FORM] = { { HTTP_GET, "/studio/marketplace" }, page_marketplace_form, NEED_SESSION | NEED_BRAND, marketplace_fields },
	[ST_MARKETPLACE_SAVE] = { { HTTP_POST, "/studio/marketplace" }, page_marketplace_save, NEED_BRAND, marketplace_fields },
	[ST_MARKETPLACE_PRODUCT] = { { HTTP_POST, "/studio/marketplace/products/{id}" }, page_marketplace_product, NEED_BRAND, marketplace_fields },
	[ST_API_KEYS] = { { HTTP_GET, "/studio/api-keys" }, page_api_keys, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_API_KEY_CREATE] = { { HTTP_POST, "/studio/api-keys" }, page_api_keys_create, NEED_BRAND, api_keys_fields },
	[ST_API_KEY_REVOKE] = { { HTTP_POST, "/studio/api-keys/{id}/revoke" }, page_api_keys_revoke, NEED_BRAND, no_fields },
	/* creators (issue 4): studio pages for creators, and the brand side of picks and attribution */
	[ST_CR_PROFILE_FORM] = { { HTTP_GET, "/studio/creator/profile" }, page_creator_profile_form, NEED_SESSION | NEED_CREATOR, creator_saved_fields },
	[ST_CR_PROFILE] = { { HTTP_POST, "/studio/creator/profile" }, page_creator_profile, NEED_CREATOR, creator_profile_fields, 32768 },
	[ST_CR_MARKET] = { { HTTP_GET, "/studio/creator/marketplace" }, page_creator_marketplace, NEED_SESSION | NEED_CREATOR, creator_added_fields },
	[ST_CR_PICK_ADD] = { { HTTP_POST, "/studio/creator/picks" }, page_creator_pick_add, NEED_CREATOR, creator_pick_fields, 1024 },
	[ST_CR_PICKS] = { { HTTP_GET, "/studio/creator/picks" }, page_creator_picks, NEED_SESSION | NEED_CREATOR, no_fields },
	[ST_CR_PICK_MOVE] = { { HTTP_POST, "/studio/creator/picks/{id}/move" }, page_creator_pick_move, NEED_CREATOR, creator_move_fields, 1024 },
	[ST_CR_PICK_REMOVE] = { { HTTP_POST, "/studio/creator/picks/{id}/remove" }, page_creator_pick_remove, NEED_CREATOR, no_fields, 1024 },
	[ST_CR_COLLECTIONS] = { { HTTP_GET, "/studio/creator/collections" }, page_creator_collections, NEED_SESSION | NEED_CREATOR, no_fields },
	[ST_CR_COLLECTION_CREATE] = { { HTTP_POST, "/studio/creator/collections" }, page_creator_collection_create, NEED_CREATOR, creator_collection_fields, 8192 },
	[ST_CR_COLLECTION_MOVE] = { { HTTP_POST, "/studio/creator/collections/{id}/move" }, page_creator_collection_move, NEED_CREATOR, creator_move_fields, 1024 },
	[ST_CR_COLLECTION_EDIT] = { { HTTP_GET, "/studio/creator/collections/{id}" }, page_creator_collection_edit, NEED_SESSION | NEED_CREATOR, no_fields },
	[ST_CR_COLLECTION_SAVE] = { { HTTP_POST, "/studio/creator/collections/{id}" }, page_creator_collection_update, NEED_CREATOR, creator_collection_fields, 8192 },
	[ST_CR_ITEM_ADD] = { { HTTP_POST, "/studio/creator/collections/{id}/items" }, page_creator_collection_item_add, NEED_CREATOR, creator_pick_fields, 1024 },
	[ST_CR_ITEM_MOVE] = { { HTTP_POST, "/studio/creator/collections/{id}/items/{product}/move" }, page_creator_collection_item_move, NEED_CREATOR, creator_move_fields, 1024 },
	[ST_CR_ITEM_NOTE] = { { HTTP_POST, "/studio/creator/collections/{id}/items/{product}/note" }, page_creator_collection_item_note, NEED_CREATOR, creator_note_fields, 4096 },
	[ST_CR_ITEM_REMOVE] = { { HTTP_POST, "/studio/creator/collections/{id}/items/{product}/remove" }, page_creator_collection_item_remove, NEED_CREATOR, no_fields, 1024 },
	[ST_CR_LINKS] = { { HTTP_GET, "/studio/creator/links" }, page_creator_links, NEED_SESSION | NEED_CREATOR, creator_links_fields },
	[ST_CR_LINK_CREATE] = { { HTTP_POST, "/studio/creator/links" }, page_creator_link_create, NEED_CREATOR, creator_link_fields, 1024 },
	[ST_BR_PROGRAM_FORM] = { { HTTP_GET, "/studio/brand/creator-program" }, page_brand_creator_program_form, NEED_SESSION | NEED_BRAND, creator_saved_fields },
	[ST_BR_PROGRAM] = { { HTTP_POST, "/studio/brand/creator-program" }, page_brand_creator_program, NEED_BRAND, brand_program_fields, 1024 },
	[ST_BR_SHIPPING_FORM] = { { HTTP_GET, "/studio/brand/shipping" }, page_brand_shipping_form, NEED_SESSION | NEED_BRAND, creator_saved_fields },
	[ST_BR_SHIPPING] = { { HTTP_POST, "/studio/brand/shipping" }, page_brand_shipping, NEED_BRAND, brand_shipping_fields, 1024 },
	[ST_BR_PICK_REQUESTS] = { { HTTP_GET, "/studio/brand/pick-requests" }, page_pick_requests, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_BR_PICK_DECIDE] = { { HTTP_POST, "/studio/brand/pick-requests/{id}" }, page_pick_request_decide, NEED_BRAND, pick_decision_fields, 1024 },
	[ST_CR_DASHBOARD] = { { HTTP_GET, "/studio/creator/dashboard" }, page_dashboard_creator, NEED_CREATOR, dashboard_fields },
	[ST_CR_DASHBOARD_CSV] = { { HTTP_GET, "/studio/creator/dashboard.csv" }, page_dashboard_creator, NEED_CREATOR, dashboard_fields },
	[ST_BR_DASHBOARD] = { { HTTP_GET, "/studio/brand/dashboard" }, page_dashboard_brand, NEED_SESSION | NEED_BRAND, dashboard_fields },
	[ST_BR_DASHBOARD_CSV] = { { HTTP_GET, "/studio/brand/dashboard.csv" }, page_dashboard_brand, NEED_BRAND, dashboard_fields },
	[ST_BR_PAYOUT] = { { HTTP_POST, "/studio/brand/payouts" }, page_dashboard_brand_payout, NEED_BRAND, payout_fields, 1024 },
	/* brand fulfilment (issue 5): orders_*.c */
	[ST_ORDERS] = { { HTTP_GET, "/studio/orders" }, page_orders_list, NEED_SESSION | NEED_BRAND, orders_list_fields },
	[ST_ORDERS_CSV] = { { HTTP_GET, "/studio/orders.csv" }, page_orders_csv, NEED_BRAND, orders_list_fields },
	[ST_ORDER] = { { HTTP_GET, "/studio/orders/{number}" }, page_order_detail, NEED_SESSION | NEED_BRAND, order_detail_fields },
	[ST_ORDER_TRANSITION] = { { HTTP_POST, "/studio/orders/{number}/transition" }, page_order_transition, NEED_BRAND, order_transition_fields, 2048 },
	[ST_ORDER_REFUND] = { { HTTP_POST, "/studio/orders/{number}/refund" }, page_order_refund, NEED_BRAND, order_refund_fields, 16384 },
	/* catalog upload (issue 3): the file arrives as multipart/form-data, up to 16 MiB */
	[ST_IMPORT_FORM] = { { HTTP_GET, "/studio/import" }, page_import_form, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_IMPORT] = { { HTTP_POST, "/studio/import" }, page_import, NEED_BRAND | NEED_MULTIPART, import_fields, 16 << 20 },
	/* shoppable videos (issue 6): videos.c; creators and brands both (NEED_OWNER) */
	[ST_VIDEOS] = { { HTTP_GET, "/studio/videos" }, page_studio_videos, NEED_SESSION | NEED_OWNER, video_fields },
	[ST_VIDEO_PUBLISH] = { { HTTP_POST, "/studio/videos" }, page_studio_video_publish, NEED_OWNER, video_fields, 16384 },
	[ST_VIDEO_UPLOAD] = { { HTTP_POST, "/studio/videos/upload" }, page_studio_video_upload, NEED_OWNER | NEED_MULTIPART, no_fields, STUDIO_VIDEO_UPLOAD_BODY },
	/* lead forms (issue 8): forms*.c builds them, leads*.c lists, exports, erases and syncs leads */
	[ST_FORMS] = { { HTTP_GET, "/studio/forms" }, page_forms_list, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_FORM_CREATE] = { { HTTP_POST, "/studio/forms" }, page_forms_create, NEED_BRAND, forms_create_fields, 4096 },
	[ST_FORM_EDIT] = { { HTTP_GET, "/studio/forms/{id}" }, page_forms_edit, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_FORM_SAVE] = { { HTTP_POST, "/studio/forms/{id}" }, page_forms_save, NEED_BRAND, forms_save_fields, 32768 },
	[ST_FORM_FIELD_ADD] = { { HTTP_POST, "/studio/forms/{id}/fields" }, page_forms_field_add, NEED_BRAND, forms_field_fields, 16384 },
	[ST_FORM_FIELD_POSITION] = { { HTTP_POST, "/studio/forms/{id}/fields/{field}/position" }, page_forms_field_position, NEED_BRAND, forms_position_fields, 1024 },
	[ST_FORM_FIELD_REMOVE] = { { HTTP_POST, "/studio/forms/{id}/fields/{field}/remove" }, page_forms_field_remove, NEED_BRAND, no_fields, 1024 },
	[ST_LEADS] = { { HTTP_GET, "/studio/leads" }, page_leads_list, NEED_SESSION | NEED_BRAND, leads_list_fields },
	[ST_LEADS_CSV] = { { HTTP_GET, "/studio/leads.csv" }, page_leads_csv, NEED_BRAND, leads_list_fields },
	[ST_LEADS_WEBHOOK] = { { HTTP_GET, "/studio/leads/webhook" }, page_leads_webhook, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_LEADS_WEBHOOK_SAVE] = { { HTTP_POST, "/studio/leads/webhook" }, page_leads_webhook_save, NEED_BRAND, leads_webhook_fields, 4096 },
	[ST_LEAD] = { { HTTP_GET, "/studio/leads/{id}" }, page_leads_detail, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_LEAD_DELETE] = { { HTTP_POST, "/studio/leads/{id}/delete" }, page_leads_delete, NEED_BRAND, no_fields, 1024 },
	[ST_CR_LINK_DELETE] = { { HTTP_POST, "/studio/creator/links/{code}/delete" }, page_creator_link_delete, NEED_CREATOR, no_fields, 1024 },
	/* live shopping (issue 7): live_*.c; a session is its creator's, anyone else gets a 404 */
	[ST_LIVE_LIST] = { { HTTP_GET, "/studio/live" }, page_studio_live_list, NEED_SESSION | NEED_CREATOR, no_fields },
	[ST_LIVE_CREATE] = { { HTTP_POST, "/studio/live" }, page_studio_live_create, NEED_CREATOR, live_schedule_fields, 16384 },
	[ST_LIVE_PANEL] = { { HTTP_GET, "/studio/live/{id}" }, page_studio_live_panel, NEED_SESSION | NEED_CREATOR, no_fields },
	[ST_LIVE_STATE] = { { HTTP_POST, "/studio/live/{id}/state" }, page_studio_live_state, NEED_CREATOR, live_state_fields, 1024 },
	[ST_LIVE_PIN] = { { HTTP_POST, "/studio/live/{id}/pin" }, page_studio_live_pin, NEED_CREATOR, live_pin_fields, 1024 },
	[ST_LIVE_SETTINGS] = { { HTTP_POST, "/studio/live/{id}/settings" }, page_studio_live_settings, NEED_CREATOR, live_settings_fields, 8192 },
	[ST_LIVE_ANSWER] = { { HTTP_POST, "/studio/live/{id}/questions/{q}/answer" }, page_studio_live_answer, NEED_CREATOR, live_answer_fields, 8192 },
	[ST_LIVE_ANSWERED] = { { HTTP_POST, "/studio/live/{id}/questions/{q}/answered" }, page_studio_live_answered, NEED_CREATOR, no_fields, 1024 },
	[ST_LIVE_HIDE] = { { HTTP_POST, "/studio/live/{id}/questions/{q}/hide" }, page_studio_live_hide, NEED_CREATOR, no_fields, 1024 },
	[ST_LIVE_BLOCK] = { { HTTP_POST, "/studio/live/{id}/questions/{q}/block" }, page_studio_live_block, NEED_CREATOR, no_fields, 1024 },
	/* collection ads and verified domains (issue 6): ads.c, domains.c; "new" before "{id}" */
	[ST_DOMAINS] = { { HTTP_GET, "/studio/domains" }, page_studio_domains, NEED_SESSION | NEED_BRAND, domains_fields },
	[ST_DOMAIN_ADD] = { { HTTP_POST, "/studio/domains" }, page_studio_domain_add, NEED_BRAND, domains_fields, 2048 },
	[ST_DOMAIN_REMOVE] = { { HTTP_POST, "/studio/domains/{id}/remove" }, page_studio_domain_remove, NEED_BRAND, no_fields, 1024 },
	[ST_DOMAIN_CHECK] = { { HTTP_POST, "/studio/domains/{id}/check" }, page_studio_domain_check, NEED_BRAND, no_fields, 1024 },
	[ST_ADS] = { { HTTP_GET, "/studio/ads" }, page_studio_ads, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_AD_NEW] = { { HTTP_GET, "/studio/ads/new" }, page_studio_ad_edit, NEED_SESSION | NEED_BRAND, no_fields },
	[ST_AD_CREATE] = { { HTTP_POST, "/studio/ads" }, page_studio_ad_save, NEED_BRAND, ads_fields, 16384 },
	[ST_AD_EDIT] = { { HTTP_GET, "/studio/ads/{id}" }, page_studio_ad_edit, NEED_SESSION | NEED_BRAND, ads_fields },
	[ST_AD_SAVE] = { { HTTP_POST, "/studio/ads/{id}" }, page_studio_ad_save, NEED_BRAND, ads_fields, 16384 },
	/* dynamic showcases (issue 6): showcase*.c; creators and brands both (NEED_OWNER) */
	[ST_SHOWCASES] = { { HTTP_GET, "/studio/showcases" }, page_showcases, NEED_SESSION | NEED_OWNER, showcase_list_fields },
	[ST_SHOWCASE_NEW] = { { HTTP_GET, "/studio/showcases/new" }, page_showcase_new, NEED_SESSION | NEED_OWNER, no_fields },
	[ST_SHOWCASE_CREATE] = { { HTTP_POST, "/studio/showcases" }, page_showcase_create, NEED_OWNER, showcase_form_fields, 8192 },
	[ST_SHOWCASE_EDIT] = { { HTTP_GET, "/studio/showcases/{id}" }, page_showcase_edit, NEED_SESSION | NEED_OWNER, no_fields },
	[ST_SHOWCASE_SAVE] = { { HTTP_POST, "/studio/showcases/{id}" }, page_showcase_update, NEED_OWNER, showcase_form_fields, 8192 },
	[ST_SHOWCASE_DELETE] = { { HTTP_POST, "/studio/showcases/{id}/delete" }, page_showcase_delete, NEED_OWNER, no_fields, 1024 },
	/* creators' own collection ads (issue 6): creator_ads.c; the brand of their products may take
	 * one down (ads_state.c) but not edit it; the form and the save are shared (ad_form.c, ad_save.c) */
	[ST_AD_STATE] = { { HTTP_POST, "/studio/ads/{id}/state" }, page_studio_ad_state, NEED_BRAND, ad_state_fields, 1024 },
	[ST_CR_ADS] = { { HTTP_GET, "/studio/creator/ads" }, page_creator_ads, NEED_SESSION | NEED_CREATOR, no_fields },
	[ST_CR_AD_NEW] = { { HTTP_GET, "/studio/creator/ads/new" }, page_creator_ad_edit, NEED_SESSION | NEED_CREATOR, no_fields },
	[ST_CR_AD_CREATE] = { { HTTP_POST, "/studio/creator/ads" }, page_creator_ad_save, NEED_CREATOR, creator_ad_fields, 16384 },
	[ST_CR_AD_EDIT] = { { HTTP_GET, "/studio/creator/ads/{id}" }, page_creator_ad_edit, NEED_SESSION | NEED_CREATOR, creator_ad_fields },
	[ST_CR_AD_SAVE] = { { HTTP_POST, "/studio/creator/ads/{id}" }, page_creator_ad_save, NEED_CREATOR, creator_ad_fields, 16384 },
};
_Static_assert(sizeof routes / sizeof routes[0] == ST__MAX, "one row per studio page");

int main(int argc, char **argv)
{
	static const struct app studio = { "studio", routes, ST__MAX, NULL, NULL };
	return app_main(&studio, argc, argv);
}
