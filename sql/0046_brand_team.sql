-- 0046_brand_team.sql: the leads centre's last pieces. A brand has a team: its owner invites
-- members by mail (a one-time token, stored only as its hash, for 7 days) and a member works the
-- brand's leads but nothing else of it. A lead is assigned to an account (owner or member); the
-- name typed before teams existed stays in leads.assignee as legacy text until someone assigns
-- the lead to an account. The brand's new-lead mail carries the appointment's .ics as a MIME part
-- (outbox.calendar_ics). A phone question reads national numbers in the form's region.
-- Columns added at the end with defaults change no stored row (MariaDB in place).
CREATE TABLE IF NOT EXISTS brand_members (
  brand_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  role ENUM('member') NOT NULL DEFAULT 'member',
  added_at DATETIME NOT NULL,
  PRIMARY KEY (brand_id, user_id),
  -- an account belongs to at most one team, so "which brand is this account's" has one answer
  UNIQUE KEY brand_members_user (user_id),
  CONSTRAINT brand_members_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT brand_members_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS brand_invites (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  email VARCHAR(254) NOT NULL,
  token_hash BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  UNIQUE KEY brand_invites_token (token_hash),
  KEY brand_invites_brand (brand_id, created_at),
  CONSTRAINT brand_invites_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- No foreign key: removing a member or deleting an account must not fail on the leads it held;
-- the page shows an assignee who left the team as such.
ALTER TABLE leads ADD COLUMN IF NOT EXISTS assignee_user_id BIGINT UNSIGNED NULL;
ALTER TABLE leads ADD INDEX IF NOT EXISTS leads_brand_assignee (brand_id, assignee_user_id, created_at);

ALTER TABLE outbox ADD COLUMN IF NOT EXISTS calendar_ics MEDIUMTEXT NULL;

-- ISO 3166 alpha-2 region a national phone number is read in ('' = US: brands record no country).
-- phone_strict: the question refuses a number libphonenumber does not find valid.
ALTER TABLE lead_forms ADD COLUMN IF NOT EXISTS phone_region CHAR(2) NOT NULL DEFAULT '';
ALTER TABLE lead_form_fields ADD COLUMN IF NOT EXISTS phone_strict TINYINT(1) NOT NULL DEFAULT 0;
