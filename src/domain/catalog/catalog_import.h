/* catalog_import.h: the import driver: the parse side, then the write side, then the run
 * recorded in import_runs. One code path for the studio upload; crowdcartctl import uses the
 * same pieces with the parse side in a confined child. */
#ifndef CC_CATALOG_IMPORT_H
#define CC_CATALOG_IMPORT_H
#include "domain/catalog/catalog.h"
#include "db/db.h"

/* Reads the source once to check every row (nothing is written if any row is bad: the report
 * lists the bad rows), then again to write, CATALOG_BATCH products per transaction. With db NULL,
 * only checks (the fuzzers, the unit tests). Records the run in import_runs when db is set. */
bool catalog_import(struct db *db, long long brand_id, const char *currency, enum catalog_format f,
		    const struct catalog_source *src, const char *source_name, struct catalog_report *rep);

/* The database's clock now, as import_runs.started_at takes it (in a, or a fixed past time). */
const char *catalog_run_started(struct db *db, struct arena *a);
/* Records one run in import_runs: status "ok", "rejected" or "failed", with rep's counts, notices,
 * errors and fatal message. A failure to record is logged to stderr, not returned. */
void catalog_run_record(struct db *db, long long brand_id, enum catalog_format f, const char *source,
			const char *status, const char *started, struct catalog_report *rep);
/* The report's explanation when the write side stopped on rc part-way. */
const char *catalog_write_failed(struct arena *a, enum db_status rc);

#endif
