-- 0001_foundation.sql: accounts, sessions, brands, creators, catalog, collections and picks.
-- InnoDB + utf8mb4 everywhere, a primary key on every table, UTC times (the server runs with
-- time_zone='+00:00'), money as integer minor units + ISO 4217 code. Ids are never assumed to be
-- consecutive (Galera hands out auto-increments with gaps).

CREATE TABLE IF NOT EXISTS users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  display_name VARCHAR(80) NOT NULL,
  role ENUM('shopper','creator','brand','admin') NOT NULL DEFAULT 'shopper',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the BLAKE2b hash (crypto_generichash) of the cookie token is stored.
CREATE TABLE IF NOT EXISTS sessions (
  token_hash BINARY(32) NOT NULL PRIMARY KEY,
  user_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  KEY sessions_user (user_id),
  KEY sessions_last_seen (last_seen_at),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed log-ins, for throttling; keyed by hashes so no address or email is kept in clear.
CREATE TABLE IF NOT EXISTS login_failures (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_hash BINARY(32) NOT NULL,
  failed_at DATETIME NOT NULL,
  KEY login_failures_subject (subject_hash, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS brands (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug VARCHAR(64) NOT NULL,
  name VARCHAR(120) NOT NULL,
  description TEXT NOT NULL,
  website VARCHAR(255) NOT NULL DEFAULT '',
  owner_user_id BIGINT UNSIGNED NULL,
  currency CHAR(3) NOT NULL DEFAULT 'USD',
  attribution_window_days INT UNSIGNED NOT NULL DEFAULT 30,
  -- creator marketplace: the whole catalog opened to creators, the default commission, whether
  -- a creator's pick waits for the brand's approval, and the return window before commission
  -- becomes payable
  marketplace_open TINYINT(1) NOT NULL DEFAULT 0,
  default_commission_bps INT UNSIGNED NOT NULL DEFAULT 1000,
  approval_required TINYINT(1) NOT NULL DEFAULT 0,
  return_window_days INT UNSIGNED NOT NULL DEFAULT 30,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY brands_slug (slug),
  KEY brands_owner (owner_user_id),
  CONSTRAINT brands_owner_fk FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- handle is compared case-insensitively (the collation) and stored as the creator typed it.
CREATE TABLE IF NOT EXISTS creators (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NULL,
  handle VARCHAR(30) NOT NULL,
  display_name VARCHAR(80) NOT NULL,
  bio TEXT NOT NULL,
  avatar_url VARCHAR(500) NOT NULL DEFAULT '',
  featured TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY creators_handle (handle),
  UNIQUE KEY creators_user (user_id),
  CONSTRAINT creators_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS creator_links (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  creator_id BIGINT UNSIGNED NOT NULL,
  label VARCHAR(40) NOT NULL,
  url VARCHAR(500) NOT NULL,
  position INT NOT NULL DEFAULT 0,
  KEY creator_links_creator (creator_id, position),
  CONSTRAINT creator_links_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS products (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  brand_id BIGINT UNSIGNED NOT NULL,
  handle VARCHAR(120) NOT NULL,
  title VARCHAR(255) NOT NULL,
  description_html MEDIUMTEXT NOT NULL,
  product_type VARCHAR(120) NOT NULL DEFAULT '',
  vendor VARCHAR(120) NOT NULL DEFAULT '',
  tags VARCHAR(1000) NOT NULL DEFAULT '',
  status ENUM('draft','active','archived') NOT NULL DEFAULT 'active',
  -- denormalised from variants so grids need no join: cheapest variant price and stock total
  price_min BIGINT NOT NULL DEFAULT 0,
  currency CHAR(3) NOT NULL DEFAULT 'USD',
  stock_total INT NOT NULL DEFAULT 0,
  trending_score INT NOT NULL DEFAULT 0,
  -- per product: follow the brand ('inherit'), or open/close it to creators; commission_bps
  -- overrides the brand's default when set
  marketplace ENUM('inherit','open','closed') NOT NULL DEFAULT 'inherit',
  commission_bps INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY products_brand_handle (brand_id, handle),
  KEY products_status_trending (status, trending_score),
  CONSTRAINT products_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS product_options (
  product_id BIGINT UNSIGNED NOT NULL,
  position TINYINT UNSIGNED NOT NULL,           -- 1..3
  name VARCHAR(60) NOT NULL,
  PRIMARY KEY (product_id, position),
  CONSTRAINT product_options_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS variants (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL DEFAULT 1,
  sku VARCHAR(120) NOT NULL DEFAULT '',
  barcode VARCHAR(64) NOT NULL DEFAULT '',
  option1 VARCHAR(120) NOT NULL DEFAULT '',
  option2 VARCHAR(120) NOT NULL DEFAULT '',
  option3 VARCHAR(120) NOT NULL DEFAULT '',
  price BIGINT NOT NULL,                         -- minor units
  compare_at_price BIGINT NULL,
  currency CHAR(3) NOT NULL DEFAULT 'USD',
  stock INT NOT NULL DEFAULT 0,
  inventory_policy ENUM('deny','continue') NOT NULL DEFAULT 'deny',
  image_id BIGINT UNSIGNED NULL,
  KEY variants_product (product_id, position),
  KEY variants_sku (sku),
  CONSTRAINT variants_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT variants_stock_nonneg CHECK (stock >= 0 OR inventory_policy = 'continue')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS product_images (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL DEFAULT 1,
  url VARCHAR(1000) NOT NULL,
  alt VARCHAR(255) NOT NULL DEFAULT '',
  KEY product_images_product (product_id, position),
  CONSTRAINT product_images_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A creator's pick of a brand product, with the commission rate agreed (basis points).
CREATE TABLE IF NOT EXISTS picks (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  creator_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  commission_bps INT UNSIGNED NOT NULL DEFAULT 0,
  status ENUM('requested','approved','rejected') NOT NULL DEFAULT 'approved',
  position INT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY picks_creator_product (creator_id, product_id),
  KEY picks_creator_position (creator_id, status, position),
  KEY picks_product (product_id),
  CONSTRAINT picks_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE,
  CONSTRAINT picks_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS collections (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  creator_id BIGINT UNSIGNED NOT NULL,
  slug VARCHAR(64) NOT NULL,
  title VARCHAR(120) NOT NULL,
  description TEXT NOT NULL,
  published TINYINT(1) NOT NULL DEFAULT 1,
  position INT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY collections_creator_slug (creator_id, slug),
  CONSTRAINT collections_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS collection_items (
  collection_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL DEFAULT 0,
  note VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (collection_id, product_id),
  KEY collection_items_order (collection_id, position),
  KEY collection_items_product (product_id),
  CONSTRAINT collection_items_collection_fk FOREIGN KEY (collection_id) REFERENCES collections (id) ON DELETE CASCADE,
  CONSTRAINT collection_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
