-- 0055_sales_rollup_months.sql: the brand dashboard's per-creator table over a long period added up
-- one rollup row per day each creator sold (a year of a big brand: 250,000 rows a view). The worker
-- now keeps the same figures per month as well (src/domain/creators/sales_rollup.c); the dashboard
-- reads the whole months of a period that nothing live touches from here, the rest by day
-- (docs/CREATORS.md, "The brand dashboard reads a rollup").

-- A brand's attributed sales of one UTC month (`month` is its first day), per creator and currency:
-- the sums of that month's brand_sales_days rows, rewritten with them in the worker's transaction
-- when a stretch of days closes, and after a pass's changed days of the month. No foreign keys, as
-- brand_sales_days.
CREATE TABLE IF NOT EXISTS brand_sales_months (
  brand_id BIGINT UNSIGNED NOT NULL,
  month DATE NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  currency CHAR(3) NOT NULL,
  orders BIGINT NOT NULL,
  sales BIGINT NOT NULL,
  commission BIGINT NOT NULL,
  PRIMARY KEY (brand_id, month, creator_id, currency)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The months rolled up before this migration, from their days (INSERT IGNORE: a worker on another
-- node may have written a month meanwhile, from the same days).
INSERT IGNORE INTO brand_sales_months (brand_id, month, creator_id, currency, orders, sales, commission)
  SELECT brand_id, DATE_FORMAT(day, '%Y-%m-01'), creator_id, currency, SUM(orders), SUM(sales), SUM(commission)
  FROM brand_sales_days GROUP BY brand_id, DATE_FORMAT(day, '%Y-%m-01'), creator_id, currency;
