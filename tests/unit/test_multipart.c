/* test_multipart.c: multipart/form-data parsing: parts, fields and files, and every cap. */
#include <stdio.h>
#include <string.h>
#include <check.h>
#include "lib/arena.h"
#include "web/multipart.h"
#include "suites.h"

static const struct mp_limits lim = { 10, 1024, 100 };
#define CT "multipart/form-data; boundary=XyZ"

static enum mp_err parse(const char *ct, const char *body, struct mp_list *out)
{
	static struct arena *a;
	if (!a)
		a = arena_new(65536);
	return multipart_parse(a, ct, (const uint8_t *)body, strlen(body), &lim, out);
}

START_TEST(test_multipart_reads_fields_and_files)
{
	const char *body = "preamble\r\n--XyZ\r\n"
			   "Content-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
			   "--XyZ\r\n"
			   "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".csv\"\r\n"
			   "Content-Type: text/csv\r\n\r\nHandle,Title\r\nx,y\r\n\r\n"
			   "--XyZ--\r\nepilogue";
	struct mp_list parts;
	ck_assert_int_eq(parse(CT, body, &parts), MP_OK);
	ck_assert_uint_eq(parts.n, 2);
	ck_assert_str_eq(parts.items[0].name, "csrf");
	ck_assert_ptr_null(parts.items[0].filename);
	ck_assert_uint_eq(parts.items[0].len, 3);
	ck_assert_str_eq(parts.items[1].filename, "a \"b\".csv");
	ck_assert_str_eq(parts.items[1].content_type, "text/csv");
	ck_assert_uint_eq(parts.items[1].len, strlen("Handle,Title\r\nx,y\r\n"));
	ck_assert(memcmp(parts.items[1].data, "Handle,Title\r\nx,y\r\n", parts.items[1].len) == 0);

	struct arena *a = arena_new(4096);
	struct kvlist form;
	struct mp_list files;
	ck_assert_int_eq(multipart_split(a, &parts, &form, &files), MP_OK);
	ck_assert_uint_eq(form.n, 1);
	ck_assert_str_eq(kv_get(&form, "csrf"), "tok");
	ck_assert_ptr_eq(multipart_file(&files, "file"), &files.items[0]);
	ck_assert_ptr_null(multipart_file(&files, "other"));
	arena_free(a);
}
END_TEST

START_TEST(test_multipart_body_may_start_with_the_delimiter_and_hold_binary)
{
	static const char body[] = "--XyZ\r\nContent-Disposition: form-data; name=f; filename=x.bin\r\n\r\n"
				   "\x00\xff--XyZ\r\n--XyZ--";
	struct arena *a = arena_new(4096);
	struct mp_list parts;
	ck_assert_int_eq(multipart_parse(a, CT, (const uint8_t *)body, sizeof body - 1, &lim, &parts), MP_OK);
	ck_assert_uint_eq(parts.n, 1);
	ck_assert_str_eq(parts.items[0].name, "f");
	ck_assert_uint_eq(parts.items[0].len, 7);	/* "--XyZ" not after CRLF is data */
	ck_assert(memcmp(parts.items[0].data, "\x00\xff--XyZ", 7) == 0);
	arena_free(a);
}
END_TEST

START_TEST(test_multipart_rejects_bad_content_types)
{
	struct mp_list parts;
	const char *b = "--XyZ--";
	ck_assert_int_eq(parse("application/x-www-form-urlencoded", b, &parts), MP_BAD_TYPE);
	ck_assert_int_eq(parse("multipart/form-data", b, &parts), MP_BAD_TYPE);
	ck_assert_int_eq(parse("multipart/form-data; boundary=", b, &parts), MP_BAD_TYPE);
	ck_assert_int_eq(parse("multipart/form-datax; boundary=XyZ", b, &parts), MP_BAD_TYPE);
	ck_assert_int_eq(parse("multipart/form-data; boundary=\"XyZ\"", b, &parts), MP_OK);
	ck_assert_int_eq(parse("multipart/form-data; boundary=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			       b, &parts), MP_BAD_TYPE);
}
END_TEST

START_TEST(test_multipart_rejects_malformed_bodies)
{
	struct mp_list parts;
	ck_assert_int_eq(parse(CT, "no delimiter at all", &parts), MP_MALFORMED);
	ck_assert_int_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nunterminated", &parts), MP_MALFORMED);
	ck_assert_int_eq(parse(CT, "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", &parts), MP_MALFORMED);
	ck_assert_int_eq(parse(CT, "--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--", &parts), MP_MALFORMED);
	ck_assert_int_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--", &parts), MP_MALFORMED);
	ck_assert_int_eq(parse(CT, "--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--", &parts), MP_MALFORMED);
	ck_assert_int_eq(parse(CT, "--XyZjunk", &parts), MP_MALFORMED);
}
END_TEST

START_TEST(test_multipart_enforces_caps)
{
	struct mp_list parts;
	char body[4096] = "";
	for (int i = 0; i < 11; i++)
		strcat(body, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n");
	strcat(body, "--XyZ--");
	ck_assert_int_eq(parse(CT, body, &parts), MP_TOO_MANY);

	char big[2048];
	memset(big, 'h', sizeof big);
	big[sizeof big - 1] = '\0';
	char b2[4096];
	snprintf(b2, sizeof b2, "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Long: %s\r\n\r\nx\r\n--XyZ--", big);
	ck_assert_int_eq(parse(CT, b2, &parts), MP_HEADER_TOO_LONG);

	char val[200];
	memset(val, 'v', sizeof val);
	val[sizeof val - 1] = '\0';
	snprintf(b2, sizeof b2, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n%s\r\n--XyZ--", val);
	ck_assert_int_eq(parse(CT, b2, &parts), MP_FIELD_TOO_LONG);
	/* The field cap is for text fields; files are capped by the request body size. */
	snprintf(b2, sizeof b2, "--XyZ\r\nContent-Disposition: form-data; name=a; filename=f\r\n\r\n%s\r\n--XyZ--", val);
	ck_assert_int_eq(parse(CT, b2, &parts), MP_OK);
}
END_TEST

START_TEST(test_multipart_text_fields_must_be_utf8)
{
	struct mp_list parts;
	ck_assert_int_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=\"\xff\"\r\n\r\nx\r\n--XyZ--", &parts), MP_BAD_UTF8);
	ck_assert_int_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\xc3\r\n--XyZ--", &parts), MP_OK);
	struct arena *a = arena_new(4096);
	struct kvlist form;
	struct mp_list files;
	ck_assert_int_eq(multipart_split(a, &parts, &form, &files), MP_BAD_UTF8);
	arena_free(a);
}
END_TEST

Suite *multipart_suite(void)
{
	Suite *s = suite_create("multipart");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, test_multipart_reads_fields_and_files);
	tcase_add_test(tc, test_multipart_body_may_start_with_the_delimiter_and_hold_binary);
	tcase_add_test(tc, test_multipart_rejects_bad_content_types);
	tcase_add_test(tc, test_multipart_rejects_malformed_bodies);
	tcase_add_test(tc, test_multipart_enforces_caps);
	tcase_add_test(tc, test_multipart_text_fields_must_be_utf8);
	suite_add_tcase(s, tc);
	return s;
}
