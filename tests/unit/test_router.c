/* test_router.c: table order decides, parameters are decoded and checked, methods give 405 with Allow. */
#include <string.h>
#include <check.h>
#include "web/router.h"
#include "suites.h"

enum test_page {
	P_HOME, P_ABOUT, P_DOCS, P_NEW, P_PROFILE, P_PROFILE_PUT, P_COLLECTION, P_EDIT, P_CART, P__MAX
};

/* Rows carry their own fields after the pattern, as a program's table does, to exercise stride. */
struct test_route {
	struct route_pattern p;
	enum test_page page;
	const char *label;
};

static const struct test_route routes[] = {
	{{HTTP_GET, "/"}, P_HOME, "home"},
	{{HTTP_GET, "/about"}, P_ABOUT, "about"},
	{{HTTP_GET, "/docs/"}, P_DOCS, "docs"},
	{{HTTP_GET | HTTP_POST, "/@new"}, P_NEW, "new"},
	{{HTTP_GET, "/@{handle}"}, P_PROFILE, "profile"},
	{{HTTP_PUT, "/@{handle}"}, P_PROFILE_PUT, "profile-put"},
	{{HTTP_GET, "/@{handle}/{collection}"}, P_COLLECTION, "collection"},
	{{HTTP_POST, "/@{handle}/{collection}/edit"}, P_EDIT, "edit"},
	{{HTTP_POST | HTTP_DELETE, "/cart/item-{id}"}, P_CART, "cart"},
};
_Static_assert(sizeof routes / sizeof routes[0] == P__MAX, "one row per page");

static struct arena *ar;
static size_t idx;
static struct route_params params;
static unsigned allowed;

static void router_setup(void)
{
	ar = arena_new(4096);
	idx = (size_t)-1;
	allowed = 0;
}

static void router_teardown(void)
{
	arena_free(ar);
}

static enum route_result find(unsigned method, const char *path)
{
	return router_find(routes, P__MAX, sizeof routes[0], method, path, ar, &idx, &params, &allowed);
}

static void assert_found(unsigned method, const char *path, enum test_page page)
{
	enum route_result r = find(method, path);
	ck_assert_msg(r == ROUTE_FOUND, "%s: result %d", path, (int)r);
	ck_assert_msg(routes[idx].page == page, "%s: matched %s", path, routes[idx].label);
}

static void assert_result(unsigned method, const char *path, enum route_result want)
{
	enum route_result r = find(method, path);
	ck_assert_msg(r == want, "%s: result %d, want %d", path, (int)r, (int)want);
}

START_TEST(test_router_root_and_literals_match_exactly)
{
	assert_found(HTTP_GET, "/", P_HOME);
	ck_assert_uint_eq(params.n, 0);
	assert_found(HTTP_GET, "/about", P_ABOUT);
	assert_result(HTTP_GET, "/abou", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/about/x", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/nowhere", ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_router_literal_listed_first_wins_over_param)
{
	assert_found(HTTP_GET, "/@new", P_NEW);
	assert_found(HTTP_GET, "/@newer", P_PROFILE);
	ck_assert_str_eq(params.val[0], "newer");
}
END_TEST

START_TEST(test_router_param_listed_first_wins_over_literal)
{
	static const struct route_pattern flipped[] = {
		{HTTP_GET, "/@{handle}"},
		{HTTP_GET, "/@new"},
	};
	size_t i = 99;
	ck_assert_int_eq(router_find(flipped, 2, sizeof flipped[0], HTTP_GET, "/@new", ar, &i,
				     &params, NULL), ROUTE_FOUND);
	ck_assert_uint_eq(i, 0);
	ck_assert_str_eq(params.val[0], "new");
}
END_TEST

START_TEST(test_router_param_takes_rest_of_segment_after_prefix)
{
	assert_found(HTTP_GET, "/@lena", P_PROFILE);
	ck_assert_uint_eq(params.n, 1);
	ck_assert_str_eq(params.name[0], "handle");
	ck_assert_str_eq(params.val[0], "lena");
	assert_result(HTTP_GET, "/lena", ROUTE_NOT_FOUND);
	assert_found(HTTP_DELETE, "/cart/item-42", P_CART);
	ck_assert_str_eq(params.name[0], "id");
	ck_assert_str_eq(params.val[0], "42");
}
END_TEST

START_TEST(test_router_empty_param_does_not_match)
{
	assert_result(HTTP_GET, "/@", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/@lena/", ROUTE_NOT_FOUND);
	assert_result(HTTP_POST, "/cart/item-", ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_router_two_params_in_order)
{
	assert_found(HTTP_GET, "/@lena/summer-sale", P_COLLECTION);
	ck_assert_uint_eq(params.n, 2);
	ck_assert_str_eq(params.name[0], "handle");
	ck_assert_str_eq(params.val[0], "lena");
	ck_assert_str_eq(params.name[1], "collection");
	ck_assert_str_eq(params.val[1], "summer-sale");
	assert_found(HTTP_POST, "/@lena/summer-sale/edit", P_EDIT);
}
END_TEST

START_TEST(test_router_percent_encoded_param_is_decoded)
{
	assert_found(HTTP_GET, "/@l%C3%A9na", P_PROFILE);
	ck_assert_str_eq(params.val[0], "l\xc3\xa9na");
	assert_found(HTTP_GET, "/@a+b%20c", P_PROFILE);
	ck_assert_str_eq(params.val[0], "a+b c");
}
END_TEST

START_TEST(test_router_literal_segments_are_not_decoded)
{
	assert_result(HTTP_GET, "/%61bout", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/%40lena", ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_router_encoded_slash_in_param_is_bad_path)
{
	assert_result(HTTP_GET, "/@a%2Fb", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@lena/%2f", ROUTE_BAD_PATH);
}
END_TEST

START_TEST(test_router_bad_escape_in_param_is_bad_path)
{
	assert_result(HTTP_GET, "/@%", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@%4", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@%zz", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@lena/a%", ROUTE_BAD_PATH);
}
END_TEST

START_TEST(test_router_invalid_utf8_or_nul_in_param_is_bad_path)
{
	assert_result(HTTP_GET, "/@%C0%AF", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@%ED%A0%80", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@%80", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@\xc3", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@a%00", ROUTE_BAD_PATH);
}
END_TEST

START_TEST(test_router_dot_segments_are_refused)
{
	assert_result(HTTP_GET, "/@lena/..", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/./about", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/@lena/%2E%2E", ROUTE_BAD_PATH);
	assert_result(HTTP_GET, "/@lena/%2e", ROUTE_BAD_PATH);
	assert_found(HTTP_GET, "/@lena/...", P_COLLECTION);
}
END_TEST

START_TEST(test_router_head_matches_get_route)
{
	assert_found(HTTP_HEAD, "/about", P_ABOUT);
	assert_found(HTTP_HEAD, "/@lena", P_PROFILE);
	ck_assert_str_eq(params.val[0], "lena");
}
END_TEST

START_TEST(test_router_wrong_method_gives_405_with_allowed_mask)
{
	assert_result(HTTP_POST, "/about", ROUTE_BAD_METHOD);
	ck_assert_uint_eq(allowed, HTTP_GET | HTTP_HEAD);
	assert_result(HTTP_GET, "/cart/item-1", ROUTE_BAD_METHOD);
	ck_assert_uint_eq(allowed, HTTP_POST | HTTP_DELETE);
	assert_result(HTTP_HEAD, "/cart/item-1", ROUTE_BAD_METHOD);
	ck_assert_uint_eq(allowed, HTTP_POST | HTTP_DELETE);
	assert_result(HTTP_OTHER, "/", ROUTE_BAD_METHOD);
}
END_TEST

START_TEST(test_router_405_mask_is_union_of_matching_routes)
{
	/* "/@lena" fits the GET and the PUT profile rows. */
	assert_result(HTTP_POST, "/@lena", ROUTE_BAD_METHOD);
	ck_assert_uint_eq(allowed, HTTP_GET | HTTP_HEAD | HTTP_PUT);
	assert_found(HTTP_PUT, "/@lena", P_PROFILE_PUT);
	/* "/@new" also fits the profile rows. */
	assert_result(HTTP_DELETE, "/@new", ROUTE_BAD_METHOD);
	ck_assert_uint_eq(allowed, HTTP_GET | HTTP_HEAD | HTTP_POST | HTTP_PUT);
}
END_TEST

START_TEST(test_router_trailing_slash_is_not_ignored)
{
	assert_result(HTTP_GET, "/about/", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/docs", ROUTE_NOT_FOUND);
	assert_found(HTTP_GET, "/docs/", P_DOCS);
}
END_TEST

START_TEST(test_router_double_slash_is_not_found)
{
	assert_result(HTTP_GET, "//", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "//about", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/@lena//x", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "/docs//", ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_router_path_must_start_with_slash)
{
	assert_result(HTTP_GET, "", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "about", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "*", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, "@lena", ROUTE_NOT_FOUND);
	assert_result(HTTP_GET, NULL, ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_router_empty_table_finds_nothing)
{
	ck_assert_int_eq(router_find(routes, 0, sizeof routes[0], HTTP_GET, "/", ar, NULL, NULL, NULL),
			 ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_router_method_maps_names_case_sensitively)
{
	ck_assert_uint_eq(router_method("GET"), HTTP_GET);
	ck_assert_uint_eq(router_method("HEAD"), HTTP_HEAD);
	ck_assert_uint_eq(router_method("POST"), HTTP_POST);
	ck_assert_uint_eq(router_method("PUT"), HTTP_PUT);
	ck_assert_uint_eq(router_method("DELETE"), HTTP_DELETE);
	ck_assert_uint_eq(router_method("PATCH"), HTTP_PATCH);
	ck_assert_uint_eq(router_method("OPTIONS"), HTTP_OPTIONS);
	ck_assert_uint_eq(router_method("get"), HTTP_OTHER);
	ck_assert_uint_eq(router_method("GETX"), HTTP_OTHER);
	ck_assert_uint_eq(router_method("BREW"), HTTP_OTHER);
	ck_assert_uint_eq(router_method(""), HTTP_OTHER);
	ck_assert_uint_eq(router_method(NULL), HTTP_OTHER);
}
END_TEST

START_TEST(test_router_allow_header_lists_methods_in_order)
{
	char out[64];
	router_allow_header(HTTP_POST | HTTP_GET | HTTP_HEAD, out, sizeof out);
	ck_assert_str_eq(out, "GET, HEAD, POST");
	router_allow_header(HTTP_GET, out, sizeof out);
	ck_assert_str_eq(out, "GET, HEAD");
	router_allow_header(HTTP_POST | HTTP_DELETE | HTTP_OTHER, out, sizeof out);
	ck_assert_str_eq(out, "POST, DELETE");
	router_allow_header(0xff, out, sizeof out);
	ck_assert_str_eq(out, "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS");
	router_allow_header(0, out, sizeof out);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_router_allow_header_never_overflows_or_cuts_a_name)
{
	char out[16];
	memset(out, 'x', sizeof out);
	router_allow_header(HTTP_GET | HTTP_POST, out, 12);
	ck_assert_str_eq(out, "GET, HEAD");
	ck_assert_int_eq(out[12], 'x');
	router_allow_header(HTTP_GET, out, 3);
	ck_assert_str_eq(out, "");
	router_allow_header(HTTP_GET, out, 4);
	ck_assert_str_eq(out, "GET");
	router_allow_header(HTTP_GET, out, 0);
	ck_assert_str_eq(out, "GET");
}
END_TEST

Suite *router_suite(void)
{
	Suite *s = suite_create("router");
	TCase *tc = tcase_create("find");
	tcase_add_checked_fixture(tc, router_setup, router_teardown);
	tcase_add_test(tc, test_router_root_and_literals_match_exactly);
	tcase_add_test(tc, test_router_literal_listed_first_wins_over_param);
	tcase_add_test(tc, test_router_param_listed_first_wins_over_literal);
	tcase_add_test(tc, test_router_param_takes_rest_of_segment_after_prefix);
	tcase_add_test(tc, test_router_empty_param_does_not_match);
	tcase_add_test(tc, test_router_two_params_in_order);
	tcase_add_test(tc, test_router_percent_encoded_param_is_decoded);
	tcase_add_test(tc, test_router_literal_segments_are_not_decoded);
	tcase_add_test(tc, test_router_encoded_slash_in_param_is_bad_path);
	tcase_add_test(tc, test_router_bad_escape_in_param_is_bad_path);
	tcase_add_test(tc, test_router_invalid_utf8_or_nul_in_param_is_bad_path);
	tcase_add_test(tc, test_router_dot_segments_are_refused);
	tcase_add_test(tc, test_router_head_matches_get_route);
	tcase_add_test(tc, test_router_wrong_method_gives_405_with_allowed_mask);
	tcase_add_test(tc, test_router_405_mask_is_union_of_matching_routes);
	tcase_add_test(tc, test_router_trailing_slash_is_not_ignored);
	tcase_add_test(tc, test_router_double_slash_is_not_found);
	tcase_add_test(tc, test_router_path_must_start_with_slash);
	tcase_add_test(tc, test_router_empty_table_finds_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("methods");
	tcase_add_test(tc, test_router_method_maps_names_case_sensitively);
	tcase_add_test(tc, test_router_allow_header_lists_methods_in_order);
	tcase_add_test(tc, test_router_allow_header_never_overflows_or_cuts_a_name);
	suite_add_tcase(s, tc);
	return s;
}
