/* account_link.h: asking for a one-time link by mail ("Email me a sign-in link", "Forgot your
 * password?"). Requests are counted per address asked for and per client network prefix whether
 * or not an account has that address, and the answer is the same either way, so neither the
 * answer nor the limit tells who has an account. Links are absolute, made from base_url. */
#ifndef CC_ACCOUNT_LINK_H
#define CC_ACCOUNT_LINK_H
#include <stdbool.h>
#include "domain/accounts/account_token.h"

#define ACCOUNT_LINK_WINDOW_S 900
#define ACCOUNT_LINK_PER_EMAIL 3	/* links one address may be sent in the window */
#define ACCOUNT_LINK_PER_PREFIX 10	/* requests one client network prefix may make in it */

/* Queues the mail if email belongs to an account (with the link base_url + "/login/link/TOKEN" or
 * "/login/reset/TOKEN"); *throttled when the request is over a limit, and then nothing is sent. */
enum db_status account_link_request(struct db *db, struct arena *a, const uint8_t secret[32],
				    const char *email, const char *address, enum account_token_purpose p,
				    const char *base_url, bool *throttled) DB_MUST_CHECK;

#endif
