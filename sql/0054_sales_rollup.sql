-- 0054_sales_rollup.sql: the brand dashboard reads its sales per creator and per day from a rollup
-- instead of adding up the period's order lines on every view (a brand with a million lines read
-- 225,000 rows a statement). The worker (`crowdcartctl worker`, src/domain/creators/sales_rollup.c)
-- recomputes a brand's day whole whenever one of that day's orders changed; today, and any day
-- changed since the worker last looked, are read live (docs/CREATORS.md, "The brand dashboard").

-- A brand's attributed sales of one UTC day, per creator and currency, with the dashboard's own
-- figures (DASHBOARD_COUNTED lines only; studio.h): orders counted distinct, net sales, net
-- commission. creator_id 0 is the day's row over all creators, whose orders are counted distinct
-- across creators (an order can carry two creators' lines). No foreign keys: a recompute inserts a
-- day's rows, and a parent check would put brand and creator rows into the writeset.
CREATE TABLE IF NOT EXISTS brand_sales_days (
  brand_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  currency CHAR(3) NOT NULL,
  orders BIGINT NOT NULL,
  sales BIGINT NOT NULL,
  commission BIGINT NOT NULL,
  PRIMARY KEY (brand_id, day, creator_id, currency),
  -- the days' rows over all creators (creator 0) of a period, without reading every creator's
  KEY brand_sales_days_totals (brand_id, creator_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How far the rollup is: every day before rolled_before is in brand_sales_days (NULL: not yet
-- built, everything is read live), and every order changed before scanned_to (less the overlap
-- the code allows for commit lag and clock skew between nodes) has its day recomputed. Both only
-- move forward (GREATEST), so two workers on two nodes never move them back.
CREATE TABLE IF NOT EXISTS sales_rollup_state (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  rolled_before DATE NULL,
  scanned_to DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO sales_rollup_state (name) VALUES ('brand_days');

-- The worker finds the orders changed since it last looked, of every brand (orders_brand_updated
-- serves one brand's, which the dashboard asks for). Built beside the rows (docs/UPGRADING.md).
ALTER TABLE orders ADD INDEX IF NOT EXISTS orders_updated (updated_at), ALGORITHM=NOCOPY, LOCK=NONE;
