/* test_best_sellers.c: when a worker asks for the best-sellers lease (at most about once a period,
 * sooner only when the lease is due sooner or a shown window is waiting, never in lockstep with the
 * other losers), and the JSON chunks the recount writes the counts with. */
#include <check.h>
#include "domain/showcases/best_sellers.h"
#include "db/refresh_lease.h"
#include "suites.h"

START_TEST(test_refresh_timer_asks_at_once_then_about_once_a_period)
{
	struct refresh_timer t = { 0, 0 };
	ck_assert(refresh_lease_timer_due(&t, 0, false));
	/* Lost, with the lease due again in 120 s of a 300 s period: the next look is then. */
	refresh_lease_timer_looked(&t, 1000, 300, 120, 10, 0);
	ck_assert(!refresh_lease_timer_due(&t, 1000 + 119999, false));
	ck_assert(refresh_lease_timer_due(&t, 1000 + 120000, false));
	/* Won (or the row unknown): a whole period. */
	refresh_lease_timer_looked(&t, 1000, 300, 300, 10, 0);
	ck_assert(!refresh_lease_timer_due(&t, 1000 + 299999, false));
	ck_assert(refresh_lease_timer_due(&t, 1000 + 300000, false));
	refresh_lease_timer_looked(&t, 1000, 300, -1, 10, 0);
	ck_assert_int_eq(t.next_ms, 1000 + 300000);
	/* A lease held far away (an operator, a test) is still looked at once a period. */
	refresh_lease_timer_looked(&t, 1000, 300, 86400 * 365, 10, 0);
	ck_assert_int_eq(t.next_ms, 1000 + 300000);
	/* Due now but lost: again right after, plus the jitter, not in a tight loop of all workers. */
	refresh_lease_timer_looked(&t, 1000, 300, 0, 10, 737);
	ck_assert_int_eq(t.next_ms, 1000 + 737);
}
END_TEST

START_TEST(test_refresh_timer_early_look_waits_for_the_gap)
{
	struct refresh_timer t = { 0, 0 };
	refresh_lease_timer_looked(&t, 5000, 300, 300, 10, 400);
	ck_assert_int_eq(t.next_ms, 5000 + 300000 + 400);
	/* A shown window not counted yet brings the look forward, but not before the gap. */
	ck_assert(!refresh_lease_timer_due(&t, 5000 + 9999, true));
	ck_assert(refresh_lease_timer_due(&t, 5000 + 10000, true));
	ck_assert(!refresh_lease_timer_due(&t, 5000 + 10000, false));
}
END_TEST

static struct db_res units_of(struct arena *a, const long long (*rows)[2], size_t n)
{
	struct db_res r = { n, 2, arena_zalloc(a, (n ? n : 1) * 2 * sizeof(struct db_val)) };
	for (size_t i = 0; i < n; i++) {
		r.v[i * 2].i = rows[i][0];
		r.v[i * 2 + 1].i = rows[i][1];
	}
	return r;
}

START_TEST(test_best_sellers_json_chunks_cover_every_row_once)
{
	struct arena *a = arena_new(4096);
	static const long long rows[][2] = { { 7, 12 }, { 9000000000000000001LL, 0 }, { 3, 4 }, { 11, 1 }, { 12, 2 } };
	struct db_res r = units_of(a, rows, 5);
	ck_assert_str_eq(best_sellers_json(a, &r, 0, 5), "[[7,12],[9000000000000000001,0],[3,4],[11,1],[12,2]]");
	ck_assert_str_eq(best_sellers_json(a, &r, 0, 2), "[[7,12],[9000000000000000001,0]]");
	ck_assert_str_eq(best_sellers_json(a, &r, 2, 2), "[[3,4],[11,1]]");
	ck_assert_str_eq(best_sellers_json(a, &r, 4, 2), "[[12,2]]");	/* the last chunk is short */
	ck_assert_str_eq(best_sellers_json(a, &r, 5, 2), "[]");
	struct db_res none = units_of(a, rows, 0);
	ck_assert_str_eq(best_sellers_json(a, &none, 0, BEST_SELLERS_ROWS_PER_INSERT), "[]");
	arena_free(a);
}
END_TEST

Suite *best_sellers_suite(void)
{
	Suite *s = suite_create("best_sellers");
	TCase *tc = tcase_create("lease timer and counts");
	tcase_add_test(tc, test_refresh_timer_asks_at_once_then_about_once_a_period);
	tcase_add_test(tc, test_refresh_timer_early_look_waits_for_the_gap);
	tcase_add_test(tc, test_best_sellers_json_chunks_cover_every_row_once);
	suite_add_tcase(s, tc);
	return s;
}
