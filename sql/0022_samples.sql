-- 0022_samples.sql: product samples a creator asks a brand for, the brand's limits on them, and a
-- counter row per creator and brand that request inserts lock, so no race gets past a limit.
-- A pick is "Gifted by {brand}" when its creator has a delivered sample of that product: derived
-- at read time from sample_requests_gift, never stored twice.

-- Per brand: how many requests a creator may have open at once (requested, approved or shipped;
-- 0 turns samples off) and how many a creator may make in any 30 days (cancelled ones aside).
ALTER TABLE brands ADD COLUMN IF NOT EXISTS sample_open_limit INT UNSIGNED NOT NULL DEFAULT 2;
ALTER TABLE brands ADD COLUMN IF NOT EXISTS sample_monthly_limit INT UNSIGNED NOT NULL DEFAULT 4;

CREATE TABLE IF NOT EXISTS sample_requests (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  creator_id BIGINT UNSIGNED NOT NULL,
  brand_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  variant_id BIGINT UNSIGNED NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  ship_name VARCHAR(120) NOT NULL,
  ship_line1 VARCHAR(200) NOT NULL,
  ship_line2 VARCHAR(200) NOT NULL DEFAULT '',
  ship_city VARCHAR(100) NOT NULL,
  ship_region VARCHAR(100) NOT NULL DEFAULT '',
  ship_postal VARCHAR(20) NOT NULL,
  ship_country CHAR(2) NOT NULL,
  status ENUM('requested','approved','declined','shipped','delivered','cancelled') NOT NULL DEFAULT 'requested',
  carrier VARCHAR(20) NOT NULL DEFAULT '',
  tracking_number VARCHAR(40) NOT NULL DEFAULT '',
  decline_reason VARCHAR(500) NOT NULL DEFAULT '',
  -- UTC, all of them
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  decided_at DATETIME NULL,
  shipped_at DATETIME NULL,
  delivered_at DATETIME NULL,
  cancelled_at DATETIME NULL,
  KEY sample_requests_creator (creator_id, created_at),
  KEY sample_requests_brand (brand_id, status, created_at),
  KEY sample_requests_gift (creator_id, product_id, status),
  KEY sample_requests_product (product_id),
  KEY sample_requests_variant (variant_id),
  CONSTRAINT sample_requests_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT sample_requests_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT sample_requests_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT sample_requests_variant_fk FOREIGN KEY (variant_id) REFERENCES variants (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per creator and brand, written (requests = requests + 1) at the start of every new
-- request's transaction: the write takes the row's lock on every node (and is certified under
-- Galera), so two requests counting the same creator's open samples run one after the other.
CREATE TABLE IF NOT EXISTS sample_quota (
  creator_id BIGINT UNSIGNED NOT NULL,
  brand_id BIGINT UNSIGNED NOT NULL,
  requests BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (creator_id, brand_id),
  KEY sample_quota_brand (brand_id),
  CONSTRAINT sample_quota_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT sample_quota_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
