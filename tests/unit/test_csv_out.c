/* test_csv_out.c: the CSV writer: BOM, CRLF, RFC 4180 quoting, and the one formula guard
 * (cell_guard) that every CSV and TSV writer shares. */
#include <limits.h>
#include <string.h>
#include <check.h>
#include "lib/cell_guard.h"
#include "lib/csv_out.h"
#include "suites.h"

static struct arena *csv_arena;
static struct buf csv_buf;
static struct csv_out csv;

static void csv_setup(void)
{
	csv_arena = arena_new(4096);
	buf_init(&csv_buf, csv_arena, 16);
	csv_out_begin(&csv, &csv_buf);
}

static void csv_teardown(void)
{
	arena_free(csv_arena);
}

/* The document after the BOM. */
static const char *csv_body(void)
{
	const char *s = buf_cstr(&csv_buf);
	ck_assert_mem_eq(s, "\xEF\xBB\xBF", 3);
	return s + 3;
}

START_TEST(test_csv_starts_with_bom_and_ends_rows_with_crlf)
{
	csv_out_text(&csv, "number");
	csv_out_text(&csv, "status");
	csv_out_end_row(&csv);
	csv_out_text(&csv, "AB12");
	csv_out_text(&csv, "paid");
	csv_out_end_row(&csv);
	ck_assert_str_eq(csv_body(), "number,status\r\nAB12,paid\r\n");
}
END_TEST

START_TEST(test_csv_quotes_commas_quotes_and_line_breaks)
{
	csv_out_text(&csv, "a,b");
	csv_out_text(&csv, "say \"hi\"");
	csv_out_text(&csv, "two\nlines");
	csv_out_text(&csv, "cr\rhere");
	csv_out_text(&csv, " padded ");
	csv_out_end_row(&csv);
	ck_assert_str_eq(csv_body(), "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\" padded \"\r\n");
}
END_TEST

START_TEST(test_csv_neutralises_formula_cells)
{
	const char *in[] = { "=1+1", "+41 22 x", "-2+A1", "@SUM(A1)", "\tx", "\r=cmd" };
	const char *want = "'=1+1,'+41 22 x,'-2+A1,'@SUM(A1),'\tx,\"'\r=cmd\"\r\n";
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		csv_out_text(&csv, in[i]);
	csv_out_end_row(&csv);
	ck_assert_str_eq(csv_body(), want);
}
END_TEST

START_TEST(test_csv_neutralised_cell_with_quote_is_still_valid)
{
	csv_out_text(&csv, "=HYPERLINK(\"http://x\",\"y\")");
	csv_out_end_row(&csv);
	ck_assert_str_eq(csv_body(), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
}
END_TEST

START_TEST(test_csv_keeps_harmless_text_and_utf8_as_is)
{
	csv_out_text(&csv, "Zoë's café ☕");
	csv_out_text(&csv, "a=b");
	csv_out_text(&csv, "");
	csv_out_text(&csv, NULL);
	csv_out_end_row(&csv);
	ck_assert_str_eq(csv_body(), "Zoë's café ☕,a=b,,\r\n");
}
END_TEST

START_TEST(test_csv_keeps_typed_numbers_and_phone_numbers)
{
	csv_out_text(&csv, "-12.50");
	csv_out_text(&csv, "+1 206 555 0100");
	csv_out_text(&csv, "+44 (0)20 7946.0958");
	csv_out_end_row(&csv);
	ck_assert_str_eq(csv_body(), "-12.50,+1 206 555 0100,+44 (0)20 7946.0958\r\n");
}
END_TEST

/* OWASP's list, each with a payload a spreadsheet would run. */
START_TEST(test_cell_guard_flags_every_formula_lead)
{
	const char *risky[] = { "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
		"@SUM(1+9)*cmd|' /C calc'!A0", "\t=1", "\r=1", "=", "+", "-", "@", "-1e5", "-.5", "-1.", "+1 206 555 0100 ext",
		"+(1)A1", "-1 206", "++1" };
	for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++)
		ck_assert_msg(cell_guard_needed(risky[i]), "not guarded: %s", risky[i]);
}
END_TEST

START_TEST(test_cell_guard_lets_numbers_phones_and_plain_text_through)
{
	const char *plain[] = { "-12.50", "+3", "-0", "12", "+1 206 555 0100", "+1-206-555-0100", "+44 (0)20 7946.0958",
		"+33.1.23.45.67.89", "a=b", "Desk lamp", "'=1", " =1", "", "☕=1" };
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		ck_assert_msg(!cell_guard_needed(plain[i]), "guarded: %s", plain[i]);
	ck_assert(!cell_guard_needed(NULL));
}
END_TEST

/* Our feed read back is the catalog it came from; a ' the guard did not add stays. */
START_TEST(test_cell_guard_undo_removes_only_the_guards_quote)
{
	ck_assert_str_eq(cell_guard_undo("'=1+1"), "=1+1");
	ck_assert_str_eq(cell_guard_undo("'@x"), "@x");
	ck_assert_str_eq(cell_guard_undo("'-12.50"), "'-12.50");
	ck_assert_str_eq(cell_guard_undo("'tis"), "'tis");
	ck_assert_str_eq(cell_guard_undo("=1"), "=1");
	ck_assert_str_eq(cell_guard_undo("'"), "'");
	ck_assert_ptr_null(cell_guard_undo(NULL));
}
END_TEST

START_TEST(test_csv_numbers_are_not_neutralised)
{
	csv_out_int(&csv, -42);
	csv_out_minor(&csv, 1250, 2);
	csv_out_minor(&csv, -5, 2);
	csv_out_minor(&csv, 1200, 0);
	csv_out_minor(&csv, 1001, 3);
	csv_out_minor(&csv, LLONG_MIN, 2);
	csv_out_end_row(&csv);
	ck_assert_str_eq(csv_body(), "-42,12.50,-0.05,1200,1.001,-92233720368547758.08\r\n");
}
END_TEST

Suite *csv_out_suite(void)
{
	Suite *s = suite_create("csv_out");
	TCase *tc = tcase_create("rfc4180");
	tcase_add_checked_fixture(tc, csv_setup, csv_teardown);
	tcase_add_test(tc, test_csv_starts_with_bom_and_ends_rows_with_crlf);
	tcase_add_test(tc, test_csv_quotes_commas_quotes_and_line_breaks);
	tcase_add_test(tc, test_csv_neutralises_formula_cells);
	tcase_add_test(tc, test_csv_neutralised_cell_with_quote_is_still_valid);
	tcase_add_test(tc, test_csv_keeps_harmless_text_and_utf8_as_is);
	tcase_add_test(tc, test_csv_keeps_typed_numbers_and_phone_numbers);
	tcase_add_test(tc, test_cell_guard_flags_every_formula_lead);
	tcase_add_test(tc, test_cell_guard_lets_numbers_phones_and_plain_text_through);
	tcase_add_test(tc, test_cell_guard_undo_removes_only_the_guards_quote);
	tcase_add_test(tc, test_csv_numbers_are_not_neutralised);
	suite_add_tcase(s, tc);
	return s;
}
