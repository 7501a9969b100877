-- 0035_moderation.sql grants: the shop files reports (and reads nothing back); the studio's admin
-- pages list and resolve them and take items down or restore them. The studio could not change a
-- video before (videos are published, never edited), so it gets the takedown columns only.
GRANT INSERT ON moderation_reports TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, UPDATE ON moderation_reports TO 'cc_studio'@'127.0.0.1';
GRANT UPDATE (taken_down_at, taken_down_reason) ON videos TO 'cc_studio'@'127.0.0.1';
