/* addr_prefix.c: see addr_prefix.h. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lib/addr_prefix.h"

static const uint8_t v4_mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

void addr_prefix(const char *addr, char out[ADDR_PREFIX_TEXT])
{
	uint8_t b[16];
	if (!addr)
		addr = "";
	if (inet_pton(AF_INET, addr, b) == 1) {
		snprintf(out, ADDR_PREFIX_TEXT, "%u.%u.%u.0/24", b[0], b[1], b[2]);
		return;
	}
	if (inet_pton(AF_INET6, addr, b) == 1) {
		if (memcmp(b, v4_mapped, sizeof v4_mapped) == 0) {
			snprintf(out, ADDR_PREFIX_TEXT, "%u.%u.%u.0/24", b[12], b[13], b[14]);
			return;
		}
		memset(b + 8, 0, 8);
		char text[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, b, text, sizeof text);
		snprintf(out, ADDR_PREFIX_TEXT, "%s/64", text);
		return;
	}
	snprintf(out, ADDR_PREFIX_TEXT, "%s", addr);
}
