/* test_address.c: the country list (every ISO 3166-1 code once, found in either case, names
 * sorted) and addresses printed in each country's order with no stray spaces or empty lines. */
#include <string.h>
#include <check.h>
#include "domain/commerce/address.h"
#include "domain/commerce/country.h"
#include "suites.h"

static struct arena *ar;

static void setup(void)
{
	ar = arena_new(4096);
}

static void teardown(void)
{
	arena_free(ar);
}

START_TEST(test_country_table_holds_every_code_once)
{
	ck_assert_uint_eq(country_count(), 249);
	for (size_t i = 0; i < country_count(); i++) {
		const struct country *c = country_at(i);
		ck_assert_uint_eq(strlen(c->code), 2);
		ck_assert_ptr_eq(country_find(c->code), c);
		for (size_t j = i + 1; j < country_count(); j++)
			ck_assert_str_ne(c->code, country_at(j)->code);
	}
	ck_assert_ptr_null(country_at(country_count()));
}
END_TEST

START_TEST(test_country_find_takes_either_case_and_refuses_strangers)
{
	ck_assert_str_eq(country_find("de")->name, "Germany");
	ck_assert_str_eq(country_find("Us")->name, "United States");
	ck_assert_str_eq(country_find("GB")->name, "United Kingdom");
	ck_assert_ptr_null(country_find("UK"));	/* GB is the code */
	ck_assert_ptr_null(country_find("EU"));
	ck_assert_ptr_null(country_find("XX"));
	ck_assert_ptr_null(country_find("D"));
	ck_assert_ptr_null(country_find("DEU"));
	ck_assert_ptr_null(country_find(""));
	ck_assert_ptr_null(country_find(NULL));
	ck_assert_str_eq(country_zone("FR"), COUNTRY_ZONE_EU);
	ck_assert_ptr_null(country_zone("CH"));
	ck_assert_ptr_null(country_zone("US"));
}
END_TEST

START_TEST(test_country_names_come_in_reading_order)
{
	/* Åland sorts with A, not after Zimbabwe. */
	ck_assert_str_eq(country_at(0)->code, "AF");
	ck_assert_str_eq(country_at(1)->code, "AX");
	ck_assert_str_eq(country_at(country_count() - 1)->code, "ZW");
}
END_TEST

START_TEST(test_address_postal_code_before_the_town_in_germany)
{
	struct address ad = { "Erika Mustermann", "Heidestraße 17", "", "Köln", "", "51147", "DE" };
	ck_assert_str_eq(address_text(ar, &ad, "|"), "Erika Mustermann|Heidestraße 17|51147 Köln|Germany");
	ad = (struct address){ "Marie Dupont", "12 rue de la Paix", "Bâtiment B", "Paris", "", "75002", "fr" };
	ck_assert_str_eq(address_text(ar, &ad, "|"), "Marie Dupont|12 rue de la Paix|Bâtiment B|75002 Paris|France");
	ad = (struct address){ "Ana Silva", "Rua Augusta 100", "", "Lisboa", "", "1100-053", "PT" };
	ck_assert_str_eq(address_text(ar, &ad, "|"), "Ana Silva|Rua Augusta 100|1100-053 Lisboa|Portugal");
}
END_TEST

START_TEST(test_address_city_state_zip_in_the_united_states)
{
	struct address ad = { "Pat Smith", "1600 Main St", "Apt 4", "Springfield", "IL", "62701", "US" };
	ck_assert_str_eq(address_text(ar, &ad, "|"), "Pat Smith|1600 Main St|Apt 4|Springfield, IL 62701|United States");
	ad.region = "";
	ck_assert_str_eq(address_text(ar, &ad, "|"), "Pat Smith|1600 Main St|Apt 4|Springfield, 62701|United States");
	ad = (struct address){ "Jean Roy", "10 rue Sherbrooke", "", "Montréal", "QC", "H2X 1Y4", "CA" };
	ck_assert_str_eq(address_text(ar, &ad, "|"), "Jean Roy|10 rue Sherbrooke|Montréal QC H2X 1Y4|Canada");
}
END_TEST

START_TEST(test_address_postcode_on_its_own_line_in_the_united_kingdom)
{
	struct address ad = { "Sam Jones", "10 Downing Street", "", "London", "", "SW1A 2AA", "GB" };
	ck_assert_str_eq(address_text(ar, &ad, "|"), "Sam Jones|10 Downing Street|London|SW1A 2AA|United Kingdom");
}
END_TEST

START_TEST(test_address_has_no_stray_spaces_or_empty_lines)
{
	struct address ad = { "  Erika   Mustermann ", "\tHeidestraße  17 ", "   ", " Köln ", " ", " 51147 ", "DE" };
	const char *lines[ADDRESS_MAX_LINES];
	size_t n = address_lines(ar, &ad, lines);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(lines[0], "Erika Mustermann");
	ck_assert_str_eq(lines[1], "Heidestraße 17");
	ck_assert_str_eq(lines[2], "51147 Köln");
	ck_assert_str_eq(lines[3], "Germany");
	ad = (struct address){ "A", "B", "", "Town", "", "", "US" };
	ck_assert_str_eq(address_text(ar, &ad, ", "), "A, B, Town, United States");
	ad = (struct address){ "A", "B", "", "Town", "Region", "1234", "ZZ" };	/* unknown: as given */
	ck_assert_str_eq(address_text(ar, &ad, "|"), "A|B|1234 Town|Region|ZZ");
}
END_TEST

Suite *address_suite(void)
{
	Suite *s = suite_create("address");
	TCase *tc = tcase_create("countries");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_country_table_holds_every_code_once);
	tcase_add_test(tc, test_country_find_takes_either_case_and_refuses_strangers);
	tcase_add_test(tc, test_country_names_come_in_reading_order);
	tcase_add_test(tc, test_address_postal_code_before_the_town_in_germany);
	tcase_add_test(tc, test_address_city_state_zip_in_the_united_states);
	tcase_add_test(tc, test_address_postcode_on_its_own_line_in_the_united_kingdom);
	tcase_add_test(tc, test_address_has_no_stray_spaces_or_empty_lines);
	suite_add_tcase(s, tc);
	return s;
}
