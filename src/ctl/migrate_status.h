/* migrate_status.h: `crowdcartctl migrate --status` and `--dry-run`: read-only views of migrations. */
#ifndef CC_MIGRATE_STATUS_H
#define CC_MIGRATE_STATUS_H
#include <stdbool.h>
#include "db/db.h"

/* Prints each numbered file of dir as applied, pending or changed (its checksum differs from the
 * one recorded), and each recorded migration with no file as unknown; with dry_run, only the
 * pending files and the statements each would run. Writes nothing. 0 when nothing is pending,
 * changed or unknown; 1 otherwise or on a failure. */
int migrate_status_report(struct db *db, const char *dir, bool dry_run);

#endif
