-- 0020_commission_rules.sql: commission rules as brands run them: a notice period before a lowered
-- rate reaches existing picks, an indirect rate for the brand's other products bought in the same
-- attributed visit, an optional rate for a buyer's first order with the brand, and which of these
-- each order line earned. Rules: src/domain/creators/commission_rate.h, docs/CREATORS.md.

-- rate_notice_days: how long a lowered rate waits before it applies to existing picks.
-- indirect_commission_bps: the rate on products the attributed creator did not pick (0: off).
-- first_order_commission_bps: the rate on a buyer's first order with the brand (NULL: none).
ALTER TABLE brands
  ADD COLUMN IF NOT EXISTS rate_notice_days INT UNSIGNED NOT NULL DEFAULT 30,
  ADD COLUMN IF NOT EXISTS indirect_commission_bps INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS first_order_commission_bps INT UNSIGNED NULL;

-- The hold before commission is payable is 1 to 90 days (the studio form refuses anything else);
-- brands saved before that rule are brought inside it.
UPDATE brands SET return_window_days = LEAST(GREATEST(return_window_days, 1), 90)
  WHERE return_window_days NOT BETWEEN 1 AND 90;

-- A lowered rate is held here until pending_at (UTC), when it becomes the pick's rate; a raise is
-- written to commission_bps at once and clears any pending cut. Both NULL: nothing coming.
ALTER TABLE picks
  ADD COLUMN IF NOT EXISTS pending_bps INT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS pending_at DATETIME NULL;

-- How the line's commission_bps was chosen: 'direct' (a product the creator picked), 'indirect'
-- (another product of the brand in the same attributed visit), '' (no creator, or nothing
-- earned); first_order: the buyer's first-order rate was the one applied.
ALTER TABLE order_lines
  ADD COLUMN IF NOT EXISTS commission_kind ENUM('', 'direct', 'indirect') NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS commission_first_order TINYINT(1) NOT NULL DEFAULT 0;

-- Before these rules only a product the creator picked earned commission: such lines were direct.
-- In batches of 5000 ids, each committed on its own: one UPDATE over a large order_lines would
-- hold its row locks (and on a cluster, replicate one huge write set) until the last row.
DELIMITER //
BEGIN NOT ATOMIC
  DECLARE next_id BIGINT UNSIGNED DEFAULT (SELECT COALESCE(MIN(id), 1) FROM order_lines);
  DECLARE last_id BIGINT UNSIGNED DEFAULT (SELECT COALESCE(MAX(id), 0) FROM order_lines);
  WHILE next_id <= last_id DO
    UPDATE order_lines SET commission_kind = 'direct'
      WHERE id >= next_id AND id < next_id + 5000
        AND commission_kind = '' AND creator_id IS NOT NULL AND commission_bps > 0;
    COMMIT;
    SET next_id = next_id + 5000;
  END WHILE;
END//
DELIMITER ;

-- "Has this buyer ordered from the brand before": by the brand's orders and the email.
ALTER TABLE orders ADD INDEX IF NOT EXISTS orders_brand_email (brand_id, email);

-- What the studio tells a creator (a rate cut coming, with its date), newest first on their picks
-- page; the same text is mailed through the outbox in the same transaction.
CREATE TABLE IF NOT EXISTS creator_notices (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  creator_id BIGINT UNSIGNED NOT NULL,
  brand_id BIGINT UNSIGNED NULL,
  body VARCHAR(2000) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY creator_notices_creator (creator_id, created_at),
  KEY creator_notices_brand (brand_id),
  CONSTRAINT creator_notices_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT creator_notices_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
