-- 0052_woo_presta_connectors.sql: a connector may be a WooCommerce shop (REST API v3) as well as
-- a Shopify one (docs/CONNECTORS.md). A WooCommerce connector keeps "consumer key:consumer secret"
-- in token_sealed and the webhook secret in secret_sealed; its shop is the site's https address.
ALTER TABLE connectors MODIFY platform ENUM('shopify','woocommerce') NOT NULL;
