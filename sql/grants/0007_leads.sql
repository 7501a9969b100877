-- 0007_leads.sql grants: the shop reads live forms and the brand's webhook (to know whether to
-- queue a delivery), stores leads, answers, the merge index and rate buckets, and queues webhook
-- deliveries; the studio builds forms, reads and erases leads, sets the webhook and reads the
-- delivery log. crowdcartctl worker (the ctl account) delivers.
GRANT SELECT ON lead_forms TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON lead_form_fields TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON leads TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON lead_answers TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON lead_latest TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON lead_rate TO 'cc_shop'@'127.0.0.1';
GRANT SELECT (brand_id) ON lead_webhooks TO 'cc_shop'@'127.0.0.1';
GRANT INSERT ON webhook_deliveries TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON lead_forms TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON lead_form_fields TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, DELETE ON leads TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON lead_answers TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON lead_webhooks TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON webhook_deliveries TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON webhook_attempts TO 'cc_studio'@'127.0.0.1';
