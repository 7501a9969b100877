/* test_colour_swatch.c: colour names brands write become the picker's swatch classes, whole or by
 * their last word, in any case; names the table does not know, and options that are not
 * colours, draw no swatch. */
#include <check.h>
#include "lib/colour_swatch.h"
#include "suites.h"

START_TEST(test_colour_swatch_knows_the_option_names_of_colour)
{
	ck_assert(colour_swatch_option("Color"));
	ck_assert(colour_swatch_option("colour"));
	ck_assert(colour_swatch_option("FARBE"));
	ck_assert(!colour_swatch_option("Size"));
	ck_assert(!colour_swatch_option("Finish"));
	ck_assert(!colour_swatch_option(""));
}
END_TEST

START_TEST(test_colour_swatch_maps_whole_names_then_the_last_word)
{
	ck_assert_str_eq(colour_swatch_class("Charcoal"), "swatch-charcoal");
	ck_assert_str_eq(colour_swatch_class("moss"), "swatch-moss");
	ck_assert_str_eq(colour_swatch_class("Space Grey"), "swatch-grey");
	ck_assert_str_eq(colour_swatch_class("Dark Green "), "swatch-green");
	ck_assert_str_eq(colour_swatch_class("Off-White"), "swatch-cream");
	ck_assert_str_eq(colour_swatch_class("Oat"), "swatch-beige");
}
END_TEST

START_TEST(test_colour_swatch_leaves_unknown_names_as_words)
{
	ck_assert_ptr_null(colour_swatch_class("Cherry Blossom"));
	ck_assert_ptr_null(colour_swatch_class("Verde"));
	ck_assert_ptr_null(colour_swatch_class(""));
	ck_assert_ptr_null(colour_swatch_class("   "));
	ck_assert_ptr_null(colour_swatch_class("Greyish"));
}
END_TEST

Suite *colour_swatch_suite(void)
{
	Suite *s = suite_create("colour_swatch");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_colour_swatch_knows_the_option_names_of_colour);
	tcase_add_test(tc, test_colour_swatch_maps_whole_names_then_the_last_word);
	tcase_add_test(tc, test_colour_swatch_leaves_unknown_names_as_words);
	suite_add_tcase(s, tc);
	return s;
}
