-- 0043_order_reference.sql: the reference people read out and type for an order, "CC-7KQ4-M2XP"
-- (domain/commerce/order_ref.h): eight random Crockford digits stored without prefix or dashes.
-- NULL for the orders placed before it, which keep showing their 20-digit number; both are
-- accepted by the order lookup. The column is instant; the unique index, which makes a rare
-- collision a retry at insert, is built beside the rows in its own statement.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS reference CHAR(8) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ALGORITHM=INSTANT;
ALTER TABLE orders ADD UNIQUE KEY IF NOT EXISTS orders_reference (reference), ALGORITHM=NOCOPY, LOCK=NONE;
