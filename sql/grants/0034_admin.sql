-- 0034_admin.sql grants: the admin pages live in the studio. The audit log can be appended to and
-- read, never changed. The shop reads whether an account is suspended (to hide its storefront and
-- catalog) and nothing else new of users. The system page reads the worker's heartbeat and lists
-- the applied migrations with their dates (0029_operate.sql already lets it count the queues).
GRANT SELECT, INSERT ON admin_audit TO 'cc_studio'@'127.0.0.1';
GRANT SELECT (suspended_at) ON users TO 'cc_shop'@'127.0.0.1';
-- The API refuses a suspended brand's keys: it reads the brand's owner and whether that account is
-- suspended, nothing else of it (no email, no name).
GRANT SELECT (owner_user_id) ON brands TO 'cc_api'@'127.0.0.1';
GRANT SELECT (id, suspended_at) ON users TO 'cc_api'@'127.0.0.1';
GRANT SELECT ON worker_heartbeats TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON schema_migrations TO 'cc_studio'@'127.0.0.1';
