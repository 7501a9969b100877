-- crowdcart demo data for dynamic showcases: northwind's "Best sellers" on its product pages and
-- a showcase of Lena's in-stock desk picks on her storefront.
INSERT INTO showcases (brand_id, creator_id, title, tags, best_sellers_days, sort, max_items, slot, created_at, updated_at)
  SELECT id, NULL, 'Best sellers', '', 30, 'featured', 12, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM brands WHERE slug = 'northwind';
INSERT INTO showcases (brand_id, creator_id, title, tags, in_stock_only, sort, max_items, slot, created_at, updated_at)
  SELECT NULL, id, 'Desk favourites', 'desk', 1, 'featured', 12, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM creators WHERE handle = 'lena';
