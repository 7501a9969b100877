-- 0021_discount_codes.sql: discount codes a brand gives its creators (or keeps for itself), the
-- codes a cart holds, each use of a code by an order, and the discount on orders and their lines.
-- docs/CREATORS.md ("Discount codes") has the rules.
--
-- A code is unique across all brands (not per brand): shoppers type it on a cart that may hold
-- several brands, so one text must name exactly one code. It is stored uppercase and compared
-- case-insensitively (the column's collation is too). creator_id NULL: the brand's own code,
-- which never credits a creator. kind 'percent': value in basis points (1..10000); 'fixed':
-- value in minor units of the brand's currency. min_order is compared with the brand's
-- subtotal before any discount. total_limit / per_customer_limit NULL: no limit. uses counts
-- the orders that used the code; a conditional update under a row lock keeps it within
-- total_limit however many checkouts race.
CREATE TABLE IF NOT EXISTS discount_codes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NULL,
  code VARCHAR(32) NOT NULL,
  kind ENUM('percent','fixed') NOT NULL,
  value BIGINT NOT NULL,
  min_order BIGINT NOT NULL DEFAULT 0,
  total_limit INT UNSIGNED NULL,
  per_customer_limit INT UNSIGNED NULL,
  starts_at DATETIME NULL,
  ends_at DATETIME NULL,
  combinable TINYINT(1) NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  uses INT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  UNIQUE KEY discount_codes_code (code),
  KEY discount_codes_brand (brand_id, creator_id),
  KEY discount_codes_creator (creator_id),
  CONSTRAINT discount_codes_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT discount_codes_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE SET NULL,
  CONSTRAINT discount_codes_value CHECK (value > 0 AND (kind <> 'percent' OR value <= 10000)
    AND min_order >= 0 AND (total_limit IS NULL OR uses <= total_limit)
    AND (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The codes typed into a cart (a code carried by a creator's link stays in the cc_code cookie
-- until the order: an anonymous GET never writes). applied_at decides "last click" between a
-- code and a link when the brand chose that rule.
CREATE TABLE IF NOT EXISTS cart_codes (
  cart_id BIGINT UNSIGNED NOT NULL,
  code_id BIGINT UNSIGNED NOT NULL,
  applied_at DATETIME NOT NULL,
  PRIMARY KEY (cart_id, code_id),
  KEY cart_codes_code (code_id),
  CONSTRAINT cart_codes_cart_fk FOREIGN KEY (cart_id) REFERENCES carts (id) ON DELETE CASCADE,
  CONSTRAINT cart_codes_code_fk FOREIGN KEY (code_id) REFERENCES discount_codes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per order that used a code, written in the order transaction. email_hash: keyed
-- BLAKE2b-256 (server secret) of the normalised email (lowercase, "+tag" dropped), which the
-- per-customer limit counts under the code's row lock; no address is stored here.
CREATE TABLE IF NOT EXISTS discount_redemptions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code_id BIGINT UNSIGNED NOT NULL,
  order_id BIGINT UNSIGNED NOT NULL,
  email_hash BINARY(32) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY discount_redemptions_order (order_id, code_id),
  KEY discount_redemptions_customer (code_id, email_hash),
  CONSTRAINT discount_redemptions_code_fk FOREIGN KEY (code_id) REFERENCES discount_codes (id),
  CONSTRAINT discount_redemptions_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT discount_redemptions_amount CHECK (amount >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the codes took off an order, as the shopper saw it (gross when prices include tax). The
-- order's subtotal is the goods after the discount, as checkout charges them, so the CHECK
-- total = subtotal + shipping + tax stays as it is; the goods as priced are subtotal + discount
-- (with prices that include tax: the shown subtotal + discount). Tax is on what is charged.
-- The CHECKs ride on their ADD COLUMN (a column constraint): MariaDB adds that instantly, where a
-- separate ADD CONSTRAINT copies the whole table to check rows that all hold 0.
ALTER TABLE orders
  ADD COLUMN IF NOT EXISTS discount BIGINT NOT NULL DEFAULT 0 CHECK (discount >= 0) AFTER subtotal,
  ALGORITHM=INSTANT;

-- Each line's share of its order's discount (largest remainder, the shares sum to the order's
-- discount exactly); commission is on line_total - discount, what the buyer paid for the line.
ALTER TABLE order_lines
  ADD COLUMN IF NOT EXISTS discount BIGINT NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount <= line_total)
    AFTER line_total,
  ALGORITHM=INSTANT;

-- Who gets the sale when a creator's code and another creator's link disagree: 'code' (the
-- default: the code wins) or 'last_click' (whichever came last within the window).
ALTER TABLE brands
  ADD COLUMN IF NOT EXISTS code_precedence ENUM('code','last_click') NOT NULL DEFAULT 'code';
