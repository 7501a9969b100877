/* main.c: the unit test runner; every module's suite in one SRunner, non-zero exit on any failure. */
#include <stdlib.h>
#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(utf8_suite());
	srunner_add_suite(sr, kv_suite());
	srunner_add_suite(sr, router_suite());
	srunner_add_suite(sr, money_suite());
	srunner_add_suite(sr, token_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
