/* test_gzip_page.c: Accept-Encoding read as RFC 9110 says (q=0 refuses), and a page joined from
 * parts deflated on their own inflates to the page, CRC and length included. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <zlib.h>
#include "lib/arena.h"
#include "web/gzip_page.h"
#include "suites.h"

START_TEST(test_accept_encoding_names_gzip_with_a_quality_above_zero)
{
	ck_assert(gzip_page_accepts("gzip"));
	ck_assert(gzip_page_accepts("gzip, deflate, br, zstd"));
	ck_assert(gzip_page_accepts("br;q=1.0, GZIP;q=0.5"));
	ck_assert(gzip_page_accepts("x-gzip"));
	ck_assert(gzip_page_accepts("deflate, *"));
	ck_assert(gzip_page_accepts("gzip ; q=0.001"));
	ck_assert(gzip_page_accepts("gzip;q=0, gzip;q=1"));	/* named twice: the better one */
	ck_assert(!gzip_page_accepts(NULL));
	ck_assert(!gzip_page_accepts(""));
	ck_assert(!gzip_page_accepts("identity"));
	ck_assert(!gzip_page_accepts("br, deflate"));
	ck_assert(!gzip_page_accepts("gzip;q=0"));
	ck_assert(!gzip_page_accepts("gzip;q=0.000, br"));
	ck_assert(!gzip_page_accepts("*;q=0"));
	ck_assert(!gzip_page_accepts("gzip;q=0, *"));	/* named and refused: the star does not bring it back */
	ck_assert(!gzip_page_accepts("gzipped"));
	ck_assert(!gzip_page_accepts("gzip;q=2"));	/* malformed: as if not sent */
	ck_assert(!gzip_page_accepts("gzip;q=0.5x"));
}
END_TEST

/* Inflates a gzip member; the bytes and their count. */
static char *gunzip(const char *z, size_t zlen, size_t *len)
{
	size_t cap = 1 << 20;
	char *out = malloc(cap);
	z_stream zs = { 0 };
	ck_assert_int_eq(inflateInit2(&zs, 16 + 15), Z_OK);
	zs.next_in = (Bytef *)(uintptr_t)z;
	zs.avail_in = (uInt)zlen;
	zs.next_out = (Bytef *)out;
	zs.avail_out = (uInt)cap;
	ck_assert_int_eq(inflate(&zs, Z_FINISH), Z_STREAM_END);	/* also checks the CRC and length */
	ck_assert_uint_eq(zs.avail_in, 0);
	*len = zs.total_out;
	inflateEnd(&zs);
	return out;
}

START_TEST(test_a_page_joined_from_kept_parts_inflates_to_the_page)
{
	struct arena *a = arena_new(1 << 16);
	struct buf content;
	buf_init(&content, a, 64);
	for (int i = 0; i < 400; i++)
		buf_printf(&content, "<article class=\"card\"><a href=\"/p/b/%d\">Product %d</a></article>\n", i, i * 7);
	const char *head = "<meta name=\"description\" content=\"Picked by Lena\">";
	struct buf page;
	buf_init(&page, a, 64);
	buf_puts(&page, "<!doctype html><html><head><title>Lena</title>");
	buf_puts(&page, head);
	buf_puts(&page, "</head><body><nav>signed out</nav><main>");
	buf_put(&page, content.p, content.len);
	buf_puts(&page, "</main><footer>crowdcart</footer></body></html>");

	/* kept, saved and loaded back as the page cache does */
	struct gzip_page kept = { 0 }, g = { 0 };
	gzip_page_piece(a, head, strlen(head), &kept.piece[0]);
	gzip_page_piece(a, content.p, content.len, &kept.piece[1]);
	kept.n = 2;
	ck_assert_uint_lt(kept.piece[1].zlen, content.len / 4);
	struct buf blob;
	buf_init(&blob, a, 64);
	gzip_page_save(&blob, &kept);
	const char *plain[] = { head, content.p };
	const size_t len[] = { strlen(head), content.len };
	ck_assert(gzip_page_load(blob.p, blob.len, plain, len, &g, 2));
	ck_assert(!gzip_page_load(blob.p, blob.len - 1, plain, len, &g, 2));
	g.at[0] = (size_t)(strstr(page.p, head) - page.p);
	g.at[1] = (size_t)(memmem(page.p, page.len, content.p, content.len) - (void *)page.p);

	struct buf z;
	gzip_page_build(a, page.p, page.len, &g, &z);
	size_t n;
	char *back = gunzip(z.p, z.len, &n);
	ck_assert_uint_eq(n, page.len);
	ck_assert(memcmp(back, page.p, n) == 0);
	free(back);

	/* an empty head, and a content that ends the page */
	struct gzip_page edge = { 0 };
	gzip_page_piece(a, "", 0, &edge.piece[0]);
	gzip_page_piece(a, content.p, content.len, &edge.piece[1]);
	edge.n = 2;
	edge.at[0] = 5;
	edge.at[1] = 5;
	struct buf page2;
	buf_init(&page2, a, 64);
	buf_puts(&page2, "<!--->");
	page2.len = 5;
	buf_put(&page2, content.p, content.len);
	gzip_page_build(a, page2.p, page2.len, &edge, &z);
	back = gunzip(z.p, z.len, &n);
	ck_assert_uint_eq(n, page2.len);
	ck_assert(memcmp(back, page2.p, n) == 0);
	free(back);
	arena_free(a);
}
END_TEST

Suite *gzip_page_suite(void)
{
	Suite *s = suite_create("gzip_page");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_accept_encoding_names_gzip_with_a_quality_above_zero);
	tcase_add_test(tc, test_a_page_joined_from_kept_parts_inflates_to_the_page);
	suite_add_tcase(s, tc);
	return s;
}
