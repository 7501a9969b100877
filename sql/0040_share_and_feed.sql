-- 0040_share_and_feed.sql: what search engines and merchant feeds need that the rows did not say.
--
-- When a storefront or a collection last changed, for the sitemap's lastmod (products have had
-- updated_at from the start). Rows that exist get the time of the migration: they are not known
-- to be older, and a crawler told "changed" reads them once more.
ALTER TABLE creators
  ADD COLUMN IF NOT EXISTS updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ALGORITHM=INSTANT;
ALTER TABLE collections
  ADD COLUMN IF NOT EXISTS updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ALGORITHM=INSTANT;

-- Whether the variant's stock is counted. A source that keeps no count and says "in stock" (a
-- feed's availability without a quantity, WooCommerce's unmanaged stock) was stored as "continue"
-- with stock 0, the same as a counted variant sold past zero, and the feed wrote both as
-- "backorder". 0 = not counted: in stock while the policy is continue. Every existing row counts.
ALTER TABLE variants
  ADD COLUMN IF NOT EXISTS stock_counted TINYINT(1) NOT NULL DEFAULT 1, ALGORITHM=INSTANT;
