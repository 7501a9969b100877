-- 0013_media_attribution.sql grants: the shop writes the medium onto cart items (add-to-cart) and
-- order lines (checkout), checking it against video_tags and ad_products; the studio reads the
-- order lines' medium for the dashboards. The table grants of 0003, 0006, 0008 and 0010 already
-- hold all of this (they cover new columns); restated so this feature's needs are written down.
GRANT SELECT, INSERT, UPDATE ON cart_items TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON order_lines TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON video_tags TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON ad_products TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON order_lines TO 'cc_studio'@'127.0.0.1';
