/* outbound_url.h: may a user save this URL for the server to call later (a lead webhook)? The
 * save-time half of the SSRF guard: spellings that hide where a host points are refused with a
 * sentence the form can show; the delivery-time half resolves and pins (netcheck_pin). Pure. */
#ifndef CC_OUTBOUND_URL_H
#define CC_OUTBOUND_URL_H
#include <stddef.h>

#define OUTBOUND_URL_MSG 200

/* NULL if url may be saved; else msg, holding why not. Refused: schemes other than http(s), a
 * user name or password before the host, a host ending in a dot, an IPv4 address written other
 * than as four decimal numbers (one number, octal, hex), and an IP literal or localhost name
 * whose address is not public (netcheck.h) unless inside allow, the operator's CIDR list. The
 * rest of the URL (port, path) is for webhook_url_parse to judge. */
const char *outbound_url_refusal(const char *url, const char *allow, char msg[OUTBOUND_URL_MSG]);

#endif
