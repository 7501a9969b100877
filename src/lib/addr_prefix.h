/* addr_prefix.h: a client address reduced to the network it comes from (IPv4 /24, IPv6 /64), the
 * unit sign-in throttling counts by: one household, office or carrier gateway shares it, and an
 * attacker cannot step out of it by taking the next address. Pure: no I/O. */
#ifndef CC_ADDR_PREFIX_H
#define CC_ADDR_PREFIX_H
#include <stddef.h>

#define ADDR_PREFIX_TEXT 50	/* "ffff:ffff:ffff:ffff::/64" and every IPv4 form fit */

/* "203.0.113.0/24" or "2001:db8:1:2::/64" (an IPv4-mapped IPv6 address is taken as its IPv4
 * address). Anything that is not an address literal comes back as itself, cut to fit, so it
 * still names one subject. */
void addr_prefix(const char *addr, char out[ADDR_PREFIX_TEXT]);

#endif
