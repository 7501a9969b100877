/* suites.h: one Check suite per core module, all run by main.c. */
#ifndef CC_TEST_SUITES_H
#define CC_TEST_SUITES_H
#include <check.h>

Suite *utf8_suite(void);
Suite *kv_suite(void);
Suite *router_suite(void);
Suite *money_suite(void);
Suite *token_suite(void);

#endif
