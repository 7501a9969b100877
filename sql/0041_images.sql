-- 0041_images.sql: the image pipeline (docs/IMAGES.md). An uploaded or fetched picture is an asset
-- named by its content (akey: the first 32 hex digits of the SHA-256 of its bytes); crowdcartctl
-- worker decodes it under limits and writes its renditions as static files under the media
-- folder (/media/img/<akey>-<width>.<ext>). Pages refer to an upload as "/media/img/<akey>" in
-- product_images.url, and to an imported picture by its source URL, which is fetched (image_fetches)
-- and never shown to a shopper: until its asset is ready a card shows a placeholder.
CREATE TABLE IF NOT EXISTS image_assets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  akey CHAR(32) NOT NULL,
  status ENUM('pending','ready','refused') NOT NULL DEFAULT 'pending',
  source MEDIUMBLOB NULL,                 -- the bytes as received, dropped once processed
  width INT NOT NULL DEFAULT 0,           -- after the EXIF rotation, before any resize
  height INT NOT NULL DEFAULT 0,
  error VARCHAR(255) NOT NULL DEFAULT '',
  owner_user_id BIGINT UNSIGNED NULL,     -- who uploaded it; NULL when fetched for an import
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL,      -- the worker's lease (UTC)
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY image_assets_akey (akey),
  KEY image_assets_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per imported image URL the worker has taken on (url_hash = SHA-256 of the URL).
CREATE TABLE IF NOT EXISTS image_fetches (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  url_hash BINARY(32) NOT NULL,
  url VARCHAR(1000) NOT NULL,
  status ENUM('pending','done','failed') NOT NULL DEFAULT 'pending',
  akey CHAR(32) NULL,
  attempts INT NOT NULL DEFAULT 0,
  error VARCHAR(255) NOT NULL DEFAULT '',
  next_attempt_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY image_fetches_url (url_hash),
  KEY image_fetches_akey (akey),
  KEY image_fetches_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Posters of uploaded videos without one, made by the worker with ffmpeg (a frame at 1 s) and then
-- run through the pipeline like an upload (videos.poster_url becomes /media/img/<akey>).
CREATE TABLE IF NOT EXISTS video_posters (
  video_id BIGINT UNSIGNED NOT NULL,
  status ENUM('pending','done','failed') NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  error VARCHAR(255) NOT NULL DEFAULT '',
  next_attempt_at DATETIME NOT NULL,
  PRIMARY KEY (video_id),
  KEY video_posters_due (status, next_attempt_at),
  CONSTRAINT video_posters_video_fk FOREIGN KEY (video_id) REFERENCES videos (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The hash of every image URL, computed by the database, so a card finds its fetched asset through
-- an index and the worker finds URLs not yet taken on without hashing every row. A virtual column
-- (added without copying the table) with an index of its own statement (built without copying,
-- writes going on): docs/UPGRADING.md.
ALTER TABLE product_images ADD COLUMN IF NOT EXISTS url_hash BINARY(32) AS (UNHEX(SHA2(url, 256))) VIRTUAL;
ALTER TABLE product_images ADD INDEX IF NOT EXISTS product_images_url_hash (url_hash), ALGORITHM=NOCOPY, LOCK=NONE;
