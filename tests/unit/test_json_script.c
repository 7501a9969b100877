/* test_json_script.c: JSON for an HTML script data block holds nothing HTML reads, and still
 * parses back to the same values. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "lib/json_script.h"
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

START_TEST(test_json_script_escapes_what_could_end_the_block)
{
	static const char *const hostile[] = {
		"</script><script>alert(1)</script>", "<!--<script>", "]]>", "&lt;", "</SCRIPT>", "<\\/script>",
		"\"}]}</script>", "x\xe2\x80\xa8y\xe2\x80\xa9z", "Ünïcødé 東京 🛒",
	};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		json_t *v = json_pack("{s:s, s:[s]}", "name", hostile[i], "list", hostile[i]);
		const char *out = json_script_dump(A, v);
		ck_assert_ptr_nonnull(out);
		ck_assert_msg(!strpbrk(out, "<>&"), "raw <, > or & in %s", out);
		ck_assert_ptr_null(strstr(out, "</"));
		/* Read back, it is the same text. */
		json_error_t err;
		json_t *back = json_loads(out, 0, &err);
		ck_assert_ptr_nonnull(back);
		ck_assert_str_eq(json_string_value(json_object_get(back, "name")), hostile[i]);
		json_decref(back);
		json_decref(v);
	}
}
END_TEST

START_TEST(test_json_script_keeps_the_meaning_of_plain_values)
{
	json_t *v = json_pack("{s:s, s:i, s:s}", "@type", "Offer", "position", 3, "url", "https://shop.example/p/a");
	const char *out = json_script_dump(A, v);
	ck_assert_str_eq(out, "{\"@type\":\"Offer\",\"position\":3,\"url\":\"https:\\/\\/shop.example\\/p\\/a\"}");
	json_decref(v);
}
END_TEST

/* What jansson's json_dumps writes, with HTML's three escaped after it: the bytes pages had. */
static const char *jansson_form(const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ESCAPE_SLASH);
	ck_assert_ptr_nonnull(s);
	char *out = arena_alloc(A, strlen(s) * 6 + 1), *o = out;
	for (const char *p = s; *p; p++) {
		const char *esc = *p == '<' ? "\\u003c" : *p == '>' ? "\\u003e" : *p == '&' ? "\\u0026" : NULL;
		if (esc)
			o = stpcpy(o, esc);
		else
			*o++ = *p;
	}
	*o = '\0';
	free(s);
	return out;
}

START_TEST(test_json_script_writes_what_jansson_wrote)
{
	static const char *const texts[] = {
		"", "plain", "a/b//c", "\"quoted\" \\ back", "tab\tnew\nline\rcr\bbs\fff", "\x01\x1f\x7f",
		"</script>&amp;", "x\xe2\x80\xa8y", "Ünïcødé 東京 🛒", "https://shop.example/p/a?via=lena&x=1",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		json_t *v = json_pack("[{s:s, s:I, s:I, s:b, s:b, s:n, s:[], s:{}, s:[s, i]}]", "@type", texts[i],
				      "position", (json_int_t)-9223372036854775807LL - 1, "max", (json_int_t)9223372036854775807LL,
				      "yes", 1, "no", 0, "none", "empty", "obj", "list", texts[i], 0);
		json_object_set_new(json_array_get(v, 0), texts[i], json_integer(42));
		ck_assert_str_eq(json_script_dump(A, v), jansson_form(v));
		json_decref(v);
	}
	/* a real number is left to jansson, which writes it its own way */
	json_t *r = json_pack("{s:f}", "price", 12.5);
	ck_assert_str_eq(json_script_dump(A, r), jansson_form(r));
	json_decref(r);
}
END_TEST

/* Strings longer than the sixteen bytes json_script_string reads at once, with each byte that has
 * an escape (and a few that do not) at every place in and across those blocks: the same bytes as
 * jansson's. */
START_TEST(test_json_script_long_strings_escape_at_every_place)
{
	static const char probes[] = "\x01\x1f\"\\/<>&\x7f\xc3\xa9 a";
	char text[80];
	for (size_t len = 1; len < sizeof text; len++)
		for (size_t at = 0; at < len; at++)
			for (size_t k = 0; k + 1 < sizeof probes; k++) {
				memset(text, 'x', len);
				text[len] = '\0';
				text[at] = probes[k];
				/* a second escape a block later, and the last byte an escape */
				if (at + 17 < len)
					text[at + 17] = '/';
				text[len - 1] = k % 2 ? '<' : 'z';
				if ((unsigned char)probes[k] == 0xc3 && at + 1 < len)
					text[at + 1] = '\xa9';	/* kept UTF-8, as jansson holds only that */
				else if ((unsigned char)probes[k] >= 0x80)
					continue;
				json_t *v = json_pack("[s]", text);
				ck_assert_ptr_nonnull(v);
				ck_assert_str_eq(json_script_dump(A, v), jansson_form(v));
				json_decref(v);
			}
}
END_TEST

Suite *json_script_suite(void)
{
	Suite *s = suite_create("json_script");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_json_script_escapes_what_could_end_the_block);
	tcase_add_test(tc, test_json_script_keeps_the_meaning_of_plain_values);
	tcase_add_test(tc, test_json_script_writes_what_jansson_wrote);
	tcase_add_test(tc, test_json_script_long_strings_escape_at_every_place);
	suite_add_tcase(s, tc);
	return s;
}
