/* woo_api.h: the calls crowdcart makes to a WooCommerce shop's REST API v3 (/wp-json/wc/v3),
 * authenticated by the consumer key and secret as HTTP basic auth over HTTPS, as WooCommerce
 * documents; built and read here, the transport being the caller's (struct connector_http). */
#ifndef CC_WOO_API_H
#define CC_WOO_API_H
#include <stdbool.h>
#include <jansson.h>
#include "domain/connectors/shopify_api.h"
#include "domain/connectors/connector_page.h"

#define WOO_TIMEOUT_MS 15000L
#define WOO_PAGE 50		/* products a page (WooCommerce allows 1 to 100) */
#define WOO_RETRIES 5		/* 429 answers waited out in place before the call counts as failed */

struct woo_shop {
	const char *url;	/* "https://shop.example" (no trailing '/') */
	const char *key, *secret;	/* the consumer key and secret, opened */
};

struct woo_answer {
	json_t *root;		/* the JSON answer when CONNECTOR_FETCH_OK; the caller decrefs it */
	int status;
	long long total, total_pages;	/* X-WP-Total and X-WP-TotalPages; -1 when absent */
	long wait_ms;		/* Retry-After, when WAIT */
	char error[200];	/* why, when not OK: never a credential */
};

/* The shop's address as typed ("Shop.Example/store/", "https://shop.example") reduced to
 * "https://shop.example/store" in out; false when it is not an https address of a named host (an
 * IP address, a port, credentials or a query are refused: WooCommerce's basic auth needs HTTPS). */
bool woo_api_shop(const char *typed, char out[256]);

/* The sealed token of a WooCommerce connector is "key:secret": split in place. */
bool woo_api_split_token(char *token, struct woo_shop *s);
/* ... and joined, for sealing; false when too long for out or either part is empty or has ':'. */
bool woo_api_join_token(const char *key, const char *secret, char *out, size_t outsz);

/* GET (body NULL) or POST (body stolen) path under /wp-json/wc/v3, e.g. "/products?page=2&per_page=50".
 * A 429 is waited out (its Retry-After, at most 10 s) and asked again, WOO_RETRIES times. */
enum connector_fetch woo_api_call(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				  const char *path, json_t *body, struct woo_answer *out);

/* Reads an answer: the status, WooCommerce's {code, message, data:{status}} errors, the JSON, the
 * paging headers (values or NULL). Exposed for the unit tests. */
enum connector_fetch woo_api_read(int status, const char *body, size_t len, const char *total,
				  const char *total_pages, const char *retry_after, struct woo_answer *out);

#endif
