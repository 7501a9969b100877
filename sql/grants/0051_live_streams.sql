-- 0051_live_streams.sql grants: the studio makes and revokes a session's stream key and answers
-- the streaming server's callbacks (publish, publish done, recording done); crowdcartctl worker
-- (the admin account) turns recordings into replays. The shop program never sees stream keys.
GRANT SELECT, INSERT, UPDATE ON live_streams TO 'cc_studio'@'127.0.0.1';
