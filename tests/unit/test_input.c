/* test_input.c: each validator of a declared field, and what the dispatcher answers bad input with. */
#include <limits.h>
#include <string.h>
#include <check.h>
#include "web/http.h"
#include "web/input.h"
#include "suites.h"

START_TEST(test_input_id_is_positive_digits_without_sign_or_junk)
{
	long long v = 0;
	ck_assert(input_id("1", &v) && v == 1);
	ck_assert(input_id("999999999999999999", &v) && v == 999999999999999999LL);
	ck_assert(!input_id("1000000000000000000", &v));	/* 19 digits */
	ck_assert(!input_id("0", &v));
	ck_assert(!input_id("007", &v));
	ck_assert(!input_id("-1", &v));
	ck_assert(!input_id("+1", &v));
	ck_assert(!input_id(" 1", &v));
	ck_assert(!input_id("1 ", &v));
	ck_assert(!input_id("12abc", &v));
	ck_assert(!input_id("0x10", &v));
	ck_assert(!input_id("", &v));
	ck_assert(!input_id(NULL, &v));
	ck_assert(input_id("42", NULL));
}
END_TEST

START_TEST(test_input_int_keeps_to_its_range)
{
	long long v = 0;
	ck_assert(input_int("0", 0, 99, &v) && v == 0);
	ck_assert(input_int("99", 0, 99, &v) && v == 99);
	ck_assert(input_int("05", 0, 99, &v) && v == 5);
	ck_assert(!input_int("100", 0, 99, &v));
	ck_assert(input_int("-5", -10, 10, &v) && v == -5);
	ck_assert(!input_int("-5", 0, 10, &v));
	ck_assert(!input_int("-", -10, 10, &v));
	ck_assert(!input_int("+5", 0, 10, &v));
	ck_assert(!input_int("5.0", 0, 10, &v));
	ck_assert(!input_int("1e3", 0, 10000, &v));
	ck_assert(!input_int("", 0, 10, &v));
	ck_assert(!input_int("1234567890123456789", 0, LLONG_MAX, &v));
	ck_assert(input_int("123456789012345678", 0, LLONG_MAX, &v) && v == 123456789012345678LL);
}
END_TEST

START_TEST(test_input_money_is_a_plain_decimal)
{
	ck_assert(input_money("12"));
	ck_assert(input_money("12.5"));
	ck_assert(input_money("0.125"));	/* three decimals: some currencies have them */
	ck_assert(!input_money("0.1255"));
	ck_assert(!input_money("-1.00"));
	ck_assert(!input_money("1,000.00"));
	ck_assert(!input_money("1e3"));
	ck_assert(!input_money(".5"));
	ck_assert(!input_money("5."));
	ck_assert(!input_money(""));
	ck_assert(!input_money(NULL));
}
END_TEST

START_TEST(test_input_slug_is_lowercase_words_joined_by_single_dashes)
{
	ck_assert(input_slug("desk-gifts-2026"));
	ck_assert(input_slug("a"));
	ck_assert(!input_slug("Desk"));
	ck_assert(!input_slug("-desk"));
	ck_assert(!input_slug("desk-"));
	ck_assert(!input_slug("desk--gifts"));
	ck_assert(!input_slug("desk_gifts"));
	ck_assert(!input_slug("d\xc3\xa9sk"));
	ck_assert(!input_slug(""));
}
END_TEST

START_TEST(test_input_enum_is_exactly_one_of_its_values)
{
	static const char *const v[] = { "approve", "reject", NULL };
	ck_assert(input_enum("approve", v));
	ck_assert(input_enum("reject", v));
	ck_assert(!input_enum("Approve", v));
	ck_assert(!input_enum("approve ", v));
	ck_assert(!input_enum("", v));
	ck_assert(!input_enum(NULL, v));
}
END_TEST

START_TEST(test_input_date_is_a_real_calendar_day)
{
	ck_assert(input_date("2026-11-25"));
	ck_assert(input_date("2024-02-29"));
	ck_assert(!input_date("2026-02-29"));
	ck_assert(!input_date("1900-02-29"));
	ck_assert(input_date("2000-02-29"));
	ck_assert(!input_date("2026-13-01"));
	ck_assert(!input_date("2026-00-10"));
	ck_assert(!input_date("2026-04-31"));
	ck_assert(!input_date("1969-12-31"));
	ck_assert(!input_date("9999-01-01"));
	ck_assert(!input_date("2026-1-01"));
	ck_assert(!input_date("2026/11/25"));
	ck_assert(!input_date("+026-11-25"));
}
END_TEST

START_TEST(test_input_url_is_absolute_http_with_a_host)
{
	ck_assert(input_url("https://example.com/x?y=1"));
	ck_assert(input_url("http://example.com"));
	ck_assert(!input_url("javascript:alert(1)"));
	ck_assert(!input_url("ftp://example.com"));
	ck_assert(!input_url("https://"));
	ck_assert(!input_url("https:///path"));
	ck_assert(!input_url("https://exa mple.com"));
	ck_assert(!input_url("//example.com"));
}
END_TEST

START_TEST(test_input_check_counts_characters_and_refuses_inner_nul)
{
	static const struct field name = F_TEXT("name", 3);
	static const struct field email = F_EMAIL("email", .required = true);
	ck_assert_int_eq(input_check(&name, "abc", 3), INPUT_OK);
	ck_assert_int_eq(input_check(&name, "\xc3\xa9\xc3\xa9\xc3\xa9", 6), INPUT_OK);	/* 3 characters */
	ck_assert_int_eq(input_check(&name, "abcd", 4), INPUT_TOO_LONG);
	ck_assert_int_eq(input_check(&name, "a\0b", 3), INPUT_BAD);
	ck_assert_int_eq(input_check(&name, NULL, 0), INPUT_OK);
	ck_assert_int_eq(input_check(&email, "", 0), INPUT_MISSING);
	ck_assert_int_eq(input_check(&email, "a@b.example", 11), INPUT_OK);
	ck_assert_int_eq(input_check(&email, "not an email", 12), INPUT_BAD);
}
END_TEST

/* ---- input_validate: what the dispatcher answers before a handler runs ---- */

static const struct field t_path[] = { F_ID("id"), F_TEXT("handle", 0), F_END };
static const struct field t_fields[] = {
	F_ID("variant"),
	F_INT("quantity", 4, 0, 99, .inline_error = true),
	F_ENUM("decision", 10, F_ONE_OF("approve", "reject")),
	F_TEXT("note", 5),
	F_EMAIL("email", .required = true),
	F_END,
};

static struct kv t_items[8];

static struct kvlist t_list(size_t n, const char *const *kv)
{
	for (size_t i = 0; i < n; i++)
		t_items[i] = (struct kv){ .key = kv[2 * i], .val = kv[2 * i + 1],
					  .keylen = strlen(kv[2 * i]), .vallen = strlen(kv[2 * i + 1]) };
	return (struct kvlist){ .items = t_items, .n = n };
}

static int t_validate(const char *id, struct kvlist *form, struct input_problem *why)
{
	struct route_params p = { .name = { "id", "handle" }, .val = { id, "lena" }, .n = 2 };
	struct kvlist query = { .items = NULL, .n = 0 };
	return input_validate(t_path, t_fields, &p, &query, form, why);
}

START_TEST(test_input_validate_keeps_declared_fields_and_drops_the_rest)
{
	static const char *const kv[] = { "variant", "12", "sneaky", "x", "email", "a@b.example" };
	struct kvlist form = t_list(3, kv);
	struct input_problem why = { 0 };
	ck_assert_int_eq(t_validate("7", &form, &why), 0);
	ck_assert_uint_eq(form.n, 2);
	ck_assert_str_eq(kv_get(&form, "variant"), "12");
	ck_assert_ptr_null(kv_get(&form, "sneaky"));
}
END_TEST

START_TEST(test_input_validate_malformed_path_id_is_404)
{
	static const char *const kv[] = { "email", "a@b.example" };
	struct input_problem why = { 0 };
	const char *bad[] = { "abc", "0", "007", "12abc", "-1", "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct kvlist form = t_list(1, kv);
		ck_assert_int_eq(t_validate(bad[i], &form, &why), 404);
	}
}
END_TEST

START_TEST(test_input_validate_wrong_type_is_400_naming_the_field)
{
	static const char *const kv[] = { "email", "a@b.example", "variant", "twelve" };
	struct kvlist form = t_list(2, kv);
	struct input_problem why = { 0 };
	ck_assert_int_eq(t_validate("7", &form, &why), 400);
	ck_assert_str_eq(why.field, "variant");
	ck_assert_str_eq(why.what, "is not valid");

	static const char *const kv2[] = { "email", "a@b.example", "decision", "maybe" };
	form = t_list(2, kv2);
	ck_assert_int_eq(t_validate("7", &form, &why), 400);
	ck_assert_str_eq(why.field, "decision");
}
END_TEST

START_TEST(test_input_validate_too_long_is_400_even_with_inline_error)
{
	static const char *const kv[] = { "email", "a@b.example", "quantity", "12345" };
	struct kvlist form = t_list(2, kv);
	struct input_problem why = { 0 };
	ck_assert_int_eq(t_validate("7", &form, &why), 400);
	ck_assert_str_eq(why.field, "quantity");
	ck_assert_str_eq(why.what, "is too long");
}
END_TEST

START_TEST(test_input_validate_inline_error_reaches_the_handler)
{
	static const char *const kv[] = { "email", "a@b.example", "quantity", "abc" };
	struct kvlist form = t_list(2, kv);
	struct input_problem why = { 0 };
	ck_assert_int_eq(t_validate("7", &form, &why), 0);
	ck_assert_str_eq(kv_get(&form, "quantity"), "abc");
}
END_TEST

START_TEST(test_input_validate_missing_required_is_422)
{
	static const char *const kv[] = { "variant", "3" };
	struct kvlist form = t_list(1, kv);
	struct input_problem why = { 0 };
	ck_assert_int_eq(t_validate("7", &form, &why), 422);
	ck_assert_str_eq(why.field, "email");
	ck_assert_str_eq(why.what, "is required");
	static const char *const kv2[] = { "email", "" };
	form = t_list(1, kv2);
	ck_assert_int_eq(t_validate("7", &form, &why), 422);
}
END_TEST

START_TEST(test_input_validate_untyped_route_checks_nothing_in_the_path)
{
	struct route_params p = { .name = { "id" }, .val = { "abc" }, .n = 1 };
	struct kvlist none = { .items = NULL, .n = 0 }, none2 = none;
	struct input_problem why = { 0 };
	ck_assert_int_eq(input_validate(NULL, NULL, &p, &none, &none2, &why), 0);
}
END_TEST

START_TEST(test_input_every_pattern_parameter_must_be_declared)
{
	static const struct field both[] = { F_ID("id"), F_ID("q"), F_END };
	char name[16];
	ck_assert_ptr_null(input_undeclared_param("/live/{id}/questions/{q}/vote", both, name, sizeof name));
	ck_assert_ptr_null(input_undeclared_param("/cart", NULL, name, sizeof name));
	ck_assert_str_eq(input_undeclared_param("/live/{id}/questions/{qid}/vote", both, name, sizeof name), "qid");
	ck_assert_str_eq(input_undeclared_param("/@{handle}", NULL, name, sizeof name), "handle");
	ck_assert_ptr_nonnull(input_undeclared_param("/x/{a_name_much_too_long}", both, name, sizeof name));
}
END_TEST

/* ---- the typed readers a handler uses ---- */

static const struct field r_path[] = { F_ID("id"), F_END };
static const struct field r_fields[] = {
	F_ID("variant", .inline_error = true),
	F_INT("quantity", 4, 0, 99, .inline_error = true),
	F_MONEY("price", 20, .inline_error = true),
	F_DATE("from", .inline_error = true),
	F_TEXT("note", 20),
	F_END,
};
static const struct route r_route = { .pat = { HTTP_POST, "/x/{id}" }, .path = r_path, .fields = r_fields };

static struct kv r_form_items[6], r_query_items[2];

static struct req r_req(const char *id)
{
	struct req r = { .route = &r_route };
	r.params = (struct route_params){ .name = { "id" }, .val = { id }, .n = 1 };
	static const char *const form[][2] = {
		{ "variant", "42" }, { "quantity", "7" }, { "price", "12.50" }, { "from", "2026-02-30" },
		{ "note", "hello" }, { "quantity", "x" },
	};
	for (size_t i = 0; i < 6; i++)
		r_form_items[i] = (struct kv){ form[i][0], form[i][1], strlen(form[i][0]), strlen(form[i][1]) };
	r_query_items[0] = (struct kv){ "variant", "99", 7, 2 };
	r_query_items[1] = (struct kv){ "note", "from-query", 4, 10 };
	r.form = (struct kvlist){ r_form_items, 6 };
	r.query = (struct kvlist){ r_query_items, 2 };
	return r;
}

START_TEST(test_input_readers_take_path_then_body_then_query)
{
	struct req r = r_req("17");
	ck_assert_int_eq(req_id(&r, "id"), 17);
	ck_assert_int_eq(req_id(&r, "variant"), 42);	/* the body's, not the query's 99 */
	ck_assert_str_eq(req_str(&r, "note"), "hello");
	r.form.n = 0;
	ck_assert_int_eq(req_id(&r, "variant"), 99);
	ck_assert_str_eq(req_str(&r, "note"), "from-query");
	ck_assert_ptr_null(req_str(&r, "undeclared"));
	ck_assert_int_eq(req_id(&r, "undeclared"), 0);
}
END_TEST

START_TEST(test_input_readers_report_bad_values_of_inline_error_fields)
{
	struct req r = r_req("17");
	long long v = -1;
	ck_assert(req_int(&r, "quantity", &v) && v == 7);	/* the first value */
	ck_assert(!req_int(&r, "note", &v));			/* not declared an int */
	ck_assert(req_int_value(&r, "quantity", "99", &v) && v == 99);
	ck_assert(!req_int_value(&r, "quantity", "100", &v));	/* outside the declared range */
	ck_assert(!req_int_value(&r, "quantity", "x", &v));
	ck_assert(req_money(&r, "price", "USD", &v) && v == 1250);
	ck_assert(req_money(&r, "price", "JPY", &v) == false);	/* no decimals in yen */
	ck_assert(req_invalid(&r, "from"));			/* February has no 30th */
	ck_assert(!req_invalid(&r, "variant"));
	ck_assert(!req_invalid(&r, "missing"));
}
END_TEST

Suite *input_suite(void)
{
	Suite *s = suite_create("input");
	TCase *tc = tcase_create("validators");
	tcase_add_test(tc, test_input_id_is_positive_digits_without_sign_or_junk);
	tcase_add_test(tc, test_input_int_keeps_to_its_range);
	tcase_add_test(tc, test_input_money_is_a_plain_decimal);
	tcase_add_test(tc, test_input_slug_is_lowercase_words_joined_by_single_dashes);
	tcase_add_test(tc, test_input_enum_is_exactly_one_of_its_values);
	tcase_add_test(tc, test_input_date_is_a_real_calendar_day);
	tcase_add_test(tc, test_input_url_is_absolute_http_with_a_host);
	tcase_add_test(tc, test_input_check_counts_characters_and_refuses_inner_nul);
	suite_add_tcase(s, tc);

	tc = tcase_create("validate");
	tcase_add_test(tc, test_input_validate_keeps_declared_fields_and_drops_the_rest);
	tcase_add_test(tc, test_input_validate_malformed_path_id_is_404);
	tcase_add_test(tc, test_input_validate_wrong_type_is_400_naming_the_field);
	tcase_add_test(tc, test_input_validate_too_long_is_400_even_with_inline_error);
	tcase_add_test(tc, test_input_validate_inline_error_reaches_the_handler);
	tcase_add_test(tc, test_input_validate_missing_required_is_422);
	tcase_add_test(tc, test_input_validate_untyped_route_checks_nothing_in_the_path);
	tcase_add_test(tc, test_input_every_pattern_parameter_must_be_declared);
	suite_add_tcase(s, tc);

	tc = tcase_create("readers");
	tcase_add_test(tc, test_input_readers_take_path_then_body_then_query);
	tcase_add_test(tc, test_input_readers_report_bad_values_of_inline_error_fields);
	suite_add_tcase(s, tc);
	return s;
}
