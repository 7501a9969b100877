-- 0017_short_link_stats.sql grants: the shop adds visits to a link's day; the studio reads them.
GRANT SELECT, INSERT, UPDATE ON short_link_stats TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON short_link_stats TO 'cc_studio'@'127.0.0.1';
