/* metrics.h: one program's request, database and cache counters, summed over its prefork workers
 * in one shared memory segment, and their Prometheus text exposition (docs/OPERATING.md). */
#ifndef CC_METRICS_H
#define CC_METRICS_H
#include <stdbool.h>
#include "web/http.h"

/* Maps the segment, shared with every worker forked afterwards: called once by the parent,
 * before the first fork. False (with a message) if it cannot be had. */
bool metrics_init(const struct app *app);

/* Counts a request once it is answered: its route (or none), status and time since r->start_us,
 * and folds in what this worker's database connection and caches met while serving it. */
void metrics_request(const struct req *r);

/* The parent counts each worker it had to start again. */
void metrics_worker_restart(void);

/* May this client read /_metrics? Its address must be in config metrics_allow (CIDRs, default
 * loopback only); an address that does not parse never may. */
bool metrics_allowed(const char *remote_addr);

/* Appends every counter in the text exposition format, version 0.0.4. */
void metrics_render(struct buf *out);

#endif
