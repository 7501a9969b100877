/* dns_lookup.h: asks a DNS resolver for the TXT records at a name and reads the answer for a
 * verification token (dns_txt.h). The resolver is the config's dns_resolver or the system's. */
#ifndef CC_DNS_LOOKUP_H
#define CC_DNS_LOOKUP_H
#include <stdbool.h>
#include <netinet/in.h>
#include "domain/ads/dns_txt.h"

struct dns_resolver {
	bool custom;		/* false: the nameservers of /etc/resolv.conf */
	struct sockaddr_in addr;
};

/* Reads the config's dns_resolver ("IPv4:port", or an IPv4 address for port 53; unset or empty
 * for the system's). False with a message on stderr when it is malformed. */
bool dns_resolver_from_config(struct dns_resolver *r);
/* One lookup: about 2 s per try, 2 tries per nameserver (a truncated answer is asked again over TCP). */
enum dns_txt_outcome dns_lookup_txt(const struct dns_resolver *r, const char *name, const char *token,
				    char why[DNS_WHY_MAX]);

#endif
