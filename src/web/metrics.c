/* metrics.c: counters in one MAP_SHARED anonymous mapping made before the workers fork, so every
 * worker adds to the same 64-bit cells with relaxed atomic adds (no lock, no system call) and
 * whichever worker answers /_metrics reads the program's totals. A worker that dies takes
 * nothing with it: what it counted is already in the segment. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include "db/dbcache.h"
#include "lib/config.h"
#include "lib/netcheck.h"
#include "web/fragment.h"
#include "web/metrics.h"

/* The statuses the programs answer (response_reason); anything else is counted as "other". */
static const int statuses[] = { 200, 201, 204, 302, 303, 304, 400, 401, 403, 404, 405, 409, 410,
				413, 414, 415, 422, 429, 500, 502, 503 };
#define NSTATUS (sizeof statuses / sizeof *statuses + 1)
/* Latency bucket bounds in microseconds (Prometheus' defaults, in seconds, finer at the low end
 * where most pages are). */
static const long long bounds_us[] = { 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000,
				       500000, 1000000, 2500000, 5000000, 10000000 };
#define NBOUND (sizeof bounds_us / sizeof *bounds_us)
/* Per route: a count per status, a count per latency bucket (+Inf last), the latency sum. */
#define ROUTE_CELLS (NSTATUS + NBOUND + 1 + 1)

enum global_cell {
	G_DB_DOWN, G_DB_ERRORS, G_DB_CONFLICTS, G_DB_RETRIES,
	G_DBCACHE_HITS, G_DBCACHE_MISSES, G_PAGE_HITS, G_PAGE_MISSES,
	G_WORKER_RESTARTS,
	G__MAX
};

#define METRICS_ALLOW_DEFAULT "127.0.0.0/8, ::1"

static const struct app *program;
static uint64_t *cells;	/* G__MAX globals, then ROUTE_CELLS per route and one row for no route */

/* What this worker had already folded into the segment (its own counters only grow). */
static struct db_counts folded_db;
static unsigned long long folded_cache[4];

bool metrics_init(const struct app *app)
{
	size_t n = G__MAX + (app->nroutes + 1) * ROUTE_CELLS;
	void *p = mmap(NULL, n * sizeof *cells, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("metrics: mmap");
		return false;
	}
	cells = p;
	program = app;
	const char *allow = config_str("metrics_allow", NULL);
	if (allow && !netcheck_allow_valid(allow))
		fprintf(stderr, "%s: metrics_allow is not a list of CIDRs: /_metrics refuses everyone\n", app->name);
	return true;
}

static void add(size_t i, uint64_t v)
{
	if (cells && v)
		__atomic_fetch_add(&cells[i], v, __ATOMIC_RELAXED);
}

static uint64_t get(size_t i)
{
	return __atomic_load_n(&cells[i], __ATOMIC_RELAXED);
}

static size_t route_cell(size_t route, size_t k)
{
	return G__MAX + route * ROUTE_CELLS + k;
}

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void fold_worker_counts(void)
{
	const struct db_counts *d = db_counts();
	add(G_DB_DOWN, d->down - folded_db.down);
	add(G_DB_ERRORS, d->errors - folded_db.errors);
	add(G_DB_CONFLICTS, d->conflicts - folded_db.conflicts);
	add(G_DB_RETRIES, d->retries - folded_db.retries);
	folded_db = *d;
	unsigned long long c[4];
	dbcache_counts(&c[0], &c[1]);
	fragment_counts(&c[2], &c[3]);
	for (size_t i = 0; i < 4; i++) {
		add(G_DBCACHE_HITS + i, c[i] - folded_cache[i]);
		folded_cache[i] = c[i];
	}
}

void metrics_request(const struct req *r)
{
	if (!cells)
		return;
	size_t route = r->route ? (size_t)(r->route - program->routes) : program->nroutes;
	size_t s = NSTATUS - 1;
	for (size_t i = 0; i < NSTATUS - 1; i++)
		if (statuses[i] == r->status)
			s = i;
	add(route_cell(route, s), 1);
	long long us = now_us() - r->start_us;
	if (us < 0)
		us = 0;
	size_t b = 0;
	while (b < NBOUND && us > bounds_us[b])
		b++;
	add(route_cell(route, NSTATUS + b), 1);
	add(route_cell(route, NSTATUS + NBOUND + 1), (uint64_t)us);
	fold_worker_counts();
}

void metrics_worker_restart(void)
{
	add(G_WORKER_RESTARTS, 1);
}

bool metrics_allowed(const char *remote_addr)
{
	struct netcheck_addr a;
	return remote_addr && netcheck_literal(remote_addr, &a) &&
	       netcheck_listed(&a, config_str("metrics_allow", METRICS_ALLOW_DEFAULT));
}

static const char *method_label(unsigned methods)
{
	return methods & HTTP_GET ? "GET" : methods & HTTP_POST ? "POST" : methods & HTTP_PUT ? "PUT"
	     : methods & HTTP_DELETE ? "DELETE" : methods & HTTP_PATCH ? "PATCH" : "OTHER";
}

/* The labels every series of a route carries; patterns are compiled in, escaped all the same. */
static void route_labels(struct buf *out, size_t route)
{
	buf_printf(out, "program=\"%s\",", program->name);
	if (route == program->nroutes) {
		buf_puts(out, "method=\"\",route=\"none\"");
		return;
	}
	const struct route_pattern *pat = &program->routes[route].pat;
	buf_printf(out, "method=\"%s\",route=\"", method_label(pat->methods));
	for (const char *p = pat->pattern; *p; p++) {
		if (*p == '\\' || *p == '"')
			buf_putc(out, '\\');
		buf_putc(out, *p == '\n' ? ' ' : *p);
	}
	buf_putc(out, '"');
}

static void render_requests(struct buf *out)
{
	buf_puts(out, "# HELP crowdcart_http_requests_total Requests answered, by route and status.\n"
		      "# TYPE crowdcart_http_requests_total counter\n");
	for (size_t r = 0; r <= program->nroutes; r++)
		for (size_t s = 0; s < NSTATUS; s++) {
			uint64_t v = get(route_cell(r, s));
			if (!v)
				continue;
			buf_puts(out, "crowdcart_http_requests_total{");
			route_labels(out, r);
			if (s < NSTATUS - 1)
				buf_printf(out, ",status=\"%d\"} %llu\n", statuses[s], (unsigned long long)v);
			else
				buf_printf(out, ",status=\"other\"} %llu\n", (unsigned long long)v);
		}
}

static void render_latency(struct buf *out)
{
	buf_puts(out, "# HELP crowdcart_http_request_duration_seconds Time from the request read to the "
		      "response sent, by route.\n# TYPE crowdcart_http_request_duration_seconds histogram\n");
	for (size_t r = 0; r <= program->nroutes; r++) {
		uint64_t total = 0;
		for (size_t b = 0; b <= NBOUND; b++)
			total += get(route_cell(r, NSTATUS + b));
		if (!total)
			continue;
		uint64_t acc = 0;
		for (size_t b = 0; b <= NBOUND; b++) {
			acc += get(route_cell(r, NSTATUS + b));
			buf_puts(out, "crowdcart_http_request_duration_seconds_bucket{");
			route_labels(out, r);
			if (b < NBOUND)
				buf_printf(out, ",le=\"%g\"} %llu\n", (double)bounds_us[b] / 1e6, (unsigned long long)acc);
			else
				buf_printf(out, ",le=\"+Inf\"} %llu\n", (unsigned long long)acc);
		}
		buf_puts(out, "crowdcart_http_request_duration_seconds_sum{");
		route_labels(out, r);
		buf_printf(out, "} %.6f\n", (double)get(route_cell(r, NSTATUS + NBOUND + 1)) / 1e6);
		buf_puts(out, "crowdcart_http_request_duration_seconds_count{");
		route_labels(out, r);
		buf_printf(out, "} %llu\n", (unsigned long long)total);
	}
}

static void render_one(struct buf *out, const char *name, const char *labels, enum global_cell c)
{
	buf_printf(out, "%s{program=\"%s\"%s%s} %llu\n", name, program->name, *labels ? "," : "", labels,
		   (unsigned long long)get(c));
}

void metrics_render(struct buf *out)
{
	if (!cells)
		return;
	render_requests(out);
	render_latency(out);
	buf_puts(out, "# HELP crowdcart_db_errors_total Database failures met by the workers: the server "
		      "away or a connection lost (down), conflicts answered with a retry (conflict), other "
		      "errors (error).\n# TYPE crowdcart_db_errors_total counter\n");
	render_one(out, "crowdcart_db_errors_total", "kind=\"down\"", G_DB_DOWN);
	render_one(out, "crowdcart_db_errors_total", "kind=\"conflict\"", G_DB_CONFLICTS);
	render_one(out, "crowdcart_db_errors_total", "kind=\"error\"", G_DB_ERRORS);
	buf_puts(out, "# HELP crowdcart_db_retries_total Statements and transactions run again after a "
		      "deadlock or cluster conflict.\n# TYPE crowdcart_db_retries_total counter\n");
	render_one(out, "crowdcart_db_retries_total", "", G_DB_RETRIES);
	buf_puts(out, "# HELP crowdcart_cache_requests_total Lookups in the per-worker caches: reads "
		      "(dbcache) and rendered pages (page), by result.\n"
		      "# TYPE crowdcart_cache_requests_total counter\n");
	render_one(out, "crowdcart_cache_requests_total", "cache=\"dbcache\",result=\"hit\"", G_DBCACHE_HITS);
	render_one(out, "crowdcart_cache_requests_total", "cache=\"dbcache\",result=\"miss\"", G_DBCACHE_MISSES);
	render_one(out, "crowdcart_cache_requests_total", "cache=\"page\",result=\"hit\"", G_PAGE_HITS);
	render_one(out, "crowdcart_cache_requests_total", "cache=\"page\",result=\"miss\"", G_PAGE_MISSES);
	buf_puts(out, "# HELP crowdcart_worker_restarts_total Workers that died and were started again.\n"
		      "# TYPE crowdcart_worker_restarts_total counter\n");
	render_one(out, "crowdcart_worker_restarts_total", "", G_WORKER_RESTARTS);
}
