-- 0016_best_sellers.sql: best-seller showcases read precomputed units per product instead of adding
-- up every order of their window on each evaluation. The shop's after-response hook rewrites the
-- counts at most every best_sellers_refresh_seconds, one worker of the whole cluster at a time
-- (src/core/best_sellers.c, docs/SHOWCASES.md).

-- Units sold per product in the last `days` days (quantity - refunded_quantity of order lines of
-- orders in paid, shipped, delivered or partially_refunded), one set per best_sellers_days value
-- that a showcase uses. No foreign key to products: a refresh inserts thousands of rows, and each
-- parent check would put a products row into the writeset, where it would conflict with checkouts
-- updating that product's stock on another node; a deleted product's row is simply never joined
-- and goes at the next refresh.
CREATE TABLE IF NOT EXISTS product_sales_window (
  days SMALLINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  units BIGINT NOT NULL,
  PRIMARY KEY (days, product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per window that has been counted, written in the same transaction as its counts: a
-- showcase whose window has no row here yet asks for a refresh soon (until then its ranking falls
-- back to its other sort keys), and the studio's preview says when the counts are from.
CREATE TABLE IF NOT EXISTS sales_windows (
  days SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  -- microseconds, like claimed_at: "counted after that claim" is then a plain comparison
  refreshed_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cluster-wide leases for periodic jobs that run inside the web programs. A worker claims one with
-- a single UPDATE ... WHERE next_at <= UTC_TIMESTAMP(); one affected row means it won. Two workers
-- on two Galera nodes updating the same row conflict at certification: one commits, the other is
-- rolled back (1213) and its retry finds the row no longer due. No GET_LOCK, no LOCK TABLES.
CREATE TABLE IF NOT EXISTS refresh_leases (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  next_at DATETIME NOT NULL,
  -- the last claim; an early claim (a window not counted yet) needs the last one a while back
  claimed_at DATETIME(6) NOT NULL DEFAULT '2000-01-01 00:00:00',
  -- claims won so far, for operators (and the tests: two refreshers never both win one period)
  claims BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO refresh_leases (name, next_at) VALUES ('best_sellers', '2000-01-01 00:00:00');
