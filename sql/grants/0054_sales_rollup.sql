-- 0054_sales_rollup.sql grants: crowdcartctl worker (the ctl account) keeps the rollup; the studio's
-- brand dashboard only reads it and how far it is.
GRANT SELECT ON brand_sales_days TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON sales_rollup_state TO 'cc_studio'@'127.0.0.1';
