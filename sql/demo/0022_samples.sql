-- 0022_samples.sql demo: Northwind sent lena its Task Lamp No. 2 as a sample, so her storefront,
-- her desk video and the lamp's page reached through her say "Gifted by Northwind Goods"; marco
-- waits for Northwind to answer his request for product 10, and Northwind's samples page shows it.
INSERT INTO sample_requests (id, creator_id, brand_id, product_id, note, ship_name, ship_line1, ship_city, ship_region,
  ship_postal, ship_country, status, carrier, tracking_number, created_at, updated_at, decided_at, shipped_at, delivered_at) VALUES
  (1, 1, 1, 7, 'I am filming a desk tour next month and would love to show the lamp.', 'Lena Park',
   '1200 Pine Street (demo address)', 'Seattle', 'WA', '98101', 'US', 'delivered', 'ups', '1Z999AA10123456784',
   UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 12 DAY, UTC_TIMESTAMP() - INTERVAL 19 DAY,
   UTC_TIMESTAMP() - INTERVAL 16 DAY, UTC_TIMESTAMP() - INTERVAL 12 DAY),
  (2, 2, 1, 10, 'For a camp-desk setup post.', 'Marco Reyes', '77 Alder Road (demo address)', 'Bend', 'OR', '97701', 'US',
   'requested', '', '', UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL, NULL, NULL);
INSERT INTO sample_quota (creator_id, brand_id, requests) VALUES (1, 1, 1), (2, 1, 1);
