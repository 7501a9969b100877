-- Demo discount codes: northwind gives lena LENA15 (15 % off, 100 uses, one per customer) and
-- keeps WELCOME5 ($5.00 off orders from $40.00, combines) for itself, so /@lena?code=LENA15 and
-- a code typed at checkout can be tried at once. Demo data only.
INSERT IGNORE INTO discount_codes (brand_id, creator_id, code, kind, value, min_order, total_limit,
  per_customer_limit, combinable, created_at)
SELECT b.id, c.id, 'LENA15', 'percent', 1500, 0, 100, 1, 0, UTC_TIMESTAMP()
  FROM brands b JOIN creators c ON c.handle = 'lena' WHERE b.slug = 'northwind';
INSERT IGNORE INTO discount_codes (brand_id, creator_id, code, kind, value, min_order, total_limit,
  per_customer_limit, combinable, created_at)
SELECT b.id, NULL, 'WELCOME5', 'fixed', 500, 4000, NULL, NULL, 1, UTC_TIMESTAMP()
  FROM brands b WHERE b.slug = 'northwind';
