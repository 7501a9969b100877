-- 0052_woo_presta_connectors.sql: a connector may be a WooCommerce shop (REST API v3) as well as
-- a Shopify one (docs/CONNECTORS.md). A WooCommerce connector keeps "consumer key:consumer secret"
-- in token_sealed and the webhook secret in secret_sealed; its shop is the site's https address.
ALTER TABLE connectors MODIFY platform ENUM('shopify','woocommerce') NOT NULL;
-- When the worker subscribed crowdcart's webhook address in the shop (Shopify's
-- webhookSubscriptionCreate); NULL: not yet, or the shop changed since, so the next sync does it.
ALTER TABLE connectors ADD COLUMN IF NOT EXISTS webhooks_registered_at DATETIME NULL;
