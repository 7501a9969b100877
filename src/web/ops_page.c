/* ops_page.c: /_health and /_metrics, the same in every program (web/health.c, web/metrics.c). */
#include "web/health.h"
#include "web/metrics.h"
#include "web/ops_page.h"
#include "web/response.h"

/* Monitors and proxies must see each answer fresh: a cached "ok" would hide an outage. */
static void never_cached(struct req *r)
{
	response_header(r, "Cache-Control", "no-store");
}

int page_health(struct req *r)
{
	never_cached(r);
	struct health_report h;
	health_probe(r->db, r->arena, &h);
	struct buf text;
	buf_init(&text, r->arena, 512);
	health_text(&h, &text);
	bool ok = health_ok(&h);
	if (!ok)
		response_header(r, "Retry-After", "10");
	response_text(r, ok ? 200 : 503, "text/plain; charset=utf-8", buf_cstr(&text));
	return REQ_DONE;
}

int page_metrics(struct req *r)
{
	never_cached(r);
	/* The same words for every refusal; who may read it is the operator's setting, not news. */
	if (!metrics_allowed(r->remote_addr)) {
		response_text(r, 403, "text/plain; charset=utf-8", "forbidden\n");
		return REQ_DONE;
	}
	struct health_report h;
	health_probe(r->db, r->arena, &h);
	struct buf out;
	buf_init(&out, r->arena, 16384);
	metrics_render(&out);
	health_metrics(&h, r->app->name, &out);
	response_text(r, 200, "text/plain; version=0.0.4; charset=utf-8", buf_cstr(&out));
	return REQ_DONE;
}
