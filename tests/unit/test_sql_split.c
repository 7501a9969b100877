/* test_sql_split.c: migration files split into statements at ';', or at the delimiter a DELIMITER line sets. */
#include <string.h>
#include <check.h>
#include "lib/sql_split.h"
#include "suites.h"

static size_t split(const char *text, char **stmts, size_t max)
{
	static char buf[4096];
	strcpy(buf, text);
	return sql_split(buf, stmts, max);
}

START_TEST(test_sql_split_semicolons_outside_quotes_and_comments_end_statements)
{
	char *s[8];
	ck_assert_uint_eq(split("CREATE TABLE a (x INT); -- one; two\nINSERT INTO a VALUES (';');\n\n;", s, 8), 2);
	ck_assert_str_eq(s[0], "CREATE TABLE a (x INT)");
	ck_assert_str_eq(s[1], "INSERT INTO a VALUES (';')");
}
END_TEST

START_TEST(test_sql_split_delimiter_line_keeps_a_compound_statement_whole)
{
	char *s[8];
	ck_assert_uint_eq(split("UPDATE a SET x = 1;\n"
				"DELIMITER //\n"
				"BEGIN NOT ATOMIC\n  -- batches; each committed\n  UPDATE a SET x = 2;\n  COMMIT;\nEND//\n"
				"delimiter ;\n"
				"UPDATE a SET x = 3;", s, 8), 3);
	ck_assert_str_eq(s[0], "UPDATE a SET x = 1");
	ck_assert_str_eq(s[1], "BEGIN NOT ATOMIC\n  \n  UPDATE a SET x = 2;\n  COMMIT;\nEND");
	ck_assert_str_eq(s[2], "UPDATE a SET x = 3");
}
END_TEST

START_TEST(test_sql_split_delimiter_only_counts_at_the_start_of_a_line_between_statements)
{
	char *s[8];
	/* Inside a statement, or in a string, the word is just text. */
	ck_assert_uint_eq(split("SELECT 'x'\nDELIMITER //;\nSELECT 'DELIMITER //';", s, 8), 2);
	ck_assert_str_eq(s[0], "SELECT 'x'\nDELIMITER //");
	ck_assert_str_eq(s[1], "SELECT 'DELIMITER //'");
}
END_TEST

START_TEST(test_sql_split_counts_past_max_without_storing)
{
	char *s[1];
	ck_assert_uint_eq(split("SELECT 1; SELECT 2; SELECT 3", s, 1), 3);
	ck_assert_str_eq(s[0], "SELECT 1");
}
END_TEST

Suite *sql_split_suite(void)
{
	Suite *s = suite_create("sql_split");
	TCase *tc = tcase_create("split");
	tcase_add_test(tc, test_sql_split_semicolons_outside_quotes_and_comments_end_statements);
	tcase_add_test(tc, test_sql_split_delimiter_line_keeps_a_compound_statement_whole);
	tcase_add_test(tc, test_sql_split_delimiter_only_counts_at_the_start_of_a_line_between_statements);
	tcase_add_test(tc, test_sql_split_counts_past_max_without_storing);
	suite_add_tcase(s, tc);
	return s;
}
