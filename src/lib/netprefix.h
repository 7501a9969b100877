/* netprefix.h: a client address reduced to the network it comes from, for abuse limits, sign-in
 * throttling and the sessions list, keyed by what an attacker cannot cheaply change. A host budget
 * counts an IPv4 address (/32) or an IPv6 /64 (one customer's LAN: a phone or a home gets a whole
 * /64); a subnet is an IPv4 /24 or an IPv6 /64 (one household, office or carrier gateway: sign-in
 * counts by it, so the next address is no way out); a network budget counts an IPv4 /24 or an
 * IPv6 /48 (one site). IPv4 carried in IPv6 (::ffff:a.b.c.d) counts as IPv4. Pure. */
#ifndef CC_NETPREFIX_H
#define CC_NETPREFIX_H
#include <stdbool.h>
#include <stddef.h>

#define NETPREFIX_TEXT 64	/* "ffff:...:ffff/128" fits */

enum netprefix_width {
	NETPREFIX_HOST,		/* IPv4 /32, IPv6 /64 */
	NETPREFIX_SUBNET,	/* IPv4 /24, IPv6 /64 */
	NETPREFIX_NETWORK,	/* IPv4 /24, IPv6 /48 */
};

/* The prefix of addr as text ("203.0.113.0/24", "2001:db8:1::/48"); false (and "unknown") when
 * addr is not an IP address, so every such request shares one budget rather than escaping it. */
bool netprefix_of(const char *addr, enum netprefix_width w, char out[NETPREFIX_TEXT]);

#endif
