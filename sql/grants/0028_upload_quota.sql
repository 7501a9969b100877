-- 0028_upload_quota.sql grants: the studio records each upload, counts an account's, and takes
-- back the record of a file it could not store or that went over the quota.
GRANT SELECT, INSERT, DELETE ON media_uploads TO 'cc_studio'@'127.0.0.1';
