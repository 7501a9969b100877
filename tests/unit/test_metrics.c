/* test_metrics.c: counters of a program's routes summed across forked workers, the text exposition
 * (cumulative buckets, a route for "none"), who may read it, and /_health's words for each failure. */
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <check.h>
#include "web/health.h"
#include "web/metrics.h"
#include "suites.h"

static int page_noop(struct req *r)
{
	(void)r;
	return REQ_DONE;
}

static const struct route routes[] = {
	{ .pat = { HTTP_GET, "/@{handle}" }, .fn = page_noop },
	{ .pat = { HTTP_POST, "/cart/add" }, .fn = page_noop },
};
static const struct app app = { .name = "shop", .routes = routes, .nroutes = 2 };

static void count(const struct route *route, int status, long long us)
{
	struct req r;
	memset(&r, 0, sizeof r);
	r.route = route;
	r.status = status;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	r.start_us = (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000 - us;
	metrics_request(&r);
}

static const char *render(struct arena *a)
{
	struct buf b;
	buf_init(&b, a, 4096);
	metrics_render(&b);
	return buf_cstr(&b);
}

START_TEST(test_metrics_summed_over_workers)
{
	ck_assert(metrics_init(&app));
	for (int w = 0; w < 3; w++) {
		pid_t pid = fork();
		if (pid == 0) {
			/* 30 ms: the 0.05 bucket, with 20 ms to spare for a busy machine between the start
			 * set here and metrics_request's clock (2 ms with 0.5 to spare failed under ASan
			 * beside the fuzzers) */
			count(&routes[0], 200, 30000);
			count(&routes[0], 200, 700000);	/* 0.7 s: the 1 s bucket */
			_exit(0);
		}
		int st;
		waitpid(pid, &st, 0);
	}
	count(&routes[1], 303, 100);
	count(NULL, 404, 100);
	metrics_worker_restart();
	struct arena *a = arena_new(65536);
	const char *t = render(a);
	ck_assert_ptr_nonnull(strstr(t, "crowdcart_http_requests_total{program=\"shop\",method=\"GET\","
					"route=\"/@{handle}\",status=\"200\"} 6\n"));
	ck_assert_ptr_nonnull(strstr(t, "route=\"/cart/add\",status=\"303\"} 1\n"));
	ck_assert_ptr_nonnull(strstr(t, "method=\"\",route=\"none\",status=\"404\"} 1\n"));
	/* cumulative buckets: 3 by 50 ms, all 6 by 1 s */
	ck_assert_ptr_nonnull(strstr(t, "route=\"/@{handle}\",le=\"0.025\"} 0\n"));
	ck_assert_ptr_nonnull(strstr(t, "route=\"/@{handle}\",le=\"0.05\"} 3\n"));
	ck_assert_ptr_nonnull(strstr(t, "route=\"/@{handle}\",le=\"0.5\"} 3\n"));
	ck_assert_ptr_nonnull(strstr(t, "route=\"/@{handle}\",le=\"1\"} 6\n"));
	ck_assert_ptr_nonnull(strstr(t, "route=\"/@{handle}\",le=\"+Inf\"} 6\n"));
	ck_assert_ptr_nonnull(strstr(t, "crowdcart_http_request_duration_seconds_count{program=\"shop\",method=\"GET\","
					"route=\"/@{handle}\"} 6\n"));
	ck_assert_ptr_nonnull(strstr(t, "crowdcart_worker_restarts_total{program=\"shop\"} 1\n"));
	ck_assert_ptr_nonnull(strstr(t, "# TYPE crowdcart_http_request_duration_seconds histogram\n"));
	ck_assert_ptr_null(strstr(t, "status=\"500\""));	/* a series shows once it moved */
	arena_free(a);
}
END_TEST

START_TEST(test_metrics_allowed_loopback_by_default)
{
	ck_assert(metrics_allowed("127.0.0.1"));
	ck_assert(metrics_allowed("127.8.9.10"));
	ck_assert(metrics_allowed("::1"));
	ck_assert(!metrics_allowed("203.0.113.9"));
	ck_assert(!metrics_allowed("10.0.0.1"));
	ck_assert(!metrics_allowed(""));
	ck_assert(!metrics_allowed(NULL));
	ck_assert(!metrics_allowed("localhost"));
}
END_TEST

static const char *health(struct arena *a, const struct health_report *h)
{
	struct buf b;
	buf_init(&b, a, 512);
	health_text(h, &b);
	return buf_cstr(&b);
}

START_TEST(test_health_words)
{
	struct arena *a = arena_new(8192);
	struct health_report h = { .db_ok = true, .shipped = 24, .applied = 24, .last_shipped = "0024_x.sql",
				   .last_applied = "0024_x.sql", .migrations_read = true, .migrations_ok = true, .outbox_read = true,
				   .webhooks_read = true, .outbox_ok = true, .webhooks_ok = true, .stuck_after_s = 900 };
	ck_assert(health_ok(&h));
	ck_assert_str_eq(health(a, &h), "ok\ndatabase: ok\nmigrations: ok (24 applied, last 0024_x.sql)\n"
					"outbox: ok (0 pending; sendmail_path is not set, so mail stays there)\n"
					"webhooks: ok (0 pending)\n");
	h.webhooks_ok = false;
	h.webhooks_pending = 3;
	h.webhooks_overdue_s = 1800;
	ck_assert(!health_ok(&h));
	ck_assert_ptr_nonnull(strstr(health(a, &h), "fail\n"));
	ck_assert_ptr_nonnull(strstr(health(a, &h), "webhooks: stuck (3 pending, the oldest due 30 min ago, over 15: "
						     "is crowdcartctl worker running?)\n"));
	h.migrations_ok = false;
	h.applied = 23;
	h.last_applied = "0023_y.sql";
	ck_assert_ptr_nonnull(strstr(health(a, &h), "migrations: not current (23 of 24 shipped applied, last "
						     "0023_y.sql; the programs expect 0024_x.sql: run crowdcartctl migrate)\n"));
	h.migrations_read = false;
	ck_assert_ptr_nonnull(strstr(health(a, &h), "database: ok\nmigrations: could not be read\n"));
	struct health_report down = { .db_ok = false };
	ck_assert_str_eq(health(a, &down), "fail\ndatabase: unreachable\n");
	arena_free(a);
}
END_TEST

Suite *metrics_suite(void)
{
	Suite *s = suite_create("metrics");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_metrics_summed_over_workers);
	tcase_add_test(tc, test_metrics_allowed_loopback_by_default);
	tcase_add_test(tc, test_health_words);
	suite_add_tcase(s, tc);
	return s;
}
