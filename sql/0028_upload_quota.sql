-- 0028_upload_quota.sql: every file an account uploads to the media folder, so one account cannot
-- fill the disk (ASVS 12.1.3): the studio counts an account's files and bytes here before it
-- stores another (config upload_quota_files, upload_quota_mib; docs/SECURITY.md).
CREATE TABLE IF NOT EXISTS media_uploads (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(64) NOT NULL,
  bytes BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY media_uploads_name (name),
  KEY media_uploads_user (user_id),
  CONSTRAINT media_uploads_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
