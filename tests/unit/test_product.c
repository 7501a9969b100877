/* test_product.c: the product rules every studio form and API call goes through, decimal amounts
 * for the API, the typed-description round trip, and API key parsing. */
#include <stdio.h>
#include <string.h>
#include <check.h>
#include "lib/apikey.h"
#include "domain/catalog/product.h"
#include "suites.h"

static struct arena *a;

static void setup(void)
{
	a = arena_new(4096);
}

static void teardown(void)
{
	arena_free(a);
}

static struct product_variant variant(const char *opt1, long long price, long long stock, const char *policy)
{
	return (struct product_variant){ .opt = { opt1, NULL, NULL }, .sku = "SKU", .price = price, .stock = stock, .policy = policy };
}

/* A valid product with one option and two variants, for each test to break one way. */
static struct product_input good(struct product_variant *v, struct product_image *im)
{
	v[0] = variant("S", 1250, 3, "deny");
	v[1] = variant("L", 1500, 0, "continue");
	im[0] = (struct product_image){ "https://img.example/a.jpg", "front" };
	return (struct product_input){ .title = "Mug", .description = "Nice.\n\nHeavy.", .opt_name = { "Size", NULL, NULL },
				    .images = im, .nimages = 1, .variants = v, .nvariants = 2 };
}

static void assert_problem(const struct product_input *in, const char *field)
{
	struct product_problem p = { NULL, NULL };
	ck_assert_msg(!product_check(a, in, &p), "accepted, expected a problem with %s", field);
	ck_assert_str_eq(p.field, field);
	ck_assert_ptr_nonnull(p.msg);
}

START_TEST(test_product_valid_passes)
{
	struct product_variant v[2];
	struct product_image im[1];
	struct product_input in = good(v, im);
	struct product_problem p = { NULL, NULL };
	ck_assert(product_check(a, &in, &p));
	ck_assert_ptr_null(p.field);
}
END_TEST

START_TEST(test_product_rules_name_the_field)
{
	struct product_variant v[2];
	struct product_image im[1];
	struct product_input in = good(v, im);
	in.title = "  ";
	assert_problem(&in, "title");
	in = good(v, im);
	in.title = "line\nbreak";
	assert_problem(&in, "title");
	in = good(v, im);
	in.nvariants = 0;
	assert_problem(&in, "variants");
	in = good(v, im);
	v[1].opt[0] = "";
	assert_problem(&in, "variants[1].option1");
	in = good(v, im);
	v[0].opt[1] = "Red";
	assert_problem(&in, "variants[0].option2");
	in = good(v, im);
	v[0].stock = -1;
	assert_problem(&in, "variants[0].stock");
	in = good(v, im);
	v[1].stock = -5;	/* continue may sell below zero */
	struct product_problem p;
	ck_assert(product_check(a, &in, &p));
	in = good(v, im);
	v[0].policy = "sometimes";
	assert_problem(&in, "variants[0].inventory_policy");
	in = good(v, im);
	v[1].price = -1;
	assert_problem(&in, "variants[1].price");
	in = good(v, im);
	in.opt_name[0] = NULL;
	in.opt_name[1] = "Color";
	assert_problem(&in, "option2_name");
	in = good(v, im);
	im[0].url = "javascript:alert(1)";
	assert_problem(&in, "images[0].url");
	in = good(v, im);
	in.title = "\xff\xfe";
	assert_problem(&in, "title");
}
END_TEST

START_TEST(test_product_urls_are_http_only)
{
	ck_assert(product_valid_url("https://img.example/a.jpg"));
	ck_assert(product_valid_url("http://img.example:8080/a.jpg?x=1"));
	ck_assert(!product_valid_url("javascript:alert(1)"));
	ck_assert(!product_valid_url("data:image/png;base64,AAAA"));
	ck_assert(!product_valid_url("//img.example/a.jpg"));
	ck_assert(!product_valid_url("https://"));
	ck_assert(!product_valid_url("https:///path"));
	ck_assert(!product_valid_url("https://a.example/x y"));
	ck_assert(!product_valid_url("https://a.example/\"onerror=\""));
	ck_assert(!product_valid_url("HTTPS://A.EXAMPLE/"));
	ck_assert(!product_valid_url(NULL));
}
END_TEST

START_TEST(test_product_decimal_round_trips_minor_units)
{
	ck_assert_str_eq(product_decimal(a, 1250, "USD"), "12.50");
	ck_assert_str_eq(product_decimal(a, 5, "EUR"), "0.05");
	ck_assert_str_eq(product_decimal(a, 0, "USD"), "0.00");
	ck_assert_str_eq(product_decimal(a, 1200, "JPY"), "1200");
	ck_assert_str_eq(product_decimal(a, 1234, "KWD"), "1.234");
	ck_assert_str_eq(product_decimal(a, -300, "USD"), "-3.00");
	ck_assert_str_eq(product_decimal(a, 1250, "USD"), "12.50");
}
END_TEST

START_TEST(test_product_typed_description_is_escaped_and_comes_back)
{
	const char *html = product_text_html(a, "Fish & <chips>\n\n\"Good\"\nreally");
	ck_assert_str_eq(html, "<p>Fish &amp; &lt;chips&gt;</p><p>&quot;Good&quot;<br>really</p>");
	ck_assert_str_eq(product_html_text(a, "<p>Fish &amp; &lt;chips&gt;</p><p>Two</p>"), "Fish & <chips>\n\nTwo");
	ck_assert_str_eq(product_text_html(a, "  \n\n "), "");
	ck_assert_str_eq(product_text_html(a, NULL), "");
	ck_assert_str_eq(product_text_html(a, "a\r\n\r\nb"), "<p>a</p><p>b</p>");
}
END_TEST

START_TEST(test_apikey_made_parsed_and_hashed)
{
	char key[APIKEY_LEN + 1];
	uint8_t h1[32], h2[32];
	apikey_new(key, h1);
	ck_assert_uint_eq(strlen(key), APIKEY_LEN);
	ck_assert(strncmp(key, "cck_", 4) == 0);
	ck_assert(apikey_hash(key, h2));
	ck_assert(memcmp(h1, h2, 32) == 0);
	char key2[APIKEY_LEN + 1];
	apikey_new(key2, h2);
	ck_assert(memcmp(h1, h2, 32) != 0);
	ck_assert(!apikey_hash("cck_short", h2));
	ck_assert(!apikey_hash(key + 1, h2));
	char hdr[80];
	snprintf(hdr, sizeof hdr, "Bearer %s", key);
	ck_assert_str_eq(apikey_from_header(hdr), key);
	snprintf(hdr, sizeof hdr, "bearer  %s ", key);
	ck_assert_ptr_nonnull(apikey_from_header(hdr));
	ck_assert_ptr_null(apikey_from_header("Basic Zm9vOmJhcg=="));
	ck_assert_ptr_null(apikey_from_header("Bearer "));
	ck_assert_ptr_null(apikey_from_header(NULL));
}
END_TEST

START_TEST(test_product_check_all_lists_every_field_once)
{
	struct product_variant v[2];
	struct product_image im[1];
	struct product_input in = good(v, im);
	in.title = " ";
	in.opt_name[2] = "Colour";	/* named out of order */
	v[0].opt[0] = "";		/* a named option without a value */
	v[0].price = -1;
	v[1].stock = -5;		/* below zero, and: */
	v[1].policy = "deny";
	im[0].url = "ftp://img.example/a.jpg";
	struct product_problems ps = { .n = 0 };
	ck_assert(!product_check_all(a, &in, &ps));
	static const char *const want[] = { "title", "option3_name", "images[0].url", "variants[0].option1",
					    "variants[0].option3", "variants[0].price", "variants[1].option3", "variants[1].stock" };
	ck_assert_uint_eq(ps.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < ps.n; i++)
		ck_assert_str_eq(ps.list[i].field, want[i]);
	struct product_problem first;
	ck_assert(!product_check(a, &in, &first));
	ck_assert_str_eq(first.field, "title");	/* the API still answers with the first alone */
}
END_TEST

Suite *product_suite(void)
{
	Suite *s = suite_create("product");
	TCase *t = tcase_create("core");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_product_valid_passes);
	tcase_add_test(t, test_product_rules_name_the_field);
	tcase_add_test(t, test_product_check_all_lists_every_field_once);
	tcase_add_test(t, test_product_urls_are_http_only);
	tcase_add_test(t, test_product_decimal_round_trips_minor_units);
	tcase_add_test(t, test_product_typed_description_is_escaped_and_comes_back);
	tcase_add_test(t, test_apikey_made_parsed_and_hashed);
	suite_add_tcase(s, t);
	return s;
}
