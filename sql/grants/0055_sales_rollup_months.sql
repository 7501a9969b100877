-- 0055_sales_rollup_months.sql grants: the worker (the ctl account) keeps the month rollup; the
-- studio's brand dashboard only reads it.
GRANT SELECT ON brand_sales_months TO 'cc_studio'@'127.0.0.1';
