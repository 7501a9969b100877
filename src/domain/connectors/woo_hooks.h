/* woo_hooks.h: subscribing crowdcart's webhook address in a connected WooCommerce shop (POST
 * /webhooks, one a topic, signed with the secret the brand gave), so the brand has nothing to set
 * up by hand. Run by the worker before a full sync; topics already subscribed at that address
 * (GET /webhooks) are left alone, as WooCommerce would otherwise deliver each change twice. */
#ifndef CC_WOO_HOOKS_H
#define CC_WOO_HOOKS_H
#include "domain/connectors/woo_api.h"

enum connector_fetch woo_hooks_register(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
					const char *callback, const char *secret, char error[200]);

#endif
