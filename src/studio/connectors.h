/* connectors.h: the brand studio's shop connectors: connectors.c. */
#ifndef CC_STUDIO_CONNECTORS_H
#define CC_STUDIO_CONNECTORS_H
#include "web/http.h"

int page_connectors(struct req *r);
int page_connectors_connect(struct req *r);
int page_connectors_sync(struct req *r);
int page_connectors_disconnect(struct req *r);
/* shopify_webhook.c */
int page_shopify_webhook(struct req *r);
/* woo_webhook.c */
int page_woo_webhook(struct req *r);

#endif
