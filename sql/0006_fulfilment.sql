-- 0006_fulfilment.sql: what brand fulfilment adds to the orders of 0003_commerce.sql.
-- revision counts the changes the studio made to an order. Every studio transition updates the
-- order with "WHERE id = ? AND status = <as read> AND revision = <as read>" and bumps it, so the
-- update always changes the row (MariaDB reports changed rows, not matched ones) and exactly one
-- of two concurrent transitions can succeed, even one that leaves the status as it was (a second
-- partial refund, shipping a partially refunded order).
ALTER TABLE orders ADD COLUMN IF NOT EXISTS revision INT UNSIGNED NOT NULL DEFAULT 0;
