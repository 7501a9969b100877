-- 0027_auth.sql: sign-in throttling per (account, address prefix) pair, one-time links by mail
-- (sign-in and password reset), and what the sessions list shows of each session.

-- A failed sign-in is one row that names its account and the client's network prefix (IPv4 /24,
-- IPv6 /64), both as keyed hashes: subject_hash is the hash of the pair. Milliseconds, so a delay
-- of one second is measured as one second. A table of its own rather than login_failures altered:
-- changing that column's type would copy the table while the running release still writes to it
-- (docs/UPGRADING.md). login_failures stays for the release before this one, which counts there
-- until it is restarted; a later migration drops it.
CREATE TABLE IF NOT EXISTS sign_in_failures (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_hash BINARY(32) NOT NULL,
  account_hash BINARY(32) NOT NULL,
  prefix_hash BINARY(32) NOT NULL,
  failed_at DATETIME(3) NOT NULL,
  KEY sign_in_failures_subject (subject_hash, failed_at),
  KEY sign_in_failures_account (account_hash, failed_at),
  KEY sign_in_failures_prefix (prefix_hash, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time links mailed to an account's owner: only the BLAKE2b hash of the random 256-bit token
-- is kept. A link is used by setting used_at where it is still NULL, so it works once.
CREATE TABLE IF NOT EXISTS account_tokens (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash BINARY(32) NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  purpose ENUM('sign_in','reset') NOT NULL,
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  UNIQUE KEY account_tokens_hash (token_hash),
  KEY account_tokens_user (user_id, used_at),
  KEY account_tokens_expires (expires_at),
  CONSTRAINT account_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Asking for a link by mail, counted per target address and per client prefix (keyed hashes),
-- whether or not an account has that address, so the limit says nothing about who has one.
CREATE TABLE IF NOT EXISTS account_mail_requests (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_hash BINARY(32) NOT NULL,
  requested_at DATETIME NOT NULL,
  KEY account_mail_requests_subject (subject_hash, requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the sessions list shows: the browser's User-Agent (cut to 255 characters; shown only as
-- "Firefox on Linux") and the network prefix it signed in from, never the full address.
ALTER TABLE sessions
  ADD COLUMN IF NOT EXISTS user_agent VARCHAR(255) NULL,
  ADD COLUMN IF NOT EXISTS address_prefix VARCHAR(50) NULL;
