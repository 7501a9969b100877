/* test_mail_html.c: a mail's HTML part from its text: escaped, paragraphs and breaks, and only
 * http(s) addresses as links, without the punctuation that ends their sentence. */
#include <check.h>
#include <string.h>
#include "web/tmpl.h"
#include "ctl/mail_html.h"
#include "suites.h"

static const char *render(struct arena *a, const char *text)
{
	ck_assert(tmpl_init("templates"));	/* the unit tests run from the top of the tree */
	const char *html = mail_html_render(a, "Subject <i>", text);
	ck_assert_ptr_nonnull(html);
	return html;
}

START_TEST(test_mail_html_escapes_names_and_the_subject)
{
	struct arena *a = arena_new(65536);
	const char *html = render(a, "<b>Lena & \"Co\"</b> is live now\n");
	ck_assert_ptr_null(strstr(html, "AUTOESCAPE"));
	ck_assert_ptr_nonnull(strstr(html, "<title>Subject &lt;i&gt;</title>"));
	ck_assert_ptr_nonnull(strstr(html, "&lt;b&gt;Lena &amp; &quot;Co&quot;&lt;/b&gt; is live now"));
	ck_assert_ptr_null(strstr(html, "<b>"));
	arena_free(a);
}
END_TEST

START_TEST(test_mail_html_makes_paragraphs_breaks_and_links)
{
	struct arena *a = arena_new(65536);
	const char *html = render(a, "Hello,\r\n\r\nWatch: https://shop.example/live/7.\nOr (http://shop.example/x?a=1&b=2)\n\n\n"
				     "Not a link: javascript:alert(1) or shop.example/y or xhttps://z.example\n");
	ck_assert_ptr_nonnull(strstr(html, ">Hello,</p>"));
	ck_assert_ptr_nonnull(strstr(html, "Watch: <a href=\"https://shop.example/live/7\""));
	ck_assert_ptr_nonnull(strstr(html, ">https://shop.example/live/7</a>.<br>"));
	ck_assert_ptr_nonnull(strstr(html, "Or (<a href=\"http://shop.example/x?a=1&amp;b=2\""));
	ck_assert_ptr_nonnull(strstr(html, "</a>)</p>"));
	ck_assert_ptr_nonnull(strstr(html, ">Not a link: javascript:alert(1) or shop.example/y or xhttps://z.example</p>"));
	size_t paras = 0;
	for (const char *p = html; (p = strstr(p, "<p ")); p++)
		paras++;
	ck_assert_uint_eq(paras, 3);
	arena_free(a);
}
END_TEST

Suite *mail_html_suite(void)
{
	Suite *s = suite_create("mail_html");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_mail_html_escapes_names_and_the_subject);
	tcase_add_test(tc, test_mail_html_makes_paragraphs_breaks_and_links);
	suite_add_tcase(s, tc);
	return s;
}
