/* secure_headers.h: the response headers that depend on how the shop is published (HTTPS by
 * base_url or by the server) and on whose page it is (a session's pages are never stored). */
#ifndef CC_SECURE_HEADERS_H
#define CC_SECURE_HEADERS_H
#include <stdbool.h>

/* True when base_url says the shop is published over HTTPS. TLS usually ends at a proxy in
 * front, which may not pass HTTPS=on, so the configured address is the surer sign. */
bool secure_headers_https_site(const char *base_url);
/* The Strict-Transport-Security value for this base_url and max-age (seconds), or NULL when
 * none is to be sent: the site is not HTTPS, or max_age is 0 (the operator turned it off). */
const char *secure_headers_hsts(const char *base_url, long max_age, char *out, unsigned outlen);
/* Cache-Control for a page: "no-store" when it belongs to a session or an API key (a signed-in
 * page, a cart, a checkout, an order), so neither the browser's disk nor a shared cache keeps it;
 * "private, no-cache" for pages anyone may see. */
const char *secure_headers_cache_control(bool personal);

#endif
