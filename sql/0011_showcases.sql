-- 0011_showcases.sql: dynamic showcases (issue 6): product sets defined by rules, owned by a brand
-- or a creator, placed on storefronts (a creator's two slots) and product pages (a brand's one
-- slot). The rules are columns, evaluated by one fixed prepared statement (src/core/showcase_query.c);
-- docs/SHOWCASES.md describes each rule.
CREATE TABLE IF NOT EXISTS showcases (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- the owner: exactly one of the two
  brand_id BIGINT UNSIGNED NULL,
  creator_id BIGINT UNSIGNED NULL,
  title VARCHAR(80) NOT NULL,
  -- rules; NULL or '' means "any"
  filter_brand_id BIGINT UNSIGNED NULL,
  tags VARCHAR(400) NOT NULL DEFAULT '',          -- up to 5, comma-separated, any-of
  product_type VARCHAR(120) NOT NULL DEFAULT '',
  price_min BIGINT NULL,                          -- minor units of currency
  price_max BIGINT NULL,
  currency CHAR(3) NOT NULL DEFAULT '',           -- set when a price bound is
  in_stock_only TINYINT(1) NOT NULL DEFAULT 0,
  best_sellers_days SMALLINT UNSIGNED NULL,       -- 1..365: most units sold in that window first
  recently_viewed TINYINT(1) NOT NULL DEFAULT 0,  -- only the visitor's recently viewed products
  sort ENUM('featured','newest','price_asc','price_desc') NOT NULL DEFAULT 'featured',
  max_items TINYINT UNSIGNED NOT NULL DEFAULT 12,
  -- where it is shown: a creator's storefront slot 1 or 2, a brand's product pages slot 1;
  -- NULL: not placed. The unique keys make the caps hold on every node.
  slot TINYINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY showcases_brand_slot (brand_id, slot),
  UNIQUE KEY showcases_creator_slot (creator_id, slot),
  KEY showcases_filter_brand (filter_brand_id),
  CONSTRAINT showcases_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT showcases_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT showcases_filter_brand_fk FOREIGN KEY (filter_brand_id) REFERENCES brands (id) ON DELETE SET NULL,
  CONSTRAINT showcases_one_owner CHECK ((brand_id IS NULL) <> (creator_id IS NULL)),
  CONSTRAINT showcases_price_range CHECK (price_min IS NULL OR price_max IS NULL OR price_min <= price_max),
  CONSTRAINT showcases_days CHECK (best_sellers_days IS NULL OR best_sellers_days BETWEEN 1 AND 365),
  CONSTRAINT showcases_items CHECK (max_items BETWEEN 1 AND 24),
  CONSTRAINT showcases_slot CHECK (slot IS NULL OR slot BETWEEN 1 AND 2)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Best sellers add up order lines of orders placed in the last N days: the window is a range
-- on orders.created_at across brands.
CREATE INDEX IF NOT EXISTS orders_created ON orders (created_at);
