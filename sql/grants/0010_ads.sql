-- 0010_ads.sql grants: the shop shows live ads, checks click-out targets and lead-form redirects
-- against verified domains, adds to the ad counters and logs click-outs; the studio manages
-- domains (never verifies them: crowdcartctl does, with the owner account) and ads, and reads the
-- counters for the dashboards.
GRANT SELECT ON brand_domains TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON ads TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON ad_products TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON ad_stats TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON ad_clicks TO 'cc_shop'@'127.0.0.1';

GRANT SELECT, DELETE ON brand_domains TO 'cc_studio'@'127.0.0.1';
GRANT INSERT (brand_id, domain, token, created_at) ON brand_domains TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON ads TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON ad_products TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON ad_stats TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON ad_clicks TO 'cc_studio'@'127.0.0.1';
