-- 0035_moderation.sql: an admin's takedowns with the reason the owner sees, shoppers' reports of
-- public pages, and brands waiting for approval before their catalog is public.
--
-- A takedown is two columns on the row it takes down, not a table keyed by kind and id: every
-- public query already reads that row, so hiding it costs a condition, never a query per view.
-- taken_down_reason is shown to the owner in the studio, never to the public (who get a neutral
-- 410); it is cleared with taken_down_at when an admin restores the item. The index serves the
-- admin's list of what is down (mostly NULL, so small).
ALTER TABLE creators
  ADD COLUMN IF NOT EXISTS taken_down_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS taken_down_reason VARCHAR(500) NULL, ALGORITHM=INSTANT;
ALTER TABLE collections
  ADD COLUMN IF NOT EXISTS taken_down_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS taken_down_reason VARCHAR(500) NULL, ALGORITHM=INSTANT;
ALTER TABLE videos
  ADD COLUMN IF NOT EXISTS taken_down_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS taken_down_reason VARCHAR(500) NULL, ALGORITHM=INSTANT;
ALTER TABLE ads
  ADD COLUMN IF NOT EXISTS taken_down_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS taken_down_reason VARCHAR(500) NULL, ALGORITHM=INSTANT;
ALTER TABLE live_sessions
  ADD COLUMN IF NOT EXISTS taken_down_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS taken_down_reason VARCHAR(500) NULL, ALGORITHM=INSTANT;
ALTER TABLE lead_forms
  ADD COLUMN IF NOT EXISTS taken_down_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS taken_down_reason VARCHAR(500) NULL, ALGORITHM=INSTANT;

-- Each index its own ALTER, built beside the rows (an index in the same ALTER as the columns
-- rebuilds the table: docs/UPGRADING.md).
ALTER TABLE creators ADD INDEX IF NOT EXISTS creators_taken_down (taken_down_at), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE collections ADD INDEX IF NOT EXISTS collections_taken_down (taken_down_at), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE videos ADD INDEX IF NOT EXISTS videos_taken_down (taken_down_at), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE ads ADD INDEX IF NOT EXISTS ads_taken_down (taken_down_at), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE live_sessions ADD INDEX IF NOT EXISTS live_sessions_taken_down (taken_down_at), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE lead_forms ADD INDEX IF NOT EXISTS lead_forms_taken_down (taken_down_at), ALGORITHM=NOCOPY, LOCK=NONE;

-- approved = 0: the brand signed up while brand_approval = required and no admin has approved it
-- yet; its products are left out of every public page and the feed. The default approves every
-- brand that exists when this runs (the demo brands among them) and every brand made while
-- brand_approval = open.
ALTER TABLE brands ADD COLUMN IF NOT EXISTS approved TINYINT(1) NOT NULL DEFAULT 1, ALGORITHM=INSTANT;

-- A shopper's report of a public page, anonymous or signed in; the admin acts on it at
-- /admin/moderation. kind and target_id name the reported row (no foreign key: six tables), the
-- page's address is rebuilt from them. No address or session of the reporter is stored; the
-- abuse budgets (abuse_hits) keep only keyed hashes.
CREATE TABLE IF NOT EXISTS moderation_reports (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  kind ENUM('storefront','collection','video','ad','live','form') NOT NULL,
  target_id BIGINT UNSIGNED NOT NULL,
  category ENUM('spam','scam','counterfeit','hate','adult','other') NOT NULL,
  body VARCHAR(2000) NOT NULL DEFAULT '',
  reporter_user_id BIGINT UNSIGNED NULL,
  state ENUM('open','actioned','dismissed') NOT NULL DEFAULT 'open',
  created_at DATETIME NOT NULL,
  resolved_at DATETIME NULL,
  resolved_by BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  KEY moderation_reports_state (state, created_at),
  KEY moderation_reports_target (kind, target_id),
  CONSTRAINT moderation_reports_reporter_fk FOREIGN KEY (reporter_user_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT moderation_reports_resolver_fk FOREIGN KEY (resolved_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
