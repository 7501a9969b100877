/* worker.c: crowdcartctl worker [--once] — delivers due lead webhooks from the outbox
 * (webhook_deliveries): claims each with a lease, POSTs it signed (webhook_post.c: http/https,
 * non-public addresses refused), logs the attempt, and marks it delivered or schedules the next
 * try with exponential backoff. Loops every 5 s unless --once.
 * Each pass then syncs connected shops and pushes their orders (connector_*.c), runs the DNS
 * checks of brand domains that are due (domain_check.c), prunes expired rate-limit windows and
 * merge rows older than the merge window, runs the image passes (image_jobs.h) and rolls up the
 * brand dashboards' sales of the days that changed or closed (sales_rollup.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/arena.h"
#include "lib/config.h"
#include "web/outbound.h"
#include "ctl/ctl.h"
#include "ctl/domain_check.h"
#include "ctl/heartbeat.h"
#include "ctl/image_jobs.h"
#include "ctl/lease.h"
#include "ctl/live_replay.h"
#include "lib/netcheck.h"
#include "ctl/webhook_post.h"
#include "domain/search/search_index.h"
#include "domain/connectors/connector_orders.h"
#include "domain/connectors/connector_sync.h"
#include "domain/creators/sales_rollup.h"

/* How long one pass may sync shops before the webhooks and checks get their turn. */
#define CONNECTOR_PASS_MS 25000L

#define WORKER_BATCH 20
/* How long a pass may fetch imported pictures: webhooks wait for the next pass meanwhile (a
 * dedicated `crowdcartctl images` has no such limit). */
#define WORKER_FETCH_MS 2000L
/* Products indexed for search per pass: a studio save indexes its own, so this is catch-up. */
#define WORKER_SEARCH_BATCH 500
/* How long a pass may roll up closed days: only the first pass after an upgrade has a year of
 * them; a day's change is recomputed whatever the time. */
#define WORKER_ROLLUP_MS 10000L

static const struct db_stmt q_due = {
	"SELECT d.id FROM webhook_deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= UTC_TIMESTAMP()"
	" ORDER BY d.next_attempt_at, d.id LIMIT 20", "", "i" };	/* WORKER_BATCH */
/* The lease: only one worker (on any node) wins the row for the next two minutes. */
static const struct db_stmt q_claim = {
	"UPDATE webhook_deliveries SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 120 SECOND"
	" WHERE id = ? AND status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()", "i", "" };
static const struct db_stmt q_load = {
	"SELECT d.event, d.payload, d.attempts, COALESCE(w.url, ''), COALESCE(w.secret, '') FROM webhook_deliveries d"
	" LEFT JOIN lead_webhooks w ON w.brand_id = d.brand_id WHERE d.id = ?", "i", "ssiss" };
/* Written only while the delivery still exists: a lead erased during the call takes its
 * deliveries with it, and the attempt then has nothing to belong to. */
static const struct db_stmt q_attempt = {
	"INSERT INTO webhook_attempts (delivery_id, attempted_at, http_status, error, duration_ms)"
	" SELECT d.id, UTC_TIMESTAMP(), ?, ?, ? FROM webhook_deliveries d WHERE d.id = ?", "isii", "" };
static const struct db_stmt q_done = {
	"UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = UTC_TIMESTAMP()"
	" WHERE id = ?", "i", "" };
static const struct db_stmt q_retry = {
	"UPDATE webhook_deliveries SET attempts = attempts + 1, status = IF(? = 1, 'failed', 'pending'),"
	" next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ?", "iii", "" };

static const struct db_stmt q_prune_rate = {
	"DELETE FROM lead_rate WHERE window_start < ? LIMIT 5000", "i", "" };
static const struct db_stmt q_prune_latest = {
	"DELETE FROM lead_latest WHERE seen_at < UTC_TIMESTAMP() - INTERVAL 25 HOUR LIMIT 5000", "", "" };

static long long ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Delivers one claimed delivery; false if the database failed. */
static bool deliver(struct db *db, struct arena *a, const struct webhook_policy *pol, long long id, long *ok)
{
	struct db_res d;
	if (db_query(db, a, &q_load, (struct db_param[]){ DB_I(id) }, &d) != DB_OK || d.nrows == 0)
		return false;
	const char *event = db_at(&d, 0, 0)->s, *body = db_at(&d, 0, 1)->s, *url = db_at(&d, 0, 3)->s;
	unsigned attempt = (unsigned)db_at(&d, 0, 2)->i + 1;
	struct webhook_url u;
	char err[WEBHOOK_ERR_LEN] = "";
	int status = 0;
	bool blocked = false;
	long long t0 = ms_now();
	if (!*url)
		snprintf(err, sizeof err, "no webhook URL set");
	else if (!webhook_url_parse(url, &u))
		snprintf(err, sizeof err, "unsupported URL");
	else
		status = webhook_post(&u, pol, db_at(&d, 0, 4)->s, id, event, body, db_at(&d, 0, 1)->len, &blocked, err);
	if (status && (status < 200 || status > 299))
		snprintf(err, sizeof err, "HTTP %d", status);
	long long took = ms_now() - t0;
	if (db_query(db, NULL, &q_attempt, (struct db_param[]){ DB_I(status), DB_S(err), DB_I(took), DB_I(id) }, NULL) != DB_OK)
		return false;
	if (status >= 200 && status <= 299) {
		(*ok)++;
		return db_query(db, NULL, &q_done, (struct db_param[]){ DB_I(id) }, NULL) == DB_OK;
	}
	/* a refused address fails the delivery at once: retrying would only probe the network again */
	bool last = attempt >= WEBHOOK_MAX_ATTEMPTS || blocked;
	fprintf(stderr, "crowdcartctl worker: delivery %lld attempt %u failed: %s\n", id, attempt, err);
	return db_query(db, NULL, &q_retry, (struct db_param[]){ DB_I(last), DB_I(webhook_backoff(attempt)), DB_I(id) },
			NULL) == DB_OK;
}

struct pass_ctx {
	const struct webhook_policy *pol;
	long ok;
};

static bool deliver_claimed(struct db *db, struct arena *a, long long id, void *ctx)
{
	struct pass_ctx *c = ctx;
	return deliver(db, a, c->pol, id, &c->ok);
}

/* One pass over due deliveries; the number delivered, or -1 on a database failure. */
static long pass(struct db *db, struct arena *a, const struct webhook_policy *pol)
{
	struct pass_ctx c = { pol, 0 };
	struct lease_job job = { &q_due, WORKER_BATCH, &q_claim, deliver_claimed, &c, 0 };
	return lease_pass(db, a, &job) < 0 ? -1 : c.ok;
}

int ctl_worker(struct db *db, int argc, char **argv)
{
	bool once = argc == 1 && strcmp(argv[0], "--once") == 0;
	if (argc > 1 || (argc == 1 && !once)) {
		fprintf(stderr, "usage: crowdcartctl worker [--once]\n");
		return 2;
	}
	struct webhook_policy pol = { config_str("webhook_ca_file", NULL), config_str("webhook_allow_private", "") };
	if (!netcheck_allow_valid(pol.allow)) {
		fprintf(stderr, "crowdcartctl worker: webhook_allow_private is not a list of CIDRs like 10.0.0.0/8, fd00::/8\n");
		return 2;
	}
	struct dns_resolver resolver;
	if (!dns_resolver_from_config(&resolver))
		return 2;
	if (!ctl_notices_ready())
		return 1;
	if (!webhook_post_init() || !outbound_init() || !image_jobs_ready()) {
		fprintf(stderr, "crowdcartctl worker: cannot start libcurl\n");
		return 1;
	}
	/* Connected shops are called like payment providers: outbound.h's guard and timeouts. */
	struct connector_http shops = { outbound_call, NULL };
	struct arena *a = arena_new(1 << 16);
	int rc = 0;
	for (;;) {
		time_t started = time(NULL);
		long n = pass(db, a, &pol);
		/* after the webhooks, so the deliveries due now never wait for a slow resolver */
		long checked = n < 0 ? 0 : domain_check_due(db, a, &resolver);
		if (checked < 0)
			n = -1;
		long released = n < 0 ? 0 : ctl_payments_release(db, a);
		if (released < 0)
			n = -1;
		long synced = n < 0 ? 0 : connector_sync_due(db, a, &shops, CONNECTOR_PASS_MS);
		long pushed = synced < 0 || n < 0 ? 0 : connector_orders_due(db, a, &shops);
		if (synced < 0 || pushed < 0)
			n = -1;
		/* products changed outside the studio, the API and imports (docs/SEARCH.md) */
		long long indexed = 0;
		if (n >= 0 && search_index_stale(db, a, 0, WORKER_SEARCH_BATCH, &indexed) != DB_OK)
			n = -1;
		long pictures = n < 0 ? 0 : image_jobs_pass(db, a, WORKER_FETCH_MS);
		if (pictures < 0)
			n = -1;
		long replays = n < 0 ? 0 : live_replay_pass(db, a);
		if (replays < 0)
			n = -1;
		long rolled = n < 0 ? 0 : sales_rollup_pass(db, a, WORKER_ROLLUP_MS);
		if (rolled < 0)
			n = -1;
		/* windows are hours (leadform_submit.c); keep the current and the previous one */
		if (db_query(db, NULL, &q_prune_rate, (struct db_param[]){ DB_I((long long)time(NULL) / 3600 - 1) }, NULL) != DB_OK ||
		    db_query(db, NULL, &q_prune_latest, NULL, NULL) != DB_OK)
			n = -1;
		if (n < 0) {
			fprintf(stderr, "crowdcartctl worker: database error\n");
			rc = 1;
		} else if (n > 0)
			printf("delivered %ld webhook(s)\n", n);
		heartbeat_write(db, (long long)(time(NULL) - started), n < 0 ? 0 : n, n >= 0);
		if (checked > 0)
			printf("checked %ld domain(s)\n", checked);
		if (released > 0)
			printf("settled %ld expired payment hold(s)\n", released);
		if (indexed > 0)
			printf("indexed %lld product(s) for search\n", indexed);
		if (synced > 0)
			printf("synced %ld product(s) from connected shops\n", synced);
		if (pushed > 0)
			printf("pushed or shipped %ld order(s) of connected shops\n", pushed);
		if (pictures > 0)
			printf("processed %ld picture(s)\n", pictures);
		if (replays > 0)
			printf("made %ld live replay(s) from recordings\n", replays);
		if (rolled > 0)
			printf("rolled up %ld brand day(s) of sales\n", rolled);
		fflush(stdout);
		if (once)
			break;
		sleep(5);
	}
	arena_free(a);
	return rc;
}
