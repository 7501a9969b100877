-- 0002_catalog.sql: what catalog imports need: a digest per product so re-importing the same
-- file changes nothing, the external id of a variant (WooCommerce ID, feed id) to update it in
-- place, and import_runs, the report of every import (CLI or studio upload).

-- BLAKE2b-128 of everything the last import wrote for the product; NULL when edited by hand
-- (the studio editor clears it), so the next import writes the product again.
ALTER TABLE products ADD COLUMN IF NOT EXISTS import_hash BINARY(16) NULL;

ALTER TABLE variants ADD COLUMN IF NOT EXISTS external_id VARCHAR(120) NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS variants_product_external ON variants (product_id, external_id);

CREATE TABLE IF NOT EXISTS import_runs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NULL,                   -- NULL: crowdcartctl
  format ENUM('shopify','woocommerce','feed') NOT NULL,
  source VARCHAR(255) NOT NULL DEFAULT '',        -- file name as given
  -- rejected: a bad row, nothing written; failed: the database stopped it part-way (whole
  -- batches of products are written or not; running the same file again completes it)
  status ENUM('ok','rejected','failed') NOT NULL,
  rows_read INT UNSIGNED NOT NULL DEFAULT 0,
  products INT UNSIGNED NOT NULL DEFAULT 0,
  created INT UNSIGNED NOT NULL DEFAULT 0,
  updated INT UNSIGNED NOT NULL DEFAULT 0,
  unchanged INT UNSIGNED NOT NULL DEFAULT 0,
  skipped INT UNSIGNED NOT NULL DEFAULT 0,
  error_count INT UNSIGNED NOT NULL DEFAULT 0,
  errors MEDIUMTEXT NOT NULL,                     -- the first errors, one "line N: reason" a line
  started_at DATETIME NOT NULL,
  finished_at DATETIME NOT NULL,
  KEY import_runs_brand (brand_id, started_at),
  KEY import_runs_user (user_id),
  CONSTRAINT import_runs_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id),
  CONSTRAINT import_runs_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
