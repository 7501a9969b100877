/* outbound.c: one provider API call with libcurl: resolve here, refuse non-public addresses
 * (netcheck), pin the checked addresses with CURLOPT_RESOLVE, verify TLS, keep the answer in the
 * request's arena. Resolving here instead of in curl also keeps curl from starting its resolver
 * thread, which the workers' system call filter would kill (clone is not allowed). */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <curl/curl.h>
#include "lib/buf.h"
#include "lib/config.h"
#include "lib/netcheck.h"
#include "web/outbound.h"

static struct outbound_policy policy;

bool outbound_init(void)
{
	policy.allow = config_str("outbound_allow_private", "");
	policy.ca_file = config_str("outbound_ca_file", NULL);
	if (!netcheck_allow_valid(policy.allow)) {
		fprintf(stderr, "outbound: outbound_allow_private is not a list of CIDRs like 10.0.0.0/8, fd00::/8\n");
		return false;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "outbound: curl_global_init failed\n");
		return false;
	}
	return true;
}

const struct outbound_policy *outbound_policy(void)
{
	return &policy;
}

struct sink {
	struct buf b;
	bool over;
};

static size_t keep(char *p, size_t size, size_t nmemb, void *ctx)
{
	struct sink *s = ctx;
	size_t n = size * nmemb;
	if (s->b.len + n > OUTBOUND_BODY_CAP) {
		s->over = true;
		return 0;	/* ends the transfer */
	}
	buf_put(&s->b, p, n);
	return n;
}

/* The scheme, host and port of url, for the error text and the resolver: never the path or the
 * query, which may carry ids the log has no need of. */
static bool split_url(const char *url, char *host, size_t hostsz, char *port, size_t portsz, char *origin,
		      size_t originsz)
{
	CURLU *u = curl_url();
	char *h = NULL, *p = NULL, *s = NULL;
	bool ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
		  curl_url_get(u, CURLUPART_SCHEME, &s, 0) == CURLUE_OK &&
		  curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK &&
		  curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) == CURLUE_OK &&
		  (strcmp(s, "http") == 0 || strcmp(s, "https") == 0);
	if (ok) {
		/* curl gives IPv6 hosts in brackets; getaddrinfo wants them bare. */
		size_t n = strlen(h);
		const char *bare = h;
		if (n > 2 && h[0] == '[' && h[n - 1] == ']')
			bare = h + 1, n -= 2;
		ok = n < hostsz && strlen(p) < portsz;
		if (ok) {
			memcpy(host, bare, n);
			host[n] = '\0';
			snprintf(port, portsz, "%s", p);
			snprintf(origin, originsz, "%s://%s:%s", s, h, p);
		}
	}
	curl_free(h);
	curl_free(p);
	curl_free(s);
	curl_url_cleanup(u);
	return ok;
}

void outbound_guard(CURL *c, const char *ca_file, struct curl_slist *resolve, long connect_ms, long total_ms)
{
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_PROXY, "");	/* never an *_proxy from the environment */
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, total_ms);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (ca_file && *ca_file)
		curl_easy_setopt(c, CURLOPT_CAINFO, ca_file);
	curl_easy_setopt(c, CURLOPT_RESOLVE, resolve);
}

enum outbound_pin outbound_resolve(const char *host, const char *port, const char *allow, char *pin, size_t pinsz,
				   char *err, size_t errsz)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM }, *ai = NULL;
	int g = getaddrinfo(host, port, &hints, &ai);
	if (g != 0) {
		snprintf(err, errsz, "cannot resolve host: %s", gai_strerror(g));
		return OUTBOUND_PIN_FAILED;
	}
	enum netcheck_pin v = netcheck_pin(ai, host, port, allow, pin, pinsz, err, errsz);
	freeaddrinfo(ai);
	if (v == NETCHECK_PIN_EMPTY)
		snprintf(err, errsz, "no address for the host");
	if (v != NETCHECK_PIN_OK)
		return v == NETCHECK_PIN_BLOCKED ? OUTBOUND_PIN_BLOCKED : OUTBOUND_PIN_FAILED;
	struct netcheck_addr lit;
	if (netcheck_literal(host, &lit))
		pin[0] = '\0';	/* curl does not resolve a literal, and "::1:80:..." would not parse */
	return OUTBOUND_PIN_OK;
}

static void fail(struct outcall_res *res, const char *origin, const char *why)
{
	res->status = 0;
	snprintf(res->error, sizeof res->error, "%.80s: %.110s", origin, why);
}

void outbound_call(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res)
{
	const struct outbound_policy *pol = ctx ? ctx : &policy;
	res->status = 0;
	res->body = "";
	res->body_len = 0;
	res->error[0] = '\0';
	memset(res->header_values, 0, sizeof res->header_values);
	char host[256], port[8], origin[300];
	if (!req->url || !split_url(req->url, host, sizeof host, port, sizeof port, origin, sizeof origin)) {
		snprintf(res->error, sizeof res->error, "not an http(s) URL");
		return;
	}
	char pin[1024], why[OUTCALL_ERR_LEN];
	if (outbound_resolve(host, port, pol->allow, pin, sizeof pin, why, sizeof why) != OUTBOUND_PIN_OK) {
		fail(res, origin, why);
		return;
	}
	/* One handle per process, reset between calls: it keeps the connection to the provider (and
	 * the TLS session) from one request to the next, which saves a handshake per checkout. A kept
	 * connection only ever goes to an address that was checked when it was opened. */
	static CURL *kept;
	CURL *c = kept ? kept : (kept = curl_easy_init());
	if (c)
		curl_easy_reset(c);
	if (!c) {
		fail(res, origin, "cannot start the HTTP client");
		return;
	}
	struct curl_slist *hdr = curl_slist_append(NULL, "Expect:"), *resolve = *pin ? curl_slist_append(NULL, pin) : NULL;
	for (size_t i = 0; i < OUTCALL_MAX_HEADERS && req->headers[i]; i++)
		hdr = curl_slist_append(hdr, req->headers[i]);
	long total = req->timeout_ms > 0 && req->timeout_ms < OUTBOUND_TOTAL_MS ? req->timeout_ms : OUTBOUND_TOTAL_MS;
	long conn = total < OUTBOUND_CONNECT_MS ? total : OUTBOUND_CONNECT_MS;
	struct sink s = { .over = false };
	buf_init(&s.b, a, 4096);
	curl_easy_setopt(c, CURLOPT_URL, req->url);
	outbound_guard(c, pol->ca_file, resolve, conn, total);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "crowdcart/1");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	if (req->user) {
		curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c, CURLOPT_USERNAME, req->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, req->password ? req->password : "");
	}
	bool post = req->body || (req->method && strcmp(req->method, "POST") == 0);
	if (post) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body ? req->body : "");
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(req->body ? req->body_len : 0));
	}
	if (req->method && strcmp(req->method, post ? "POST" : "GET") != 0)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req->method);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	CURLcode rc = curl_easy_perform(c);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (s.over)
		fail(res, origin, "the answer is longer than the cap");
	else if (rc != CURLE_OK || status < 100 || status > 599)
		/* curl's texts name the host and the reason, never the path, headers or credentials */
		fail(res, origin, curl_easy_strerror(rc));
	else {
		res->status = (int)status;
		res->body = buf_cstr(&s.b);
		res->body_len = s.b.len;
		/* Paging and rate-limit answers (X-WP-TotalPages, Retry-After) ride on headers. */
		struct curl_header *h;
		for (size_t i = 0; i < OUTCALL_READ_HEADERS && req->read_headers[i]; i++)
			if (curl_easy_header(c, req->read_headers[i], 0, CURLH_HEADER, -1, &h) == CURLHE_OK)
				res->header_values[i] = arena_strdup(a, h->value);
	}
	curl_slist_free_all(hdr);
	curl_slist_free_all(resolve);
}
