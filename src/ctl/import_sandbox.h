/* import_sandbox.h: crowdcartctl import checks an untrusted file in a confined child first. */
#ifndef CC_IMPORT_SANDBOX_H
#define CC_IMPORT_SANDBOX_H
#include <stdio.h>
#include "domain/catalog/catalog_import.h"

enum sandbox_check { SANDBOX_CHECK_FAILED = -1, SANDBOX_CHECK_REJECTED = 0, SANDBOX_CHECK_ACCEPTED = 1 };

/* Runs the import's parse-and-validate pass (catalog_import without a database) over fp in a
 * forked child that has left root and runs under the parser filter: no network, no open, only
 * fp and the pipe its report goes back on. Rejected: rep holds the child's counts and errors.
 * Failed (the child crashed, was killed, or sent a report that does not decode): rep->fatal
 * says so. Either way nothing of the file was parsed in this process. Accepted: fp is rewound
 * and rep is untouched, for the real import. */
enum sandbox_check import_check_sandboxed(FILE *fp, enum cat_format f, const char *currency,
					  const char *name, struct cat_report *rep);

/* Records a run the sandboxed check rejected or failed in import_runs, as catalog_import would. */
void import_record_unparsed(struct db *db, long long brand_id, enum cat_format f, const char *name,
			    struct cat_report *rep);

#endif
