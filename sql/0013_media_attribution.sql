-- 0013_media_attribution.sql: exact per-ad and per-video sales (issue 6). A cart item remembers
-- the video or ad it was added from (at most one: the latest add from a medium, kept so by the
-- cart's upsert; MariaDB refuses a CHECK on a column whose foreign key sets NULL), and checkout
-- copies it onto the order line, so an ad's or video's orders and revenue are its own lines, not
-- guessed from the credited creator. Lines placed before this migration carry no medium.
-- Columns first, then their keys: together in one ALTER, MariaDB rebuilds the whole table; apart,
-- the columns are instant and the keys are built beside the rows, writes going on meanwhile.
ALTER TABLE cart_items
  ADD COLUMN IF NOT EXISTS video_id BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS ad_id BIGINT UNSIGNED NULL,
  ALGORITHM=INSTANT;
ALTER TABLE cart_items
  ADD KEY IF NOT EXISTS cart_items_video (video_id),
  ADD KEY IF NOT EXISTS cart_items_ad (ad_id),
  ALGORITHM=NOCOPY, LOCK=NONE;
-- The foreign keys are added with foreign_key_checks off: with checks on, MariaDB copies the whole
-- table to add one, blocking writes to it meanwhile (order_lines can hold millions of rows), and
-- there is nothing to check: the columns were added just above, NULL in every row.
SET SESSION foreign_key_checks = 0;
ALTER TABLE cart_items
  ADD CONSTRAINT cart_items_video_fk FOREIGN KEY IF NOT EXISTS (video_id) REFERENCES videos (id) ON DELETE SET NULL,
  ADD CONSTRAINT cart_items_ad_fk FOREIGN KEY IF NOT EXISTS (ad_id) REFERENCES ads (id) ON DELETE SET NULL,
  ALGORITHM=NOCOPY, LOCK=NONE;

-- The dashboards read a medium's lines and join their orders: (medium, order) serves both the
-- distinct-order count and the join, and the foreign key's delete.
ALTER TABLE order_lines
  ADD COLUMN IF NOT EXISTS video_id BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS ad_id BIGINT UNSIGNED NULL,
  ALGORITHM=INSTANT;
ALTER TABLE order_lines
  ADD KEY IF NOT EXISTS order_lines_video (video_id, order_id),
  ADD KEY IF NOT EXISTS order_lines_ad (ad_id, order_id),
  ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE order_lines
  ADD CONSTRAINT order_lines_video_fk FOREIGN KEY IF NOT EXISTS (video_id) REFERENCES videos (id) ON DELETE SET NULL,
  ADD CONSTRAINT order_lines_ad_fk FOREIGN KEY IF NOT EXISTS (ad_id) REFERENCES ads (id) ON DELETE SET NULL,
  ALGORITHM=NOCOPY, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
