-- 0023_payouts.sql: payouts, clawback and the hash-chained commission ledger.
--
-- commission_entries becomes a hash chain per brand: each entry stores chain_seq (1, 2, 3... per
-- brand, so verification never relies on auto-increment ids, which a cluster interleaves),
-- prev_hash (the previous entry's entry_hash; 32 zero bytes for the first) and entry_hash
-- (BLAKE2b-256 of the entry's canonical content and prev_hash: src/domain/creators/ledger_chain.c).
-- Rows written before this migration have no hash: `crowdcartctl ledger verify --init` chains
-- them, in id order, after the current head (docs/CREATORS.md). A 'clawback' is the part of a
-- refund or cancellation that reverses commission already paid out; it is carried against the
-- creator's next payouts. payout_id names the batch a 'payout' entry settled.
ALTER TABLE commission_entries MODIFY COLUMN kind ENUM('accrual','reversal','payout','clawback') NOT NULL;
ALTER TABLE commission_entries
  ADD COLUMN IF NOT EXISTS payout_id BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS chain_seq BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS prev_hash BINARY(32) NULL,
  ADD COLUMN IF NOT EXISTS entry_hash BINARY(32) NULL;
-- Two entries can never claim the same place in a brand's chain, whatever the locking did.
CREATE UNIQUE INDEX IF NOT EXISTS commission_entries_chain ON commission_entries (brand_id, chain_seq);
CREATE INDEX IF NOT EXISTS commission_entries_payout ON commission_entries (payout_id);

-- The head of each brand's chain, locked FOR UPDATE by every append in the appending transaction:
-- this serialises appends per brand (on a cluster too: a concurrent append conflicts and is
-- retried by db_txn) without LOCK TABLES or GET_LOCK.
CREATE TABLE IF NOT EXISTS ledger_heads (
  brand_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  last_seq BIGINT UNSIGNED NOT NULL DEFAULT 0,
  last_entry_id BIGINT UNSIGNED NULL,
  last_hash BINARY(32) NOT NULL,
  CONSTRAINT ledger_heads_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last run of `crowdcartctl ledger verify` per brand, shown on the dashboards.
CREATE TABLE IF NOT EXISTS ledger_checks (
  brand_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  checked_at DATETIME NOT NULL,
  ok TINYINT(1) NOT NULL,
  entries BIGINT UNSIGNED NOT NULL DEFAULT 0,
  broken_entry_id BIGINT UNSIGNED NULL,
  CONSTRAINT ledger_checks_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A brand's payout settings; no row means the defaults (25 in the brand's currency, monthly).
-- The debtor account is the brand's own, for the SEPA file.
CREATE TABLE IF NOT EXISTS brand_payout_settings (
  brand_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  threshold_minor BIGINT NOT NULL,
  schedule ENUM('monthly','twice_monthly') NOT NULL DEFAULT 'monthly',
  debtor_name VARCHAR(70) NOT NULL DEFAULT '',
  debtor_iban VARCHAR(34) NOT NULL DEFAULT '',
  debtor_bic VARCHAR(11) NOT NULL DEFAULT '',
  updated_at DATETIME NOT NULL,
  CONSTRAINT brand_payout_settings_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How a creator is paid. The IBAN is bank data: sealed with libsodium secretbox under a key
-- derived from the server secret (nonce and ciphertext in iban_sealed); only its last four
-- characters are ever shown back.
CREATE TABLE IF NOT EXISTS creator_payout_details (
  creator_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  method ENUM('paypal','sepa') NOT NULL,
  paypal_email VARCHAR(254) NOT NULL DEFAULT '',
  iban_sealed VARBINARY(128) NULL,
  iban_last4 CHAR(4) NOT NULL DEFAULT '',
  bic VARCHAR(11) NOT NULL DEFAULT '',
  account_name VARCHAR(70) NOT NULL DEFAULT '',
  updated_at DATETIME NOT NULL,
  CONSTRAINT creator_payout_details_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A brand records that a creator's tax form has arrived; a creator without one is held.
CREATE TABLE IF NOT EXISTS creator_tax_forms (
  brand_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  received_at DATETIME NOT NULL,
  recorded_by BIGINT UNSIGNED NULL,
  PRIMARY KEY (brand_id, creator_id),
  KEY creator_tax_forms_creator (creator_id),
  CONSTRAINT creator_tax_forms_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id),
  CONSTRAINT creator_tax_forms_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT creator_tax_forms_by_fk FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A payout batch: one brand, one currency, one period. run_key (brand, currency and period, e.g.
-- "EUR 2026-12" or "EUR 2026-12b") is UNIQUE, so running the same period again finds the same
-- batch; voiding clears it (NULLs do not collide), so the period can be run again.
CREATE TABLE IF NOT EXISTS payout_batches (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  currency CHAR(3) NOT NULL,
  period VARCHAR(16) NOT NULL,
  run_key VARCHAR(32) NULL,
  status ENUM('draft','exported','paid','void') NOT NULL DEFAULT 'draft',
  total BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  created_by BIGINT UNSIGNED NULL,
  exported_at DATETIME NULL,
  paid_at DATETIME NULL,
  voided_at DATETIME NULL,
  UNIQUE KEY payout_batches_run (brand_id, run_key),
  KEY payout_batches_brand (brand_id, created_at),
  CONSTRAINT payout_batches_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id),
  CONSTRAINT payout_batches_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- With foreign_key_checks off, as in 0013: with checks on, MariaDB copies commission_entries (a
-- row per commission event) to add the key, blocking its writes; payout_id, added above, is NULL
-- in every row, so there is nothing to check.
SET SESSION foreign_key_checks = 0;
ALTER TABLE commission_entries
  ADD CONSTRAINT commission_entries_payout_fk FOREIGN KEY IF NOT EXISTS (payout_id) REFERENCES payout_batches (id),
  ALGORITHM=NOCOPY, LOCK=NONE;
SET SESSION foreign_key_checks = 1;

-- One creator's payout in a batch: the net amount (carried clawbacks already taken off), and the
-- method the creator had chosen when the batch was made, which decides the file it goes in.
CREATE TABLE IF NOT EXISTS payout_lines (
  batch_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  amount BIGINT NOT NULL,
  method ENUM('paypal','sepa') NOT NULL,
  PRIMARY KEY (batch_id, creator_id),
  KEY payout_lines_creator (creator_id),
  CONSTRAINT payout_lines_batch_fk FOREIGN KEY (batch_id) REFERENCES payout_batches (id),
  CONSTRAINT payout_lines_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a payout line settles, per order line: marking the batch paid writes one 'payout' entry
-- of minus this amount for each (a carried clawback settles as a positive one).
CREATE TABLE IF NOT EXISTS payout_items (
  batch_id BIGINT UNSIGNED NOT NULL,
  order_line_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (batch_id, order_line_id),
  KEY payout_items_line (order_line_id),
  CONSTRAINT payout_items_batch_fk FOREIGN KEY (batch_id) REFERENCES payout_batches (id),
  CONSTRAINT payout_items_line_fk FOREIGN KEY (order_line_id) REFERENCES order_lines (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
