/* test_media_from.c: the product page's "from" parameter: a video by number or an ad by slug, and
 * nothing for anything else, so a bad value can only ever be ignored. */
#include <check.h>
#include <string.h>
#include "domain/video/media_from.h"
#include "suites.h"

START_TEST(test_media_from_reads_a_video_number)
{
	struct media_from m;
	ck_assert(media_from_parse("video.12", &m));
	ck_assert_int_eq(m.video_id, 12);
	ck_assert_ptr_null(m.ad_slug);
	ck_assert(media_from_parse("video.999999999999999999", &m));
	ck_assert_int_eq(m.video_id, 999999999999999999LL);
}
END_TEST

START_TEST(test_media_from_reads_an_ad_slug)
{
	struct media_from m;
	ck_assert(media_from_parse("ad.spring-sale-2", &m));
	ck_assert_int_eq(m.video_id, 0);
	ck_assert_str_eq(m.ad_slug, "spring-sale-2");
	char longest[3 + 64 + 1] = "ad.";
	memset(longest + 3, 'a', 64);
	longest[3 + 64] = '\0';
	ck_assert(media_from_parse(longest, &m));
	ck_assert_uint_eq(strlen(m.ad_slug), 64);
}
END_TEST

START_TEST(test_media_from_refuses_anything_else_and_clears)
{
	static const char *const bad[] = {
		"", "video", "video.", "video.0", "video.-1", "video.1x", "video.1.2", "video. 1", "video.0x10",
		"video.1234567890123456789", "VIDEO.1", "v.1", "ad", "ad.", "ad.Spring", "ad.a_b", "ad.a/b",
		"ad.a b", "ad.<x>", "ad.%41", "live.3", "12", "spring-sale", "ad.\xc3\xa9t\xc3\xa9",
	};
	struct media_from m;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		m = (struct media_from){ 7, "x" };
		ck_assert_msg(!media_from_parse(bad[i], &m), "accepted %s", bad[i]);
		ck_assert_msg(m.video_id == 0 && m.ad_slug == NULL, "not cleared for %s", bad[i]);
	}
	ck_assert(!media_from_parse(NULL, &m));
	char overlong[3 + 65 + 1] = "ad.";
	memset(overlong + 3, 'a', 65);
	overlong[3 + 65] = '\0';
	ck_assert(!media_from_parse(overlong, &m));
}
END_TEST

Suite *media_from_suite(void)
{
	Suite *s = suite_create("media_from");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, test_media_from_reads_a_video_number);
	tcase_add_test(tc, test_media_from_reads_an_ad_slug);
	tcase_add_test(tc, test_media_from_refuses_anything_else_and_clears);
	suite_add_tcase(s, tc);
	return s;
}
