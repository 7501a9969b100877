/* fuzz_netprefix.c: libFuzzer harness for the client address reduced to its prefixes, and the
 * promises abuse budgets and sign-in throttling rely on: a bounded, NUL-terminated text, short
 * enough for sessions.address_prefix (VARCHAR(50)); "unknown" exactly when the address does not
 * parse; the subnet and network prefixes of an address contain its host prefix. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/netprefix.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char addr[128];
	size_t n = size < sizeof addr - 1 ? size : sizeof addr - 1;
	memcpy(addr, data, n);
	addr[n] = '\0';
	char host[NETPREFIX_TEXT], sub[NETPREFIX_TEXT], net[NETPREFIX_TEXT];
	memset(host, 'x', sizeof host);
	memset(sub, 'x', sizeof sub);
	memset(net, 'x', sizeof net);
	bool ok_host = netprefix_of(addr, NETPREFIX_HOST, host);
	bool ok_sub = netprefix_of(addr, NETPREFIX_SUBNET, sub);
	bool ok_net = netprefix_of(addr, NETPREFIX_NETWORK, net);
	if (!memchr(host, '\0', sizeof host) || !memchr(sub, '\0', sizeof sub) || !memchr(net, '\0', sizeof net))
		abort();
	if (ok_host != ok_net || ok_sub != ok_net || strlen(sub) > 50)
		abort();
	if (ok_host != (strcmp(host, "unknown") != 0) || ok_net != (strcmp(net, "unknown") != 0))
		abort();
	if (ok_host) {
		/* The host prefix, reduced again to the subnet or the network, is the address's own. */
		char again[NETPREFIX_TEXT], base[NETPREFIX_TEXT];
		strcpy(base, host);
		*strchr(base, '/') = '\0';
		if (!netprefix_of(base, NETPREFIX_NETWORK, again) || strcmp(again, net) != 0)
			abort();
		if (!netprefix_of(base, NETPREFIX_SUBNET, again) || strcmp(again, sub) != 0)
			abort();
	}
	return 0;
}
