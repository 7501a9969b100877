/* shopify_webhook.c: "POST /studio/webhooks/shopify/{id}" — a connected shop's product and stock
 * changes (connector_webhook.c verifies and applies them), in the studio program because it is the
 * one that may write the catalog. Authenticated by its HMAC, not a session.
 * Answers 200 once applied (or verified and of no interest), 401 to anything that does not verify
 * (an unknown connector looks the same), 400 to a verified body that is not what its topic sends,
 * 503 when it could not be recorded now, so Shopify sends it again. */
#include <stdio.h>
#include "domain/connectors/connector_webhook.h"
#include "web/response.h"
#include "studio/connectors.h"

int page_shopify_webhook(struct req *r)
{
	const char *topic = req_env(r, "HTTP_X_SHOPIFY_TOPIC"), *hmac = req_env(r, "HTTP_X_SHOPIFY_HMAC_SHA256");
	const char *why;
	enum connector_hook h = connector_webhook_shopify(r->db, r->arena, req_id(r, "id"),
							  topic ? topic : "", hmac, r->raw_body ? r->raw_body : "",
							  r->raw_body ? r->raw_len : 0, &why);
	switch (h) {
	case CONNECTOR_HOOK_APPLIED:
	case CONNECTOR_HOOK_IGNORED:
		response_text(r, 200, "application/json", h == CONNECTOR_HOOK_APPLIED ? "{\"status\":\"applied\"}"
										       : "{\"status\":\"ignored\"}");
		break;
	case CONNECTOR_HOOK_SKIPPED:
		fprintf(stderr, "shop: shopify webhook %.40s skipped: %s\n", topic ? topic : "", why);
		response_text(r, 200, "application/json", "{\"status\":\"skipped\"}");
		break;
	case CONNECTOR_HOOK_REFUSED:
		response_text(r, 401, "application/problem+json", "{\"title\":\"the signature does not verify\"}");
		break;
	case CONNECTOR_HOOK_BAD:
		response_text(r, 400, "application/problem+json", "{\"title\":\"not the body this topic sends\"}");
		break;
	case CONNECTOR_HOOK_DB:
		response_text(r, 503, "application/problem+json", "{\"title\":\"try again later\"}");
		break;
	}
	return REQ_DONE;
}
