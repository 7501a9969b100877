-- 0003_commerce.sql: carts, checkouts, orders (one per brand per checkout), order lines with the
-- creator attributed and the commission rate, the order event log, the commission ledger,
-- payments, the mail outbox, the order-lookup throttle, and each brand's shipping and tax.
-- Money is integer minor units + ISO 4217 code; times are UTC; nothing relies on consecutive ids.

-- A brand's flat shipping rate per order (minor units of the brand's currency) and its tax rate
-- in basis points (2000 = 20 %), applied to subtotal + shipping, rounded half up per order.
ALTER TABLE brands
  ADD COLUMN IF NOT EXISTS shipping_flat_rate BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS tax_rate_bps INT UNSIGNED NOT NULL DEFAULT 0;

-- A cart belongs to the session that filled it (sessions.token_hash) and, once its shopper is
-- signed in, also to the user, so it follows them to a new session. A deleted session leaves a
-- user's cart in place (token_hash becomes NULL); carts with neither are purged.
CREATE TABLE IF NOT EXISTS carts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash BINARY(32) NULL,
  user_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY carts_token (token_hash),
  UNIQUE KEY carts_user (user_id),
  KEY carts_updated (updated_at),
  CONSTRAINT carts_session_fk FOREIGN KEY (token_hash) REFERENCES sessions (token_hash) ON DELETE SET NULL,
  CONSTRAINT carts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- price_seen is the unit price when the shopper added the item: checkout compares it with the
-- current price and tells the shopper about any change before they pay.
CREATE TABLE IF NOT EXISTS cart_items (
  cart_id BIGINT UNSIGNED NOT NULL,
  variant_id BIGINT UNSIGNED NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  price_seen BIGINT NOT NULL,
  added_at DATETIME NOT NULL,
  PRIMARY KEY (cart_id, variant_id),
  KEY cart_items_variant (variant_id),
  CONSTRAINT cart_items_cart_fk FOREIGN KEY (cart_id) REFERENCES carts (id) ON DELETE CASCADE,
  CONSTRAINT cart_items_variant_fk FOREIGN KEY (variant_id) REFERENCES variants (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One checkout = one click on "Place order". idem_hash is the hash of the one-time token the
-- review form carried: UNIQUE, so a double submit, a resubmit or a back-button replay finds the
-- checkout already made instead of making another. public_ref (26 base32 characters) names the
-- confirmation page; it is shown only to the session that placed the checkout.
CREATE TABLE IF NOT EXISTS checkouts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  public_ref CHAR(26) NOT NULL,
  idem_hash BINARY(32) NOT NULL,
  session_hash BINARY(32) NULL,
  user_id BIGINT UNSIGNED NULL,
  email VARCHAR(254) NOT NULL,
  payment_provider VARCHAR(20) NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY checkouts_ref (public_ref),
  UNIQUE KEY checkouts_idem (idem_hash),
  KEY checkouts_user (user_id),
  CONSTRAINT checkouts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One order per brand per checkout; each brand fulfils its own. number: 20 random base32
-- characters (100 bits), the order number people see and type. Totals are in the brand's
-- currency: total = subtotal + shipping + tax. refunded_total sums what was refunded.
CREATE TABLE IF NOT EXISTS orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number CHAR(20) NOT NULL,
  checkout_id BIGINT UNSIGNED NOT NULL,
  brand_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NULL,
  status ENUM('awaiting_payment','paid','shipped','delivered','cancelled','refunded','partially_refunded')
    NOT NULL DEFAULT 'awaiting_payment',
  email VARCHAR(254) NOT NULL,
  ship_name VARCHAR(120) NOT NULL,
  ship_line1 VARCHAR(200) NOT NULL,
  ship_line2 VARCHAR(200) NOT NULL DEFAULT '',
  ship_city VARCHAR(100) NOT NULL,
  ship_region VARCHAR(100) NOT NULL DEFAULT '',
  ship_postal VARCHAR(20) NOT NULL,
  ship_country CHAR(2) NOT NULL,
  currency CHAR(3) NOT NULL,
  subtotal BIGINT NOT NULL,
  shipping BIGINT NOT NULL,
  tax BIGINT NOT NULL,
  total BIGINT NOT NULL,
  refunded_total BIGINT NOT NULL DEFAULT 0,
  tax_rate_bps INT UNSIGNED NOT NULL DEFAULT 0,
  payment_provider VARCHAR(20) NOT NULL,
  carrier VARCHAR(60) NOT NULL DEFAULT '',
  tracking_number VARCHAR(100) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  paid_at DATETIME NULL,
  shipped_at DATETIME NULL,
  delivered_at DATETIME NULL,
  cancelled_at DATETIME NULL,
  UNIQUE KEY orders_number (number),
  KEY orders_checkout (checkout_id),
  KEY orders_brand_created (brand_id, created_at),
  KEY orders_brand_status (brand_id, status, created_at),
  KEY orders_user (user_id, created_at),
  CONSTRAINT orders_checkout_fk FOREIGN KEY (checkout_id) REFERENCES checkouts (id),
  CONSTRAINT orders_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id),
  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT orders_total_sum CHECK (total = subtotal + shipping + tax),
  CONSTRAINT orders_refund_range CHECK (refunded_total >= 0 AND refunded_total <= total)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A line is a snapshot: title, variant and sku as sold, so later catalog edits change nothing.
-- creator_id/surface: who the sale is attributed to (NULL/'' for none); commission_bps is that
-- creator's approved pick rate at the time of sale (0 if they had not picked the product) and
-- commission_amount = floor(line_total * commission_bps / 10000).
CREATE TABLE IF NOT EXISTS order_lines (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NULL,
  variant_id BIGINT UNSIGNED NULL,
  title VARCHAR(255) NOT NULL,
  variant_title VARCHAR(400) NOT NULL DEFAULT '',
  sku VARCHAR(120) NOT NULL DEFAULT '',
  unit_price BIGINT NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  line_total BIGINT NOT NULL,
  refunded_quantity INT UNSIGNED NOT NULL DEFAULT 0,
  refunded_amount BIGINT NOT NULL DEFAULT 0,
  creator_id BIGINT UNSIGNED NULL,
  surface VARCHAR(20) NOT NULL DEFAULT '',
  commission_bps INT UNSIGNED NOT NULL DEFAULT 0,
  commission_amount BIGINT NOT NULL DEFAULT 0,
  KEY order_lines_order (order_id),
  KEY order_lines_creator (creator_id, order_id),
  KEY order_lines_product (product_id),
  KEY order_lines_variant (variant_id),
  CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL,
  CONSTRAINT order_lines_variant_fk FOREIGN KEY (variant_id) REFERENCES variants (id) ON DELETE SET NULL,
  CONSTRAINT order_lines_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE SET NULL,
  CONSTRAINT order_lines_refund_range CHECK (refunded_quantity <= quantity AND refunded_amount >= 0
    AND refunded_amount <= line_total)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every status change of an order, with who made it (NULL: the shopper, a webhook or the system)
-- and when. The creating event has from_status NULL.
CREATE TABLE IF NOT EXISTS order_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  from_status VARCHAR(20) NULL,
  to_status VARCHAR(20) NOT NULL,
  actor_user_id BIGINT UNSIGNED NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  KEY order_events_order (order_id, created_at),
  KEY order_events_actor (actor_user_id),
  CONSTRAINT order_events_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_events_actor_fk FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The commission ledger, append-only: 'accrual' (positive, written with the order), 'reversal'
-- (negative, written with a cancel or refund, for the refunded part), 'payout' (negative, the
-- brand paid the creator; order_line_id may be NULL when one payout covers many lines).
CREATE TABLE IF NOT EXISTS commission_entries (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_line_id BIGINT UNSIGNED NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  brand_id BIGINT UNSIGNED NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  kind ENUM('accrual','reversal','payout') NOT NULL,
  created_at DATETIME NOT NULL,
  created_by BIGINT UNSIGNED NULL,
  KEY commission_entries_creator (creator_id, created_at),
  KEY commission_entries_brand (brand_id, creator_id, created_at),
  KEY commission_entries_line (order_line_id),
  KEY commission_entries_by (created_by),
  CONSTRAINT commission_entries_line_fk FOREIGN KEY (order_line_id) REFERENCES order_lines (id),
  CONSTRAINT commission_entries_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id),
  CONSTRAINT commission_entries_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id),
  CONSTRAINT commission_entries_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One payment per order (a multi-brand checkout may mix currencies). provider_ref is the
-- provider's id for it, unique per provider, so a repeated webhook finds the same row.
CREATE TABLE IF NOT EXISTS payments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  checkout_id BIGINT UNSIGNED NOT NULL,
  provider VARCHAR(20) NOT NULL,
  status ENUM('pending','succeeded','failed','refunded') NOT NULL DEFAULT 'pending',
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  provider_ref VARCHAR(100) NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY payments_provider_ref (provider, provider_ref),
  KEY payments_order (order_id),
  KEY payments_checkout (checkout_id),
  CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT payments_checkout_fk FOREIGN KEY (checkout_id) REFERENCES checkouts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mail written in the same transaction as what it announces; crowdcartctl send-mail delivers it
-- through sendmail when configured, otherwise it stays here for the operator.
CREATE TABLE IF NOT EXISTS outbox (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  to_addr VARCHAR(254) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  body_text MEDIUMTEXT NOT NULL,
  status ENUM('pending','sent','failed') NOT NULL DEFAULT 'pending',
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  last_error VARCHAR(255) NOT NULL DEFAULT '',
  checkout_id BIGINT UNSIGNED NULL,
  order_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  sent_at DATETIME NULL,
  KEY outbox_status (status, created_at),
  KEY outbox_checkout (checkout_id),
  KEY outbox_order (order_id),
  CONSTRAINT outbox_checkout_fk FOREIGN KEY (checkout_id) REFERENCES checkouts (id) ON DELETE SET NULL,
  CONSTRAINT outbox_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Order lookups (number + email), for throttling, keyed by a keyed hash of the client address.
CREATE TABLE IF NOT EXISTS order_lookup_attempts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_hash BINARY(32) NOT NULL,
  attempted_at DATETIME NOT NULL,
  KEY order_lookup_attempts_subject (subject_hash, attempted_at),
  KEY order_lookup_attempts_at (attempted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
