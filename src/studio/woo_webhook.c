/* woo_webhook.c: "POST /studio/webhooks/woocommerce/{id}" — a connected WooCommerce shop's product
 * changes (woo_webhook.c in the domain verifies and applies them). Authenticated by its HMAC, not a
 * session. Answers 200 once applied (or verified and of no interest, or WooCommerce's ping when the
 * webhook is saved), 401 to anything that does not verify (an unknown connector looks the same),
 * 400 to a verified body that is not what its topic sends, 503 when it could not be recorded now,
 * so WooCommerce sends it again. */
#include "domain/connectors/woo_webhook.h"
#include "studio/connectors.h"

int page_woo_webhook(struct req *r)
{
	const char *topic = req_env(r, "HTTP_X_WC_WEBHOOK_TOPIC"), *signature = req_env(r, "HTTP_X_WC_WEBHOOK_SIGNATURE");
	const char *why;
	enum connector_hook h = woo_webhook_apply(r->db, r->arena, req_id(r, "id"), topic ? topic : "", signature,
						  r->raw_body ? r->raw_body : "", r->raw_body ? r->raw_len : 0, &why);
	connector_hook_answer(r, h, "woocommerce", topic, why);
	return REQ_DONE;
}
