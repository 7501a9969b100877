/* http.h: one struct req per request, the routing table row, and what a program declares. */
#ifndef CC_HTTP_H
#define CC_HTTP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <fcgiapp.h>
#include "lib/arena.h"
#include "lib/buf.h"
#include "db/db.h"
#include "web/input.h"
#include "web/kv.h"
#include "web/multipart.h"
#include "web/router.h"
#include "web/tmpl.h"
#include "lib/token.h"

struct req;
struct gzip_page;
/* A handler returns REQ_DONE when it made the response itself, or what the dispatcher is to
 * answer, in one place, with the program's error page: an HTTP status (400..599), or
 * req_db_fail(rc) for a database failure (503 with Retry-After when transient, else 500). */
typedef int (*handler_fn)(struct req *r);
#define REQ_DONE 0
/* Database statuses travel as negative numbers, apart from HTTP statuses; DB_OK is no failure
 * to answer, so passing it is a bug answered 500. */
static inline int req_db_fail(enum db_status s)
{
	return s == DB_OK ? 500 : -(int)s;
}

/* What a route requires; the dispatcher enforces it so handlers never re-check. Every request
 * other than GET/HEAD requires a session and a valid CSRF token, unless the request authenticates
 * itself (NEED_SIGNED, NEED_API_KEY). */
enum need {
	/* A page with forms. A visitor without a session gets anonymous tokens (csrf_anon.h): the
	 * session is created by the first form sent, never by a page read. */
	NEED_SESSION = 1 << 0,
	NEED_LOGIN = 1 << 1,	/* signed in, else 303 to /login */
	/* Signed in with role brand or admin, and owning a brand: r->brand (actor.c). */
	NEED_BRAND = 1 << 2,
	/* Signed in with role creator or admin, and having a creator profile: r->creator. */
	NEED_CREATOR = 1 << 3,
	NEED_ADMIN = 1 << 4,
	NEED_NO_DB = 1 << 5,	/* never touches the database (health check, benchmark baseline) */
	/* The body is kept as it came (req.raw_body), of any content type. */
	NEED_RAW_BODY = 1 << 6,
	/* multipart/form-data is accepted too: text parts become form fields (CSRF checked as
	 * usual), file parts go to req.files. For uploads; pair with a larger max_body. */
	NEED_MULTIPART = 1 << 7,
	/* The handler authenticates the request itself (an HMAC-signed webhook): no CSRF token is
	 * asked for and a cookie sent along means nothing. Never for pages a browser posts. */
	NEED_SIGNED = 1 << 8,
	/* A brand's bearer API key, authenticated and rate-limited by the dispatcher: r->brand and
	 * r->api_key_id. Like NEED_SIGNED, no cookie and no CSRF token. */
	NEED_API_KEY = 1 << 9,
	/* Signed in; a creator acts as its creator profile (r->creator), a brand or admin as its
	 * brand (r->brand), as for NEED_CREATOR and NEED_BRAND. Any other account reaches the
	 * handler with neither, so the page can say in its own words what it is for. */
	NEED_OWNER = 1 << 10,
	/* With NEED_BRAND: a member of a brand's team (brand_members), whatever the account's role,
	 * acts as that brand too, with r->brand->member set. Only for the leads centre: every other
	 * brand page stays its owner's. */
	NEED_TEAM = 1 << 11,
};

struct route {
	struct route_pattern pat;	/* first: router_find reads the table through it */
	handler_fn fn;
	unsigned needs;
	const struct field *fields;	/* query and body fields, ended by F_END (input.h) */
	size_t max_body;		/* bytes; 0 means the configured max_body_bytes */
	size_t max_fields;		/* urlencoded body pairs; 0 means the default (200) */
	/* The pattern's "{name}" parameters, typed; ended by F_END. A value that is not of its type
	 * names nothing that exists, so it is a 404, as an unknown id would be. */
	const struct field *path;
	/* The page is the same for every visitor without a session: a shared cache may keep it
	 * (cache_headers.h). Never for a page that shows a visitor, an order or a live feed. */
	bool shared_cache;
};

struct app {
	const char *name;		/* "shop", "studio": picks <name>_db_user from the config */
	const struct route *routes;
	size_t nroutes;
	/* How this program answers errors, including those the dispatcher raises before a handler
	 * runs (404, 405, 413, 503...); NULL for HTML error pages. The JSON API sets it. */
	void (*error)(struct req *r, int status, const char *message);
	/* Called after each response is sent (final = false) and once before the worker exits
	 * (final = true): for work that must not delay a response, such as flushing visit counts. */
	void (*after)(struct db *db, bool final);
	/* Adds what the program shows on every page's layout (the cart count); may be NULL. */
	void (*layout)(struct req *r, tmpl_dict *layout);
	/* Asked before every NEED_ADMIN route, once the role is checked: true lets the request on;
	 * false means it answered (the studio asks admins for two-step sign-in). May be NULL. */
	bool (*admin_gate)(struct req *r);
	/* The program stores uploads under media_dir: its workers' system call filter lets them
	 * create files there (sandbox.h); the others may not create a file at all. */
	bool writes_media;
};

enum role { ROLE_NONE = 0, ROLE_SHOPPER, ROLE_CREATOR, ROLE_BRAND, ROLE_ADMIN };

struct session {
	bool present;		/* a valid, unexpired session row matched the cookie */
	uint8_t token[TOKEN_BYTES];
	uint8_t hash[32];
	long long user_id;	/* 0 when anonymous */
	enum role role;
	const char *user_name;
	char csrf[CSRF_B64_LEN + 1];
};

/* The brand the signed-in account owns, or whose API key authenticated the request (then only
 * id and currency: the API's database account may read no more of a brand). */
struct acting_brand {
	long long id;
	const char *slug, *name, *currency;
	long long return_window_days;
	bool marketplace_open, approval_required;
	long long commission_bps;	/* the default commission offered to creators */
	bool member;	/* acting as a member of the brand's team, not its owner (NEED_TEAM) */
};

/* The signed-in account's creator profile. */
struct acting_creator {
	long long id;
	const char *handle, *name;
};

struct req {
	struct arena *arena;
	FCGX_Request *fcgi;
	const struct app *app;
	struct db *db;
	const uint8_t *secret;	/* 32-byte server secret */

	unsigned method;	/* HTTP_GET ... ; HEAD is reported as HTTP_HEAD */
	const char *path;	/* raw path, without the query string */
	const char *remote_addr;
	bool https;
	const struct route *route;
	struct route_params params;
	struct kvlist query, form, cookies;
	struct mp_list files;	/* NEED_MULTIPART routes: the uploaded files */
	const char *raw_body;	/* NEED_RAW_BODY routes: the body, NUL-terminated */
	size_t raw_len;
	struct session sess;
	/* Who acts (actor.c), loaded once by the dispatcher for the routes that need it; else NULL. */
	const struct acting_brand *brand;
	const struct acting_creator *creator;
	long long api_key_id;	/* NEED_API_KEY: the key that authenticated the request */

	int status;
	struct buf headers;	/* extra response header lines, each ending in \r\n */
	struct buf body;
	const char *content_type;
	tmpl_dict *page;	/* the layout's dictionary while a page is being built */
	tmpl_dict *content;	/* its content template's (an include of the layout) */
	const char *content_tpl, *title;
	const char *keep;	/* layout_keep's key: layout_end keeps the expanded content under it */
	const char *head;	/* layout_head's markup for <head>, kept with the content */
	struct gzip_page *gzip;	/* a kept page's parts deflated once (gzip_page.h), else NULL */
	const char *content_encoding;	/* "gzip" when the body goes out compressed, else NULL */
	const char *etag;	/* the plain body's ETag, once known (cache_headers.h, gzip_page.h) */
	long long start_us;
};

/* ---- reading the request (req.c) ---- */
const char *req_param(const struct req *r, const char *name);	/* path parameter */
/* Typed reads of a declared value, from the path parameters, else the body, else the query
 * string. Whatever the dispatcher let through is already of its type, unless its field has
 * inline_error: then these are how the handler learns the value is bad. */
long long req_id(const struct req *r, const char *name);	/* 0 when absent or not an id */
bool req_int(const struct req *r, const char *name, long long *out);	/* in its declared range */
bool req_money(const struct req *r, const char *name, const char *currency, long long *minor);
const char *req_str(const struct req *r, const char *name);	/* the value as sent, or NULL */
/* True when name was sent, not empty, and not of its declared type: how a page whose field is
 * declared inline_error learns that it has a message to show. */
bool req_invalid(const struct req *r, const char *name);
/* One value of a repeated field (rows of a form), checked against name's declared range. */
bool req_int_value(const struct req *r, const char *name, const char *value, long long *out);
const char *req_query(const struct req *r, const char *name);
const char *req_form(const struct req *r, const char *name);
const char *req_env(const struct req *r, const char *name);

/* Runs the program: parses args (--listen ADDR, --workers N, --conf PATH), loads the config and
 * templates, preforks workers and serves until SIGTERM. */
int worker_main(const struct app *app, int argc, char **argv);

#endif
