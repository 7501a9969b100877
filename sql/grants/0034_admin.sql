-- 0034_admin.sql grants: the admin pages live in the studio. The audit log can be appended to and
-- read, never changed. The shop reads whether an account is suspended (to hide its storefront and
-- catalog) and nothing else new of users. The system page counts the outbox by state, reads the
-- worker's heartbeat and the applied migrations; none of it carries mail bodies or addresses.
GRANT SELECT, INSERT ON admin_audit TO 'cc_studio'@'127.0.0.1';
GRANT SELECT (suspended_at) ON users TO 'cc_shop'@'127.0.0.1';
GRANT SELECT (id, status, attempts, created_at, sent_at) ON outbox TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON worker_heartbeats TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON schema_migrations TO 'cc_studio'@'127.0.0.1';
