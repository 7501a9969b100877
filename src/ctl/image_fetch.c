/* image_fetch.c: one capped GET of an imported picture with libcurl behind the outbound guard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>
#include "lib/image_sniff.h"
#include "web/outbound.h"
#include "domain/leads/webhook_out.h"
#include "ctl/image_fetch.h"

#define FETCH_CONNECT_MS 5000L
#define FETCH_TOTAL_MS 20000L

struct sink {
	uint8_t *p;
	size_t len, cap;
	bool over;
};

static size_t collect(char *p, size_t size, size_t nmemb, void *ctx)
{
	struct sink *s = ctx;
	size_t n = size * nmemb;
	if (s->len + n > IMAGE_MAX_BYTES) {
		s->over = true;
		return 0;	/* ends the transfer */
	}
	if (s->len + n > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 65536;
		while (cap < s->len + n)
			cap *= 2;
		uint8_t *q = realloc(s->p, cap);
		if (!q)
			return 0;
		s->p = q;
		s->cap = cap;
	}
	memcpy(s->p + s->len, p, n);
	s->len += n;
	return n;
}

bool image_fetch(const char *url, const char *allow, struct image_fetched *out, bool *permanent,
		 char err[IMAGE_FETCH_ERR_LEN])
{
	*out = (struct image_fetched){ 0 };
	*permanent = true;
	err[0] = '\0';
	struct webhook_url u;
	if (!webhook_url_parse(url, &u)) {
		snprintf(err, IMAGE_FETCH_ERR_LEN, "not an http(s) URL this shop fetches");
		return false;
	}
	char pin[1024];
	enum outbound_pin v = outbound_resolve(u.host, u.port, allow, pin, sizeof pin, err, IMAGE_FETCH_ERR_LEN);
	if (v != OUTBOUND_PIN_OK) {
		*permanent = v == OUTBOUND_PIN_BLOCKED;
		return false;
	}
	CURL *c = curl_easy_init();
	if (!c) {
		*permanent = false;
		snprintf(err, IMAGE_FETCH_ERR_LEN, "cannot start the HTTP client");
		return false;
	}
	struct curl_slist *res = *pin ? curl_slist_append(NULL, pin) : NULL;
	struct sink s = { 0 };
	char ebuf[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_URL, u.url);
	outbound_guard(c, outbound_policy()->ca_file, res, FETCH_CONNECT_MS, FETCH_TOTAL_MS);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "crowdcart-images/1");
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)IMAGE_MAX_BYTES);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	CURLcode rc = curl_easy_perform(c);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	bool ok = false;
	if (s.over || rc == CURLE_FILESIZE_EXCEEDED)
		snprintf(err, IMAGE_FETCH_ERR_LEN, "the picture is larger than %u MiB", IMAGE_MAX_BYTES >> 20);
	else if (rc != CURLE_OK) {
		*permanent = false;
		snprintf(err, IMAGE_FETCH_ERR_LEN, "%s%s%s", curl_easy_strerror(rc), *ebuf ? ": " : "", ebuf);
	} else if (status != 200) {
		*permanent = status >= 400 && status < 500 && status != 408 && status != 429;
		snprintf(err, IMAGE_FETCH_ERR_LEN, "HTTP %ld", status);
	} else if (s.len == 0)
		snprintf(err, IMAGE_FETCH_ERR_LEN, "the answer was empty");
	else
		ok = true;
	curl_slist_free_all(res);
	curl_easy_cleanup(c);
	if (!ok) {
		free(s.p);
		return false;
	}
	out->data = s.p;
	out->len = s.len;
	return true;
}
