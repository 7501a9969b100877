/* netcheck.h: may a brand-chosen URL reach this address? IP literal parsing (every IPv4 spelling
 * getaddrinfo accepts), classification of loopback/private/link-local/... ranges, and the
 * operator's allow list of CIDRs (config webhook_allow_private). Pure: no I/O. */
#ifndef CC_NETCHECK_H
#define CC_NETCHECK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define NETCHECK_ADDR_TEXT 46	/* INET6_ADDRSTRLEN */

struct netcheck_addr {
	int family;	/* AF_INET (b[0..3]) or AF_INET6 (b[0..15]) */
	uint8_t b[16];
};

/* True if host is an IP literal: IPv6 (brackets optional) or IPv4 in any form inet_aton takes
 * (1-4 parts, each decimal, 0-octal or 0x-hex: "2130706433", "0177.0.0.1", "0x7f.1"). */
bool netcheck_literal(const char *host, struct netcheck_addr *out);

/* From a resolved socket address; false for other families. */
bool netcheck_from_sockaddr(const struct sockaddr *sa, struct netcheck_addr *out);

/* Why the address is not public ("loopback", "private", "link-local"...), or NULL if it is.
 * IPv6 forms that carry an IPv4 address (::ffff:a.b.c.d, 64:ff9b::/96, 2002::/16) are judged by it. */
const char *netcheck_blocked(const struct netcheck_addr *a);

/* True if allow ("10.0.0.0/8, fd00::/8", empty or NULL for none) is a valid CIDR list. */
bool netcheck_allow_valid(const char *allow);

/* The reason to refuse a (netcheck_blocked and in no CIDR of allow), or NULL to let it through. */
const char *netcheck_refuse(const struct netcheck_addr *a, const char *allow);

/* True if a is inside one of the CIDRs of list (an IPv4-mapped IPv6 address as its IPv4 one);
 * false for a malformed list. For the operator's lists of who may see what (metrics_allow). */
bool netcheck_listed(const struct netcheck_addr *a, const char *list);

struct addrinfo;
enum netcheck_pin { NETCHECK_PIN_OK, NETCHECK_PIN_BLOCKED, NETCHECK_PIN_EMPTY };
/* Judges every address of a getaddrinfo answer. If none is refused, pin holds
 * "host:port:addr[,addr...]" (IPv6 in brackets) for CURLOPT_RESOLVE, so the connection goes to
 * exactly the addresses checked here; addresses that do not fit in pin are left out. If one is
 * refused, err says which ("blocked address 10.0.0.1 (private)"). */
enum netcheck_pin netcheck_pin(const struct addrinfo *ai, const char *host, const char *port, const char *allow,
			       char *pin, size_t pinsz, char *err, size_t errsz);

/* Text form ("127.0.0.1", "::1"). */
void netcheck_format(const struct netcheck_addr *a, char out[NETCHECK_ADDR_TEXT]);

#endif
