/* import_sandbox.h: crowdcartctl import parses an untrusted file only in a confined child; this
 * process decodes the child's products as untrusted input and writes them. */
#ifndef CC_IMPORT_SANDBOX_H
#define CC_IMPORT_SANDBOX_H
#include <stdio.h>
#include "domain/catalog/catalog.h"
#include "db/db.h"

enum sandbox_check { SANDBOX_CHECK_FAILED = -1, SANDBOX_CHECK_REJECTED = 0, SANDBOX_CHECK_ACCEPTED = 1 };

/* Parses and checks all of fp (catalog_parse) in a forked child that has left root and runs
 * under the parser filter: no network, no open, only fp and the pipe it writes to. The child
 * streams the products (catalog_wire.h) and then its report; this process decodes every frame
 * as it arrives and keeps the products in spool (a temporary file), writing nothing.
 * Accepted (the child exited cleanly, its report accepts the file and counts exactly the
 * products it sent): rep holds the child's counts and notices, spool is rewound for
 * import_write_spooled. Rejected: rep holds the child's report. Failed (the child crashed, was
 * killed, sent too much or bytes that do not decode): rep->fatal says so. Either way this
 * process never runs a parser over the file. */
enum sandbox_check import_parse_sandboxed(FILE *fp, enum catalog_format f, const char *currency,
					  FILE *spool, struct catalog_report *rep);

/* Writes the products spooled by an accepted import_parse_sandboxed with the write side,
 * CATALOG_BATCH products per transaction, decoding them again as untrusted. False with rep->fatal
 * when the database (or the spool) failed part-way; batches already written stay. */
bool import_write_spooled(struct db *db, long long brand_id, FILE *spool, struct catalog_report *rep);

#endif
