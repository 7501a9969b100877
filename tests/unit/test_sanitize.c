/* test_sanitize.c: the description sanitiser keeps harmless structure and nothing that can run. */
#include <stdio.h>
#include <string.h>
#include <check.h>
#include "lib/arena.h"
#include "lib/sanitize.h"
#include "lib/sanitize_memo.h"
#include "suites.h"
#include "lib/utf8.h"

static const char *san(const char *html)
{
	static struct arena *a;
	if (!a)
		a = arena_new(65536);
	size_t n;
	const char *out = sanitize_html(a, html, strlen(html), &n);
	ck_assert_uint_eq(n, strlen(out));
	return out;
}

START_TEST(test_sanitize_keeps_allowlisted_structure)
{
	ck_assert_str_eq(san("<p>Soft <strong>wool</strong>, <em>hand</em> <b>made</b> <i>here</i><br>ok</p>"),
			 "<p>Soft <strong>wool</strong>, <em>hand</em> <b>made</b> <i>here</i><br>ok</p>");
	ck_assert_str_eq(san("<ul><li>one</li><li>two</li></ul><ol><li>3</li></ol>"),
			 "<ul><li>one</li><li>two</li></ul><ol><li>3</li></ol>");
}
END_TEST

START_TEST(test_sanitize_wraps_bare_text_in_a_paragraph)
{
	ck_assert_str_eq(san("Ocean blue cotton shirt"), "<p>Ocean blue cotton shirt</p>");
	ck_assert_str_eq(san("<b>bold</b> start"), "<p><b>bold</b> start</p>");
	ck_assert_str_eq(san(""), "");
	ck_assert_str_eq(san("   "), "");
}
END_TEST

START_TEST(test_sanitize_drops_scripts_styles_and_their_text)
{
	ck_assert_str_eq(san("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
	ck_assert_str_eq(san("<style>p{color:red}</style><p>x</p>"), "<p>x</p>");
	ck_assert_str_eq(san("<p>x</p><iframe src=//evil>inner</iframe>"), "<p>x</p>");
	ck_assert_ptr_null(strstr(san("<svg><script>alert(1)</script></svg><p>k</p>"), "alert"));
	ck_assert_ptr_null(strstr(san("<SCRIPT SRC=//x.js></SCRIPT>"), "x.js"));
}
END_TEST

START_TEST(test_sanitize_drops_event_handlers_and_other_attributes)
{
	ck_assert_str_eq(san("<p onclick=\"steal()\" style=\"x\" class=c>hi</p>"), "<p>hi</p>");
	ck_assert_str_eq(san("<img src=x onerror=alert(1)>"), "");
	ck_assert_str_eq(san("<b onmouseover=alert(1)>b</b>"), "<p><b>b</b></p>");
}
END_TEST

START_TEST(test_sanitize_links_only_http_with_nofollow_ugc)
{
	ck_assert_str_eq(san("<a href=\"https://example.com/a?b=1&amp;c=2\" target=_blank>x</a>"),
			 "<p><a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow ugc\">x</a></p>");
	ck_assert_str_eq(san("<a href=\"javascript:alert(1)\">x</a>"), "<p>x</p>");
	ck_assert_str_eq(san("<a href=\"jav&#x61;script:alert(1)\">x</a>"), "<p>x</p>");
	ck_assert_str_eq(san("<a href=\" JAVASCRIPT:alert(1)\">x</a>"), "<p>x</p>");
	ck_assert_str_eq(san("<a href=\"data:text/html,<script>1</script>\">x</a>"), "<p>x</p>");
	ck_assert_str_eq(san("<a href=\"/relative\">x</a>"), "<p>x</p>");
	ck_assert_str_eq(san("<a>x</a>"), "<p>x</p>");
}
END_TEST

START_TEST(test_sanitize_drops_comments_and_unwraps_other_elements)
{
	ck_assert_str_eq(san("<p>a<!-- <script>x</script> -->b</p>"), "<p>ab</p>");
	ck_assert_str_eq(san("<div>one</div><div>two</div>"), "<p>one two</p>");
	ck_assert_str_eq(san("<h2>Care</h2><p>Wash cold</p>"), "<p>Care </p><p>Wash cold</p>");
	ck_assert_str_eq(san("a<ul><li>i</li></ul>b"), "<p>a</p><ul><li>i</li></ul><p>b</p>");
	ck_assert_str_eq(san("<span>in <u>line</u></span>"), "<p>in line</p>");
	ck_assert_str_eq(san("<li>orphan</li>"), "<p>orphan</p>");
}
END_TEST

START_TEST(test_sanitize_output_is_escaped_and_well_formed)
{
	ck_assert_str_eq(san("<p>5 &lt; 6 &amp; \"q\" 'a'</p>"), "<p>5 &lt; 6 &amp; &quot;q&quot; &#39;a&#39;</p>");
	ck_assert_str_eq(san("<p>x<p>y"), "<p>x</p><p>y</p>");
	ck_assert_str_eq(san("<b>a<i>b</b>c</i>"), "<p><b>a<i>b</i></b>c</p>");
	ck_assert_str_eq(san("&lt;script&gt;alert(1)&lt;/script&gt;"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
}
END_TEST

START_TEST(test_sanitize_replaces_bytes_that_are_not_utf8)
{
	const char *out = san("<p>caf\xe9 \xff</p>");
	ck_assert(utf8_valid((const uint8_t *)out, strlen(out)));
	ck_assert_ptr_nonnull(strstr(out, "caf\xef\xbf\xbd"));
}
END_TEST

START_TEST(test_sanitize_is_idempotent)
{
	const char *in[] = { "<p>a <a href=\"http://x.test/\">l</a></p><ul><li>i</li></ul>",
			     "<div>t</div><script>s</script>x & y", "plain" };
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		const char *once = san(in[i]);
		ck_assert_str_eq(san(once), once);
	}
}
END_TEST

/* The memo answers what sanitize_html answers, for each of many texts asked again and again,
 * texts that share a slot included, and for an edited text the edit's answer. */
START_TEST(test_sanitize_memo_answers_as_sanitize_html)
{
	struct arena *a = arena_new(1 << 16);
	char text[600][64];
	for (int i = 0; i < 600; i++)
		snprintf(text[i], sizeof text[i], "<p onclick=x>item %d <script>s</script><b>b%d</b></p>", i, i % 7);
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 600; i++) {
			const char *want = sanitize_html(a, text[i], strlen(text[i]), NULL);
			ck_assert_str_eq(sanitize_memo_html(a, text[i], strlen(text[i])), want);
		}
	text[5][3] = 'X';	/* an edited text: "<p Xnclick=x>..." */
	ck_assert_str_eq(sanitize_memo_html(a, text[5], strlen(text[5])), sanitize_html(a, text[5], strlen(text[5]), NULL));
	ck_assert_str_eq(sanitize_memo_html(a, "", 0), "");
	arena_free(a);
}
END_TEST

Suite *sanitize_suite(void)
{
	Suite *s = suite_create("sanitize");
	TCase *tc = tcase_create("allowlist");
	tcase_add_test(tc, test_sanitize_keeps_allowlisted_structure);
	tcase_add_test(tc, test_sanitize_wraps_bare_text_in_a_paragraph);
	tcase_add_test(tc, test_sanitize_drops_scripts_styles_and_their_text);
	tcase_add_test(tc, test_sanitize_drops_event_handlers_and_other_attributes);
	tcase_add_test(tc, test_sanitize_links_only_http_with_nofollow_ugc);
	tcase_add_test(tc, test_sanitize_drops_comments_and_unwraps_other_elements);
	tcase_add_test(tc, test_sanitize_output_is_escaped_and_well_formed);
	tcase_add_test(tc, test_sanitize_replaces_bytes_that_are_not_utf8);
	tcase_add_test(tc, test_sanitize_is_idempotent);
	tcase_add_test(tc, test_sanitize_memo_answers_as_sanitize_html);
	suite_add_tcase(s, tc);
	return s;
}
