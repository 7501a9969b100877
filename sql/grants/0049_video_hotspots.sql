-- 0049_video_hotspots.sql grants: the studio now edits a video (its address, poster, caption and
-- tags, hotspots included) and deletes it: the row is marked deleted_at (kept for the order lines
-- that name it) and its tags are removed.
GRANT UPDATE (src_url, poster_url, caption, deleted_at) ON videos TO 'cc_studio'@'127.0.0.1';
GRANT UPDATE, DELETE ON video_tags TO 'cc_studio'@'127.0.0.1';
