/* image_jobs.h: the image work of crowdcartctl worker (and of `crowdcartctl images`): take on
 * imported picture URLs, fetch them, run every pending asset through the confined pipeline and
 * write its renditions under media_dir/img/, and delete the files of assets nothing uses. */
#ifndef CC_IMAGE_JOBS_H
#define CC_IMAGE_JOBS_H
#include "db/db.h"

/* Checks the config (image_fetch_allow_private) and starts libcurl; false with a message. */
bool image_jobs_ready(void);
/* One pass of all four; the number of assets made ready, or -1 on a database failure. Fetching
 * stops claiming pictures after fetch_budget_ms (0: none left due): the worker's pass, which also
 * delivers webhooks and runs checks, keeps it short; crowdcartctl images gives it longer. */
long image_jobs_pass(struct db *db, struct arena *a, long fetch_budget_ms);

#endif
