-- 0041_images.sql grants: pages read which assets are ready (cards, product pages, studio); the
-- studio records an upload as a pending asset. Only crowdcartctl (the admin account) processes,
-- fetches and deletes them.
GRANT SELECT ON image_assets TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON image_fetches TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON image_assets TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON image_fetches TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON image_assets TO 'cc_api'@'127.0.0.1';
GRANT SELECT ON image_fetches TO 'cc_api'@'127.0.0.1';
