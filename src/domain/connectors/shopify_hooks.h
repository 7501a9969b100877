/* shopify_hooks.h: subscribing crowdcart's webhook address in a connected Shopify shop
 * (webhookSubscriptionCreate, one topic at a time), so the brand has nothing to set up by hand.
 * Run by the worker before a full sync; the subscriptions an app makes are signed with its client
 * secret, the one the brand gave when connecting. */
#ifndef CC_SHOPIFY_HOOKS_H
#define CC_SHOPIFY_HOOKS_H
#include "domain/connectors/shopify_api.h"

/* SHOPIFY_OK when every topic is subscribed at callback (an address already subscribed counts). */
enum shopify_result shopify_hooks_register(const struct connector_http *http, struct arena *a,
					   const struct shopify_shop *s, const char *callback, char error[200]);

#endif
