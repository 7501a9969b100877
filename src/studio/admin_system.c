/* admin_system.c: "/admin/system" — what the operator would otherwise ask the shell: the version
 * running, the migrations applied against those this build ships, the mail and webhook queues and
 * their failures, the worker's last pass on each host, and the database nodes. */
#include <string.h>
#include "web/health.h"
#include "web/layout.h"
#include "studio/admin.h"

#ifndef CROWDCART_VERSION
#define CROWDCART_VERSION "unknown"	/* set by the Makefile from VERSION and git describe */
#endif

/* What was given up on: dead letters of the outbox (crowdcartctl mail --dead lists them; 'failed'
 * is what a release before 0031 still writes during an upgrade) and lead webhooks past their last
 * attempt. */
static const struct db_stmt q_failures = {
	"SELECT (SELECT COUNT(*) FROM outbox WHERE status IN ('dead', 'failed')),"
	" (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed')", "", "ii" };
static const struct db_stmt q_recent_migrations = {
	"SELECT name, DATE_FORMAT(applied_at, '%Y-%m-%d %H:%i') FROM schema_migrations"
	" WHERE name NOT LIKE 'demo/%' ORDER BY name DESC LIMIT 5", "", "ss" };
static const struct db_stmt q_worker = {
	"SELECT host, DATE_FORMAT(finished_at, '%Y-%m-%d %H:%i:%s'), TIMESTAMPDIFF(SECOND, finished_at, UTC_TIMESTAMP()),"
	" TIMESTAMPDIFF(SECOND, started_at, finished_at), passes, delivered, ok FROM worker_heartbeats"
	" ORDER BY finished_at DESC LIMIT 20", "", "ssiiiii" };
/* Galera's own account of the cluster, first whether it is on at all: a server built with Galera
 * but running alone has the status variables too, with wsrep_on OFF. Status and variables need no
 * privilege to read. */
static const struct db_stmt q_wsrep = {
	"SELECT LOWER(VARIABLE_NAME), VARIABLE_VALUE FROM information_schema.GLOBAL_VARIABLES"
	" WHERE VARIABLE_NAME = 'WSREP_ON' UNION ALL"
	" SELECT LOWER(VARIABLE_NAME), VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN"
	" ('WSREP_CLUSTER_SIZE', 'WSREP_CLUSTER_STATUS', 'WSREP_READY', 'WSREP_LOCAL_STATE_COMMENT',"
	" 'WSREP_INCOMING_ADDRESSES', 'WSREP_CONNECTED')", "", "ss" };

/* A worker pass is every 5 s; one not seen for two minutes has stopped. */
#define WORKER_STALE_S 120

static const char *seconds_text(struct req *r, long long s)
{
	if (s < 120)
		return arena_printf(r->arena, "%lld s", s);
	if (s < 2 * 3600)
		return arena_printf(r->arena, "%lld min", s / 60);
	return arena_printf(r->arena, "%lld h", s / 3600);
}

int page_admin_system(struct req *r)
{
	struct health_report h;
	health_probe(r->db, r->arena, &h);
	if (!h.db_ok)
		return req_db_fail(DB_DOWN);
	struct db_res f, m, w, g;
	enum db_status rc = db_query(r->db, r->arena, &q_failures, NULL, &f);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_recent_migrations, NULL, &m);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_worker, NULL, &w);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_wsrep, NULL, &g);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = admin_begin(r, "admin_system.tpl", "System", "/admin/system");
	tmpl_set(d, "VERSION", CROWDCART_VERSION);

	tmpl_set_int(d, "APPLIED", h.applied);
	tmpl_set(d, "LAST_APPLIED", *h.last_applied ? h.last_applied : "none");
	if (h.shipped >= 0) {
		tmpl_dict *s = tmpl_add(d, "SHIPPED");
		tmpl_set_int(s, "COUNT", h.shipped);
		tmpl_set(s, "LAST", h.last_shipped);
	} else {
		tmpl_show(d, "SHIPPED_UNKNOWN");
	}
	tmpl_show(d, h.migrations_ok ? "MIGRATIONS_OK" : "MIGRATIONS_BEHIND");
	for (size_t i = 0; i < m.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "MIGRATION");
		tmpl_set(e, "NAME", db_at(&m, i, 0)->s);
		tmpl_set(e, "AT", db_at(&m, i, 1)->s);
	}

	tmpl_set_int(d, "OUTBOX_PENDING", h.outbox_pending);
	tmpl_set(d, "OUTBOX_OLDEST", h.outbox_pending ? seconds_text(r, h.outbox_waited_s) : "none waiting");
	tmpl_set_int(d, "OUTBOX_FAILED", db_at(&f, 0, 0)->i);
	if (db_at(&f, 0, 0)->i)
		tmpl_show(d, "OUTBOX_DEAD");
	tmpl_show(d, h.outbox_ok ? "OUTBOX_OK" : h.outbox_judged ? "OUTBOX_STUCK" : "OUTBOX_KEPT");
	tmpl_set_int(d, "WEBHOOKS_PENDING", h.webhooks_pending);
	tmpl_set(d, "WEBHOOKS_OVERDUE", h.webhooks_pending && h.webhooks_overdue_s > 0
		 ? seconds_text(r, h.webhooks_overdue_s) : "none overdue");
	tmpl_set_int(d, "WEBHOOKS_FAILED", db_at(&f, 0, 1)->i);
	tmpl_show(d, h.webhooks_ok ? "WEBHOOKS_OK" : "WEBHOOKS_STUCK");

	for (size_t i = 0; i < w.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "WORKER");
		tmpl_set(e, "HOST", db_at(&w, i, 0)->s);
		tmpl_set(e, "AT", db_at(&w, i, 1)->s);
		tmpl_set(e, "AGO", seconds_text(r, db_at(&w, i, 2)->i));
		tmpl_set(e, "TOOK", seconds_text(r, db_at(&w, i, 3)->i));
		tmpl_set_int(e, "PASSES", db_at(&w, i, 4)->i);
		tmpl_set_int(e, "DELIVERED", db_at(&w, i, 5)->i);
		tmpl_set(e, "STATE", db_at(&w, i, 2)->i > WORKER_STALE_S ? "stopped?"
			 : db_at(&w, i, 6)->i ? "ok" : "database error");
	}
	if (w.nrows == 0)
		tmpl_show(d, "NO_WORKER");

	bool galera = false;
	for (size_t i = 0; i < g.nrows; i++)
		if (strcmp(db_at(&g, i, 0)->s, "wsrep_on") == 0)
			galera = strcmp(db_at(&g, i, 1)->s, "ON") == 0;
	if (!galera) {
		tmpl_show(d, "SINGLE_NODE");
	} else {
		tmpl_dict *c = tmpl_add(d, "CLUSTER");
		for (size_t i = 0; i < g.nrows; i++) {
			tmpl_dict *v = tmpl_add(c, "WSREP");
			tmpl_set(v, "NAME", db_at(&g, i, 0)->s);
			tmpl_set(v, "VALUE", db_at(&g, i, 1)->s);
		}
	}
	layout_end(r, 200);
	return REQ_DONE;
}
