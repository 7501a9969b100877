/* test_jsonld.c: the schema.org objects hold what Google's rich results require, typed as they
 * require it (a price as a decimal string), and leave out what a page does not have. */
#include <string.h>
#include <check.h>
#include "views/jsonld.h"
#include "suites.h"

START_TEST(test_jsonld_product_has_the_rich_result_fields)
{
	struct jsonld_offer offer = { 2600, "EUR", true };
	json_t *p = jsonld_product("Fig & Cedar Candle", "Soy wax.", "https://shop.example/i.jpg",
				   "https://shop.example/p/a/b", "Atelier Lumen", "", &offer);
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
	p = jsonld_product("Cup", NULL, NULL, NULL, NULL, NULL, &offer);
	o = json_object_get(p, "offers");
	ck_assert_str_eq(json_string_value(json_object_get(o, "price")), "1200");
	ck_assert_str_eq(json_string_value(json_object_get(o, "availability")), "https://schema.org/OutOfStock");
	ck_assert_ptr_null(json_object_get(p, "image"));
	json_decref(p);
}
END_TEST

START_TEST(test_jsonld_lists_count_from_one_and_crumbs_name_their_item)
{
	json_t *l = jsonld_item_list("Desk setup", "https://shop.example/@lena/desk-setup");
	jsonld_list_add(l, "Lamp", "https://shop.example/p/n/lamp");
	jsonld_list_add(l, "Mat", "https://shop.example/p/n/mat");
	json_t *items = json_object_get(l, "itemListElement");
	ck_assert_uint_eq(json_array_size(items), 2);
	ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(items, 1), "position")), 2);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(items, 1), "url")), "https://shop.example/p/n/mat");
	json_decref(l);
	json_t *c = jsonld_breadcrumbs();
	jsonld_list_add(c, "crowdcart", "https://shop.example/");
	items = json_object_get(c, "itemListElement");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(items, 0), "item")), "https://shop.example/");
	ck_assert_ptr_null(json_object_get(json_array_get(items, 0), "url"));
	json_decref(c);
}
END_TEST

Suite *jsonld_suite(void)
{
	Suite *s = suite_create("jsonld");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_jsonld_product_has_the_rich_result_fields);
	tcase_add_test(tc, test_jsonld_lists_count_from_one_and_crumbs_name_their_item);
	suite_add_tcase(s, tc);
	return s;
}
