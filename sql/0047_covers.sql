-- 0047_covers.sql: uploaded covers, the poster's chosen frame and AVIF (docs/IMAGES.md). A storefront and
-- a collection may have a cover picture, held like an avatar ("/media/img/<akey>" once uploaded,
-- '' for none); a video uploaded here may name the second its poster frame is taken at (NULL: the
-- default, 1 s). Columns added at the end of a table, with a constant default: MariaDB adds them
-- instantly, without copying the table (docs/UPGRADING.md).
ALTER TABLE creators ADD COLUMN IF NOT EXISTS cover_url VARCHAR(500) NOT NULL DEFAULT '', ALGORITHM=INSTANT;
ALTER TABLE collections ADD COLUMN IF NOT EXISTS cover_url VARCHAR(500) NOT NULL DEFAULT '', ALGORITHM=INSTANT;
ALTER TABLE videos ADD COLUMN IF NOT EXISTS poster_second INT UNSIGNED NULL, ALGORITHM=INSTANT;
-- Whether an asset's narrow steps have AVIF files: assets processed before AVIF have none, and
-- pages offer an AVIF source only for those that do.
ALTER TABLE image_assets ADD COLUMN IF NOT EXISTS avif TINYINT(1) NOT NULL DEFAULT 0, ALGORITHM=INSTANT;
