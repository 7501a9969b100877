/* rate_change.h: brings a brand's existing picks in line with the rate it now offers, by the rules
 * of commission_rate.h: a raise (and a pick still waiting for approval) at once, a cut after the
 * brand's notice period, with each creator told on their picks page and by mail, in the caller's
 * transaction. */
#ifndef CC_RATE_CHANGE_H
#define CC_RATE_CHANGE_H
#include "db/db.h"

struct rate_change_count {
	long long raised, cut;	/* picks raised now, picks with a cut announced */
	long long creators_told;
};

/* After the brand's offer changed (products.commission_bps, brands.default_commission_bps):
 * product_id > 0, the picks of that product; 0, the picks of every product of the brand that
 * follows the brand's rate. Locks the brand row, then the picks, so two changes take turns. */
enum db_status rate_change_apply(struct db *db, struct arena *a, long long brand_id, long long product_id,
				 struct rate_change_count *out);

#endif
