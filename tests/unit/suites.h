/* suites.h: one Check suite per core module, all run by main.c. */
#ifndef CC_TEST_SUITES_H
#define CC_TEST_SUITES_H
#include <check.h>

Suite *utf8_suite(void);
Suite *kv_suite(void);
Suite *router_suite(void);
Suite *input_suite(void);
Suite *money_suite(void);
Suite *token_suite(void);
Suite *order_state_suite(void);
Suite *csv_out_suite(void);
Suite *base_url_suite(void);
Suite *attribution_suite(void);
Suite *commission_suite(void);
Suite *commission_rate_suite(void);
Suite *discount_suite(void);
Suite *creators_suite(void);
Suite *product_suite(void);
Suite *wire_suite(void);
Suite *sanitize_suite(void);
Suite *multipart_suite(void);
Suite *catalog_suite(void);
Suite *catalog_wire_suite(void);
Suite *video_suite(void);
Suite *leads_suite(void);
Suite *netcheck_suite(void);
Suite *outbound_url_suite(void);
Suite *live_suite(void);
Suite *ads_suite(void);
Suite *showcase_suite(void);
Suite *media_from_suite(void);
Suite *dns_suite(void);
Suite *best_sellers_suite(void);
Suite *sandbox_suite(void);
Suite *sample_suite(void);
Suite *tax_suite(void);
Suite *address_suite(void);
Suite *payouts_suite(void);
Suite *pay_paypal_suite(void);
Suite *pay_mollie_suite(void);
Suite *payment_stripe_suite(void);
Suite *pay_test_suite(void);
Suite *mime_suite(void);
Suite *mail_html_suite(void);

#endif
