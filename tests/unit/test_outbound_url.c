/* test_outbound_url.c: webhook URLs a brand saves: every spelling that hides where a host points
 * is refused with its reason, ordinary public URLs pass. */
#include <string.h>
#include <check.h>
#include "lib/outbound_url.h"
#include "suites.h"

static const struct {
	const char *url;
	const char *says;	/* a part of the refusal, or NULL: saved */
} cases[] = {
	{ "https://crm.example.com/hooks/leads?x=1", NULL },
	{ "http://crm.example.com:8080", NULL },
	{ "https://203.0.113.7/h", NULL },
	{ "https://[2001:db8::1]:8443/h", NULL },
	{ "https://a.b-c.example/", NULL },
	{ "https://127.0.0.1:9/hooks", NULL },	/* the allow list below lets loopback through */
	{ "https://localhost:9/hooks", NULL },
	{ "http://192.168.1.1./", "(private)" },
	{ "http://192.168.1.1/", "(private)" },
	{ "http://3232235777/", "(private)" },
	{ "http://0xc0a80101/", "(private)" },
	{ "http://0300.0250.1.1/", "(private)" },
	{ "http://0xc0.0xa8.1.1/", "(private)" },
	{ "http://[::ffff:192.168.1.1]/", "(private)" },
	{ "http://[::ffff:c0a8:101]/", "(private)" },
	{ "http://[::1]/", "(loopback)" },
	{ "http://[fd00::1]/", "(unique-local)" },
	{ "http://[fe80::1]/", "(link-local)" },
	{ "http://[64:ff9b::a00:1]/", "(private)" },
	{ "http://[2002:c0a8:101::1]/", "(private)" },
	{ "http://10.0.0.1:8080/x", "(private)" },
	{ "http://crm.example.com./hook", "without the dot" },
	{ "http://127.0.0.1./", "without the dot" },
	{ "http://localhost./", "without the dot" },
	{ "http://134744072/", "four decimal numbers" },
	{ "http://0x08080808/", "four decimal numbers" },
	{ "http://010.8.8.8/", "four decimal numbers" },
	{ "http://8.8.2056/", "four decimal numbers" },
	{ "http://8.8.8.08/", "four decimal numbers" },
	{ "http://crm.example.123/", "four decimal numbers" },
	{ "http://a@crm.example.com/", "user name and password" },
	{ "http://user:pw@crm.example.com/", "user name and password" },
	{ "http://crm.example.com@192.168.1.1/", "user name and password" },
	{ "ftp://crm.example.com/", "https://" },
	{ "javascript:alert(1)", "https://" },
	{ "HTTP://crm.example.com/", "https://" },
	{ "", "https://" },
	{ "http:///path", "https://" },
	{ "http://./", "https://" },
	{ "http://../", "https://" },
	{ "http://.crm.example.com/", "https://" },
	{ "http://crm..example.com/", "https://" },
	{ "http://[crm.example.com]/", "not an IPv6 address" },
};

START_TEST(test_outbound_url_table)
{
	char msg[OUTBOUND_URL_MSG];
	const char *got = outbound_url_refusal(cases[_i].url, "127.0.0.0/8", msg);
	if (!cases[_i].says)
		ck_assert_msg(got == NULL, "%s refused: %s", cases[_i].url, got);
	else
		ck_assert_msg(got && strstr(got, cases[_i].says), "%s: %s", cases[_i].url, got ? got : "saved");
}
END_TEST

START_TEST(test_outbound_url_localhost_is_loopback_without_an_allow_list)
{
	char msg[OUTBOUND_URL_MSG];
	ck_assert_ptr_nonnull(outbound_url_refusal("https://localhost:9/hooks", "", msg));
	ck_assert_ptr_nonnull(strstr(msg, "(loopback)"));
	ck_assert_ptr_nonnull(outbound_url_refusal("https://crm.LOCALHOST/hooks", "", msg));
	ck_assert_ptr_nonnull(outbound_url_refusal("https://127.0.0.1/", NULL, msg));
	ck_assert_ptr_nonnull(outbound_url_refusal(NULL, "", msg));
}
END_TEST

Suite *outbound_url_suite(void)
{
	Suite *s = suite_create("outbound_url");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_outbound_url_table, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, test_outbound_url_localhost_is_loopback_without_an_allow_list);
	suite_add_tcase(s, tc);
	return s;
}
