/* main.c: the unit test runner; every module's suite in one SRunner, non-zero exit on any failure. */
#include <stdlib.h>
#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(utf8_suite());
	srunner_add_suite(sr, kv_suite());
	srunner_add_suite(sr, router_suite());
	srunner_add_suite(sr, input_suite());
	srunner_add_suite(sr, money_suite());
	srunner_add_suite(sr, token_suite());
	srunner_add_suite(sr, order_state_suite());
	srunner_add_suite(sr, order_ref_suite());
	srunner_add_suite(sr, csv_out_suite());
	srunner_add_suite(sr, base_url_suite());
	srunner_add_suite(sr, json_script_suite());
	srunner_add_suite(sr, arena_suite());
	srunner_add_suite(sr, colour_swatch_suite());
	srunner_add_suite(sr, summary_suite());
	srunner_add_suite(sr, jsonld_suite());
	srunner_add_suite(sr, mime_suite());
	srunner_add_suite(sr, mail_html_suite());
	srunner_add_suite(sr, tmpl_suite());
	srunner_add_suite(sr, notify_suite());
	srunner_add_suite(sr, attribution_suite());
	srunner_add_suite(sr, commission_suite());
	srunner_add_suite(sr, commission_rate_suite());
	srunner_add_suite(sr, discount_suite());
	srunner_add_suite(sr, creators_suite());
	srunner_add_suite(sr, product_suite());
	srunner_add_suite(sr, wire_suite());
	srunner_add_suite(sr, sanitize_suite());
	srunner_add_suite(sr, metrics_suite());
	srunner_add_suite(sr, multipart_suite());
	srunner_add_suite(sr, catalog_suite());
	srunner_add_suite(sr, connectors_suite());
	srunner_add_suite(sr, catalog_wire_suite());
	srunner_add_suite(sr, video_suite());
	srunner_add_suite(sr, leads_suite());
	srunner_add_suite(sr, lead_centre_suite());
	srunner_add_suite(sr, netcheck_suite());
	srunner_add_suite(sr, outbound_url_suite());
	srunner_add_suite(sr, live_suite());
	srunner_add_suite(sr, live_stream_suite());
	srunner_add_suite(sr, ads_suite());
	srunner_add_suite(sr, showcase_suite());
	srunner_add_suite(sr, media_from_suite());
	srunner_add_suite(sr, dns_suite());
	srunner_add_suite(sr, best_sellers_suite());
	srunner_add_suite(sr, sales_rollup_suite());
	srunner_add_suite(sr, sandbox_suite());
	srunner_add_suite(sr, sample_suite());
	srunner_add_suite(sr, tax_suite());
	srunner_add_suite(sr, address_suite());
	srunner_add_suite(sr, payouts_suite());
	srunner_add_suite(sr, pay_paypal_suite());
	srunner_add_suite(sr, pay_mollie_suite());
	srunner_add_suite(sr, payment_stripe_suite());
	srunner_add_suite(sr, pay_test_suite());
	srunner_add_suite(sr, sql_split_suite());
	srunner_add_suite(sr, abuse_suite());
	srunner_add_suite(sr, password_policy_suite());
	srunner_add_suite(sr, secure_headers_suite());
	srunner_add_suite(sr, csrf_anon_suite());
	srunner_add_suite(sr, sign_in_suite());
	srunner_add_suite(sr, totp_suite());
	srunner_add_suite(sr, moderation_suite());
	srunner_add_suite(sr, search_terms_suite());
	srunner_add_suite(sr, image_suite());
	srunner_add_suite(sr, gzip_page_suite());
	srunner_add_suite(sr, tally_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
