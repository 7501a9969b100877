/* domain_check.h: DNS checks of brand domains, run by crowdcartctl worker (those due) and
 * crowdcartctl domains check (on demand). Each domain is claimed with a lease first, so workers on
 * several nodes never check the same one at once. */
#ifndef CC_DOMAIN_CHECK_H
#define CC_DOMAIN_CHECK_H
#include "db/db.h"
#include "ctl/dns_lookup.h"

/* Checks every domain whose next check is due; the number checked, or -1 on a database failure. */
long domain_check_due(struct db *db, struct arena *a, const struct dns_resolver *r);
/* Checks now, due or not, the unverified domains and the verified ones whose re-check is due (all:
 * every domain), of one brand (brand_id > 0) or all; one "brand<TAB>domain<TAB>result" line each.
 * The exit status: 0, or 1 on a database failure. */
int domain_check_now(struct db *db, struct arena *a, const struct dns_resolver *r, long long brand_id, bool all);

#endif
