-- 0029_operate.sql: what /_health and /_metrics read (src/web/health.c) in every program: the
-- names of the applied migrations, and the status and time columns of the two outboxes, never
-- their addresses, subjects or payloads (column-level grants). Read-only; no table of its own.
GRANT SELECT (name) ON schema_migrations TO 'cc_shop'@'127.0.0.1';
GRANT SELECT (name) ON schema_migrations TO 'cc_studio'@'127.0.0.1';
GRANT SELECT (name) ON schema_migrations TO 'cc_api'@'127.0.0.1';
GRANT SELECT (status, created_at) ON outbox TO 'cc_shop'@'127.0.0.1';
GRANT SELECT (status, created_at) ON outbox TO 'cc_studio'@'127.0.0.1';
GRANT SELECT (status, created_at) ON outbox TO 'cc_api'@'127.0.0.1';
GRANT SELECT (status, next_attempt_at) ON webhook_deliveries TO 'cc_shop'@'127.0.0.1';
GRANT SELECT (status, next_attempt_at) ON webhook_deliveries TO 'cc_studio'@'127.0.0.1';
GRANT SELECT (status, next_attempt_at) ON webhook_deliveries TO 'cc_api'@'127.0.0.1';
