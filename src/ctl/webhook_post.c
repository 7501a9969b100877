/* webhook_post.c: one signed webhook POST with libcurl: resolve, refuse non-public addresses,
 * pin the checked addresses (so a DNS answer that changes between check and connect cannot
 * slip through), verify TLS, discard the answer. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <curl/curl.h>
#include "web/outbound.h"
#include "ctl/webhook_post.h"

#define POST_CONNECT_MS 5000L
#define POST_TOTAL_MS 10000L
#define POST_BODY_CAP 65536	/* bytes of the receiver's answer read before giving up on it */

bool webhook_post_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

static size_t discard(char *p, size_t size, size_t nmemb, void *ctx)
{
	(void)p;
	size_t *seen = ctx;
	*seen += size * nmemb;
	return *seen > POST_BODY_CAP ? 0 : size * nmemb;	/* 0 ends the transfer: the status is known */
}

/* Resolves the host and checks every address (outbound_resolve, shared with the payment
 * providers' calls); on success `pin` is the CURLOPT_RESOLVE entry. False with err, and *blocked
 * if the policy refused an address. */
static bool resolve_checked(const struct webhook_url *u, const struct webhook_policy *pol, char *pin, size_t pinsz,
			    bool *blocked, char err[WEBHOOK_ERR_LEN])
{
	enum outbound_pin v = outbound_resolve(u->host, u->port, pol->allow, pin, pinsz, err, WEBHOOK_ERR_LEN);
	*blocked = v == OUTBOUND_PIN_BLOCKED;
	return v == OUTBOUND_PIN_OK;
}

int webhook_post(const struct webhook_url *u, const struct webhook_policy *pol, const char *secret,
		 long long delivery_id, const char *event, const char *body, size_t n, bool *blocked,
		 char err[WEBHOOK_ERR_LEN])
{
	err[0] = '\0';
	*blocked = false;
	char pin[1024];
	if (!resolve_checked(u, pol, pin, sizeof pin, blocked, err))
		return 0;
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, WEBHOOK_ERR_LEN, "cannot start the HTTP client");
		return 0;
	}
	long long ts = (long long)time(NULL);
	char sig[WEBHOOK_SIG_LEN + 1], h_sig[96], h_ts[48], h_id[48], h_ev[64];
	webhook_sign(secret, ts, body, n, sig);
	snprintf(h_sig, sizeof h_sig, "X-Crowdcart-Signature: %s", sig);
	snprintf(h_ts, sizeof h_ts, "X-Crowdcart-Timestamp: %lld", ts);
	snprintf(h_id, sizeof h_id, "X-Crowdcart-Delivery: %lld", delivery_id);
	snprintf(h_ev, sizeof h_ev, "X-Crowdcart-Event: %s", event);
	struct curl_slist *hdr = NULL, *res = *pin ? curl_slist_append(NULL, pin) : NULL;
	/* "Expect:" off: curl would otherwise wait up to 1 s for a 100 Continue on bodies > 1 KiB */
	const char *lines[] = { "Content-Type: application/json", "Expect:", h_ev, h_id, h_ts, h_sig };
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		hdr = curl_slist_append(hdr, lines[i]);
	char ebuf[CURL_ERROR_SIZE] = "";
	size_t seen = 0;
	curl_easy_setopt(c, CURLOPT_URL, u->url);
	outbound_guard(c, pol->ca_file, res, POST_CONNECT_MS, POST_TOTAL_MS);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "crowdcart-webhook/2");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)n);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &seen);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	CURLcode rc = curl_easy_perform(c);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && seen > POST_BODY_CAP))
		status = 0;
	if (status < 100 || status > 599) {
		status = 0;
		snprintf(err, WEBHOOK_ERR_LEN, "%s%s%s", curl_easy_strerror(rc), *ebuf ? ": " : "", ebuf);
	}
	curl_slist_free_all(hdr);
	curl_slist_free_all(res);
	curl_easy_cleanup(c);
	return (int)status;
}
