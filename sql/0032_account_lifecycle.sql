-- 0032_account_lifecycle.sql: verified email addresses and changing them, deleted accounts kept as
-- pseudonyms, and what a shopper keeps: creators followed and products saved.

-- email_verified_at: when the owner last proved they read the account's address (NULL: never).
-- pending_email: an address asked for but not yet proved; it replaces email only when its link is
-- used. deleted_at: the account was deleted by its owner; the row stays (orders and the ledger
-- point at it) with its personal fields replaced, so it names nobody.
ALTER TABLE users
  ADD COLUMN IF NOT EXISTS email_verified_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS pending_email VARCHAR(254) NULL,
  ADD COLUMN IF NOT EXISTS deleted_at DATETIME NULL;

-- A verification link proves one address: the one it was mailed to, kept with the token, so a
-- link mailed to the old address cannot confirm a new one.
ALTER TABLE account_tokens
  MODIFY COLUMN purpose ENUM('sign_in','reset','verify') NOT NULL,
  ADD COLUMN IF NOT EXISTS email VARCHAR(254) NULL;

CREATE TABLE IF NOT EXISTS creator_follows (
  user_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (user_id, creator_id),
  KEY creator_follows_creator (creator_id),
  CONSTRAINT creator_follows_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT creator_follows_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS saved_products (
  user_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (user_id, product_id),
  KEY saved_products_product (product_id),
  CONSTRAINT saved_products_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT saved_products_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A shopper's home lists guest orders placed under the account's confirmed address too (not only
-- those placed while signed in): they are found by address. A secondary index, built in place.
ALTER TABLE orders ADD KEY IF NOT EXISTS orders_email (email, created_at);
