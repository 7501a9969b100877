/* commission_terms.h: what the commission rules (commission_rate.h) need from the database at
 * checkout: the brand's indirect and first-order rates, whether the buyer is new to the brand, and
 * the attributed creator's pick of a product with any rate change waiting for it. */
#ifndef CC_COMMISSION_TERMS_H
#define CC_COMMISSION_TERMS_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/creators/commission_rate.h"

/* The brand's terms for an attributed order by buyer_email, and the database's clock (unix
 * seconds, UTC) for *now: a pick's waiting rate changes on that clock. A returning buyer is one
 * with an earlier order of the brand that was not cancelled or failed to pay (by email,
 * case-insensitively). */
enum db_status commission_terms_load(struct db *db, struct arena *a, long long brand_id, const char *buyer_email,
				     struct commission_terms *t, long long *now);

/* The creator's approved pick of the product: *picked false when there is none. */
enum db_status commission_pick_load(struct db *db, struct arena *a, long long creator_id, long long product_id,
				    bool *picked, struct commission_schedule *s);

#endif
