/* test_password_policy.c: the rule every new password meets (ASVS 2.1.1-2.1.4, 2.1.7, 2.1.9). */
#include <string.h>
#include <check.h>
#include "ctl/demo_password.h"
#include "lib/password.h"
#include "lib/password_common.h"
#include "lib/password_policy.h"
#include "pay_fake.h"
#include "suites.h"

START_TEST(test_password_of_eleven_characters_is_refused_and_twelve_accepted)
{
	ck_assert_ptr_null(password_policy_problem("tulip-garden", NULL));
	ck_assert_ptr_nonnull(password_policy_problem("tulip-garde", NULL));
	ck_assert_str_eq(password_policy_problem("tulip-garde", NULL),
			 "Use a password of 12 to 128 characters. A few words you will remember make a good one.");
}
END_TEST

START_TEST(test_password_length_counts_characters_and_a_run_of_spaces_as_one)
{
	ck_assert_uint_eq(password_policy_length("ab    cd"), 5);
	ck_assert_uint_eq(password_policy_length("\xc3\xa9\xc3\xa9"), 2);	/* éé: two, not four */
	/* Twelve characters only because of a run of spaces is too short. */
	ck_assert_ptr_nonnull(password_policy_problem("tulip      x", NULL));
	/* Emoji and other printable Unicode count as characters and are welcome (2.1.4). */
	ck_assert_ptr_null(password_policy_problem("\xf0\x9f\x8c\xb7 tulips in spring \xf0\x9f\x8c\xb7", NULL));
}
END_TEST

START_TEST(test_password_of_128_characters_is_accepted_and_129_refused)
{
	char pw[131];
	memset(pw, 'q', 128);
	pw[128] = '\0';
	ck_assert_ptr_null(password_policy_problem(pw, NULL));
	pw[128] = 'q';
	pw[129] = '\0';
	ck_assert_ptr_nonnull(password_policy_problem(pw, NULL));
}
END_TEST

START_TEST(test_password_from_the_breached_list_is_refused_in_any_case)
{
	ck_assert(password_common_contains("1234567890qwerty"));
	ck_assert_str_eq(password_policy_problem("1234567890qwerty", NULL),
			 "That password is one of the most common ones, which attackers try first. Please choose another.");
	ck_assert_ptr_nonnull(password_policy_problem("1234567890QWERTY", NULL));
	/* The first and last entries of the sorted list are found: the search covers all of it. */
	ck_assert(password_common_contains("010203040506"));
	ck_assert(password_common_contains("zxcvbnmmnbvcxz"));
	ck_assert(!password_common_contains("crowdcart-tulip-garden"));
	ck_assert_ptr_null(password_policy_problem("crowdcart-tulip-garden", NULL));
}
END_TEST

START_TEST(test_password_that_is_the_email_is_refused)
{
	ck_assert_ptr_nonnull(password_policy_problem("lena.gardener@example.com", "lena.gardener@example.com"));
	ck_assert_ptr_nonnull(password_policy_problem("Lena.Gardener", "lena.gardener@example.com"));
	ck_assert_ptr_null(password_policy_problem("lena.gardener-tulips", "lena.gardener@example.com"));
}
END_TEST

START_TEST(test_password_needs_no_particular_kinds_of_character)
{
	/* No composition rules (2.1.9): letters only, digits and letters, all accepted. */
	ck_assert_ptr_null(password_policy_problem("correcthorsebatterystaple", NULL));
	ck_assert_ptr_null(password_policy_problem("ALLCAPSWORDSHERE", NULL));
	ck_assert_ptr_null(password_policy_problem("with spaces and words", NULL));
}
END_TEST

START_TEST(test_demo_accounts_get_a_random_password_unless_one_is_configured)
{
	struct arena *a = arena_new(1024);
	const char *one = demo_password_choose(a), *two = demo_password_choose(a);
	ck_assert_uint_eq(strlen(one), 43);	/* 256 random bits */
	ck_assert_str_ne(one, two);
	ck_assert_str_ne(one, "crowdcart-demo");
	arena_free(a);
}
END_TEST

/* Test stacks lower the cost to keep the suites fast; a shop that sets nothing gets libsodium's
 * interactive Argon2id (64 MiB, 2 passes), and a hash at the test cost is upgraded at its next
 * sign-in there. */
START_TEST(test_password_cost_defaults_to_interactive_argon2id)
{
	char fresh[crypto_pwhash_STRBYTES], cheap[crypto_pwhash_STRBYTES];
	pay_fake_config("base_url = https://shop.example\n");	/* each Check test runs in a child: the config starts empty */
	ck_assert(password_hash("tulips in the spring rain", fresh));
	ck_assert_msg(strncmp(fresh, "$argon2id$v=19$m=65536,t=2,p=1$", 31) == 0, "%s", fresh);
	ck_assert(password_verify(fresh, "tulips in the spring rain"));
	ck_assert(!password_verify(fresh, "tulips in the spring rain!"));
	ck_assert(!password_needs_rehash(fresh));
	ck_assert_int_eq(crypto_pwhash_str(cheap, "tulips", 6, 1, 8192), 0);
	ck_assert(password_needs_rehash(cheap));
}
END_TEST

START_TEST(test_password_cost_comes_from_the_config)
{
	char h[crypto_pwhash_STRBYTES];
	pay_fake_config("password_opslimit = 1\npassword_memlimit_kib = 8\n");
	ck_assert(password_hash("tulips in the spring rain", h));
	ck_assert_msg(strncmp(h, "$argon2id$v=19$m=8,t=1,p=1$", 27) == 0, "%s", h);
	ck_assert(password_verify(h, "tulips in the spring rain"));
}
END_TEST

Suite *password_policy_suite(void)
{
	Suite *s = suite_create("password_policy");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_password_of_eleven_characters_is_refused_and_twelve_accepted);
	tcase_add_test(tc, test_password_length_counts_characters_and_a_run_of_spaces_as_one);
	tcase_add_test(tc, test_password_of_128_characters_is_accepted_and_129_refused);
	tcase_add_test(tc, test_password_from_the_breached_list_is_refused_in_any_case);
	tcase_add_test(tc, test_password_that_is_the_email_is_refused);
	tcase_add_test(tc, test_password_needs_no_particular_kinds_of_character);
	tcase_add_test(tc, test_demo_accounts_get_a_random_password_unless_one_is_configured);
	tcase_add_test(tc, test_password_cost_defaults_to_interactive_argon2id);
	tcase_add_test(tc, test_password_cost_comes_from_the_config);
	suite_add_tcase(s, tc);
	return s;
}
