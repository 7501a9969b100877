-- 0036_notifications.sql: notifications each recipient may switch off. A row exists only for a
-- kind the user switched (enabled 0 or back to 1); no row means on, so new kinds start on for
-- everyone without a backfill. Notices (new order, pick request, sale...) go to the outbox as
-- kind 'notice': like a live reminder they carry List-Unsubscribe, unlike order mail.
CREATE TABLE IF NOT EXISTS notification_prefs (
  user_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(32) NOT NULL,
  enabled TINYINT(1) NOT NULL,
  updated_at DATETIME NOT NULL,
  PRIMARY KEY (user_id, kind),
  CONSTRAINT notification_prefs_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A notice is addressed to an account (to_user_id, to_addr ''), and the sender reads the account's
-- address when it sends: the shop's database account may not read users.email, and a changed
-- address gets the mail still waiting. A value added at the end of an ENUM and a column added at
-- the end of the table change no stored row: MariaDB does both in place.
ALTER TABLE outbox
  MODIFY kind ENUM('transactional','reminder','notice') NOT NULL DEFAULT 'transactional',
  ADD COLUMN IF NOT EXISTS to_user_id BIGINT UNSIGNED NULL;
