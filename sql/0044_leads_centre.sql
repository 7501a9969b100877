-- 0044_leads_centre.sql: brands work their leads. Each lead has a status (raw until worked;
-- qualified/unqualified set from the answers to qualifying options unless a person set it),
-- labels, an assignee (a name or address typed by the brand: a brand has one account today),
-- notes with author and time, and a history of every change. A choice option may qualify or
-- disqualify. Columns added at the end with defaults change no stored row (MariaDB in place).
ALTER TABLE leads
  ADD COLUMN IF NOT EXISTS status ENUM('raw','qualified','unqualified','contacted','converted') NOT NULL DEFAULT 'raw',
  -- a person chose the status: later submissions of the same lead leave it alone
  ADD COLUMN IF NOT EXISTS status_by_hand TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS labels VARCHAR(500) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS assignee VARCHAR(254) NOT NULL DEFAULT '';
-- Indexes in statements of their own, so the columns above stay instant and these build online.
ALTER TABLE leads ADD INDEX IF NOT EXISTS leads_brand_status (brand_id, status, created_at);

-- Options of a choice field (one per line, each one of the field's options) that qualify or
-- disqualify the lead when chosen.
ALTER TABLE lead_form_fields
  ADD COLUMN IF NOT EXISTS qualifying VARCHAR(2000) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS disqualifying VARCHAR(2000) NOT NULL DEFAULT '';

CREATE TABLE IF NOT EXISTS lead_notes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id BIGINT UNSIGNED NOT NULL,
  author VARCHAR(254) NOT NULL,
  body VARCHAR(4000) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY lead_notes_lead (lead_id, created_at),
  CONSTRAINT lead_notes_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to a lead, oldest first: "status qualified (from answers)", "assigned to ...".
CREATE TABLE IF NOT EXISTS lead_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id BIGINT UNSIGNED NOT NULL,
  actor VARCHAR(254) NOT NULL,
  what VARCHAR(600) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY lead_events_lead (lead_id, created_at),
  CONSTRAINT lead_events_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A conditional question: shown only when the answer to an earlier choice field of the same form
-- (show_if_field_id) is one of show_if_options (one per line). Removing that field shows it always.
ALTER TABLE lead_form_fields
  ADD COLUMN IF NOT EXISTS show_if_field_id BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS show_if_options VARCHAR(2000) NOT NULL DEFAULT '';

-- Retention: a form keeps its leads this many days after their last submission (NULL: the
-- operator's lead_retention_days); crowdcartctl purge erases older ones and keeps only how many.
ALTER TABLE lead_forms
  ADD COLUMN IF NOT EXISTS retention_days INT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS purged_leads BIGINT UNSIGNED NOT NULL DEFAULT 0;
-- The purge walks each form's leads by last submission.
ALTER TABLE leads ADD INDEX IF NOT EXISTS leads_form_updated (form_id, updated_at);

-- A lead.erased delivery outlives its lead, so a delivery's lead_id no longer needs a lead row
-- (making the column NULL-able instead would rebuild the table). Erasing a lead deletes its other
-- deliveries itself (lead_erase.c, lead_retention.c), as the cascade did.
ALTER TABLE webhook_deliveries DROP FOREIGN KEY IF EXISTS webhook_deliveries_lead_fk;

-- A phone answer is kept as typed and, when it is international, as E.164 too (lead_phone.h).
ALTER TABLE lead_answers ADD COLUMN IF NOT EXISTS e164 VARCHAR(16) NOT NULL DEFAULT '';

-- The appointment question: weekly availability ("mon 09:00-12:00, ..."), slot length, IANA time
-- zone and notice, per field; a value added at the end of the ENUM changes no stored row.
ALTER TABLE lead_form_fields
  MODIFY type ENUM('text','longtext','email','phone','choice','multi','checkbox','date','number','appointment','image') NOT NULL,
  ADD COLUMN IF NOT EXISTS appt_weekly VARCHAR(500) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS appt_slot_minutes INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS appt_tz VARCHAR(64) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS appt_notice_minutes INT UNSIGNED NOT NULL DEFAULT 0;

-- One row per booked slot: the primary key is what makes two shoppers unable to book one slot of
-- a form, whichever node their requests reach. Erasing the lead frees the slot.
CREATE TABLE IF NOT EXISTS lead_bookings (
  form_id BIGINT UNSIGNED NOT NULL,
  slot_start DATETIME NOT NULL,
  field_id BIGINT UNSIGNED NULL,
  lead_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (form_id, slot_start),
  KEY lead_bookings_lead (lead_id),
  CONSTRAINT lead_bookings_form_fk FOREIGN KEY (form_id) REFERENCES lead_forms (id) ON DELETE CASCADE,
  CONSTRAINT lead_bookings_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
