/* ops_page.h: the pages every program answers for its operator: /_health and /_metrics. */
#ifndef CC_OPS_PAGE_H
#define CC_OPS_PAGE_H
#include "web/http.h"

/* 200 "ok" when the database answers, the migrations are current and no queue is stuck; else 503
 * with the reason. Declared NEED_NO_DB: it asks the database itself, to say why it cannot. */
int page_health(struct req *r);
/* The program's counters in the Prometheus text format, to config metrics_allow only (403). */
int page_metrics(struct req *r);

#endif
