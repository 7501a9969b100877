/* lead_link.h: the signed links a shopper gets for their own lead (erase it, fetch its
 * appointment's .ics): a MAC of the lead id keyed by the server secret, one key per purpose, so
 * the links need no stored state, last until the lead is gone, and one never stands for another. */
#ifndef CC_LEAD_LINK_H
#define CC_LEAD_LINK_H
#include <stdbool.h>
#include <stdint.h>

#define LEAD_LINK_TOKEN_LEN 44	/* base64url of 32 bytes, with its NUL */

enum lead_link { LEAD_LINK_ERASE, LEAD_LINK_ICS };

void lead_link_token(const uint8_t secret[32], enum lead_link kind, long long lead_id, char out[LEAD_LINK_TOKEN_LEN]);
bool lead_link_ok(const uint8_t secret[32], enum lead_link kind, long long lead_id, const char *token);

#endif
