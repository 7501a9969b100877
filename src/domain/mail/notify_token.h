/* notify_token.h: the token of a one-click unsubscribe link, "<user id>.<kind>.<mac>", where mac is
 * BLAKE2b keyed with the server secret over the user and the kind (base64url). The link turns one
 * kind off for one account with no session, so the token is the authentication: nobody without
 * the secret can make one, and nothing needs storing. Pure. */
#ifndef CC_NOTIFY_TOKEN_H
#define CC_NOTIFY_TOKEN_H
#include <stdbool.h>
#include <stdint.h>
#include "domain/mail/notify_kind.h"

/* Long enough for 20 digits, the longest kind name, the mac, two dots and the NUL. */
#define NOTIFY_TOKEN_MAX 112

void notify_token_make(const uint8_t secret[32], long long user_id, enum notify_kind k, char out[NOTIFY_TOKEN_MAX]);
/* True, with the user and the kind, if token is one notify_token_make wrote with this secret. */
bool notify_token_check(const uint8_t secret[32], const char *token, long long *user_id, enum notify_kind *k);

#endif
