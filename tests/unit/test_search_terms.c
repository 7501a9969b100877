/* test_search_terms.c: the search box's words, trigrams, edit distance and boolean query, and a
 * category's name and slug from a product type. */
#include <string.h>
#include <check.h>
#include "suites.h"
#include "lib/category_name.h"
#include "lib/search_terms.h"

START_TEST(test_search_terms_lowercase_words_split_on_anything_else)
{
	struct search_terms t;
	ck_assert_uint_eq(search_terms_parse("Walnut monitor-STAND, 12oz!", &t), 4);
	ck_assert_str_eq(t.t[0].word, "walnut");
	ck_assert_str_eq(t.t[1].word, "monitor");
	ck_assert_str_eq(t.t[2].word, "stand");
	ck_assert_str_eq(t.t[3].word, "12oz");
}
END_TEST

START_TEST(test_search_terms_operators_never_survive)
{
	struct search_terms t;
	ck_assert_uint_eq(search_terms_parse("+walnut -stand* \"oak\" (desk) <lamp> ~mat @3 '", &t), 6);
	for (size_t i = 0; i < t.n; i++)
		ck_assert(strpbrk(t.t[i].word, "+-*\"()<>~@'") == NULL);
	ck_assert_str_eq(t.t[0].word, "walnut");
	ck_assert_str_eq(t.t[1].word, "stand");
}
END_TEST

START_TEST(test_search_terms_drop_short_words_stopwords_and_repeats)
{
	struct search_terms t;
	ck_assert_uint_eq(search_terms_parse("a tv of the walnut WALNUT for with desk", &t), 2);
	ck_assert_str_eq(t.t[0].word, "walnut");
	ck_assert_str_eq(t.t[1].word, "desk");
	ck_assert_uint_eq(search_terms_parse(NULL, &t), 0);
	ck_assert_uint_eq(search_terms_parse("", &t), 0);
}
END_TEST

START_TEST(test_search_terms_keep_at_most_eight_words_of_forty_bytes)
{
	struct search_terms t;
	ck_assert_uint_eq(search_terms_parse("one two three four five six seven eight nine ten", &t), SEARCH_TERMS_MAX);
	ck_assert_str_eq(t.t[7].word, "eight");
	char long_word[100];
	memset(long_word, 'x', sizeof long_word - 1);
	long_word[sizeof long_word - 1] = '\0';
	ck_assert_uint_eq(search_terms_parse(long_word, &t), 1);
	ck_assert_uint_eq(strlen(t.t[0].word), SEARCH_WORD_MAX);
}
END_TEST

START_TEST(test_search_terms_cut_utf8_at_a_character_boundary)
{
	struct search_terms t;
	/* "é" is two bytes: 25 of them are 50 bytes, cut to 40 whole bytes = 20 characters */
	char s[64] = "";
	for (int i = 0; i < 25; i++)
		strcat(s, "\xc3\xa9");
	ck_assert_uint_eq(search_terms_parse(s, &t), 1);
	ck_assert_uint_eq(strlen(t.t[0].word), 40);
	ck_assert_uint_eq(search_terms_parse("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", &t), 1);
	ck_assert_str_eq(t.t[0].word, "caf\xc3\xa9");
}
END_TEST

START_TEST(test_search_terms_grams_mark_both_ends)
{
	char g[SEARCH_GRAMS_MAX][4];
	ck_assert_uint_eq(search_terms_grams("walnut", g, SEARCH_GRAMS_MAX), 6);
	ck_assert_str_eq(g[0], "^wa");
	ck_assert_str_eq(g[1], "wal");
	ck_assert_str_eq(g[5], "ut$");
	ck_assert_uint_eq(search_terms_grams("oak", g, SEARCH_GRAMS_MAX), 3);
	ck_assert_uint_eq(search_terms_grams("aaaa", g, SEARCH_GRAMS_MAX), 3);	/* ^aa aaa aa$ */
}
END_TEST

START_TEST(test_search_terms_distance_bounded)
{
	ck_assert_uint_eq(search_terms_distance("wallnut", "walnut", 2), 1);
	ck_assert_uint_eq(search_terms_distance("walnut", "walnut", 2), 0);
	ck_assert_uint_eq(search_terms_distance("stnd", "stand", 1), 1);
	ck_assert_uint_eq(search_terms_distance("lamp", "lump", 1), 1);
	ck_assert_uint_eq(search_terms_distance("desk", "mask", 1), 2);	/* more than max: max + 1 */
	ck_assert_uint_eq(search_terms_distance("a", "abcdef", 2), 3);
	ck_assert_uint_eq(search_terms_tolerance("mug"), 0);
	ck_assert_uint_eq(search_terms_tolerance("lamp"), 1);
	ck_assert_uint_eq(search_terms_tolerance("ergonomic"), 2);
}
END_TEST

START_TEST(test_search_terms_boolean_requires_each_word)
{
	struct arena *a = arena_new(1024);
	struct search_terms t;
	search_terms_parse("wallnut stand", &t);
	strcpy(t.t[0].alts[0], "walnut");
	t.t[0].nalts = 1;
	ck_assert_str_eq(search_terms_boolean(a, &t), "+(wallnut walnut) +(stand stand*)");
	search_terms_parse("", &t);
	ck_assert_str_eq(search_terms_boolean(a, &t), "");
	arena_free(a);
}
END_TEST

START_TEST(test_category_name_is_the_last_segment)
{
	struct arena *a = arena_new(1024);
	ck_assert_str_eq(category_name(a, "Home & Garden > Decor > Vases "), "Vases");
	ck_assert_str_eq(category_name(a, "  Desk Accessories "), "Desk Accessories");
	ck_assert_str_eq(category_name(a, ""), "");
	ck_assert_str_eq(category_name(a, NULL), "");
	ck_assert_str_eq(category_name(a, "Apparel >"), "");
	arena_free(a);
}
END_TEST

START_TEST(test_category_slug_is_lowercase_letters_digits_and_inner_dashes)
{
	struct arena *a = arena_new(1024);
	ck_assert_str_eq(category_slug(a, "Home & Garden"), "home-garden");
	ck_assert_str_eq(category_slug(a, "  --Desk  Accessories!! "), "desk-accessories");
	ck_assert_str_eq(category_slug(a, "Caf\xc3\xa9 Tables"), "caf-tables");
	ck_assert_str_eq(category_slug(a, "&&&"), "");
	char long_name[200];
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	ck_assert_uint_eq(strlen(category_slug(a, long_name)), CATEGORY_SLUG_MAX);
	arena_free(a);
}
END_TEST

Suite *search_terms_suite(void)
{
	Suite *s = suite_create("search_terms");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_search_terms_lowercase_words_split_on_anything_else);
	tcase_add_test(tc, test_search_terms_operators_never_survive);
	tcase_add_test(tc, test_search_terms_drop_short_words_stopwords_and_repeats);
	tcase_add_test(tc, test_search_terms_keep_at_most_eight_words_of_forty_bytes);
	tcase_add_test(tc, test_search_terms_cut_utf8_at_a_character_boundary);
	tcase_add_test(tc, test_search_terms_grams_mark_both_ends);
	tcase_add_test(tc, test_search_terms_distance_bounded);
	tcase_add_test(tc, test_search_terms_boolean_requires_each_word);
	tcase_add_test(tc, test_category_name_is_the_last_segment);
	tcase_add_test(tc, test_category_slug_is_lowercase_letters_digits_and_inner_dashes);
	suite_add_tcase(s, tc);
	return s;
}
