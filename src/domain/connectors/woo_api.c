/* woo_api.c: WooCommerce REST API v3 requests and answers: basic auth, the paging headers
 * (X-WP-Total, X-WP-TotalPages), errors as {code, message, data: {status}}, 429 and Retry-After. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "domain/connectors/woo_api.h"
#include "lib/config.h"

#define MAX_RETRY_AFTER_MS 10000L

static bool host_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '.';
}

static bool path_char(char c)
{
	return isalnum((unsigned char)c) || strchr("-._~/", c) != NULL;
}

bool woo_api_shop(const char *typed, char out[256])
{
	const char *s = typed;
	while (isspace((unsigned char)*s))
		s++;
	if (strncasecmp(s, "https://", 8) == 0)
		s += 8;
	else if (strstr(s, "://"))
		return false;
	size_t n = (size_t)snprintf(out, 256, "https://");
	size_t host = n, dots = 0;
	bool letter = false;
	for (; *s && *s != '/' && !isspace((unsigned char)*s); s++) {
		if (!host_char(*s) || n >= 200)
			return false;
		dots += *s == '.';
		letter |= isalpha((unsigned char)*s) != 0;
		out[n++] = (char)tolower((unsigned char)*s);
	}
	/* A named host with a dot, not an IP address, not starting or ending with '.' or '-'. */
	if (n == host || !dots || !letter || strchr(".-", out[host]) || strchr(".-", out[n - 1]))
		return false;
	for (; *s && !isspace((unsigned char)*s); s++) {
		if (!path_char(*s) || n >= 250 || (*s == '.' && s[1] == '.'))
			return false;
		out[n++] = *s;
	}
	while (n > host && out[n - 1] == '/')
		n--;
	out[n] = '\0';
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

bool woo_api_split_token(char *token, struct woo_shop *s)
{
	char *colon = strchr(token, ':');
	if (!colon || colon == token || !colon[1])
		return false;
	*colon = '\0';
	s->key = token;
	s->secret = colon + 1;
	return true;
}

bool woo_api_join_token(const char *key, const char *secret, char *out, size_t outsz)
{
	if (!*key || !*secret || strchr(key, ':'))
		return false;
	int n = snprintf(out, outsz, "%s:%s", key, secret);
	return n > 0 && (size_t)n < outsz;
}

static long long header_int(const char *v)
{
	if (!v)
		return -1;
	char *end;
	long long n = strtoll(v, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	return end != v && !*end && n >= 0 ? n : -1;
}

enum connector_fetch woo_api_read(int status, const char *body, size_t len, const char *total,
				  const char *total_pages, const char *retry_after, struct woo_answer *out)
{
	memset(out, 0, sizeof *out);
	out->status = status;
	out->total = header_int(total);
	out->total_pages = header_int(total_pages);
	if (status == 429) {
		long long s = header_int(retry_after);
		/* Retry-After may also be an HTTP date: then a few seconds is as good a guess as any */
		out->wait_ms = s < 0 ? 5000 : s * 1000 > MAX_RETRY_AFTER_MS ? MAX_RETRY_AFTER_MS : (long)s * 1000;
		snprintf(out->error, sizeof out->error, "the shop asked to slow down (HTTP 429)");
		return CONNECTOR_FETCH_WAIT;
	}
	json_error_t jerr;
	json_t *j = status ? json_loadb(body, len, 0, &jerr) : NULL;
	if (status < 200 || status > 299) {
		const char *code = json_string_value(json_object_get(j, "code"));
		const char *msg = json_string_value(json_object_get(j, "message"));
		if (status == 0)
			snprintf(out->error, sizeof out->error, "the shop did not answer");
		else
			snprintf(out->error, sizeof out->error, "the shop answered HTTP %d%s%.60s%s%.80s", status,
				 code ? " " : "", code ? code : "", msg ? ": " : "", msg ? msg : "");
		json_decref(j);
		return status == 401 || status == 403 ? CONNECTOR_FETCH_REFUSED : CONNECTOR_FETCH_FAILED;
	}
	if (!json_is_array(j) && !json_is_object(j)) {
		json_decref(j);
		snprintf(out->error, sizeof out->error, "the shop's answer is not JSON (is this a WooCommerce site?)");
		return CONNECTOR_FETCH_FAILED;
	}
	out->root = j;
	return CONNECTOR_FETCH_OK;
}

/* The API's root: the shop's own, or in a test configuration the simulator's. */
static const char *endpoint(struct arena *a, const char *url, const char *path)
{
	const char *base = config_str("woocommerce_api_base", NULL);
	return arena_printf(a, "%s/wp-json/wc/v3%s", base && *base ? base : url, path);
}

enum connector_fetch woo_api_call(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
				  const char *path, json_t *body, struct woo_answer *out)
{
	char *payload = body ? json_dumps(body, JSON_COMPACT) : NULL;
	json_decref(body);
	struct outcall_req rq = { .method = body ? "POST" : "GET", .url = endpoint(a, s->url, path),
				  .user = s->key, .password = s->secret, .timeout_ms = WOO_TIMEOUT_MS,
				  .read_headers = { "X-WP-Total", "X-WP-TotalPages", "Retry-After" } };
	size_t h = 0;
	if (payload) {
		rq.body = arena_strdup(a, payload);
		rq.body_len = strlen(payload);
		rq.headers[h++] = "Content-Type: application/json";
		free(payload);
	}
	rq.headers[h] = "Accept: application/json";
	enum connector_fetch r = CONNECTOR_FETCH_FAILED;
	for (int attempt = 0; attempt <= WOO_RETRIES; attempt++) {
		struct outcall_res res;
		memset(&res, 0, sizeof res);
		http->call(http->ctx, a, &rq, &res);
		r = woo_api_read(res.status, res.body, res.body_len, res.header_values[0], res.header_values[1],
				 res.header_values[2], out);
		if (res.status == 0 && *res.error)
			snprintf(out->error, sizeof out->error, "the shop did not answer: %.150s", res.error);
		if (r != CONNECTOR_FETCH_WAIT || attempt == WOO_RETRIES)
			break;
		usleep((useconds_t)out->wait_ms * 1000);
	}
	return r;
}
