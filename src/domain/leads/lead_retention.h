/* lead_retention.h: how long leads are kept — per form, else the operator's lead_retention_days —
 * and the purge that erases older ones while keeping their number (crowdcartctl purge). */
#ifndef CC_LEAD_RETENTION_H
#define CC_LEAD_RETENTION_H
#include "db/db.h"

#define LEAD_RETENTION_DEFAULT 365

/* Config lead_retention_days (1 to 3650, default LEAD_RETENTION_DEFAULT). */
long lead_retention_default(void);
/* The days a form with retention_days `form_days` (0: unset) keeps its leads. */
long lead_retention_days(long long form_days);
/* Erases every lead whose last submission is older than its form's retention, in batches, each
 * adding what it erased to the form's purged_leads; *erased is the total. */
enum db_status lead_retention_purge(struct db *db, struct arena *a, unsigned long long *erased);

#endif
