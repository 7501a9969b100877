-- 0008_video.sql grants: the shop shows videos and adds to their counters; the studio publishes
-- videos with their tags and reads the counters for the dashboards.
GRANT SELECT ON videos TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON video_tags TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON video_stats TO 'cc_shop'@'127.0.0.1';

GRANT SELECT, INSERT ON videos TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON video_tags TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON video_stats TO 'cc_studio'@'127.0.0.1';
