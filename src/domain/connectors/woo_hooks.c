/* woo_hooks.c: the topics woo_webhook.c applies, subscribed once each. */
#include <stdio.h>
#include <string.h>
#include "domain/connectors/woo_hooks.h"

static const char *const topics[] = { "product.created", "product.updated", "product.deleted", "product.restored" };

static bool subscribed(json_t *list, const char *topic, const char *callback)
{
	size_t i;
	json_t *w;
	json_array_foreach(list, i, w) {
		const char *t = json_string_value(json_object_get(w, "topic"));
		const char *url = json_string_value(json_object_get(w, "delivery_url"));
		const char *status = json_string_value(json_object_get(w, "status"));
		if (t && url && strcmp(t, topic) == 0 && strcmp(url, callback) == 0 && (!status || strcmp(status, "active") == 0))
			return true;
	}
	return false;
}

enum connector_fetch woo_hooks_register(const struct connector_http *http, struct arena *a, const struct woo_shop *s,
					const char *callback, const char *secret, char error[200])
{
	struct woo_answer have;
	enum connector_fetch r = woo_api_call(http, a, s, "/webhooks?per_page=100", NULL, &have);
	snprintf(error, 200, "%s", have.error);
	if (r != CONNECTOR_FETCH_OK)
		return r;
	for (size_t i = 0; i < sizeof topics / sizeof *topics && r == CONNECTOR_FETCH_OK; i++) {
		if (subscribed(have.root, topics[i], callback))
			continue;
		struct woo_answer made;
		r = woo_api_call(http, a, s, "/webhooks", json_pack("{s:s,s:s,s:s,s:s,s:s}", "name",
			arena_printf(a, "crowdcart %s", topics[i]), "topic", topics[i], "delivery_url", callback,
			"secret", secret, "status", "active"), &made);
		snprintf(error, 200, "%s", made.error);
		json_decref(made.root);
	}
	json_decref(have.root);
	return r;
}
