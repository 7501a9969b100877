/* shopify_webhook.c: "POST /studio/webhooks/shopify/{id}" — a connected shop's product and stock
 * changes (connector_webhook.c verifies and applies them), in the studio program because it is the
 * one that may write the catalog. Authenticated by its HMAC, not a session.
 * Answers 200 once applied (or verified and of no interest), 401 to anything that does not verify
 * (an unknown connector looks the same), 400 to a verified body that is not what its topic sends,
 * 503 when it could not be recorded now, so Shopify sends it again. */
#include "domain/connectors/connector_webhook.h"
#include "studio/connectors.h"

int page_shopify_webhook(struct req *r)
{
	const char *topic = req_env(r, "HTTP_X_SHOPIFY_TOPIC"), *hmac = req_env(r, "HTTP_X_SHOPIFY_HMAC_SHA256");
	const char *why;
	enum connector_hook h = connector_webhook_shopify(r->db, r->arena, req_id(r, "id"),
							  topic ? topic : "", hmac, r->raw_body ? r->raw_body : "",
							  r->raw_body ? r->raw_len : 0, &why);
	connector_hook_answer(r, h, "shopify", topic, why);
	return REQ_DONE;
}
