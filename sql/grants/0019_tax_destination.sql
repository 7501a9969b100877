-- 0019_tax_destination.sql grants: the studio edits a brand's tax and shipping tables; the shop
-- reads them at checkout.
GRANT SELECT, INSERT, UPDATE, DELETE ON brand_tax_rates TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON brand_shipping_rates TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON brand_tax_rates TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON brand_shipping_rates TO 'cc_shop'@'127.0.0.1';
