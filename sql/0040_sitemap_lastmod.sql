-- 0040_sitemap_lastmod.sql: when a storefront or a collection last changed, for the sitemap's
-- lastmod (products have had updated_at from the start). Rows that exist get the time of the
-- migration: they are not known to be older, and a crawler told "changed" reads them once more.
ALTER TABLE creators
  ADD COLUMN IF NOT EXISTS updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ALGORITHM=INSTANT;
ALTER TABLE collections
  ADD COLUMN IF NOT EXISTS updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ALGORITHM=INSTANT;
