/* outbound.h: crowdcart's own calls to a provider's API (payments) over http or https with
 * libcurl: short timeouts, no redirects, a capped answer, and the address policy of netcheck.h
 * applied to every address the host resolves to, pinned so the connection goes to exactly the
 * addresses checked. */
#ifndef CC_OUTBOUND_H
#define CC_OUTBOUND_H
#include <stdbool.h>
#include <stddef.h>
#include <curl/curl.h>
#include "lib/arena.h"
#include "lib/outcall.h"

#define OUTBOUND_CONNECT_MS 3000L
#define OUTBOUND_TOTAL_MS 10000L
#define OUTBOUND_BODY_CAP (1024 * 1024)	/* bytes of an answer kept; a longer one is an error */

struct outbound_policy {
	const char *allow;	/* config outbound_allow_private: CIDRs let through despite netcheck */
	const char *ca_file;	/* config outbound_ca_file: CA bundle for https, NULL for the system's */
};

enum outbound_pin { OUTBOUND_PIN_OK, OUTBOUND_PIN_BLOCKED, OUTBOUND_PIN_FAILED };
/* Resolves host:port with getaddrinfo and judges every address with netcheck_pin against allow
 * (CIDRs). OK: pin is the CURLOPT_RESOLVE entry that makes curl connect to exactly the addresses
 * checked ("" for an IP literal, which curl does not resolve). BLOCKED (a refused address) or
 * FAILED (no answer, no address): err says why. Shared with the lead webhooks (ctl/webhook_post.c). */
enum outbound_pin outbound_resolve(const char *host, const char *port, const char *allow, char *pin, size_t pinsz,
				   char *err, size_t errsz);

/* The settings every outbound request shares, whoever makes it: http(s) only, no proxy from the
 * environment, no redirect followed, no signals, the two timeouts, TLS verified (against ca_file
 * when set), and the connection pinned to the checked addresses (`resolve`, from the pin of
 * outbound_resolve; NULL for an IP literal). */
void outbound_guard(CURL *c, const char *ca_file, struct curl_slist *resolve, long connect_ms, long total_ms);

/* curl_global_init, and the policy from the config; call once at start-up, before the system
 * call filter is installed. False, with a message on stderr, if the allow list is malformed or
 * curl cannot start. */
bool outbound_init(void);

/* The policy outbound_init read. */
const struct outbound_policy *outbound_policy(void);

/* Carries out req under policy ctx (a struct outbound_policy *, or NULL for outbound_policy()):
 * the shape of struct payment_http's call. res->error never holds the URL's query, a header or
 * the credentials. */
void outbound_call(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res);

#endif
