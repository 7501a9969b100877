/* response.h: status, headers, cookies, redirects and error pages; sent once at request end. */
#ifndef CC_RESPONSE_H
#define CC_RESPONSE_H
#include "web/http.h"

void response_header(struct req *r, const char *name, const char *value);
/* True when the request came over HTTPS or base_url says the shop is published over it. */
bool response_secure(const struct req *r);
/* Path=/; HttpOnly; SameSite=Lax, plus Secure under HTTPS (response_secure). max_age < 0: a
 * browser-session cookie; 0: delete it. */
void response_cookie(struct req *r, const char *name, const char *value, long max_age);
/* 303 See Other to a local path (must start with a single '/'). */
void response_redirect(struct req *r, const char *path);
void response_text(struct req *r, int status, const char *content_type, const char *text);
/* An error page from error.tpl in the layout; the message is shown escaped. */
void response_error(struct req *r, int status, const char *message);
/* 503 with Retry-After for a transient failure (DB_DOWN, DB_RETRY: db_transient), 500 (and
 * nothing internal) for the rest, DB_CONFLICT included: a handler that expects a conflict answers
 * it itself. */
void response_db_error(struct req *r, enum db_status s);
/* Writes status line, security headers, headers and body (no body for HEAD) to the client. */
void response_send(struct req *r);
const char *response_reason(int status);

#endif
