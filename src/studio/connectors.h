/* connectors.h: the brand studio's shop connectors: connectors.c. */
#ifndef CC_STUDIO_CONNECTORS_H
#define CC_STUDIO_CONNECTORS_H
#include "web/http.h"
#include "domain/connectors/connector_webhook.h"

int page_connectors(struct req *r);
int page_connectors_connect(struct req *r);
int page_connectors_sync(struct req *r);
int page_connectors_disconnect(struct req *r);
/* connector_hook_answer.c: the HTTP answer to a verified-or-not webhook; platform names it in the
 * log line of a skipped one. */
void connector_hook_answer(struct req *r, enum connector_hook h, const char *platform, const char *topic,
			   const char *why);
/* shopify_webhook.c */
int page_shopify_webhook(struct req *r);
/* woo_webhook.c */
int page_woo_webhook(struct req *r);

#endif
