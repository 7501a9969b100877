/* carts.c: crowdcartctl purge-carts: drop what anonymous visitors left behind once it serves no
 * purpose: carts nobody can reach any more, old lookup misses and abuse counts, and the addresses
 * of reminders that can never be mailed. */
#include <stdio.h>
#include "ctl/ctl.h"

/* A cart whose session ended and that belongs to no user cannot be opened again; a user's cart
 * untouched for 90 days is stale. cart_items go with their cart (ON DELETE CASCADE). */
static const struct db_stmt q_orphans = {
	"DELETE FROM carts WHERE (token_hash IS NULL AND user_id IS NULL)"
	" OR updated_at < UTC_TIMESTAMP() - INTERVAL 90 DAY", "", "" };
static const struct db_stmt q_lookups = {
	"DELETE FROM order_lookup_attempts WHERE attempted_at < UTC_TIMESTAMP() - INTERVAL 1 DAY", "", "" };

/* The shop clears old windows itself as new ones open, a few at a time; this clears the rest. */
static const struct db_stmt q_abuse = {
	"DELETE FROM abuse_hits WHERE window_start < UNIX_TIMESTAMP() - 2 * 86400", "", "" };
/* A reminder never confirmed whose link expired (or from before links) will never be mailed; one
 * that was stopped is kept, so asking again stays silent, until its session ends. */
static const struct db_stmt q_reminders = {
	"DELETE r FROM live_reminders r JOIN live_sessions s ON s.id = r.session_id WHERE s.state = 'ended'"
	" OR (r.confirmed_at IS NULL AND r.unsubscribed_at IS NULL"
	" AND COALESCE(r.confirm_expires_at, r.created_at) < UTC_TIMESTAMP())", "", "" };

int ctl_purge_carts(struct db *db)
{
	if (db_query(db, NULL, &q_orphans, NULL, NULL) != DB_OK)
		return 1;
	printf("purged %llu carts\n", db_affected(db));
	if (db_query(db, NULL, &q_reminders, NULL, NULL) != DB_OK)
		return 1;
	printf("purged %llu reminders\n", db_affected(db));
	return db_query(db, NULL, &q_lookups, NULL, NULL) == DB_OK && db_query(db, NULL, &q_abuse, NULL, NULL) == DB_OK ? 0 : 1;
}
