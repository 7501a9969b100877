/* response.c: build and send the response; every response carries the same security headers. */
#include <stdio.h>
#include <string.h>
#include "lib/config.h"
#include "web/layout.h"
#include "web/response.h"
#include "web/secure_headers.h"

/* No inline script or style anywhere, so the policy can forbid them outright. */
static const char security_headers[] =
	"Content-Security-Policy: default-src 'self'; img-src 'self' https: data:; "
	"media-src 'self' https: blob:; style-src 'self'; script-src 'self'; object-src 'none'; "
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"Referrer-Policy: strict-origin-when-cross-origin\r\n"
	"X-Frame-Options: DENY\r\n"
	/* Nothing here uses these; denying them means injected markup cannot ask for them either. */
	"Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()\r\n";

/* A year, as the HSTS preload list asks; 0 in the config turns the header off. */
#define HSTS_MAX_AGE_DEFAULT 31536000L

bool response_secure(const struct req *r)
{
	return r->https || secure_headers_https_site(config_str("base_url", ""));
}

const char *response_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Content Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

static bool header_safe(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

static void response_header_line(struct buf *b, const char *name, const char *value)
{
	buf_puts(b, name);
	buf_put(b, ": ", 2);
	buf_puts(b, value);
	buf_put(b, "\r\n", 2);
}

void response_header(struct req *r, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value))
		return;	/* never let a value split the header block */
	/* Appended, not printed: a page sends a handful of headers, and vsnprintf's format parsing
	 * (twice: measure, then write) cost more than the bytes. */
	response_header_line(&r->headers, name, value);
}

void response_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	if (!header_safe(value) || strpbrk(value, ";, "))
		return;
	struct buf *h = &r->headers;
	buf_puts(h, "Set-Cookie: ");
	buf_puts(h, name);
	buf_putc(h, '=');
	buf_puts(h, value);
	buf_puts(h, "; Path=/; HttpOnly; SameSite=Lax");
	if (response_secure(r))
		buf_puts(h, "; Secure");
	if (max_age >= 0) {
		buf_puts(h, "; Max-Age=");
		buf_put_ulong(h, (unsigned long long)max_age);
	}
	buf_put(h, "\r\n", 2);
}

void response_redirect(struct req *r, const char *path)
{
	/* Local paths only: "//host" and "/\host" would leave the site. */
	if (path[0] != '/' || path[1] == '/' || path[1] == '\\')
		path = "/";
	r->status = 303;
	response_header(r, "Location", path);
	r->body.len = 0;
}

void response_text(struct req *r, int status, const char *content_type, const char *text)
{
	r->status = status;
	r->content_type = content_type;
	r->body.len = 0;
	buf_puts(&r->body, text);
}

void response_error(struct req *r, int status, const char *message)
{
	if (r->app->error) {
		r->body.len = 0;
		r->app->error(r, status, message);
		return;
	}
	if (r->page) {	/* a half-built page is abandoned */
		tmpl_free(r->page);
		r->page = NULL;
	}
	r->body.len = 0;
	tmpl_dict *d = layout_begin(r, "error.tpl", response_reason(status));
	tmpl_set_int(d, "STATUS", status);
	tmpl_set(d, "REASON", response_reason(status));
	tmpl_set(d, "MESSAGE", message);
	/* A missing page offers a way on (a search, the main links) rather than a dead end. */
	tmpl_add(d, status == 404 ? "NOT_FOUND" : "OTHER");
	layout_end(r, status);
}

void response_db_error(struct req *r, enum db_status s)
{
	/* A program with its own error format (the API) is read by programs, not shoppers. */
	bool machine = r->app->error != NULL;
	if (db_transient(s)) {
		response_header(r, "Retry-After", "2");
		response_error(r, 503, machine ? "The database is not available; try again shortly."
					   : "The shop is catching its breath. Please try again in a moment.");
	} else {
		response_error(r, 500, machine ? "Something went wrong on our side."
					   : "Something went wrong on our side. Please try again.");
	}
}

static void put(FCGX_Stream *out, const char *s, size_t n)
{
	if (n)
		FCGX_PutStr(s, (int)n, out);
}

void response_send(struct req *r)
{
	struct buf h;
	buf_init(&h, r->arena, 1024);
	buf_puts(&h, "Status: ");
	buf_put_ulong(&h, (unsigned)r->status);
	buf_putc(&h, ' ');
	buf_puts(&h, response_reason(r->status));
	buf_put(&h, "\r\n", 2);
	buf_put(&h, security_headers, sizeof security_headers - 1);
	/* Decided once: the config does not change while a worker lives. */
	static char hsts[64];
	static enum { HSTS_UNKNOWN, HSTS_OFF, HSTS_ON } hsts_state;
	if (hsts_state == HSTS_UNKNOWN)
		hsts_state = secure_headers_hsts(config_str("base_url", ""),
						 config_int("hsts_max_age", HSTS_MAX_AGE_DEFAULT, 0, 2 * HSTS_MAX_AGE_DEFAULT),
						 hsts, sizeof hsts) ? HSTS_ON : HSTS_OFF;
	if (hsts_state == HSTS_ON)
		response_header_line(&h, "Strict-Transport-Security", hsts);
	/* A handler that chose its own (no-store for a download, say) is not contradicted. */
	if (!memmem(r->headers.p, r->headers.len, "Cache-Control:", 14))
		response_header_line(&h, "Cache-Control", secure_headers_cache_control(r->sess.present || r->api_key_id));
	if (r->status != 204 && r->status != 304) {
		response_header_line(&h, "Content-Type", r->content_type ? r->content_type : "text/html; charset=utf-8");
		buf_puts(&h, "Content-Length: ");
		buf_put_ulong(&h, r->body.len);
		buf_put(&h, "\r\n", 2);
	}
	buf_put(&h, r->headers.p, r->headers.len);
	buf_puts(&h, "\r\n");
	put(r->fcgi->out, h.p, h.len);
	if (r->method != HTTP_HEAD)
		put(r->fcgi->out, r->body.p, r->body.len);
}
