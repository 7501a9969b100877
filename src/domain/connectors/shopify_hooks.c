/* shopify_hooks.c: the topics crowdcart applies (connector_webhook.c), subscribed one by one. */
#include <stdio.h>
#include <string.h>
#include "domain/connectors/shopify_hooks.h"

static const char create_mutation[] =
	"mutation ($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {"
	" webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {"
	" webhookSubscription { id } userErrors { field message } } }";
static const char *const topics[] = { "PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "INVENTORY_LEVELS_UPDATE" };

enum shopify_result shopify_hooks_register(const struct connector_http *http, struct arena *a,
					   const struct shopify_shop *s, const char *callback, char error[200])
{
	for (size_t i = 0; i < sizeof topics / sizeof *topics; i++) {
		json_t *root;
		long wait;
		enum shopify_result r = shopify_api_graphql(http, a, s, create_mutation, json_pack("{s:s,s:{s:s,s:s}}",
			"topic", topics[i], "webhookSubscription", "callbackUrl", callback, "format", "JSON"), &root, &wait, error);
		if (r != SHOPIFY_OK)
			return r;
		json_t *ue = json_array_get(json_object_get(json_object_get(json_object_get(root, "data"),
			"webhookSubscriptionCreate"), "userErrors"), 0);
		const char *m = json_string_value(json_object_get(ue, "message"));
		/* subscribed before (a sync queued again, a worker killed after this): nothing to do */
		bool taken = m && strstr(m, "already been taken");
		if (ue && !taken)
			snprintf(error, 200, "the shop refused the webhook for %s: %.120s", topics[i], m ? m : "(no message)");
		json_decref(root);
		if (ue && !taken)
			return SHOPIFY_FAILED;
	}
	return SHOPIFY_OK;
}
