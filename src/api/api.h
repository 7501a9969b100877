/* api.h: the Shopping API program (/api/v1/): JSON in and out (jansson), errors as RFC 9457
 * problem documents, every request authenticated by a brand's bearer key and rate-limited by
 * the dispatcher (NEED_API_KEY), which sets r->brand. */
#ifndef CC_API_H
#define CC_API_H
#include <jansson.h>
#include "web/http.h"

/* The handler's own cap on JSON bodies; the route's max_body (larger) is the dispatcher's. */
#define API_MAX_BODY (256 * 1024)
#define API_ROUTE_MAX_BODY (1024 * 1024)
#define API_MAX_LIMIT 100
#define API_DEFAULT_LIMIT 50

/* The JSON object in the body: false with a problem made (415, 413, 400 bad JSON). */
bool api_body(struct req *r, json_t **out);

/* Sends v (stolen: decref'd here) as application/json. */
void api_json(struct req *r, int status, json_t *v);
/* An application/problem+json answer; field may be NULL. */
void api_problem(struct req *r, int status, const char *field, const char *detail);

/* "YYYY-MM-DD hh:mm:ss" (UTC, from the database) as RFC 3339 "YYYY-MM-DDThh:mm:ssZ". */
json_t *api_time(const char *db_time);
/* Strict RFC 3339 UTC ("2026-11-25T07:00:00Z", optional fraction, Z or +00:00) into the
 * database form; false if malformed. */
bool api_parse_time(const char *s, char out[20]);
/* Opaque page cursors: a product id in, base64url text out, and back. */
const char *api_cursor(struct req *r, long long id);
bool api_cursor_id(const char *s, long long *id);

json_t *api_money(struct req *r, long long minor, const char *currency);

int api_products_list(struct req *r);
int api_products_create(struct req *r);
int api_product_get(struct req *r);
int api_product_update(struct req *r);
int api_product_delete(struct req *r);
int api_variants_list(struct req *r);
int api_variants_create(struct req *r);
int api_variant_update(struct req *r);
int api_orders_list(struct req *r);
int api_order_get(struct req *r);
void api_error(struct req *r, int status, const char *message);

#endif
