-- 0004_creators.sql grants: the shop records attribution and counts visits, and follows short
-- links; the studio creates short links, decides pick requests (picks: already granted) and
-- reads visit counts for the dashboards (orders and the ledger: 0003). Only the shop writes visits.
GRANT SELECT, INSERT, UPDATE ON attribution_sessions TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON creator_visits TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON short_links TO 'cc_shop'@'127.0.0.1';

GRANT SELECT ON creator_visits TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON short_links TO 'cc_studio'@'127.0.0.1';
