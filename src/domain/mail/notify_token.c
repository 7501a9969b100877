/* notify_token.c: make and check one-click unsubscribe tokens. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/mail/notify_token.h"
#include "lib/token.h"

static void mac_text(const uint8_t secret[32], long long user_id, const char *kind, char out[TOKEN_B64_LEN + 1])
{
	char msg[96];
	int n = snprintf(msg, sizeof msg, "unsubscribe\n%lld\n%s", user_id, kind);
	uint8_t mac[32];
	token_keyed_hash(secret, msg, (size_t)n, mac);
	sodium_bin2base64(out, TOKEN_B64_LEN + 1, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void notify_token_make(const uint8_t secret[32], long long user_id, enum notify_kind k, char out[NOTIFY_TOKEN_MAX])
{
	char mac[TOKEN_B64_LEN + 1];
	mac_text(secret, user_id, notify_kind_name(k), mac);
	snprintf(out, NOTIFY_TOKEN_MAX, "%lld.%s.%s", user_id, notify_kind_name(k), mac);
}

bool notify_token_check(const uint8_t secret[32], const char *token, long long *user_id, enum notify_kind *k)
{
	if (!token || strlen(token) >= NOTIFY_TOKEN_MAX)
		return false;
	const char *dot1 = strchr(token, '.'), *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	/* One spelling per token: digits without a leading zero, so no second link works alike. */
	if (!dot1 || !dot2 || dot1 == token || dot1 - token > 18 || token[0] == '0' ||
	    strspn(token, "0123456789") != (size_t)(dot1 - token))
		return false;
	char kind[40];
	if ((size_t)(dot2 - dot1 - 1) >= sizeof kind)
		return false;
	memcpy(kind, dot1 + 1, (size_t)(dot2 - dot1 - 1));
	kind[dot2 - dot1 - 1] = '\0';
	enum notify_kind found = notify_kind_parse(kind);
	long long id = 0;
	for (const char *p = token; p < dot1; p++)
		id = id * 10 + (*p - '0');
	if (found == NOTIFY__MAX || id <= 0 || strlen(dot2 + 1) != TOKEN_B64_LEN)
		return false;
	char want[TOKEN_B64_LEN + 1];
	mac_text(secret, id, kind, want);
	if (sodium_memcmp(want, dot2 + 1, TOKEN_B64_LEN) != 0)
		return false;
	*user_id = id;
	*k = found;
	return true;
}
