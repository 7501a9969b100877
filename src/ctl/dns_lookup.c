/* dns_lookup.c: the TXT lookup behind automatic domain verification, through glibc's resolver
 * (res_nmkquery/res_nsend: timeouts, retries, ID and question checks, TCP on truncation). */
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/config.h"
#include "ctl/dns_lookup.h"

#define DNS_TIMEOUT_SECONDS 2
#define DNS_TRIES 2

bool dns_resolver_from_config(struct dns_resolver *r)
{
	memset(r, 0, sizeof *r);
	const char *v = config_str("dns_resolver", "");
	if (!*v)
		return true;
	char host[INET_ADDRSTRLEN];
	const char *colon = strchr(v, ':');
	size_t hn = colon ? (size_t)(colon - v) : strlen(v);
	long port = 53;
	if (colon) {
		char *end;
		errno = 0;
		port = strtol(colon + 1, &end, 10);
		if (errno || end == colon + 1 || *end || port < 1 || port > 65535)
			hn = sizeof host;
	}
	if (hn >= sizeof host) {
		fprintf(stderr, "crowdcartctl: dns_resolver \"%s\" is not an IPv4 address with an optional :port\n", v);
		return false;
	}
	memcpy(host, v, hn);
	host[hn] = '\0';
	if (inet_pton(AF_INET, host, &r->addr.sin_addr) != 1) {
		fprintf(stderr, "crowdcartctl: dns_resolver \"%s\" is not an IPv4 address with an optional :port\n", v);
		return false;
	}
	r->addr.sin_family = AF_INET;
	r->addr.sin_port = htons((uint16_t)port);
	r->custom = true;
	return true;
}

enum dns_txt_outcome dns_lookup_txt(const struct dns_resolver *r, const char *name, const char *token,
				    char why[DNS_WHY_MAX])
{
	struct __res_state st;
	memset(&st, 0, sizeof st);
	if (res_ninit(&st) < 0) {
		snprintf(why, DNS_WHY_MAX, "lookup failed: no resolver configured");
		return DNS_TXT_FAILED;
	}
	st.retrans = DNS_TIMEOUT_SECONDS;
	st.retry = DNS_TRIES;
	if (r->custom) {
		st.nscount = 1;
		st.nsaddr_list[0] = r->addr;
	}
	uint8_t query[NS_PACKETSZ], answer[65536];
	enum dns_txt_outcome o = DNS_TXT_FAILED;
	int qn = res_nmkquery(&st, ns_o_query, name, ns_c_in, ns_t_txt, NULL, 0, NULL, query, sizeof query);
	if (qn < 0) {
		snprintf(why, DNS_WHY_MAX, "lookup failed: %s is not a name that can be looked up", name);
		goto out;
	}
	memset(answer, 0, NS_HFIXEDSZ);
	errno = 0;
	int n = res_nsend(&st, query, qn, answer, sizeof answer);
	if (n < 0) {
		int e = errno;
		/* res_nsend drops a SERVFAIL, NOTIMP or REFUSED reply, tries the next server and at last
		 * fails with ETIMEDOUT, but leaves the last such reply in the buffer: its header (our ID,
		 * QR set) tells an error answer from silence. */
		char buf[64];
		const char *what = answer[0] == query[0] && answer[1] == query[1] && (answer[2] & 0x80) && (answer[3] & 0x0f)
			? dns_rcode_text(answer[3] & 0x0f, buf)
			: e == ETIMEDOUT ? "timeout" : e == ECONNREFUSED ? "connection refused" : e ? strerror(e) : "no answer";
		snprintf(why, DNS_WHY_MAX, "lookup failed: %s", what);
		goto out;
	}
	o = dns_txt_answer(answer, (size_t)n, name, token, why);
out:
	res_nclose(&st);
	return o;
}
