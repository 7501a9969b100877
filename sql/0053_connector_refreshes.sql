-- 0053_connector_refreshes.sql: one product of a connected shop to read again (docs/CONNECTORS.md):
-- a WooCommerce variable product's webhook names its variations by id only, so the worker fetches
-- that product and its variations and writes them, rather than the whole catalog. A webhook for
-- the same product before the worker got to it changes nothing (the primary key); a failed fetch
-- is tried again at next_attempt_at.
CREATE TABLE IF NOT EXISTS connector_refreshes (
  connector_id BIGINT UNSIGNED NOT NULL,
  remote_id BIGINT UNSIGNED NOT NULL,             -- the shop's product id
  queued_at DATETIME NOT NULL,
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL,
  PRIMARY KEY (connector_id, remote_id),
  KEY connector_refreshes_due (next_attempt_at),
  CONSTRAINT connector_refreshes_connector_fk FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
