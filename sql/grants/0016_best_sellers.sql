-- 0016_best_sellers.sql grants: the shop counts best sellers (reading orders and order lines, as
-- 0003 and 0013 allow, and the showcases' windows) and rewrites the counts under the lease; the
-- studio's preview only reads them. The shop may move a lease's times and count, never rename one.
GRANT SELECT, INSERT, DELETE ON product_sales_window TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON sales_windows TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, UPDATE (next_at, claimed_at, claims) ON refresh_leases TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON product_sales_window TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON sales_windows TO 'cc_studio'@'127.0.0.1';
