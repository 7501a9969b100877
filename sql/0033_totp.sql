-- 0033_totp.sql: an optional second factor (TOTP, RFC 6238) with single-use recovery codes, and
-- the half-signed-in state between the first factor (password or emailed link) and the code.

-- One authenticator per account. The 160-bit secret is sealed (libsodium secretbox under a key
-- derived from the server secret), never stored in clear. enabled_at stays NULL until the owner
-- typed a code from the app, so a set-up left half-way never asks anything at sign-in.
-- last_step is the latest 30-second step whose code was accepted: a code works once.
CREATE TABLE IF NOT EXISTS account_totp (
  user_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  secret_sealed VARBINARY(96) NOT NULL,
  created_at DATETIME NOT NULL,
  enabled_at DATETIME NULL,
  last_step BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT account_totp_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Ten recovery codes per account, shown once: only their keyed hashes are kept; each is used by
-- setting used_at where it is still NULL, so it works once.
CREATE TABLE IF NOT EXISTS account_recovery_codes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  code_hash BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  UNIQUE KEY account_recovery_codes_code (user_id, code_hash),
  CONSTRAINT account_recovery_codes_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- First factor passed, code not yet given: a random 256-bit token (its hash kept) carried by the
-- code form, bound to the browser's session, short-lived, and void after a few wrong codes.
-- via_link: the first factor was the emailed link (the password throttle's account hold is not
-- applied to the owner holding the mailbox, as for the link itself).
CREATE TABLE IF NOT EXISTS login_second_steps (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash BINARY(32) NOT NULL,
  session_hash BINARY(32) NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  via_link TINYINT(1) NOT NULL DEFAULT 0,
  next_path VARCHAR(300) NOT NULL DEFAULT '/studio',
  wrong_codes INT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  UNIQUE KEY login_second_steps_token (token_hash),
  KEY login_second_steps_expires (expires_at),
  CONSTRAINT login_second_steps_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
