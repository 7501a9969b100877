-- 0008_video.sql: shoppable videos (issue 6): a video by a creator or a brand, its product tags
-- with a start and end second, and per-video daily counters that shop workers aggregate in
-- memory and add with one upsert at most once a second (like creator_visits).
CREATE TABLE IF NOT EXISTS videos (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  creator_id BIGINT UNSIGNED NULL,
  brand_id BIGINT UNSIGNED NULL,
  src_url VARCHAR(500) NOT NULL,
  poster_url VARCHAR(500) NOT NULL DEFAULT '',
  caption VARCHAR(300) NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY videos_creator (creator_id, created_at),
  KEY videos_brand (brand_id, created_at),
  KEY videos_created (created_at),
  CONSTRAINT videos_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT videos_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT videos_owner CHECK (creator_id IS NOT NULL OR brand_id IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS video_tags (
  video_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  start_s INT UNSIGNED NOT NULL,
  end_s INT UNSIGNED NOT NULL,
  PRIMARY KEY (video_id, product_id),
  KEY video_tags_product (product_id),
  CONSTRAINT video_tags_video_fk FOREIGN KEY (video_id) REFERENCES videos (id) ON DELETE CASCADE,
  CONSTRAINT video_tags_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT video_tags_range CHECK (end_s > start_s)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS video_stats (
  video_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  views BIGINT UNSIGNED NOT NULL DEFAULT 0,
  clicks BIGINT UNSIGNED NOT NULL DEFAULT 0,
  adds BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (video_id, day),
  KEY video_stats_day (day),
  CONSTRAINT video_stats_video_fk FOREIGN KEY (video_id) REFERENCES videos (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
