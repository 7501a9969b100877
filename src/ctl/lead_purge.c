/* lead_purge.c: the lead part of crowdcartctl purge: leads past their form's retention are
 * erased, and only their number stays (lead_retention.h). */
#include <stdio.h>
#include "ctl/ctl.h"
#include "domain/leads/lead_retention.h"
#include "lib/arena.h"

int ctl_lead_purge(struct db *db)
{
	struct arena *a = arena_new(65536);
	unsigned long long erased = 0;
	enum db_status rc = lead_retention_purge(db, a, &erased);
	arena_free(a);
	if (rc != DB_OK)
		return 1;
	printf("purged %llu leads past their retention\n", erased);
	return 0;
}
