/* test_jsonld.c: the schema.org objects hold what Google's rich results require, typed as they
 * require it (a price as a decimal string), and leave out what a page does not have. */
#include <string.h>
#include <check.h>
#include <jansson.h>
#include "views/jsonld.h"
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

/* The text read back, as a search engine reads it. */
static json_t *parsed(const char *text)
{
	json_error_t err;
	json_t *v = json_loads(text, 0, &err);
	ck_assert_msg(v != NULL, "%s: %s", text, err.text);
	ck_assert_str_eq(json_string_value(json_object_get(v, "@context")), "https://schema.org");
	return v;
}

START_TEST(test_jsonld_product_has_the_rich_result_fields)
{
	struct jsonld_offer offer = { 2600, "EUR", true };
	json_t *p = parsed(jsonld_product(A, "Fig & Cedar Candle", "Soy wax.", "https://shop.example/i.jpg",
				   "https://shop.example/p/a/b", "Atelier Lumen", "", &offer));
	ck_assert_str_eq(json_string_value(json_object_get(p, "@type")), "Product");
	ck_assert_str_eq(json_string_value(json_object_get(p, "name")), "Fig & Cedar Candle");
	ck_assert_str_eq(json_string_value(json_object_get(p, "image")), "https://shop.example/i.jpg");
	ck_assert_ptr_null(json_object_get(p, "sku"));	/* empty: left out */
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(p, "brand"), "name")), "Atelier Lumen");
	json_t *o = json_object_get(p, "offers");
	ck_assert(json_is_string(json_object_get(o, "price")));
	ck_assert_str_eq(json_string_value(json_object_get(o, "price")), "26.00");
	ck_assert_str_eq(json_string_value(json_object_get(o, "priceCurrency")), "EUR");
	ck_assert_str_eq(json_string_value(json_object_get(o, "availability")), "https://schema.org/InStock");
	json_decref(p);
	offer = (struct jsonld_offer){ 1200, "JPY", false };
	p = parsed(jsonld_product(A, "Cup", NULL, NULL, NULL, NULL, NULL, &offer));
	o = json_object_get(p, "offers");
	ck_assert_str_eq(json_string_value(json_object_get(o, "price")), "1200");
	ck_assert_str_eq(json_string_value(json_object_get(o, "availability")), "https://schema.org/OutOfStock");
	ck_assert_ptr_null(json_object_get(p, "image"));
	json_decref(p);
}
END_TEST

START_TEST(test_jsonld_lists_count_from_one_and_crumbs_name_their_item)
{
	struct jsonld_list list;
	jsonld_item_list(&list, A, "Desk setup", "https://shop.example/@lena/desk-setup");
	jsonld_list_add(&list, "Lamp", "https://shop.example/p/n/lamp");
	jsonld_list_add(&list, "Mat", "https://shop.example/p/n/mat");
	json_t *l = parsed(jsonld_list_end(&list));
	json_t *items = json_object_get(l, "itemListElement");
	ck_assert_uint_eq(json_array_size(items), 2);
	ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(items, 1), "position")), 2);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(items, 1), "url")), "https://shop.example/p/n/mat");
	json_decref(l);
	jsonld_breadcrumbs(&list, A);
	jsonld_list_add(&list, "crowdcart", "https://shop.example/");
	json_t *c = parsed(jsonld_list_end(&list));
	items = json_object_get(c, "itemListElement");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(items, 0), "item")), "https://shop.example/");
	ck_assert_ptr_null(json_object_get(json_array_get(items, 0), "url"));
	json_decref(c);
}
END_TEST

/* The bytes pages carried when these objects were jansson trees dumped compactly (keys in the
 * order set, "/" escaped) with HTML's three escaped after: a page's cache tag stays the same. */
START_TEST(test_jsonld_text_is_what_jansson_wrote)
{
	struct jsonld_offer offer = { 2600, "EUR", true };
	ck_assert_str_eq(jsonld_product(A, "Fig & Cedar <Candle>", "Soy \"wax\".", NULL, "https://s.example/p/a/b",
					"Lumen", "FC-1", &offer),
			 "{\"@context\":\"https:\\/\\/schema.org\",\"@type\":\"Product\",\"name\":\"Fig \\u0026 Cedar "
			 "\\u003cCandle\\u003e\",\"description\":\"Soy \\\"wax\\\".\",\"url\":\"https:\\/\\/s.example\\/p\\/a\\/b\","
			 "\"sku\":\"FC-1\",\"brand\":{\"@type\":\"Brand\",\"name\":\"Lumen\"},\"offers\":{\"@type\":\"Offer\","
			 "\"price\":\"26.00\",\"priceCurrency\":\"EUR\",\"availability\":\"https:\\/\\/schema.org\\/InStock\","
			 "\"url\":\"https:\\/\\/s.example\\/p\\/a\\/b\"}}");
	struct jsonld_list list;
	jsonld_breadcrumbs(&list, A);
	jsonld_list_add(&list, "crowdcart", "https://s.example/");
	jsonld_list_add(&list, "bad \xff name", "https://s.example/@x");
	ck_assert_str_eq(jsonld_list_end(&list),
			 "{\"@context\":\"https:\\/\\/schema.org\",\"@type\":\"BreadcrumbList\",\"itemListElement\":["
			 "{\"@type\":\"ListItem\",\"position\":1,\"name\":\"crowdcart\",\"item\":\"https:\\/\\/s.example\\/\"},"
			 "{\"@type\":\"ListItem\",\"position\":2,\"item\":\"https:\\/\\/s.example\\/@x\"}]}");
	ck_assert_str_eq(jsonld_person(A, "Lena", "", NULL, "https://s.example/@lena"),
			 "{\"@context\":\"https:\\/\\/schema.org\",\"@type\":\"Person\",\"name\":\"Lena\","
			 "\"url\":\"https:\\/\\/s.example\\/@lena\"}");
}
END_TEST

Suite *jsonld_suite(void)
{
	Suite *s = suite_create("jsonld");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_jsonld_product_has_the_rich_result_fields);
	tcase_add_test(tc, test_jsonld_lists_count_from_one_and_crumbs_name_their_item);
	tcase_add_test(tc, test_jsonld_text_is_what_jansson_wrote);
	suite_add_tcase(s, tc);
	return s;
}
