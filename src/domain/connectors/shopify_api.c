/* shopify_api.c: the Admin GraphQL products query, and reading its answer: the page, the cursor,
 * and the cost-based throttle (extensions.cost.throttleStatus; an answer of errors with code
 * THROTTLED costs nothing and means "ask again once the bucket has refilled"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/connectors/shopify_api.h"
#include "lib/config.h"

static const char products_query[] =
	"query ($first: Int!, $after: String) { products(first: $first, after: $after, sortKey: ID) {"
	" edges { cursor node { id handle title descriptionHtml vendor productType tags status"
	" options { name position }"
	" media(first: 20) { nodes { ... on MediaImage { image { url altText } } } }"
	" variants(first: 100) { nodes { id sku barcode price compareAtPrice inventoryQuantity inventoryPolicy"
	" selectedOptions { name value } image { url } inventoryItem { id } } } } }"
	" pageInfo { hasNextPage endCursor } }";
static const char count_query[] = " productsCount { count } }";

bool shopify_api_shop(const char *typed, char out[256])
{
	const char *s = typed;
	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "https://", 8) == 0)
		s += 8;
	size_t n = 0;
	for (; s[n] && s[n] != '/' && !isspace((unsigned char)s[n]); n++) {
		char c = (char)tolower((unsigned char)s[n]);
		if (n == 255 || !(isalnum((unsigned char)c) || c == '-' || c == '.'))
			return false;
		out[n] = c;
	}
	out[n] = '\0';
	for (const char *t = s + n; *t; t++)
		if (*t != '/' && !isspace((unsigned char)*t))
			return false;
	static const char suffix[] = ".myshopify.com";
	size_t k = sizeof suffix - 1;
	if (n <= k || strcmp(out + n - k, suffix) != 0)
		return false;
	/* one label before the suffix, not starting or ending with '-' */
	for (size_t i = 0; i < n - k; i++)
		if (out[i] == '.')
			return false;
	return out[0] != '-' && out[n - k - 1] != '-';
}

/* The API's address: the shop's own, or in a test configuration the simulator's. */
static const char *endpoint(struct arena *a, const char *shop)
{
	const char *base = config_str("shopify_api_base", NULL);
	return base && *base ? arena_printf(a, "%s/admin/api/" SHOPIFY_API_VERSION "/graphql.json", base)
			     : arena_printf(a, "https://%s/admin/api/" SHOPIFY_API_VERSION "/graphql.json", shop);
}

static long throttle_wait(json_t *root)
{
	json_t *cost = json_object_get(json_object_get(root, "extensions"), "cost");
	json_t *ts = json_object_get(cost, "throttleStatus");
	double avail = json_number_value(json_object_get(ts, "currentlyAvailable"));
	double rate = json_number_value(json_object_get(ts, "restoreRate"));
	double want = json_number_value(json_object_get(cost, "requestedQueryCost"));
	if (!ts || rate <= 0 || avail >= want)
		return 0;
	return (long)((want - avail) / rate * 1000.0) + 100;
}

/* The status, the JSON and the errors of any answer; *root set (and owned by the caller) when it
 * is a JSON object. */
static enum shopify_result read_answer(int status, const char *body, size_t len, json_t **root, long *wait,
				       char error[200])
{
	*root = NULL;
	*wait = 0;
	if (status == 401 || status == 403) {
		snprintf(error, 200, "the shop refused the access token (HTTP %d)", status);
		return SHOPIFY_REFUSED;
	}
	if (status == 429) {
		*wait = 2000;
		snprintf(error, 200, "the shop asked to slow down (HTTP 429)");
		return SHOPIFY_THROTTLED;
	}
	if (status != 200) {
		snprintf(error, 200, status ? "the shop answered HTTP %d" : "the shop did not answer", status);
		return SHOPIFY_FAILED;
	}
	json_error_t jerr;
	json_t *j = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!json_is_object(j)) {
		json_decref(j);
		snprintf(error, 200, "the shop's answer is not JSON");
		return SHOPIFY_FAILED;
	}
	*root = j;
	*wait = throttle_wait(j);
	json_t *errors = json_object_get(j, "errors");
	if (!errors)
		return SHOPIFY_OK;
	json_t *e0 = json_array_get(errors, 0);
	const char *code = json_string_value(json_object_get(json_object_get(e0, "extensions"), "code"));
	const char *msg = json_string_value(json_object_get(e0, "message"));
	if (code && strcmp(code, "THROTTLED") == 0) {
		*wait = *wait > 0 ? *wait : 1000;
		snprintf(error, 200, "throttled by the shop's cost limit");
		return SHOPIFY_THROTTLED;
	}
	if (code && strcmp(code, "ACCESS_DENIED") == 0) {
		snprintf(error, 200, "the access token lacks a scope this needs (read_products, write_orders)");
		return SHOPIFY_REFUSED;
	}
	snprintf(error, 200, "the shop refused the query: %.120s", msg ? msg : json_is_string(errors) ?
		 json_string_value(errors) : "(no message)");
	return SHOPIFY_FAILED;
}

enum shopify_result shopify_api_read_products(int status, const char *body, size_t len, struct shopify_page *out)
{
	memset(out, 0, sizeof *out);
	out->total = -1;
	out->end_cursor = "";
	enum shopify_result r = read_answer(status, body, len, &out->root, &out->wait_ms, out->error);
	if (r != SHOPIFY_OK)
		return r;
	json_t *data = json_object_get(out->root, "data");
	json_t *products = json_object_get(data, "products");
	out->edges = json_object_get(products, "edges");
	json_t *info = json_object_get(products, "pageInfo");
	if (!json_is_array(out->edges) || !json_is_object(info)) {
		snprintf(out->error, sizeof out->error, "the shop's answer has no products page");
		return SHOPIFY_FAILED;
	}
	out->has_next = json_is_true(json_object_get(info, "hasNextPage"));
	const char *cur = json_string_value(json_object_get(info, "endCursor"));
	out->end_cursor = cur ? cur : "";
	json_t *count = json_object_get(json_object_get(data, "productsCount"), "count");
	if (json_is_integer(count))
		out->total = json_integer_value(count);
	return SHOPIFY_OK;
}

/* POSTs {query, variables} (vars stolen) and hands back the answer. */
static void post(const struct connector_http *http, struct arena *a, const struct shopify_shop *s, const char *query,
		 json_t *vars, struct outcall_res *res)
{
	json_t *req = json_pack("{s:s,s:o}", "query", query, "variables", vars ? vars : json_object());
	char *body = req ? json_dumps(req, JSON_COMPACT) : NULL;
	json_decref(req);
	const char *payload = body ? arena_strdup(a, body) : "";
	free(body);
	struct outcall_req rq = { .method = "POST", .url = endpoint(a, s->shop), .body = payload,
				  .body_len = strlen(payload), .timeout_ms = SHOPIFY_TIMEOUT_MS };
	rq.headers[0] = "Content-Type: application/json";
	rq.headers[1] = "Accept: application/json";
	rq.headers[2] = arena_printf(a, "X-Shopify-Access-Token: %s", s->token);
	memset(res, 0, sizeof *res);
	http->call(http->ctx, a, &rq, res);
}

enum shopify_result shopify_api_graphql(const struct connector_http *http, struct arena *a,
					const struct shopify_shop *s, const char *query, json_t *vars, json_t **root,
					long *wait, char error[200])
{
	struct outcall_res res;
	post(http, a, s, query, vars, &res);
	enum shopify_result r = read_answer(res.status, res.body, res.body_len, root, wait, error);
	if (res.status == 0 && *res.error)
		snprintf(error, 200, "the shop did not answer: %.150s", res.error);
	if (r != SHOPIFY_OK) {
		json_decref(*root);
		*root = NULL;
	}
	return r;
}

enum shopify_result shopify_api_products(const struct connector_http *http, struct arena *a,
					 const struct shopify_shop *s, const char *after, bool count,
					 struct shopify_page *out)
{
	json_t *vars = json_pack("{s:i}", "first", SHOPIFY_PAGE);
	json_object_set_new(vars, "after", after && *after ? json_string(after) : json_null());
	/* productsCount rides on the query: the closing brace moves after it. */
	char *q = arena_printf(a, "%.*s%s", (int)(sizeof products_query - (count ? 2 : 1)), products_query,
			       count ? count_query : "");
	struct outcall_res res;
	post(http, a, s, q, vars, &res);
	enum shopify_result r = shopify_api_read_products(res.status, res.body, res.body_len, out);
	if (res.status == 0 && *res.error)
		snprintf(out->error, sizeof out->error, "the shop did not answer: %.150s", res.error);
	return r;
}
