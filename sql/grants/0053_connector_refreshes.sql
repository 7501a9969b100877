-- 0053_connector_refreshes.sql grants: the studio takes WooCommerce's webhooks and queues a variable
-- product to read again; crowdcartctl worker (the ctl account) reads it from the shop and deletes the row.
GRANT SELECT, INSERT, UPDATE ON connector_refreshes TO 'cc_studio'@'127.0.0.1';
