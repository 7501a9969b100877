/* lead_erase.h: erasing one lead — by its brand on request, or by the shopper through the signed
 * link of the confirmation mail — with its answers, notes, history and pending deliveries (foreign
 * keys cascade), and a lead.erased webhook for the brand's CRM, in one transaction. The shopper's
 * link is lead_link.h's. */
#ifndef CC_LEAD_ERASE_H
#define CC_LEAD_ERASE_H
#include <stdbool.h>
#include "db/db.h"

/* Erases lead `lead_id` (only if it belongs to `brand_id`, unless that is 0) and queues the
 * lead.erased delivery when the brand has a webhook; *found false if there was no such lead. */
enum db_status lead_erase(struct db *db, struct arena *a, long long brand_id, long long lead_id, bool *found);

#endif
