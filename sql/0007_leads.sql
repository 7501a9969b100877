-- 0007_leads.sql: lead generation forms (issue 8): forms and their fields, leads with the exact
-- consent text shown, per-IP-hash and per-form rate buckets, the duplicate-merge index, and the
-- webhook outbox with its attempt log. No raw IP address is ever stored: only keyed hashes.

CREATE TABLE IF NOT EXISTS lead_forms (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  slug VARCHAR(64) NOT NULL,
  title VARCHAR(120) NOT NULL,
  intro TEXT NOT NULL,
  consent_text VARCHAR(1000) NOT NULL,
  privacy_url VARCHAR(500) NOT NULL DEFAULT '',
  thanks_text VARCHAR(1000) NOT NULL,
  status ENUM('draft','live','closed') NOT NULL DEFAULT 'draft',
  -- creators may share it at /@handle/f/slug (the lead is attributed to them)
  creators_allowed TINYINT(1) NOT NULL DEFAULT 1,
  -- and if this lists handles (separated by spaces or commas), only those creators
  creator_handles VARCHAR(1000) NOT NULL DEFAULT '',
  min_fill_seconds INT UNSIGNED NOT NULL DEFAULT 3,
  ip_limit_per_hour INT UNSIGNED NOT NULL DEFAULT 20,
  form_limit_per_hour INT UNSIGNED NOT NULL DEFAULT 5000,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY lead_forms_slug (slug),
  KEY lead_forms_brand (brand_id, created_at),
  CONSTRAINT lead_forms_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS lead_form_fields (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  form_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  type ENUM('text','longtext','email','phone','choice','multi','checkbox','date','number') NOT NULL,
  label VARCHAR(200) NOT NULL,
  help VARCHAR(500) NOT NULL DEFAULT '',
  required TINYINT(1) NOT NULL DEFAULT 0,
  options VARCHAR(2000) NOT NULL DEFAULT '',  -- choice/multi: one option per line
  KEY lead_form_fields_form (form_id, position, id),
  CONSTRAINT lead_form_fields_form_fk FOREIGN KEY (form_id) REFERENCES lead_forms (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS leads (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  form_id BIGINT UNSIGNED NOT NULL,
  brand_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NULL,
  email VARCHAR(254) NOT NULL DEFAULT '',
  consent_text VARCHAR(1000) NOT NULL,
  consented_at DATETIME NOT NULL,
  ip_hash BINARY(32) NOT NULL,
  submissions INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY leads_brand_created (brand_id, created_at, id),
  KEY leads_form_created (form_id, created_at, id),
  KEY leads_creator (creator_id, created_at),
  CONSTRAINT leads_form_fk FOREIGN KEY (form_id) REFERENCES lead_forms (id) ON DELETE CASCADE,
  CONSTRAINT leads_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT leads_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answers as shown (label copied, so a later edit of the form does not rewrite history).
CREATE TABLE IF NOT EXISTS lead_answers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id BIGINT UNSIGNED NOT NULL,
  field_id BIGINT UNSIGNED NULL,
  position INT NOT NULL,
  label VARCHAR(200) NOT NULL,
  value TEXT NOT NULL,
  KEY lead_answers_lead (lead_id, position),
  KEY lead_answers_field (field_id),
  CONSTRAINT lead_answers_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE,
  CONSTRAINT lead_answers_field_fk FOREIGN KEY (field_id) REFERENCES lead_form_fields (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per (form, keyed hash of the lower-cased email): the row lock that serialises two
-- submissions of the same email, and the lead they merge into within 24 h.
CREATE TABLE IF NOT EXISTS lead_latest (
  form_id BIGINT UNSIGNED NOT NULL,
  email_hash BINARY(32) NOT NULL,
  lead_id BIGINT UNSIGNED NULL,
  seen_at DATETIME NOT NULL,
  PRIMARY KEY (form_id, email_hash),
  KEY lead_latest_lead (lead_id),
  CONSTRAINT lead_latest_form_fk FOREIGN KEY (form_id) REFERENCES lead_forms (id) ON DELETE CASCADE,
  CONSTRAINT lead_latest_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Fixed-window counters (INSERT ... ON DUPLICATE KEY UPDATE: one row lock, no table locks);
-- bucket = keyed hash of "ip|form|ip-hash" or "form|id", window = hour number.
CREATE TABLE IF NOT EXISTS lead_rate (
  bucket BINARY(32) NOT NULL,
  window_start BIGINT NOT NULL,
  hits INT UNSIGNED NOT NULL,
  PRIMARY KEY (bucket, window_start),
  KEY lead_rate_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A brand's CRM endpoint; the secret signs each delivery (HMAC-SHA256) and is shown in the studio.
CREATE TABLE IF NOT EXISTS lead_webhooks (
  brand_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  url VARCHAR(500) NOT NULL,
  secret VARCHAR(64) NOT NULL,
  updated_at DATETIME NOT NULL,
  CONSTRAINT lead_webhooks_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The outbox: written in the transaction that stores the lead; erasing a lead erases its
-- pending deliveries too (the payload holds the lead).
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  lead_id BIGINT UNSIGNED NOT NULL,
  event VARCHAR(40) NOT NULL,
  payload MEDIUMTEXT NOT NULL,
  status ENUM('pending','delivered','failed') NOT NULL DEFAULT 'pending',
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL,
  created_at DATETIME NOT NULL,
  delivered_at DATETIME NULL,
  KEY webhook_deliveries_due (status, next_attempt_at),
  KEY webhook_deliveries_brand (brand_id, created_at),
  KEY webhook_deliveries_lead (lead_id),
  CONSTRAINT webhook_deliveries_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT webhook_deliveries_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS webhook_attempts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  delivery_id BIGINT UNSIGNED NOT NULL,
  attempted_at DATETIME NOT NULL,
  http_status INT NOT NULL,
  error VARCHAR(200) NOT NULL DEFAULT '',
  duration_ms INT UNSIGNED NOT NULL,
  KEY webhook_attempts_delivery (delivery_id, attempted_at),
  CONSTRAINT webhook_attempts_delivery_fk FOREIGN KEY (delivery_id) REFERENCES webhook_deliveries (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
