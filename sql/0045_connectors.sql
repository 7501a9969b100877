-- 0045_connectors.sql: catalog connectors (docs/CONNECTORS.md): a brand's link to its shop on
-- another platform (Shopify's Admin API), the state of its sync, which remote products and stock
-- items became which crowdcart products and variants, and the orders pushed back.

CREATE TABLE IF NOT EXISTS connectors (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  platform ENUM('shopify') NOT NULL,
  shop VARCHAR(255) NOT NULL,                     -- "name.myshopify.com"
  token_sealed VARBINARY(600) NOT NULL,           -- the Admin API access token, sealed (lib/sealed.c)
  secret_sealed VARBINARY(600) NOT NULL,          -- the app's client secret that signs webhooks, sealed
  created_at DATETIME NOT NULL,
  -- idle: nothing to do; queued: a full sync is wanted; running: a worker holds it until lease_until
  sync_state ENUM('idle','queued','running') NOT NULL DEFAULT 'queued',
  sync_round BIGINT UNSIGNED NOT NULL DEFAULT 0,  -- bumped when a full sync starts
  -- The checkpoint: the cursor after the last page written. A worker that dies mid-sync leaves it,
  -- and the next one goes on from there (pages written again are matched by handle: no duplicate).
  sync_cursor VARCHAR(500) NULL,
  sync_done INT UNSIGNED NOT NULL DEFAULT 0,
  sync_total INT UNSIGNED NOT NULL DEFAULT 0,
  sync_skipped INT UNSIGNED NOT NULL DEFAULT 0,
  sync_started_at DATETIME NULL,
  lease_until DATETIME NULL,
  last_synced_at DATETIME NULL,
  last_result VARCHAR(2000) NOT NULL DEFAULT '',
  UNIQUE KEY connectors_brand_platform (brand_id, platform),
  KEY connectors_due (sync_state, lease_until),
  CONSTRAINT connectors_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A remote product and the crowdcart product (by handle) it became; seen_round says whether the
-- last full sync met it (those it did not are archived when the sync ends).
CREATE TABLE IF NOT EXISTS connector_products (
  connector_id BIGINT UNSIGNED NOT NULL,
  remote_id BIGINT UNSIGNED NOT NULL,
  handle VARCHAR(120) NOT NULL,
  seen_round BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (connector_id, remote_id),
  KEY connector_products_handle (connector_id, handle),
  CONSTRAINT connector_products_connector_fk FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A remote stock item (Shopify's InventoryItem) and the variant it counts: variants keep the
-- remote variant id as external_id.
CREATE TABLE IF NOT EXISTS connector_stock_items (
  connector_id BIGINT UNSIGNED NOT NULL,
  remote_item_id BIGINT UNSIGNED NOT NULL,
  variant_external_id VARCHAR(120) NOT NULL,
  PRIMARY KEY (connector_id, remote_item_id),
  CONSTRAINT connector_stock_items_connector_fk FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A paid crowdcart order of synced products, pushed to the shop as an order there (so the brand
-- fulfils it where it always has), and the fulfilment's tracking read back onto the order.
-- pending: to push (again at next_attempt_at); pushed: in the shop, its fulfilment asked for at
-- next_attempt_at; shipped: tracking read back; failed: the shop refused it (last_error says why).
CREATE TABLE IF NOT EXISTS connector_orders (
  order_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  connector_id BIGINT UNSIGNED NOT NULL,
  state ENUM('pending','pushed','shipped','failed') NOT NULL DEFAULT 'pending',
  remote_order_id BIGINT UNSIGNED NULL,
  remote_name VARCHAR(40) NOT NULL DEFAULT '',
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL,
  last_error VARCHAR(300) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  KEY connector_orders_due (state, next_attempt_at),
  KEY connector_orders_connector (connector_id),
  CONSTRAINT connector_orders_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT connector_orders_connector_fk FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
