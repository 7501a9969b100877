/* shopify_api.h: the calls crowdcart makes to a shop's Admin GraphQL API, built and read here;
 * the transport is the caller's (struct connector_http: web/outbound.h's outbound_call in the
 * worker, a fake in unit tests), so this file does no I/O. */
#ifndef CC_SHOPIFY_API_H
#define CC_SHOPIFY_API_H
#include <stdbool.h>
#include <jansson.h>
#include "lib/arena.h"
#include "lib/outcall.h"

#define SHOPIFY_API_VERSION "2025-01"
#define SHOPIFY_PAGE 50		/* products per query: 50 x (1 + 10 + 2) + 2 = 652 points of 2,000 */
#define SHOPIFY_TIMEOUT_MS 15000L

struct connector_http {
	void (*call)(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res);
	void *ctx;
};

struct shopify_shop {
	const char *shop;	/* "name.myshopify.com" */
	const char *token;	/* the Admin API access token, opened */
};

enum shopify_result {
	SHOPIFY_OK,
	SHOPIFY_THROTTLED,	/* wait wait_ms, then ask again */
	SHOPIFY_REFUSED,	/* the token is wrong or lacks a scope: asking again will not help */
	SHOPIFY_FAILED,		/* the network or the shop failed: try again later */
};

struct shopify_page {
	json_t *root;		/* owns what follows; json_decref when done */
	json_t *edges;		/* [{ cursor, node }] */
	const char *end_cursor;	/* "" at the end */
	bool has_next;
	long long total;	/* productsCount, -1 when not asked */
	long wait_ms;		/* how long the cost bucket needs to afford the next page (0: now) */
	char error[200];	/* why, when not SHOPIFY_OK: never the token */
};

/* The shop address as typed ("Name.myshopify.com", "https://name.myshopify.com/") reduced to
 * "name.myshopify.com" in out; false when it is not a *.myshopify.com address. */
bool shopify_api_shop(const char *typed, char out[256]);

/* One page of products after `after` (NULL: from the start), with productsCount when `count`. */
enum shopify_result shopify_api_products(const struct connector_http *http, struct arena *a,
					 const struct shopify_shop *s, const char *after, bool count,
					 struct shopify_page *out);

/* Any other query or mutation: vars is stolen (json_decref'd). SHOPIFY_OK with *root (the caller
 * decrefs it) holding data; otherwise out_error says why and *root is NULL. */
enum shopify_result shopify_api_graphql(const struct connector_http *http, struct arena *a,
					const struct shopify_shop *s, const char *query, json_t *vars, json_t **root,
					long *wait, char error[200]);

/* Reads a GraphQL answer (status and body) into out: the throttle, errors, and the products
 * page. Exposed for the unit tests. */
enum shopify_result shopify_api_read_products(int status, const char *body, size_t len, struct shopify_page *out);

#endif
