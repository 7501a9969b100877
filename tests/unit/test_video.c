/* test_video.c: which media URLs a video may use, which uploads look like MP4, how tag times are
 * read, and the feed score. */
#include <check.h>
#include <string.h>
#include "suites.h"
#include "domain/video/upload_quota.h"
#include "domain/video/video_rules.h"

START_TEST(test_video_url_accepts_https_and_local_media)
{
	ck_assert(video_url_ok("https://cdn.example.com/clip.mp4"));
	ck_assert(video_url_ok("https://cdn.example.com/live/index.m3u8?x=1"));
	ck_assert(video_url_ok("/media/abc/clip.mp4"));
}
END_TEST

START_TEST(test_video_url_refuses_other_schemes_and_odd_text)
{
	static const char *const bad[] = {
		"", "http://cdn.example.com/a.mp4", "javascript:alert(1)", "data:video/mp4;base64,AAAA",
		"//cdn.example.com/a.mp4", "https://", "https:///a.mp4", "https://user@evil.test/a.mp4",
		"https://cdn.example.com/a b.mp4", "https://cdn.example.com/a\".mp4", "https://x.test/<a>",
		"/media/", "/media/../etc/passwd", "/media/a/..", "/static/a.mp4", "https://x.test/\xc3\xa9",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!video_url_ok(bad[i]), "accepted %s", bad[i]);
	char longer[VIDEO_URL_MAX + 2];
	memset(longer, 'a', sizeof longer - 1);
	memcpy(longer, "https://", 8);
	longer[sizeof longer - 1] = '\0';
	ck_assert(!video_url_ok(longer));
}
END_TEST

START_TEST(test_video_seconds_reads_seconds_and_clock_times)
{
	ck_assert_int_eq(video_seconds("0"), 0);
	ck_assert_int_eq(video_seconds("75"), 75);
	ck_assert_int_eq(video_seconds("1:15"), 75);
	ck_assert_int_eq(video_seconds("01:02:03"), 3723);
	ck_assert_int_eq(video_seconds("1:75"), -1);
	ck_assert_int_eq(video_seconds(""), -1);
	ck_assert_int_eq(video_seconds(":5"), -1);
	ck_assert_int_eq(video_seconds("5:"), -1);
	ck_assert_int_eq(video_seconds("1.5"), -1);
	ck_assert_int_eq(video_seconds("-3"), -1);
	ck_assert_int_eq(video_seconds("86401"), -1);
	ck_assert_int_eq(video_seconds(NULL), -1);
}
END_TEST

START_TEST(test_video_score_weighs_sales_views_and_age)
{
	/* a sale is worth a hundred views */
	ck_assert(video_score(1, 0, 5) > video_score(0, 99, 5));
	ck_assert(video_score(1, 0, 5) < video_score(0, 101, 5));
	/* newer wins when nothing else differs; a new video with nothing outranks nothing, older */
	ck_assert(video_score(0, 0, 1) > video_score(0, 0, 48));
	ck_assert(video_score(0, 0, 0) > 0);
	/* a day halves the score */
	ck_assert_int_eq(video_score(3, 10, 24) * 2, video_score(3, 10, 0));
	ck_assert_int_eq(video_score(-5, -5, -5), video_score(0, 0, 0));
}
END_TEST

START_TEST(test_video_mp4_ok_wants_an_ftyp_box_first)
{
	static const unsigned char mp4[] = { 0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
		'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1' };
	ck_assert(video_mp4_ok(mp4, sizeof mp4));
	ck_assert(!video_mp4_ok(mp4, 12));				/* too short */
	unsigned char bad[sizeof mp4];
	memcpy(bad, mp4, sizeof mp4);
	bad[7] = 'x';							/* not ftyp */
	ck_assert(!video_mp4_ok(bad, sizeof bad));
	memcpy(bad, mp4, sizeof mp4);
	bad[3] = 0x40;							/* box longer than the file */
	ck_assert(!video_mp4_ok(bad, sizeof bad));
	memcpy(bad, mp4, sizeof mp4);
	bad[8] = 0;							/* unprintable brand */
	ck_assert(!video_mp4_ok(bad, sizeof bad));
	static const unsigned char gif[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00\x00\x00\x00";
	ck_assert(!video_mp4_ok(gif, sizeof gif));
}
END_TEST

START_TEST(test_upload_quota_counts_files_and_bytes_with_the_new_upload)
{
	struct upload_quota_limits lim = { .max_files = 3, .max_bytes = 48LL << 20 };
	ck_assert_int_eq(upload_quota_judge(&lim, 3, 48LL << 20), UPLOAD_QUOTA_OK);	/* exactly at both limits */
	ck_assert_int_eq(upload_quota_judge(&lim, 4, 1), UPLOAD_QUOTA_FILES);
	ck_assert_int_eq(upload_quota_judge(&lim, 2, (48LL << 20) + 1), UPLOAD_QUOTA_BYTES);
	/* The defaults: a hundred files and a GiB per account, room for 64 uploads of the 16 MiB maximum. */
	struct upload_quota_limits def = upload_quota_limits();
	ck_assert_int_eq(def.max_files, 100);
	ck_assert_int_eq(def.max_bytes, 1LL << 30);
}
END_TEST

START_TEST(test_video_spot_check_wants_both_coordinates_in_range)
{
	ck_assert_ptr_null(video_spot_check(false, 0, false, 0, ""));
	ck_assert_ptr_null(video_spot_check(true, 0, true, 100, ""));
	ck_assert_ptr_null(video_spot_check(true, 42, true, 7, "Walnut stand"));
	ck_assert_ptr_nonnull(video_spot_check(true, 10, false, 0, ""));
	ck_assert_ptr_nonnull(video_spot_check(false, 0, true, 10, ""));
	ck_assert_ptr_nonnull(video_spot_check(true, 101, true, 5, ""));
	ck_assert_ptr_nonnull(video_spot_check(true, -1, true, 5, ""));	/* typed, not a whole number in range */
	ck_assert_ptr_nonnull(video_spot_check(false, 0, false, 0, "a label with nowhere to show"));
}
END_TEST

Suite *video_suite(void)
{
	Suite *s = suite_create("video");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_video_url_accepts_https_and_local_media);
	tcase_add_test(tc, test_video_url_refuses_other_schemes_and_odd_text);
	tcase_add_test(tc, test_video_seconds_reads_seconds_and_clock_times);
	tcase_add_test(tc, test_video_score_weighs_sales_views_and_age);
	tcase_add_test(tc, test_video_mp4_ok_wants_an_ftyp_box_first);
	tcase_add_test(tc, test_video_spot_check_wants_both_coordinates_in_range);
	tcase_add_test(tc, test_upload_quota_counts_files_and_bytes_with_the_new_upload);
	suite_add_tcase(s, tc);
	return s;
}
