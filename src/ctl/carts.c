/* carts.c: crowdcartctl purge-carts: drop carts nobody can reach any more and old lookup misses. */
#include <stdio.h>
#include "ctl/ctl.h"

/* A cart whose session ended and that belongs to no user cannot be opened again; a user's cart
 * untouched for 90 days is stale. cart_items go with their cart (ON DELETE CASCADE). */
static const struct db_stmt q_orphans = {
	"DELETE FROM carts WHERE (token_hash IS NULL AND user_id IS NULL)"
	" OR updated_at < UTC_TIMESTAMP() - INTERVAL 90 DAY", "", "" };
static const struct db_stmt q_lookups = {
	"DELETE FROM order_lookup_attempts WHERE attempted_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };

int ctl_purge_carts(struct db *db)
{
	if (db_query(db, NULL, &q_orphans, NULL, NULL) != DB_OK)
		return 1;
	printf("purged %llu carts\n", db_affected(db));
	return db_query(db, NULL, &q_lookups, NULL, NULL) == DB_OK ? 0 : 1;
}
