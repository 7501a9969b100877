-- 0047_covers.sql grants: the studio's poster page shows whether the worker is taking the chosen
-- frame or why it could not, and choosing another second drops the row so the worker takes it on
-- again. The new columns are in tables whose grants cover them already.
GRANT SELECT, DELETE ON video_posters TO 'cc_studio'@'127.0.0.1';
-- A video's owner sets its poster (an upload, or the second its frame is taken at).
GRANT UPDATE (poster_url, poster_second) ON videos TO 'cc_studio'@'127.0.0.1';
