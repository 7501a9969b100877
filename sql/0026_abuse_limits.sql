-- 0026_abuse_limits.sql: budgets for anonymous actions counted per session, per client address
-- prefix and per target email (src/db/abuse_limit.c), and "remind me" confirmed by mail before
-- it counts (double opt-in).

-- One row per subject (a keyed hash: session, address prefix or email, never the value) and
-- fixed window; hits counts the actions in it. Rows older than two days are purged as new
-- windows open.
CREATE TABLE IF NOT EXISTS abuse_hits (
  bucket BINARY(32) NOT NULL,
  window_start BIGINT NOT NULL,
  hits INT UNSIGNED NOT NULL,
  PRIMARY KEY (bucket, window_start),
  KEY abuse_hits_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A reminder is mailed at go-live only once its address has been confirmed through the link
-- mailed to it: confirm_hash is the BLAKE2b hash of that link's token (valid until
-- confirm_expires_at), cleared once used. unsubscribe_token is the stop link every mail about the
-- reminder carries; it is stored as mailed, because the go-live mails are written by one
-- INSERT ... SELECT, and it can do no more than stop that one reminder. Rows from before this
-- migration were never confirmed, so they get no go-live mail.
ALTER TABLE live_reminders
  ADD COLUMN IF NOT EXISTS confirm_hash BINARY(32) NULL,
  ADD COLUMN IF NOT EXISTS confirm_expires_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS confirmed_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS unsubscribe_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD COLUMN IF NOT EXISTS unsubscribed_at DATETIME NULL;
-- The indexes in a statement of their own: added with the columns they would force a rebuild
-- (docs/UPGRADING.md); alone each is built in place while writes go on.
ALTER TABLE live_reminders
  ADD UNIQUE INDEX IF NOT EXISTS live_reminders_confirm (confirm_hash),
  ADD UNIQUE INDEX IF NOT EXISTS live_reminders_unsubscribe (unsubscribe_token);
