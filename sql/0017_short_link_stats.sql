-- 0017_short_link_stats.sql: visits per short link and UTC day, so a creator sees which of their
-- links bring people (creator_visits counts per creator and surface, not per link). Written by
-- the shop's worker-side tally (src/domain/creators/link_stats.c); a deleted link takes its
-- counts along, while the creator's visits on the dashboard stay.
CREATE TABLE IF NOT EXISTS short_link_stats (
  link_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  visits BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (link_id, day),
  KEY short_link_stats_day (day),
  CONSTRAINT short_link_stats_link_fk FOREIGN KEY (link_id) REFERENCES short_links (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
