-- 0034_admin.sql: what the admin pages keep: suspended accounts, the append-only audit log of
-- every admin action, and the heartbeat the worker leaves after each pass.

-- A suspended account cannot sign in and its public pages are gone; the reason is what the admin
-- wrote, kept beside the account so the user page shows why without reading the log.
-- The columns are instant; the indexes (the user search by role, the count of suspended accounts)
-- are each built in their own statement beside the rows, writes going on (docs/UPGRADING.md).
ALTER TABLE users
  ADD COLUMN IF NOT EXISTS suspended_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS suspended_reason VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE users ADD KEY IF NOT EXISTS users_role (role, id);
ALTER TABLE users ADD KEY IF NOT EXISTS users_suspended (suspended_at);

-- One row per admin action, written in the same transaction as the action. The programs may only
-- INSERT and SELECT it (sql/grants/0034_admin.sql), so no bug in them can rewrite history. No
-- foreign keys: a row outlives the accounts it names. The client address is kept only as its
-- network prefix.
CREATE TABLE IF NOT EXISTS admin_audit (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at DATETIME(3) NOT NULL,
  actor_user_id BIGINT UNSIGNED NOT NULL,
  action VARCHAR(40) CHARACTER SET ascii NOT NULL,
  target_kind VARCHAR(20) CHARACTER SET ascii NOT NULL,
  target_id BIGINT UNSIGNED NOT NULL,
  reason VARCHAR(500) NOT NULL DEFAULT '',
  address_prefix VARCHAR(64) CHARACTER SET ascii NOT NULL DEFAULT '',
  KEY admin_audit_created (created_at),
  KEY admin_audit_actor (actor_user_id, created_at),
  KEY admin_audit_action (action, created_at),
  KEY admin_audit_target (target_kind, target_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The worker's last pass on each host: the system page shows when each last ran and how it went.
CREATE TABLE IF NOT EXISTS worker_heartbeats (
  host VARCHAR(255) NOT NULL PRIMARY KEY,
  started_at DATETIME NOT NULL,
  finished_at DATETIME NOT NULL,
  passes BIGINT UNSIGNED NOT NULL DEFAULT 0,
  delivered INT UNSIGNED NOT NULL DEFAULT 0,
  ok TINYINT(1) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
