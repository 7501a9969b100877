-- 0052_woo_presta_connectors.sql: a connector may be a WooCommerce shop (REST API v3) or a
-- PrestaShop one (Webservice) as well as a Shopify one (docs/CONNECTORS.md). A WooCommerce
-- connector keeps "consumer key:consumer secret" in token_sealed and the webhook secret in
-- secret_sealed; a PrestaShop one its Webservice key, and a random secret (PrestaShop sends no
-- webhooks). Their shop is the site's https address.
ALTER TABLE connectors MODIFY platform ENUM('shopify','woocommerce','prestashop') NOT NULL;
-- When the worker subscribed crowdcart's webhook address in the shop (Shopify's
-- webhookSubscriptionCreate); NULL: not yet, or the shop changed since, so the next sync does it.
ALTER TABLE connectors ADD COLUMN IF NOT EXISTS webhooks_registered_at DATETIME NULL;
