-- 0012_ad_showcase.sql: a collection ad may show one of its brand's showcases (issue 6) under its
-- card row; deleting the showcase leaves the ad without one.
ALTER TABLE ads ADD COLUMN IF NOT EXISTS showcase_id BIGINT UNSIGNED NULL AFTER video_id;
-- With foreign_key_checks off, or MariaDB copies the table to add the key; showcase_id, added just
-- above, is NULL in every row, so there is nothing to check.
SET SESSION foreign_key_checks = 0;
ALTER TABLE ads ADD CONSTRAINT ads_showcase_fk FOREIGN KEY IF NOT EXISTS (showcase_id) REFERENCES showcases (id) ON DELETE SET NULL,
  ALGORITHM=NOCOPY, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
