-- 0018_payments.sql: hosted ("redirect") payments: Stripe, PayPal, Mollie (docs/PAYMENTS.md).
-- An order paid through a hosted page waits as awaiting_payment with its stock held until the
-- provider says paid (-> paid) or failed/expired/abandoned (-> payment_failed, stock back).
ALTER TABLE orders MODIFY status ENUM('awaiting_payment','paid','shipped','delivered','cancelled','refunded',
  'partially_refunded','payment_failed') NOT NULL DEFAULT 'awaiting_payment';
-- Paid after its hold was released and the stock is gone, or after the brand cancelled it: the
-- money came in for goods that cannot be sent, so the studio shows "refund needed".
ALTER TABLE orders ADD COLUMN IF NOT EXISTS refund_needed TINYINT(1) NOT NULL DEFAULT 0;

-- One provider checkout per crowdcart checkout (all its orders, one currency). session_id is the
-- provider's id (cs_..., PayPal order id, tr_...) and pay_url its hosted page, set once start()
-- answered; payment_id the id to refund against, set at paid. hold_until: when the held stock
-- goes back if still unpaid.
CREATE TABLE IF NOT EXISTS payment_sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  checkout_id BIGINT UNSIGNED NOT NULL,
  provider VARCHAR(20) NOT NULL,
  session_id VARCHAR(255) NULL,
  payment_id VARCHAR(255) NULL,
  pay_url VARCHAR(2000) NULL,
  status ENUM('starting','pending','paid','failed') NOT NULL DEFAULT 'starting',
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  hold_until DATETIME NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY payment_sessions_checkout (checkout_id),
  UNIQUE KEY payment_sessions_session (provider, session_id),
  KEY payment_sessions_hold (status, hold_until),
  CONSTRAINT payment_sessions_checkout_fk FOREIGN KEY (checkout_id) REFERENCES checkouts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every provider event acted on, once: a repeated or replayed event finds its id taken.
CREATE TABLE IF NOT EXISTS payment_events (
  provider VARCHAR(20) NOT NULL,
  event_id VARCHAR(255) NOT NULL,
  session_id VARCHAR(255) NOT NULL,
  received_at DATETIME NOT NULL,
  PRIMARY KEY (provider, event_id),
  KEY payment_events_received (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Refunds sent to a provider. Written 'pending' before the call (idem_key is the provider's
-- Idempotency-Key, so a retry of the same request refunds once), then 'succeeded' with the
-- provider's refund id together with the order's refund, or 'failed' with its message.
-- request: what the brand asked for ("all", or "<line id>:<units>,..."), to apply on success.
CREATE TABLE IF NOT EXISTS payment_refunds (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  provider VARCHAR(20) NOT NULL,
  idem_key CHAR(43) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  request VARCHAR(2000) NOT NULL,
  status ENUM('pending','succeeded','failed') NOT NULL DEFAULT 'pending',
  provider_refund_id VARCHAR(255) NULL,
  message VARCHAR(400) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY payment_refunds_idem (idem_key),
  KEY payment_refunds_order (order_id, created_at),
  CONSTRAINT payment_refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
