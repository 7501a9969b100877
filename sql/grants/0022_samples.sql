-- 0022_samples.sql grants: the studio keeps sample requests and their quota rows (creators ask
-- and cancel, brands decide, ship and deliver); the shop only reads which samples were delivered,
-- for the "Gifted by" label beside a pick.
GRANT SELECT, INSERT, UPDATE ON sample_requests TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON sample_quota TO 'cc_studio'@'127.0.0.1';
GRANT SELECT (creator_id, product_id, status) ON sample_requests TO 'cc_shop'@'127.0.0.1';
