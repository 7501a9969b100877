/* access_log.h: the request log line in the Apache/NCSA combined format, for the tools that read
 * web server logs (config log_format = combined; the dispatcher's own line otherwise). */
#ifndef CC_ACCESS_LOG_H
#define CC_ACCESS_LOG_H
#include <stdbool.h>
#include "web/http.h"

/* Is log_format "combined"? Read once: the config does not change while a worker lives. */
bool access_log_combined(void);
/* Writes r's line to stderr, the log every program writes to; method is the request's, by name. */
void access_log_write(const struct req *r, const char *method);

#endif
