/* netprefix.c: see netprefix.h. */
#include <stdio.h>
#include <string.h>
#include "lib/netcheck.h"
#include "lib/netprefix.h"

static const uint8_t v4_mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

bool netprefix_of(const char *addr, enum netprefix_width w, char out[NETPREFIX_TEXT])
{
	struct netcheck_addr a;
	if (!addr || !netcheck_literal(addr, &a)) {
		snprintf(out, NETPREFIX_TEXT, "unknown");
		return false;
	}
	if (a.family == AF_INET6 && memcmp(a.b, v4_mapped, sizeof v4_mapped) == 0) {
		a.family = AF_INET;
		memmove(a.b, a.b + 12, 4);
		memset(a.b + 4, 0, 12);
	}
	static const int v4_bits[] = { [NETPREFIX_HOST] = 32, [NETPREFIX_SUBNET] = 24, [NETPREFIX_NETWORK] = 24 };
	static const int v6_bits[] = { [NETPREFIX_HOST] = 64, [NETPREFIX_SUBNET] = 64, [NETPREFIX_NETWORK] = 48 };
	int bits = a.family == AF_INET ? v4_bits[w] : v6_bits[w];
	int len = a.family == AF_INET ? 4 : 16;
	for (int i = 0; i < len; i++) {
		int keep = bits - 8 * i;
		a.b[i] &= keep >= 8 ? 0xff : keep <= 0 ? 0 : (uint8_t)(0xff << (8 - keep));
	}
	char text[NETCHECK_ADDR_TEXT];
	netcheck_format(&a, text);
	snprintf(out, NETPREFIX_TEXT, "%s/%d", text, bits);
	return true;
}
