-- 0005_api.sql grants: the studio manages API keys; cc_api (the Shopping API program) reads and
-- edits one brand's catalog, checks keys and counts requests. cc_api gets no access to users,
-- sessions, creators or anything else, and cannot delete a key or a brand.
GRANT SELECT, INSERT, UPDATE ON api_keys TO 'cc_studio'@'127.0.0.1';

GRANT SELECT (id, brand_id, key_hash, revoked_at, last_used_at), UPDATE (last_used_at) ON api_keys TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON api_rate_buckets TO 'cc_api'@'127.0.0.1';
GRANT SELECT (id, currency) ON brands TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON products TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON product_options TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON variants TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON product_images TO 'cc_api'@'127.0.0.1';
-- Orders are read-only to the API: fulfilment (status, tracking, refunds) stays in the studio.
GRANT SELECT ON orders TO 'cc_api'@'127.0.0.1';
GRANT SELECT ON order_lines TO 'cc_api'@'127.0.0.1';
