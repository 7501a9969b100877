-- 0045_connectors.sql grants: the studio connects a shop and queues syncs, shows their progress,
-- and takes the shop's signed webhooks (it is the program that may write the catalog): products
-- through the catalog's own grants, the remote ids here; disconnecting deletes the connector
-- (its mapping rows and order outbox go with it, ON DELETE CASCADE). The shop program never sees connectors.
-- crowdcartctl worker (the ctl account) runs the syncs.
GRANT SELECT, INSERT, UPDATE, DELETE ON connectors TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON connector_products TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON connector_stock_items TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON connector_orders TO 'cc_studio'@'127.0.0.1';
