/* test_summary.c: a description's plain text on one line, cut at a word, never inside a character. */
#include <string.h>
#include <check.h>
#include "lib/summary.h"
#include "lib/utf8.h"
#include "suites.h"

static struct arena *A;

static void setup(void)
{
	A = arena_new(1 << 16);
}

static void teardown(void)
{
	arena_free(A);
}

static const char *sum(const char *html, size_t max)
{
	return summary_text(A, html, strlen(html), max);
}

START_TEST(test_summary_drops_markup_and_joins_paragraphs)
{
	ck_assert_str_eq(sum("<p>Warm &amp; <b>dimmable</b> light</p><ul><li>USB-C</li></ul><script>alert(1)</script>", 155),
			 "Warm & dimmable light • USB-C");
	ck_assert_str_eq(sum("plain text, no markup", 155), "plain text, no markup");
	ck_assert_str_eq(sum("", 155), "");
	ck_assert_str_eq(summary_text(A, NULL, 0, 155), "");
}
END_TEST

START_TEST(test_summary_cuts_after_the_last_whole_word_that_fits)
{
	ck_assert_str_eq(sum("one two three four", 18), "one two three four");
	ck_assert_str_eq(sum("one two three four", 17), "one two three…");
	ck_assert_str_eq(sum("one two three four", 10), "one two…");
	/* a single word longer than the whole summary is cut inside it */
	ck_assert_str_eq(sum("abcdefghijklmnop", 5), "abcd…");
}
END_TEST

START_TEST(test_summary_counts_characters_not_bytes)
{
	const char *text = "東京 東京 東京 東京";	/* 11 characters, 3 bytes a kanji */
	ck_assert_str_eq(sum(text, 11), text);
	const char *cut = sum(text, 7);
	ck_assert_str_eq(cut, "東京 東京…");
	ck_assert(utf8_valid((const uint8_t *)cut, strlen(cut)));
	for (size_t max = 1; max < 12; max++) {
		const char *s = sum("ééééé ééééé", max);
		ck_assert(utf8_valid((const uint8_t *)s, strlen(s)));
		ck_assert_uint_le(utf8_len((const uint8_t *)s, strlen(s)), max);
	}
}
END_TEST

START_TEST(test_summary_plain_keeps_angle_brackets_as_text)
{
	ck_assert_str_eq(summary_plain(A, "<script>alert(1)</script> &amp;\n\n  more", 155),
			 "<script>alert(1)</script> &amp; more");
	ck_assert_str_eq(summary_plain(A, "  \t ", 155), "");
	ck_assert_str_eq(summary_plain(A, NULL, 155), "");
	ck_assert_str_eq(summary_plain(A, "one two three four", 10), "one two…");
}
END_TEST

Suite *summary_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_summary_drops_markup_and_joins_paragraphs);
	tcase_add_test(tc, test_summary_cuts_after_the_last_whole_word_that_fits);
	tcase_add_test(tc, test_summary_counts_characters_not_bytes);
	tcase_add_test(tc, test_summary_plain_keeps_angle_brackets_as_text);
	suite_add_tcase(s, tc);
	return s;
}
