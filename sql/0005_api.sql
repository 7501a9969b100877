-- 0005_api.sql: Shopping API keys (stored as hashes only) and per-key rate-limit buckets.

-- A key is shown once when created; only its BLAKE2b-256 hash (crypto_generichash) is kept.
-- prefix is the first characters of the key, so a brand can tell its keys apart in the list.
CREATE TABLE IF NOT EXISTS api_keys (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  key_hash BINARY(32) NOT NULL,
  prefix VARCHAR(12) NOT NULL,
  label VARCHAR(80) NOT NULL,
  created_at DATETIME NOT NULL,
  last_used_at DATETIME NULL,
  revoked_at DATETIME NULL,
  UNIQUE KEY api_keys_hash (key_hash),
  KEY api_keys_brand (brand_id, created_at),
  CONSTRAINT api_keys_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Fixed one-minute windows: window_start is the Unix time of the minute. A request bumps its
-- row with INSERT ... ON DUPLICATE KEY UPDATE (a row lock on one row, no table locks), so any
-- web node and any Galera node may count; old windows of a key are deleted as new ones open.
CREATE TABLE IF NOT EXISTS api_rate_buckets (
  key_id BIGINT UNSIGNED NOT NULL,
  window_start BIGINT NOT NULL,
  hits INT UNSIGNED NOT NULL,
  PRIMARY KEY (key_id, window_start),
  CONSTRAINT api_rate_buckets_key_fk FOREIGN KEY (key_id) REFERENCES api_keys (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The API pages through a brand's products in id order and filters them by updated_at.
ALTER TABLE products ADD INDEX IF NOT EXISTS products_brand_id (brand_id, id),
  ADD INDEX IF NOT EXISTS products_brand_updated (brand_id, updated_at);

-- The same for a brand's orders (orders: 0003_commerce.sql).
ALTER TABLE orders ADD INDEX IF NOT EXISTS orders_brand_id (brand_id, id),
  ADD INDEX IF NOT EXISTS orders_brand_updated (brand_id, updated_at);
