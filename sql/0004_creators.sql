-- 0004_creators.sql: creator attribution (per-session record, visit counts), short links, and the
-- brand's decision on pick requests. InnoDB + utf8mb4, a primary key on every table, UTC times.

-- The last creator click of a session (last click wins). Keyed by the session's token hash, and
-- gone with the session; the signed cc_attr cookie carries the same mark across log-in.
CREATE TABLE IF NOT EXISTS attribution_sessions (
  session_hash BINARY(32) NOT NULL PRIMARY KEY,
  creator_id BIGINT UNSIGNED NOT NULL,
  surface ENUM('storefront','collection','product','video','live','link') NOT NULL,
  touched_at DATETIME NOT NULL,
  KEY attribution_sessions_creator (creator_id),
  KEY attribution_sessions_touched (touched_at),
  CONSTRAINT attribution_sessions_session_fk FOREIGN KEY (session_hash) REFERENCES sessions (token_hash) ON DELETE CASCADE,
  CONSTRAINT attribution_sessions_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Visits to creator surfaces, counted per UTC day, surface and UTM parameters. Workers add to
-- count with upserts (count = count + VALUES(count)), so rows from many nodes simply add up.
CREATE TABLE IF NOT EXISTS creator_visits (
  creator_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  surface ENUM('storefront','collection','product','video','live','link') NOT NULL,
  utm_source VARCHAR(100) NOT NULL DEFAULT '',
  utm_medium VARCHAR(100) NOT NULL DEFAULT '',
  utm_campaign VARCHAR(100) NOT NULL DEFAULT '',
  count BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (creator_id, day, surface, utm_source, utm_medium, utm_campaign),
  KEY creator_visits_day (day),
  CONSTRAINT creator_visits_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- /s/{code}: a creator's short link to their storefront, one of their collections or one of
-- their picked products. code is 16 base32 characters from 80 random bits (unguessable);
-- utf8mb4_bin so that codes compare exactly.
CREATE TABLE IF NOT EXISTS short_links (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  target ENUM('storefront','collection','product') NOT NULL,
  collection_id BIGINT UNSIGNED NULL,
  product_id BIGINT UNSIGNED NULL,
  label VARCHAR(80) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  UNIQUE KEY short_links_code (code),
  KEY short_links_creator (creator_id, created_at),
  KEY short_links_collection (collection_id),
  KEY short_links_product (product_id),
  CONSTRAINT short_links_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT short_links_collection_fk FOREIGN KEY (collection_id) REFERENCES collections (id) ON DELETE CASCADE,
  CONSTRAINT short_links_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When a brand approved or rejected a requested pick (NULL while it waits), for the queue.
ALTER TABLE picks ADD COLUMN IF NOT EXISTS decided_at DATETIME NULL;
