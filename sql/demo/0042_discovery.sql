-- 0042_discovery.sql (demo): the demo products get the category their product type names, as
-- migration 0042 gives existing rows (the demo is loaded after the migrations). The search index
-- itself is written by crowdcartctl demo after this file (search_index.c).
UPDATE products SET category = TRIM(BOTH '-' FROM LEFT(REGEXP_REPLACE(
    LOWER(TRIM(SUBSTRING_INDEX(product_type, '>', -1))), '[^a-z0-9]+', '-'), 64))
  WHERE category = '' AND product_type <> '';
INSERT IGNORE INTO categories (slug, name)
  SELECT category, MIN(TRIM(SUBSTRING_INDEX(product_type, '>', -1))) FROM products
  WHERE category <> '' GROUP BY category;
