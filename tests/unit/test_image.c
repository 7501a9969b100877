/* test_image.c: the image pipeline refuses what it must (a decompression bomb, a 30000x30000 PNG
 * header, a truncated JPEG, SVG) with a sentence, turns pictures upright, strips their EXIF (GPS),
 * makes the ladder with its names, and does all of it in the confined child. Fixtures are made at
 * test time by libvips in a process of their own (a process that has started libvips' threads
 * should not fork the child after). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <check.h>
#include <vips/vips.h>
#include "lib/image_sniff.h"
#include "ctl/image_child.h"
#include "ctl/image_pipeline.h"
#include "views/image_view.h"
#include "suites.h"

enum fixture { FIX_JPEG, FIX_PNG_BOMB };

/* A picture made by libvips in a child, returned as malloc'd bytes. */
static uint8_t *fixture(enum fixture kind, int w, int h, size_t *len)
{
	char path[] = "/tmp/cc-image-fixture-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fflush(NULL);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		VipsImage *img = NULL, *t = NULL;
		void *buf = NULL;
		size_t n = 0;
		if (VIPS_INIT("test") != 0)
			_exit(1);
		int rc;
		if (kind == FIX_JPEG) {
			/* noise, so a cut file is missing real data */
			rc = vips_gaussnoise(&t, w, h, NULL) || vips_bandjoin_const1(t, &img, 0, NULL) ||
			     vips_jpegsave_buffer(img, &buf, &n, "Q", 90, NULL);
		} else
			rc = vips_black(&img, w, h, NULL) || vips_pngsave_buffer(img, &buf, &n, "compression", 9, NULL);
		_exit(rc == 0 && write(fd, buf, n) == (ssize_t)n ? 0 : 2);
	}
	int st;
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	off_t size = lseek(fd, 0, SEEK_END);
	uint8_t *p = malloc((size_t)size);
	ck_assert_int_eq(pread(fd, p, (size_t)size, 0), size);
	close(fd);
	unlink(path);
	*len = (size_t)size;
	return p;
}

/* A JPEG whose EXIF says "rotate 90 degrees" and holds a GPS block (latitude "N" and a marker
 * string), spliced in after the start-of-image marker. */
static uint8_t *with_exif_gps(const uint8_t *jpeg, size_t len, size_t *out_len)
{
	static const uint8_t tiff[] = {
		'I', 'I', 42, 0, 8, 0, 0, 0,
		2, 0,						/* IFD0: two entries */
		0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0,	/* Orientation = 6 (90 degrees clockwise) */
		0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0,	/* GPSInfo at 38 */
		0, 0, 0, 0,
		2, 0,						/* GPS IFD: two entries */
		0x01, 0x00, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0,	/* GPSLatitudeRef "N" */
		0x1B, 0x00, 7, 0, 12, 0, 0, 0, 68, 0, 0, 0,	/* GPSProcessingMethod at 68 */
		0, 0, 0, 0,
		'S', 'E', 'C', 'R', 'E', 'T', 'P', 'L', 'A', 'C', 'E', 0,
	};
	size_t seg = 2 + 6 + sizeof tiff;
	uint8_t *p = malloc(len + 2 + seg);
	p[0] = 0xFF, p[1] = 0xD8, p[2] = 0xFF, p[3] = 0xE1, p[4] = (uint8_t)(seg >> 8), p[5] = (uint8_t)seg;
	memcpy(p + 6, "Exif\0\0", 6);
	memcpy(p + 12, tiff, sizeof tiff);
	memcpy(p + 12 + sizeof tiff, jpeg + 2, len - 2);
	*out_len = len + 2 + seg;
	return p;
}

START_TEST(test_image_refuses_a_30000_square_png_header)
{
	/* signature and IHDR only: the claim alone is refused, nothing is decoded */
	static const uint8_t png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
		0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 6, 0, 0, 0, 0, 0, 0, 0 };
	struct image_sniff s;
	ck_assert(image_sniff(png, sizeof png, &s));
	ck_assert_uint_eq(s.width, 30000);
	ck_assert_uint_eq(s.height, 30000);
	struct image_result res;
	ck_assert(!image_pipeline_run(png, sizeof png, &res));
	ck_assert_str_eq(res.error, "The picture is larger than 12000 pixels on a side; upload a smaller one.");
}
END_TEST

START_TEST(test_image_refuses_a_decompression_bomb)
{
	/* 6500 x 6500 black pixels: 42 megapixels (169 MB as RGBA) packed into a few tens of KB */
	size_t len;
	uint8_t *png = fixture(FIX_PNG_BOMB, 6500, 6500, &len);
	ck_assert_uint_lt(len, 200 * 1024);
	struct image_result res;
	ck_assert(!image_pipeline_run(png, len, &res));
	ck_assert_str_eq(res.error, "The picture has more than 40 megapixels; upload a smaller one.");
	free(png);
}
END_TEST

START_TEST(test_image_refuses_a_truncated_jpeg)
{
	size_t len;
	uint8_t *jpeg = fixture(FIX_JPEG, 400, 300, &len);
	struct image_result res;
	ck_assert(!image_pipeline_run(jpeg, len / 2, &res));
	ck_assert_str_eq(res.error, "The picture could not be read: the file is damaged or incomplete.");
	free(jpeg);
}
END_TEST

START_TEST(test_image_refuses_svg)
{
	static const char svg[] = "\xEF\xBB\xBF  <?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
				  "width=\"10\" height=\"10\"><script>alert(1)</script></svg>";
	struct image_result res;
	ck_assert(!image_pipeline_run((const uint8_t *)svg, sizeof svg - 1, &res));
	ck_assert_str_eq(res.error, "SVG pictures are not accepted; upload a JPEG, PNG or WebP.");
	ck_assert(!image_pipeline_run((const uint8_t *)"GIF89a....", 10, &res));
	ck_assert_str_eq(res.error, "That file is not a JPEG, PNG or WebP picture.");
}
END_TEST

START_TEST(test_image_ladder_widths_and_names)
{
	unsigned w[IMAGE_LADDER_N];
	ck_assert_uint_eq(image_widths(2000, w), 5);
	ck_assert_uint_eq(w[0], 160);
	ck_assert_uint_eq(w[4], 1600);
	ck_assert_uint_eq(image_widths(1080, w), 4);
	ck_assert_uint_eq(w[3], 1080);
	ck_assert_uint_eq(image_widths(700, w), 4);
	ck_assert_uint_eq(w[2], 640);
	ck_assert_uint_eq(w[3], 700);
	ck_assert_uint_eq(image_widths(100, w), 1);
	ck_assert_uint_eq(w[0], 100);
	ck_assert_uint_eq(image_scaled_height(2000, 1000, 640), 320);
	char buf[64];
	const char *key = "0123456789abcdef0123456789abcdef";
	ck_assert(image_key_valid(key));
	ck_assert(!image_key_valid("0123456789ABCDEF0123456789abcdef"));
	ck_assert(!image_key_valid("../../etc/passwd"));
	ck_assert_str_eq(image_rendition_name(buf, sizeof buf, key, IMAGE_OUT_WEBP, 640),
			 "0123456789abcdef0123456789abcdef-640.webp");
	ck_assert_str_eq(image_rendition_name(buf, sizeof buf, key, IMAGE_OUT_JPEG, 1600),
			 "0123456789abcdef0123456789abcdef-1600.jpg");
	ck_assert_str_eq(image_rendition_name(buf, sizeof buf, key, IMAGE_OUT_SHARE_JPEG, 0),
			 "0123456789abcdef0123456789abcdef-og.jpg");
}
END_TEST

/* A page reads a reference, never an address: only a well-formed "@key:w:h" names renditions. */
START_TEST(test_image_reference_parsing)
{
	char key[33];
	unsigned w, h;
	ck_assert(image_view_parse("@0123456789abcdef0123456789abcdef:1200:800", key, &w, &h));
	ck_assert_str_eq(key, "0123456789abcdef0123456789abcdef");
	ck_assert_uint_eq(w, 1200);
	ck_assert_uint_eq(h, 800);
	ck_assert(!image_view_parse("@", key, &w, &h));	/* not processed yet: the placeholder */
	ck_assert(!image_view_parse("/static/demo/product-1.svg", key, &w, &h));
	ck_assert(!image_view_parse("https://cdn.example/x.jpg", key, &w, &h));
	ck_assert(!image_view_parse("@0123456789ABCDEF0123456789abcdef:10:10", key, &w, &h));
	ck_assert(!image_view_parse("@0123456789abcdef0123456789abcdef:30000:30000", key, &w, &h));
	ck_assert(!image_view_parse("@0123456789abcdef0123456789abcdef:10:10\"onerror=x", key, &w, &h));
	ck_assert(image_view_parse("@0123456789abcdef0123456789abcdef:700:500:a", key, &w, &h) && w == 700 && h == 500);
	ck_assert(image_view_avif("@0123456789abcdef0123456789abcdef:700:500:a"));
	ck_assert(!image_view_avif("@0123456789abcdef0123456789abcdef:700:500"));
	ck_assert(!image_view_parse("@0123456789abcdef0123456789abcdef:700:500:b", key, &w, &h));
	ck_assert(image_asset_path("/media/img/0123456789abcdef0123456789abcdef"));
	ck_assert(!image_asset_path("/media/img/0123456789abcdef0123456789abcdef/../x"));
	ck_assert(!image_asset_path("/media/img/"));
}
END_TEST

/* Through the confined child: the ladder of a 2000 x 1000 picture, each file what it says: each
 * step's WebP and JPEG, and AVIF for the steps up to IMAGE_AVIF_MAX_W. */
START_TEST(test_image_child_makes_the_ladder)
{
	size_t len;
	uint8_t *jpeg = fixture(FIX_JPEG, 2000, 1000, &len);
	struct image_result res;
	enum image_child_status cs = image_child_run(jpeg, len, &res);
	ck_assert_msg(cs == IMAGE_CHILD_DONE, "child: %s", res.error);
	ck_assert_uint_eq(res.width, 2000);
	ck_assert_uint_eq(res.n, 14);
	ck_assert_int_eq(res.r[0].kind, IMAGE_OUT_WEBP);
	ck_assert_uint_eq(res.r[0].width, 160);
	ck_assert_uint_eq(res.r[0].height, 80);
	ck_assert_int_eq(res.r[2].kind, IMAGE_OUT_AVIF);
	ck_assert_uint_eq(res.r[2].width, 160);
	ck_assert(res.r[2].len > 12 && memcmp(res.r[2].data + 4, "ftypavif", 8) == 0);
	ck_assert_int_eq(res.r[8].kind, IMAGE_OUT_AVIF);
	ck_assert_uint_eq(res.r[8].width, 640);
	ck_assert_int_eq(res.r[9].kind, IMAGE_OUT_WEBP);
	ck_assert_uint_eq(res.r[9].width, 1080);
	ck_assert_int_eq(res.r[12].kind, IMAGE_OUT_JPEG);
	ck_assert_uint_eq(res.r[12].width, 1600);
	ck_assert_uint_eq(res.r[12].height, 800);
	ck_assert_int_eq(res.r[13].kind, IMAGE_OUT_SHARE_JPEG);
	ck_assert_uint_eq(res.r[13].width, 1200);
	ck_assert_uint_eq(res.r[13].height, 630);
	image_result_free(&res);
	ck_assert_int_eq(image_child_run((const uint8_t *)"<svg/>", 6, &res), IMAGE_CHILD_REFUSED);
	ck_assert_str_eq(res.error, "SVG pictures are not accepted; upload a JPEG, PNG or WebP.");
	/* a damaged file makes the decoders warn (glib probes stderr first): refused, not killed */
	cs = image_child_run(jpeg, len / 2, &res);
	ck_assert_msg(cs == IMAGE_CHILD_REFUSED, "truncated JPEG: %d %s", cs, res.error);
	ck_assert_str_eq(res.error, "The picture could not be read: the file is damaged or incomplete.");
	size_t plen;
	uint8_t *png = fixture(FIX_PNG_BOMB, 300, 200, &plen);
	cs = image_child_run(png, plen - 20, &res);
	ck_assert_msg(cs == IMAGE_CHILD_REFUSED, "truncated PNG: %d %s", cs, res.error);
	free(png);
	free(jpeg);
}
END_TEST

START_TEST(test_image_upright_and_gps_stripped)
{
	size_t len, exif_len;
	uint8_t *jpeg = fixture(FIX_JPEG, 400, 200, &len);
	uint8_t *src = with_exif_gps(jpeg, len, &exif_len);
	ck_assert(memmem(src, exif_len, "SECRETPLACE", 11) != NULL);
	struct image_result res;
	enum image_child_status cs = image_child_run(src, exif_len, &res);
	ck_assert_msg(cs == IMAGE_CHILD_DONE, "child: %s", res.error);
	/* orientation 6: the 400 x 200 sensor picture stands 200 wide and 400 high */
	ck_assert_uint_eq(res.width, 200);
	ck_assert_uint_eq(res.height, 400);
	for (size_t i = 0; i < res.n; i++) {
		ck_assert_msg(memmem(res.r[i].data, res.r[i].len, "Exif", 4) == NULL, "rendition %zu keeps EXIF", i);
		ck_assert_msg(memmem(res.r[i].data, res.r[i].len, "SECRETPLACE", 11) == NULL, "rendition %zu keeps GPS", i);
	}
	/* and what is left decodes, WebP with its metadata chunk cut out too (no fork after this) */
	ck_assert_int_eq(VIPS_INIT("test"), 0);
	for (size_t i = 0; i < res.n; i++) {
		VipsImage *im = vips_image_new_from_buffer(res.r[i].data, res.r[i].len, "", NULL);
		double avg;
		ck_assert_msg(im && vips_avg(im, &avg, NULL) == 0, "rendition %zu does not decode", i);
		ck_assert_int_eq(vips_image_get_width(im), (int)res.r[i].width);
		g_object_unref(im);
	}
	image_result_free(&res);
	free(src);
	free(jpeg);
}
END_TEST

Suite *image_suite(void)
{
	Suite *s = suite_create("image");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_image_refuses_a_30000_square_png_header);
	tcase_add_test(tc, test_image_refuses_a_decompression_bomb);
	tcase_add_test(tc, test_image_refuses_a_truncated_jpeg);
	tcase_add_test(tc, test_image_refuses_svg);
	tcase_add_test(tc, test_image_ladder_widths_and_names);
	tcase_add_test(tc, test_image_reference_parsing);
	tcase_add_test(tc, test_image_child_makes_the_ladder);
	tcase_add_test(tc, test_image_upright_and_gps_stripped);
	suite_add_tcase(s, tc);
	return s;
}
