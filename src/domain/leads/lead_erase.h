/* lead_erase.h: erasing one lead — by its brand on request, or by the shopper through the signed
 * link of the confirmation mail — with its answers, notes, history and pending deliveries (foreign
 * keys cascade), and a lead.erased webhook for the brand's CRM, in one transaction. */
#ifndef CC_LEAD_ERASE_H
#define CC_LEAD_ERASE_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

#define LEAD_ERASE_TOKEN_LEN 44	/* base64url of 32 bytes, with its NUL */

/* The self-erasure link's token: a MAC of the lead id keyed by the server secret, so the link
 * needs no stored state and works until the lead is gone. */
void lead_erase_token(const uint8_t secret[32], long long lead_id, char out[LEAD_ERASE_TOKEN_LEN]);
bool lead_erase_token_ok(const uint8_t secret[32], long long lead_id, const char *token);

/* The same for the link to a booked appointment's .ics (leadform_ics.c): another key, so holding
 * one link never grants the other. */
void lead_ics_token(const uint8_t secret[32], long long lead_id, char out[LEAD_ERASE_TOKEN_LEN]);
bool lead_ics_token_ok(const uint8_t secret[32], long long lead_id, const char *token);

/* Erases lead `lead_id` (only if it belongs to `brand_id`, unless that is 0) and queues the
 * lead.erased delivery when the brand has a webhook; *found false if there was no such lead. */
enum db_status lead_erase(struct db *db, struct arena *a, long long brand_id, long long lead_id, bool *found);

#endif
