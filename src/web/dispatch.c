/* dispatch.c: parse, route, enforce what the route requires, run the handler, send, log. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "db/dbcache.h"
#include "web/access_log.h"
#include "web/cache_headers.h"
#include "web/csrf.h"
#include "web/actor.h"
#include "web/dispatch.h"
#include "web/gzip_page.h"
#include "web/metrics.h"
#include "web/response.h"
#include "web/session.h"
#include "lib/utf8.h"

#define MAX_URI 4096

static const struct kv_limits form_limits = { 200, 64, 256 * 1024 };
static const struct kv_limits cookie_limits = { 50, 64, 4096 };
static const struct mp_limits multipart_limits = { 50, 4096, 256 * 1024 };

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static bool is_form_type(const char *ct)
{
	static const char form[] = "application/x-www-form-urlencoded";
	return ct && strncasecmp(ct, form, sizeof form - 1) == 0 &&
	       (ct[sizeof form - 1] == '\0' || ct[sizeof form - 1] == ';');
}

/* Reads and parses the body; returns 0 or the HTTP status to answer with. */
static int read_body(struct worker *w, struct req *r)
{
	const char *cl = req_env(r, "CONTENT_LENGTH");
	size_t len = 0;
	if (cl && *cl) {
		char *end;
		unsigned long long v = strtoull(cl, &end, 10);
		if (*end || !isdigit((unsigned char)cl[0]))
			return 400;
		if (v > (r->route->max_body ? r->route->max_body : w->max_body))
			return 413;
		len = (size_t)v;
	}
	bool raw = r->route->needs & NEED_RAW_BODY;
	const char *ct = req_env(r, "CONTENT_TYPE");
	bool multipart = (r->route->needs & NEED_MULTIPART) && ct &&
			 strncasecmp(ct, "multipart/form-data", 19) == 0;
	if (len == 0)
		return 0;
	if (!raw && !multipart && !is_form_type(ct))
		return 415;
	char *body = arena_alloc(r->arena, len + 1);
	size_t got = 0;
	while (got < len) {
		int n = FCGX_GetStr(body + got, (int)(len - got), r->fcgi->in);
		if (n <= 0)
			return 400;
		got += (size_t)n;
	}
	body[len] = '\0';
	if (raw) {
		r->raw_body = body;
		r->raw_len = len;
		return 0;
	}
	if (multipart) {
		struct mp_list parts;
		if (multipart_parse(r->arena, ct, (const uint8_t *)body, len, &multipart_limits, &parts) != MP_OK ||
		    multipart_split(r->arena, &parts, &r->form, &r->files) != MP_OK)
			return 400;
		return 0;
	}
	/* A route with big repeated-row forms (the product editor) raises the pair count for itself only. */
	struct kv_limits lim = form_limits;
	if (r->route->max_fields)
		lim.max_fields = r->route->max_fields;
	return kv_parse_form(r->arena, (const uint8_t *)body, len, &lim, &r->form) == KV_OK ? 0 : 400;
}

static const char *method_name(unsigned m)
{
	switch (m) {
	case HTTP_GET: return "GET";
	case HTTP_HEAD: return "HEAD";
	case HTTP_POST: return "POST";
	case HTTP_PUT: return "PUT";
	case HTTP_DELETE: return "DELETE";
	case HTTP_PATCH: return "PATCH";
	case HTTP_OPTIONS: return "OPTIONS";
	default: return "OTHER";
	}
}

/* One line per request; the path only (a query string may carry tokens), control bytes masked. A
 * path that is itself a secret (an emailed one-time link's {token}) is logged as its pattern. */
static void log_request(struct req *r)
{
	if (access_log_combined()) {
		access_log_write(r, method_name(r->method));
		return;
	}

	char path[201];
	size_t i = 0;
	const char *shown = r->route && req_param(r, "token") ? r->route->pat.pattern : r->path;
	for (const char *p = shown ? shown : "-"; *p && i < sizeof path - 1; p++)
		path[i++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
	path[i] = '\0';
	fprintf(stderr, "%s %s %s %d %lldus\n", r->app->name, method_name(r->method), path, r->status,
		now_us() - r->start_us);
}

static const char *split_path(struct req *r, const char *uri)
{
	const char *q = strchr(uri, '?');
	return q ? arena_strndup(r->arena, uri, (size_t)(q - uri)) : uri;
}

/* Everything the route declares it needs, checked before its handler runs. Returns false when
 * a response has already been made. */
static bool enforce(struct req *r)
{
	unsigned needs = r->route->needs;
	if (needs & NEED_NO_DB)
		return true;
	enum db_status rc = db_ready(r->db);
	/* Requests that authenticate themselves ignore cookies: one sent along means nothing. */
	bool self_authenticated = needs & (NEED_SIGNED | NEED_API_KEY);
	if (rc == DB_OK && r->cookies.n && !self_authenticated)
		rc = session_load(r);
	if (rc != DB_OK) {
		response_db_error(r, rc);
		return false;
	}
	bool writes = r->method != HTTP_GET && r->method != HTTP_HEAD;
	if (writes && !self_authenticated && !csrf_accept(r)) {
		response_error(r, 403, "This form has expired or did not come from this site. "
				   "Go back, reload the page and try again.");
		return false;
	}
	/* A visitor's session begins with the first form they send, never with a page they read. */
	if (writes && !self_authenticated && !r->sess.present && (rc = session_ensure(r)) != DB_OK) {
		response_db_error(r, rc);
		return false;
	}
	if ((needs & (NEED_LOGIN | NEED_BRAND | NEED_CREATOR | NEED_ADMIN | NEED_OWNER)) && !r->sess.user_id) {
		response_redirect(r, arena_printf(r->arena, "/login?next=%s", r->path));
		return false;
	}
	enum role role = r->sess.role;
	if (((needs & NEED_ADMIN) && role != ROLE_ADMIN) ||
	    ((needs & NEED_BRAND) && !(needs & NEED_TEAM) && role != ROLE_BRAND && role != ROLE_ADMIN) ||
	    ((needs & NEED_CREATOR) && role != ROLE_CREATOR && role != ROLE_ADMIN)) {
		response_error(r, 403, "Your account does not have access to this page.");
		return false;
	}
	if ((needs & NEED_ADMIN) && r->app->admin_gate && !r->app->admin_gate(r))
		return false;
	return true;
}

/* What a handler returned, answered in one place: a database failure as response_db_error does, an
 * HTTP status with the program's error page, REQ_DONE as the handler made it. */
static void answer(struct req *r, int st)
{
	if (st < 0)
		response_db_error(r, (enum db_status)-st);
	else if (st >= 400 && st <= 599)
		response_error(r, st, st == 404 ? "We could not find that page."
			  : st == 403 ? "Your account does not have access to this page."
			  : st == 400 ? "The request is not valid."
			  : st >= 500 ? "Something went wrong on our side." : response_reason(st));
	else if (st != REQ_DONE || !r->status)
		response_error(r, 500, "Something went wrong on our side.");
}

static void route_and_run(struct worker *w, struct req *r)
{
	const char *uri = req_env(r, "REQUEST_URI");
	if (!uri || !*uri) {
		response_error(r, 400, "The request has no path.");
		return;
	}
	if (strlen(uri) > MAX_URI) {
		response_error(r, 414, "That address is too long.");
		return;
	}
	r->path = split_path(r, uri);
	size_t idx;
	unsigned allowed = 0;
	switch (router_find(w->app->routes, w->app->nroutes, sizeof *w->app->routes, r->method,
			    r->path, r->arena, &idx, &r->params, &allowed)) {
	case ROUTE_FOUND:
		break;
	case ROUTE_NOT_FOUND:
		response_error(r, 404, "We could not find that page.");
		return;
	case ROUTE_BAD_METHOD: {
		char allow[96];
		router_allow_header(allowed, allow, sizeof allow);
		response_header(r, "Allow", allow);
		response_error(r, 405, "That method is not allowed here.");
		return;
	}
	default:
		response_error(r, 400, "That address is not valid.");
		return;
	}
	r->route = &w->app->routes[idx];
	const char *qs = req_env(r, "QUERY_STRING");
	if (qs && kv_parse_form(r->arena, (const uint8_t *)qs, strlen(qs), &form_limits, &r->query) != KV_OK) {
		response_error(r, 400, "The query string is not valid.");
		return;
	}
	int st = r->method != HTTP_GET && r->method != HTTP_HEAD ? read_body(w, r) : 0;
	if (st) {
		response_error(r, st, st == 413 ? "That is more data than this form accepts."
				  : st == 415 ? "That kind of request body is not accepted here."
					      : "The form data is not valid.");
		return;
	}
	const char *cookie = req_env(r, "HTTP_COOKIE");
	if (cookie && kv_parse_cookies(r->arena, (const uint8_t *)cookie, strlen(cookie), &cookie_limits,
				       &r->cookies) != KV_OK)
		r->cookies.n = 0;	/* unusable cookies are ignored, as if absent */
	/* The CSRF field is checked before undeclared fields are dropped. */
	if (!enforce(r))
		return;
	/* Typed input is checked after what the route requires, so the signed-out still get the
	 * login redirect and a forged form its 403, whatever they sent. */
	struct input_problem why;
	int bad = input_validate(r->route->path, r->route->fields, &r->params, &r->query, &r->form, &why);
	if (bad == 404) {
		response_error(r, 404, "We could not find that page.");
		return;
	}
	if (bad) {
		response_error(r, bad, arena_printf(r->arena, "The field \"%s\" %s.", why.field, why.what));
		return;
	}
	/* Who acts is loaded after the checks above, so a stranger never costs a lookup. */
	if ((r->route->needs & NEED_API_KEY) && !actor_api_key(r))
		return;
	if ((r->route->needs & (NEED_BRAND | NEED_CREATOR | NEED_OWNER)) && !actor_load(r))
		return;
	answer(r, r->route->fn(r));
}

/* The body's first capacity: the largest page this worker has sent (up to a bound), so a page is
 * not copied from buffer to doubled buffer as it is written. */
#define BODY_HINT_MAX (256 * 1024)
static size_t body_hint = 16384;

void dispatch(struct worker *w, FCGX_Request *fr)
{
	struct req r;
	memset(&r, 0, sizeof r);
	r.start_us = now_us();
	r.arena = w->arena;
	dbcache_mark();
	r.fcgi = fr;
	r.app = w->app;
	r.db = w->db;
	r.secret = w->secret;
	buf_init(&r.headers, r.arena, 512);
	buf_init(&r.body, r.arena, body_hint);
	const char *m = req_env(&r, "REQUEST_METHOD");
	r.method = router_method(m ? m : "");
	const char *https = req_env(&r, "HTTPS");
	r.https = https && (strcasecmp(https, "on") == 0 || strcmp(https, "1") == 0);
	r.remote_addr = req_env(&r, "REMOTE_ADDR");
	if (!r.remote_addr)
		r.remote_addr = "";
	route_and_run(w, &r);
	gzip_page_choose(&r);
	cache_headers_apply(&r);
	gzip_page_encode(&r);
	if (r.page)
		tmpl_free(r.page);
	response_send(&r);
	if (r.body.len >= body_hint && r.body.len < BODY_HINT_MAX)
		body_hint = r.body.len + 4096;
	log_request(&r);
	metrics_request(&r);
}
