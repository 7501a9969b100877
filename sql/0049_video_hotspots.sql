-- 0049_video_hotspots.sql: shoppable video depth (issue 22). A tag may carry a hotspot: a point in
-- the frame (x, y in whole percent of the picture's width and height, 0-100, checked by the studio
-- before it writes) with a short label, shown as a tappable dot during the tag's time range. NULL x
-- and y: no hotspot, the tag is a card only.
-- A deleted video keeps its row, marked deleted_at: order_lines.video_id references it with ON
-- DELETE SET NULL, so removing the row would erase which video sold those lines from the orders and
-- the dashboards. Its tags are removed with it (nothing references them), its page answers 410.
-- Instant column additions only: no table is rebuilt, writes go on meanwhile.
ALTER TABLE video_tags
  ADD COLUMN IF NOT EXISTS spot_x TINYINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS spot_y TINYINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS spot_label VARCHAR(60) NOT NULL DEFAULT '',
  ALGORITHM=INSTANT;
ALTER TABLE videos
  ADD COLUMN IF NOT EXISTS deleted_at DATETIME NULL,
  ALGORITHM=INSTANT;
