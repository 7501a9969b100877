/* lead_link.c: signed per-lead links (see lead_link.h). */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/leads/lead_link.h"
#include "lib/token.h"

void lead_link_token(const uint8_t secret[32], enum lead_link kind, long long lead_id, char out[LEAD_LINK_TOKEN_LEN])
{
	char msg[48];
	int n = snprintf(msg, sizeof msg, "%s|%lld", kind == LEAD_LINK_ICS ? "lead-ics" : "lead-erase", lead_id);
	uint8_t mac[32];
	token_keyed_hash(secret, msg, (size_t)n, mac);
	sodium_bin2base64(out, LEAD_LINK_TOKEN_LEN, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool lead_link_ok(const uint8_t secret[32], enum lead_link kind, long long lead_id, const char *token)
{
	char want[LEAD_LINK_TOKEN_LEN];
	lead_link_token(secret, kind, lead_id, want);
	return token && strlen(token) == strlen(want) && sodium_memcmp(want, token, strlen(want)) == 0;
}
